// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.interop.datalink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.AuthenticationException;
import io.cadc4j.core.AuthorizationException;
import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.sky.Circle;
import io.cadc4j.core.datalink.DataLink;
import io.cadc4j.core.datalink.DataLinkPort;
import io.cadc4j.core.datalink.DownloadListener;
import io.cadc4j.core.datalink.DownloadOptions;
import io.cadc4j.core.datalink.DownloadOutcome;
import io.cadc4j.core.datalink.DownloadRequest;
import io.cadc4j.core.datalink.LinkSet;
import io.cadc4j.core.datalink.Semantics;
import io.cadc4j.core.registry.Capabilities;
import io.cadc4j.core.spi.CredentialPolicy;
import io.cadc4j.core.internal.port.DataLinkPortProvider;
import io.cadc4j.core.internal.http.FormBody;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.internal.port.PortContext;
import io.cadc4j.core.spi.Providers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DataLink port against a real GAVO DaCHS server (see interop/README.md); skipped,
 * with the reason, when none answers at {@code cadc4j.dachs.url}.
 */
@Tag("interop")
class DachsDataLinkTest {
    private static final URI BASE = URI.create(System.getProperty("cadc4j.dachs.url", "http://127.0.0.1:8089")
            .replaceAll("/+$", "") + "/");
    private static final String CFHT_IMAGE = "ivo://cadc.nrc.ca/CFHT?2366419/2366419p";
    private static final String JCMT_CUBE = "ivo://cadc.nrc.ca/JCMT?harp_66988_20190027/reduced-27-cube";
    private static final String PRIVATE_IMAGE = "ivo://cadc.nrc.ca/CFHT?2366504/2366504p";

    private static HttpPipeline http;
    private static DataLinkPort port;

    @BeforeAll
    static void connect() {
        io.cadc4j.tests.interop.Dachs.assumeRunning();
        http = HttpPipeline.builder().build();
        String reason = null;
        try (HttpResponse r = http.send(HttpRequest.newBuilder(BASE.resolve("caom2/q/sync/capabilities")).GET()
                .timeout(Duration.ofSeconds(2)).build())) {
            if (r.status() != 200) {
                reason = "DaCHS at " + BASE + " answered " + r.status();
            } else {
                Capabilities caps = Capabilities.parse(r.body(), r.request().uri());
                URI links = DataLinkPort.linksUrl(caps, Set.of(SecurityMethod.ANONYMOUS)).orElseThrow();
                port = Providers.select(DataLinkPortProvider.class).create(PortContext.of(http, links));
            }
        } catch (RuntimeException e) {
            reason = "no DaCHS server at " + BASE + " (" + e.getMessage() + ")";
        }
        Assumptions.assumeTrue(reason == null, reason);
    }

    @AfterAll
    static void close() {
        if (http != null) {
            http.close();
        }
    }

