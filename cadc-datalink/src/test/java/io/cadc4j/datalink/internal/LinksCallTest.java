// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.datalink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.sky.Circle;
import io.cadc4j.core.datalink.DataLink;
import io.cadc4j.core.datalink.Semantics;
import io.cadc4j.core.datalink.ServiceDescriptor;
import io.cadc4j.core.datalink.SodaCutout;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.internal.port.PortContext;
import io.cadc4j.core.table.DocumentMetadata;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.testing.Fixtures;
import io.cadc4j.votable.VOTableReader;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LinksCallTest {
    private static final Path REPO = Fixtures.repository();
    private final HttpPipeline http = HttpPipeline.builder().build();
    private final HttpDataLinkAdapter adapter = new HttpDataLinkAdapter(PortContext.of(http,
            URI.create("http://127.0.0.1:1/links")));

    @AfterEach
    void close() {
        http.close();
    }

    private static List<DataLink> parse(String fixture) throws Exception {
        try (InputStream in = Files.newInputStream(REPO.resolve("fixtures").resolve(fixture));
                RowCursor rows = VOTableReader.builder().build().open(in, URI.create("file:" + fixture))) {
            return LinksCall.parse(rows, false, URI.create("file:" + fixture)).rows;
        }
    }

    @Test
    void readsCadcLinksWithSyncAndAsyncCutoutDescriptors() throws Exception {
        List<DataLink> rows = parse("datalink/cadc-caom2ops-links-cutout1.xml");
        assertThat(rows).hasSize(6);
        DataLink data = rows.get(0);
        assertThat(data.semantics()).isEqualTo(Semantics.THIS);
        assertThat(data.contentLength()).hasValue(18616320L);
        assertThat(data.accessUrl().orElseThrow().toString()).endsWith("cal054150r.fits.fz?RUNID=e3h6rssb161oyf7j");
        ServiceDescriptor sync = rows.get(1).service().orElseThrow();
        assertThat(sync.isSodaSync()).isTrue();
        assertThat(sync.resourceIdentifier()).contains("ivo://cadc.nrc.ca/caom2ops");
        assertThat(sync.inputParam("RUNID").flatMap(ServiceDescriptor.InputParam::value)).contains("e3h6rssb161oyf7j");
        assertThat(sync.inputParam("CIRCLE").flatMap(ServiceDescriptor.InputParam::max))
                .contains("88.77362846593161 -67.78431533365645 0.5122773056987322");
        assertThat(rows.get(2).service().orElseThrow().isSodaSync()).isFalse();
    }

    @Test
    void buildsTheCadcCutoutUrlWithIdRunIdAndPos() throws Exception {
        ServiceDescriptor sync = parse("datalink/cadc-caom2ops-links-cutout1.xml").get(1).service().orElseThrow();
        URI url = adapter.cutoutUrl(sync, SodaCutout.builder().pos(Circle.of(88.7, -67.8, 0.1)).build());
        assertThat(url.toString()).startsWith("https://www.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/caom2ops/sync?");
        assertThat(URLDecoder.decode(url.getRawQuery(), StandardCharsets.UTF_8))
                .isEqualTo("ID=ad:MACHO/cal054150r.fits.fz&RUNID=e3h6rssb161oyf7j&POS=CIRCLE 88.7 -67.8 0.1");
    }

    @Test
    void refusesACadcCutoutFarFromTheFootprintNamingTheParameter() throws Exception {
        ServiceDescriptor sync = parse("datalink/cadc-caom2ops-links-cutout1.xml").get(1).service().orElseThrow();
        assertThatThrownBy(() -> adapter.cutoutUrl(sync, SodaCutout.builder().pos(Circle.of(10, 10, 0.1)).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("POS CIRCLE 10 10 0.1")
                .hasMessageContaining("from the CIRCLE MAX");
    }

    @Test
    void keepsDachsErrorRowsAndBindsEachPlaneToItsOwnDescriptor() throws Exception {
        List<DataLink> rows = parse("dachs/datalink_multi_id_with_unknown.vot.xml");
        assertThat(rows).filteredOn(DataLink::isError).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("ivo://cadc.nrc.ca/CFHT?0000000/nosuch");
            assertThat(e.errorMessage().orElseThrow()).startsWith("NotFoundFault");
        });
        DataLink cube = rows.get(1);
        assertThat(cube.service().orElseThrow().inputParam("FREQ_3")).isPresent();
        assertThat(cube.service().orElseThrow().inputParam("ID").flatMap(ServiceDescriptor.InputParam::value))
                .contains("ivo://cadc.nrc.ca/JCMT?harp_66988_20190027/reduced-27-cube");
        assertThat(rows.get(2).contentLength()).hasValue(40320L);
        assertThat(rows.get(3).contentLength()).isEmpty();
    }

    @Test
    void checksDachsKindAgainstItsOptions() throws Exception {
        ServiceDescriptor soda = parse("dachs/datalink_multi_id_with_unknown.vot.xml").get(0).service().orElseThrow();
        assertThat(soda.inputParam("KIND").orElseThrow().options()).containsExactly("HEADER", "DATA");
        assertThat(soda.inputParam("SCALE").flatMap(ServiceDescriptor.InputParam::min)).contains("2");
    }

    @Test
    void readsCasdaErrorRowWithItsSemantics() throws Exception {
        List<DataLink> rows = parse("datalink/casda-links-error-message.xml");
        assertThat(rows).singleElement().satisfies(e -> {
            assertThat(e.isError()).isTrue();
            assertThat(e.semantics()).isEqualTo(Semantics.ERROR);
            assertThat(e.errorMessage().orElseThrow()).contains("do not have permission");
        });
    }

    @Test
    void bindsTheObscoreDescriptorToThePublisherDidOfEachRow() throws Exception {
        Path file = REPO.resolve("fixtures/datalink/obscore-with-datalink-descriptor.xml");
        try (InputStream in = Files.newInputStream(file); RowCursor rows = VOTableReader.builder().build().open(in)) {
            int did = rows.columnIndex("obs_publisher_did");
            assertThat(rows.next()).isTrue();
            String first = rows.getString(did);
            io.cadc4j.core.table.Row row = rows.snapshot();
            while (rows.next()) {
                // read to the end so that the trailing descriptor is known
            }
            DocumentMetadata doc = rows.document();
            ServiceDescriptor d = ServiceDescriptor.from(doc.serviceDescriptors().get(0));
            assertThat(d.inputParam("ID").flatMap(ServiceDescriptor.InputParam::ref)).contains("caomPlaneURI");
            assertThat(d.inputParam("ID").flatMap(ServiceDescriptor.InputParam::value)).isEmpty();
            assertThat(d.bind(rows.metadata(), row).inputParam("ID").flatMap(ServiceDescriptor.InputParam::value))
                    .contains(first);
        }
    }
}
