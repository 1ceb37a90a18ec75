// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.datalink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.datalink.Band;
import io.cadc4j.core.sky.Circle;
import io.cadc4j.core.datalink.DataLink;
import io.cadc4j.core.datalink.DataLinkPort;
import io.cadc4j.core.datalink.DownloadOptions;
import io.cadc4j.core.datalink.DownloadListener;
import io.cadc4j.core.datalink.DownloadOutcome;
import io.cadc4j.core.datalink.DownloadRequest;
import io.cadc4j.core.datalink.LinkOptions;
import io.cadc4j.core.datalink.LinkSet;
import io.cadc4j.core.datalink.Polarization;
import io.cadc4j.core.datalink.Semantics;
import io.cadc4j.core.datalink.ServiceDescriptor;
import io.cadc4j.core.datalink.SodaCutout;
import io.cadc4j.core.internal.port.DataLinkPortProvider;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.internal.port.PortContext;
import io.cadc4j.core.spi.Providers;
import io.cadc4j.tests.server.RecordedRequest;
import io.cadc4j.tests.server.StandInServer;
import io.cadc4j.tests.server.datalink.DataLinkStandIn;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpDataLinkAdapterTest {
    private final StandInServer server = StandInServer.start();
    private final HttpPipeline http = HttpPipeline.builder().build();

    @AfterEach
    void close() {
        http.close();
        server.close();
    }

    private DataLinkPort port(DataLinkStandIn standIn) {
        DataLinkPortProvider provider = Providers.select(DataLinkPortProvider.class);
        assertThat(provider.name()).isEqualTo("http");
        return provider.create(PortContext.of(http, standIn.linksUrl()));
    }

    private static List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("ivo://example.org/data?" + i + "/p" + i);
        }
        return ids;
    }

    @Test
    void resolvesManyIdsInBatchesOfTwentyKeepingTheOrderAsked() {
        DataLinkStandIn standIn = DataLinkStandIn.on(server).latency(Duration.ofMillis(5)).install();
        List<String> ids = ids(95);
        LinkSet set = port(standIn).links(ids);
        assertThat(standIn.calls()).isEqualTo(5);
        assertThat(set.byId().keySet()).containsExactlyElementsOf(ids);
        assertThat(set.errors()).isEmpty();
        assertThat(set.rows()).hasSize(95 * 4);
        assertThat(server.requests(DataLinkStandIn.LINKS_PATH)).allSatisfy(r -> assertThat(r.method()).isEqualTo("POST"));
        assertThat(server.requests(DataLinkStandIn.LINKS_PATH)).allSatisfy(r ->
                assertThat(countIds(r.bodyText())).isLessThanOrEqualTo(20));
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfCallsInFlight() {
        DataLinkStandIn standIn = DataLinkStandIn.on(server).latency(Duration.ofMillis(30)).install();
        port(standIn).links(ids(200), LinkOptions.builder().batchSize(10).maxConcurrent(3).build());
        assertThat(standIn.calls()).isEqualTo(20);
        assertThat(standIn.maxInFlight()).isBetween(1, 3);
    }

    @Test
    void readsEveryDataLinkColumnAndBindsTheDescriptorToItsRow() {
        DataLinkStandIn standIn = DataLinkStandIn.on(server).install();
        LinkSet set = port(standIn).links(List.of("ivo://example.org/data?7/p7"));
        DataLink data = set.select(l -> l.semantics().equals(Semantics.THIS)).get(0);
        assertThat(data.contentType()).contains("application/fits");
        assertThat(data.contentLength()).hasValue(5760);
        assertThat(data.contentQualifier()).contains("#image");
        assertThat(data.localSemantics()).contains("data");
        assertThat(data.linkAuth()).contains("false");
        assertThat(data.linkAuthorized()).contains(true);
        assertThat(data.description()).contains("the data");
        DataLink cutout = set.select(l -> l.semantics().isA(Semantics.CUTOUT)).get(0);
        ServiceDescriptor soda = cutout.service().orElseThrow();
        assertThat(soda.accessUrl()).contains(standIn.sodaUrl());
        assertThat(soda.standardId()).contains("ivo://ivoa.net/std/SODA#sync-1.0");
        assertThat(soda.resourceIdentifier()).contains("ivo://example.org/soda");
        assertThat(soda.inputParam("ID").flatMap(ServiceDescriptor.InputParam::value)).contains("ivo://example.org/data?7/p7");
        assertThat(soda.inputParam("ID").flatMap(ServiceDescriptor.InputParam::ref)).contains("dl_ID");
        assertThat(soda.inputParam("BAND").flatMap(ServiceDescriptor.InputParam::min)).contains("3.0E-7");
        assertThat(soda.inputParam("POL").orElseThrow().options()).containsExactly("I", "Q", "U");
    }

    @Test
    void reportsUnknownIdsAsErrorRowsInTheirPlace() {
        DataLinkStandIn standIn = DataLinkStandIn.on(server).install();
        LinkSet set = port(standIn).links(List.of("ivo://example.org/a?1/1", "ivo://example.org/unknown?2/2",
                "ivo://example.org/a?3/3"));
        assertThat(set.byId().keySet()).containsExactly("ivo://example.org/a?1/1", "ivo://example.org/unknown?2/2",
                "ivo://example.org/a?3/3");
        assertThat(set.errors()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("ivo://example.org/unknown?2/2");
            assertThat(e.errorMessage().orElseThrow()).startsWith("NotFoundFault");
        });
    }

    @Test
    void reRequestsTheIdsAServiceLeftOut() {
        DataLinkStandIn standIn = DataLinkStandIn.on(server).maxIdsPerAnswer(7).install();
        List<String> ids = ids(20);
        LinkSet set = port(standIn).links(ids);
        assertThat(set.byId().keySet()).containsExactlyElementsOf(ids);
        assertThat(set.errors()).isEmpty();
        assertThat(set.rows()).hasSize(20 * 4);
        assertThat(standIn.calls()).isGreaterThan(1);
    }

    @Test
    void fallsBackToGetWhenTheServiceRefusesPost() {
        DataLinkStandIn standIn = DataLinkStandIn.on(server).refusePost(true).install();
        LinkSet set = port(standIn).links(ids(45), LinkOptions.builder().maxConcurrent(1).build());
        assertThat(set.byId()).hasSize(45);
        List<RecordedRequest> requests = server.requests(DataLinkStandIn.LINKS_PATH);
        assertThat(requests.stream().filter(r -> r.method().equals("POST")).count()).isEqualTo(1);
        assertThat(requests.stream().filter(r -> r.method().equals("GET")).count()).isEqualTo(3);
    }

    @Test
    void dataLinksSendDownloadsOnlyAndKeepOnlyThisUnlessAuxiliariesAreWanted() {
        DataLinkStandIn standIn = DataLinkStandIn.on(server).install();
        DataLinkPort port = port(standIn);
        List<String> ids = List.of("ivo://example.org/a?1/1", "ivo://example.org/unknown?9/9");
        LinkSet data = port.dataLinks(ids, false);
        assertThat(data.rows()).extracting(DataLink::semantics).containsExactly(Semantics.THIS, Semantics.THIS);
        assertThat(data.errors()).hasSize(1);
        assertThat(server.requests(DataLinkStandIn.LINKS_PATH).get(0).bodyText()).contains("REQUEST=downloads-only");
        LinkSet withAux = port.dataLinks(ids, true);
        assertThat(withAux.rows()).extracting(DataLink::semantics)
                .containsExactly(Semantics.THIS, Semantics.PREVIEW, Semantics.THIS);
    }

    @Test
    void cutoutLinksCopyIdAndRunIdAndAddTheCircle() {
        DataLinkStandIn standIn = DataLinkStandIn.on(server).install();
        LinkSet set = port(standIn).cutoutLinks(List.of("ivo://example.org/a?1/1", "ivo://example.org/unknown?2/2"),
                Circle.of(131.3, 54.3, 0.05));
        DataLink cut = set.forId("ivo://example.org/a?1/1").get(0);
        String query = URLDecoder.decode(cut.accessUrl().orElseThrow().getRawQuery(), StandardCharsets.UTF_8);
        assertThat(query).isEqualTo("ID=ivo://example.org/a?1/1&RUNID=standin-run&POS=CIRCLE 131.3 54.3 0.05");
        assertThat(set.forId("ivo://example.org/unknown?2/2")).singleElement().satisfies(e -> assertThat(e.isError()).isTrue());
    }

    @Test
    void cutoutLinksReportACircleThatMissesTheDataPerId() {
        DataLinkStandIn standIn = DataLinkStandIn.on(server).install();
        LinkSet set = port(standIn).cutoutLinks(List.of("ivo://example.org/a?1/1"), Circle.of(10, -20, 0.1));
        assertThat(set.errors()).singleElement().satisfies(e ->
                assertThat(e.errorMessage().orElseThrow()).contains("POS").contains("does not overlap"));
        assertThat(set.links()).isEmpty();
    }

    @Test
    void refusesACutValueOutsideTheDescriptorValuesBeforeSendingIt() {
        DataLinkStandIn standIn = DataLinkStandIn.on(server).install();
        DataLinkPort port = port(standIn);
        ServiceDescriptor soda = port.links(List.of("ivo://example.org/a?1/1")).select(l -> l.service().isPresent())
                .get(0).service().orElseThrow();
        int before = server.requests().size();
        assertThatThrownBy(() -> port.cutoutUrl(soda, SodaCutout.builder().band(Band.wavelength(2e-6, 3e-6)).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BAND").hasMessageContaining("0.0000003 .. 0.000001");
        assertThatThrownBy(() -> port.cutoutUrl(soda, SodaCutout.builder().pol(Polarization.of("V")).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("POL").hasMessageContaining("I, Q, U");
        assertThat(server.requests()).hasSize(before);
    }

    @Test
    void downloadsACutoutThroughThePortsDownloader(@TempDir Path dir) throws Exception {
        DataLinkStandIn standIn = DataLinkStandIn.on(server).install();
        DataLinkPort port = port(standIn);
        URI cut = port.cutoutLinks(List.of("ivo://example.org/a?1/1"), Circle.of(131.3, 54.3, 0.05)).links().get(0)
                .accessUrl().orElseThrow();
        DownloadOutcome outcome = port.downloader().download(DownloadRequest.toDirectory(cut, dir),
                DownloadOptions.defaults(), DownloadListener.NONE);
        assertThat(outcome.status()).isEqualTo(DownloadOutcome.Status.DONE);
        assertThat(Files.readAllBytes(outcome.path().orElseThrow())).startsWith("SIMPLE  =".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void givesAnIdTheServiceNeverAnswersAnErrorRowAfterAskingAgain() {
        DataLinkStandIn standIn = DataLinkStandIn.on(server).install();
        LinkSet set = port(standIn).links(List.of("ivo://example.org/a?1/1", "ivo://example.org/silent?2/2"));
        assertThat(set.byId().keySet()).containsExactly("ivo://example.org/a?1/1", "ivo://example.org/silent?2/2");
        assertThat(set.errors()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("ivo://example.org/silent?2/2");
            assertThat(e.errorMessage().orElseThrow()).contains("no row for this identifier");
        });
        assertThat(standIn.calls()).isEqualTo(2);
        assertThat(server.requests(DataLinkStandIn.LINKS_PATH).get(1).bodyText())
                .isEqualTo("ID=ivo%3A%2F%2Fexample.org%2Fsilent%3F2%2F2");
    }

    @Test
    void raisesTheServiceErrorOfAFailedBatchNamingTheUrl() {
        DataLinkStandIn standIn = DataLinkStandIn.on(server).install();
        List<String> ids = ids(60);
        ids.set(45, "ivo://example.org/fail?1/1");
        assertThatThrownBy(() -> port(standIn).links(ids))
                .isInstanceOf(io.cadc4j.core.ServiceException.class)
                .hasMessageContaining("FatalFault").hasMessageContaining(DataLinkStandIn.LINKS_PATH);
    }

    @Test
    void raisesAnInterruptionAndKeepsTheFlagWhenTheCallerIsInterrupted() {
        DataLinkStandIn standIn = DataLinkStandIn.on(server).install();
        DataLinkPort port = port(standIn);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> port.links(ids(100)))
                    .isInstanceOf(io.cadc4j.core.CadcInterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private static long countIds(String form) {
        return java.util.Arrays.stream(form.split("&")).filter(p -> p.startsWith("ID=")).count();
    }
}