    private static List<String> allPublisherIds() {
        // CSV keeps this test free of the VOTable module; publisher IDs hold no comma or quote.
        FormBody form = FormBody.builder().add("LANG", "ADQL").add("REQUEST", "doQuery").add("RESPONSEFORMAT", "csv")
                .add("QUERY", "select publisherID from caom2.Plane order by publisherID").build();
        List<String> ids = new ArrayList<>();
        try (HttpResponse r = http.sendExpectingSuccess(HttpRequest.newBuilder(BASE.resolve("tap/sync")).POST(form).build())) {
            String[] lines = new String(r.body().readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    ids.add(lines[i].strip());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ids;
    }

    @Test
    void resolvesTheLinksOfAll384PlanesInOneCall() {
        List<String> ids = allPublisherIds();
        assertThat(ids).hasSize(384);
        LinkSet set = port.links(ids);
        assertThat(set.byId().keySet()).containsExactlyElementsOf(ids);
        assertThat(set.errors()).isEmpty();
        for (String id : ids) {
            assertThat(set.forId(id)).as(id).anySatisfy(l -> {
                assertThat(l.semantics()).isEqualTo(Semantics.THIS);
                assertThat(l.accessUrl()).isPresent();
            });
        }
        assertThat(set.select(l -> l.semantics().isA(Semantics.CUTOUT)))
                .allSatisfy(l -> assertThat(l.service().orElseThrow().isSodaSync()).isTrue());
    }

    @Test
    void reportsUnknownIdsWithTheirErrorRows() {
        LinkSet set = port.links(List.of(CFHT_IMAGE, "ivo://cadc.nrc.ca/CFHT?0000000/nosuch",
                "ivo://cadc.nrc.ca/JCMT?none/none"));
        assertThat(set.byId().keySet()).containsExactly(CFHT_IMAGE, "ivo://cadc.nrc.ca/CFHT?0000000/nosuch",
                "ivo://cadc.nrc.ca/JCMT?none/none");
        assertThat(set.errors()).extracting(DataLink::id)
                .containsExactly("ivo://cadc.nrc.ca/CFHT?0000000/nosuch", "ivo://cadc.nrc.ca/JCMT?none/none");
        assertThat(set.errors()).allSatisfy(e -> assertThat(e.errorMessage().orElseThrow()).contains("NotFoundFault"));
    }

    @Test
    void dataLinksWithDownloadsOnlyGiveOneFilePerPlane() {
        LinkSet set = port.dataLinks(List.of(CFHT_IMAGE, JCMT_CUBE), false);
        assertThat(set.rows()).extracting(l -> l.accessUrl().orElseThrow().getPath()).containsExactly(
                "/getproduct/caom2/data/fits/CFHT_2366419p.fits",
                "/getproduct/caom2/data/fits/JCMT_harp_66988_20190027_reduced-27-cube.fits");
    }

    @Test
    void downloads2dAnd3dCutoutsRecognisedAsFits(@TempDir Path dir) {
        LinkSet cutouts = port.cutoutLinks(List.of(CFHT_IMAGE, JCMT_CUBE), Circle.of(131.32, 54.30, 0.03));
        assertThat(cutouts.errors()).isEmpty();
        assertThat(cutouts.rows()).hasSize(2);
        List<DownloadRequest> requests = new ArrayList<>();
        int n = 0;
        for (DataLink l : cutouts.rows()) {
            requests.add(DownloadRequest.builder(l.accessUrl().orElseThrow()).directory(dir)
                    .fileName("cutout" + n++ + ".fits").expectFits(true).build());
        }
        List<DownloadOutcome> outcomes = port.downloader().downloadAll(requests, DownloadOptions.defaults(),
                DownloadListener.NONE);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).isEqualTo(DownloadOutcome.Status.DONE));
        assertThat(outcomes.get(0).fitsHeader().orElseThrow().longValue("NAXIS")).hasValue(2);
        assertThat(outcomes.get(1).fitsHeader().orElseThrow().longValue("NAXIS")).hasValue(3);
    }

    @Test
    void refusesPrivateFilesAnonymouslyAndServesThemWithBasicCredentials(@TempDir Path dir) {
        URI file = port.dataLinks(List.of(PRIVATE_IMAGE), false).rows().get(0).accessUrl().orElseThrow();
        assertThatThrownBy(() -> port.downloader().download(DownloadRequest.toDirectory(file, dir),
                DownloadOptions.defaults(), DownloadListener.NONE))
                .isInstanceOfAny(AuthenticationException.class, AuthorizationException.class)
                .hasMessageContaining(file.toString());
        String basic = "Basic " + Base64.getEncoder().encodeToString("cadcauthtest1:test-Passw0rd"
                .getBytes(StandardCharsets.UTF_8));
        CredentialPolicy policy = (target, headers) -> {
            if (target.getHost().equals(BASE.getHost()) && target.getPort() == BASE.getPort()) {
                headers.set("Authorization", basic);
            }
        };
        HttpPipeline authed = http.withCredentials(policy);
        DataLinkPort withAuth = Providers.select(DataLinkPortProvider.class).create(PortContext.of(authed,
                BASE.resolve("caom2/q/sync/dlmeta")));
        DownloadOutcome done = withAuth.downloader().download(DownloadRequest.builder(file).directory(dir)
                .expectFits(true).build(), DownloadOptions.defaults(), DownloadListener.NONE);
        assertThat(done.status()).isEqualTo(DownloadOutcome.Status.DONE);
        assertThat(done.fitsHeader()).isPresent();
    }
}
