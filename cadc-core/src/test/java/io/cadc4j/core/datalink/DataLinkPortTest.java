// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.registry.Capabilities;
import io.cadc4j.testing.Fixtures;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataLinkPortTest {
    private static final Path FIXTURES = Fixtures.dir();

    private static Capabilities capabilities(String fixture) throws Exception {
        try (InputStream in = Files.newInputStream(FIXTURES.resolve(fixture))) {
            return Capabilities.parse(in, URI.create("file:" + fixture));
        }
    }

    @Test
    void findsTheLinksUrlOfADataLink11Service() throws Exception {
        Capabilities caps = capabilities("capabilities/cadc-bifrost-datalink-capabilities-template.xml");
        assertThat(DataLinkPort.linksUrl(caps, Set.of(SecurityMethod.ANONYMOUS)))
                .contains(URI.create("https://example.net/bifrost/links"));
    }

    @Test
    void fallsBackToDataLink10WhenThatIsAllTheServiceOffers() throws Exception {
        Capabilities caps = capabilities("dachs/datalink_soda_capabilities.xml");
        assertThat(DataLinkPort.linksUrl(caps, Set.of(SecurityMethod.ANONYMOUS)))
                .contains(URI.create("http://127.0.0.1:8089/caom2/q/sync/dlmeta"));
    }

    @Test
    void findsNoLinksUrlInATapServicesCapabilities() throws Exception {
        Capabilities caps = capabilities("dachs/tap_capabilities.xml");
        assertThat(DataLinkPort.linksUrl(caps, Set.of(SecurityMethod.ANONYMOUS))).isEmpty();
    }

    @Test
    void linkOptionsDefaultToBatchesOfTwentyFourAtOnce() {
        LinkOptions o = LinkOptions.defaults();
        assertThat(o.batchSize()).isEqualTo(20);
        assertThat(o.maxConcurrent()).isEqualTo(4);
        assertThat(o.downloadsOnly()).isFalse();
        assertThat(o.post()).isTrue();
        assertThat(o.toBuilder().batchSize(50).build().batchSize()).isEqualTo(50);
        assertThatThrownBy(() -> LinkOptions.builder().batchSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchSize");
        assertThatThrownBy(() -> LinkOptions.builder().maxConcurrent(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxConcurrent");
    }

    @Test
    void linkSetGroupsRowsAndSeparatesErrors() {
        DataLink a = DataLink.builder("a", Semantics.THIS).accessUrl(URI.create("http://x/a.fits")).build();
        DataLink aPreview = DataLink.builder("a", Semantics.PREVIEW_IMAGE).accessUrl(URI.create("http://x/a.png")).build();
        DataLink aPkg = DataLink.builder("a", Semantics.of("http://www.opencadc.org/caom2#pkg"))
                .accessUrl(URI.create("http://x/a.tar")).build();
        DataLink b = DataLink.builder("b", Semantics.THIS).errorMessage("NotFoundFault: b").build();
        LinkSet set = LinkSet.of(List.of(a, aPreview, aPkg, b));
        assertThat(set.byId().keySet()).containsExactly("a", "b");
        assertThat(set.errors()).containsExactly(b);
        assertThat(set.links()).containsExactly(a, aPreview, aPkg);
        assertThat(set.forId("b")).containsExactly(b);
        assertThat(set.accessUrls(SemanticsFilter.DATA_ONLY)).containsExactly(URI.create("http://x/a.fits"));
        assertThat(set.accessUrls(SemanticsFilter.WITH_AUXILIARIES))
                .containsExactly(URI.create("http://x/a.fits"), URI.create("http://x/a.png"));
    }

    @Test
    void dataLinkTreatsANegativeLengthAsUnknownAndBlankTextAsAbsent() {
        DataLink l = DataLink.builder("a", Semantics.THIS).contentLength(-1L).description("  ").errorMessage("")
                .build();
        assertThat(l.contentLength()).isEmpty();
        assertThat(l.description()).isEmpty();
        assertThat(l.isError()).isFalse();
        assertThat(l.toBuilder().build()).isEqualTo(l);
    }
}
