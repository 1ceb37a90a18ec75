// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.AuthenticationException;
import io.cadc4j.core.Cadc;
import io.cadc4j.core.ImageDownloads;
import io.cadc4j.core.LazyImages;
import io.cadc4j.core.ProviderNotFoundException;
import io.cadc4j.core.ServiceLocation;
import io.cadc4j.core.adql.RegionQuery;
import io.cadc4j.core.internal.port.PortOverrides;
import io.cadc4j.core.sky.Angle;
import io.cadc4j.core.sky.Coordinates;
import io.cadc4j.core.datalink.DataLink;
import io.cadc4j.core.datalink.DownloadOutcome;
import io.cadc4j.core.datalink.LinkSet;
import io.cadc4j.core.spi.ProviderChoice;
import io.cadc4j.core.table.RowCursor;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CadcDataLinkTest {
    private static final URI REGISTRY = URI.create("http://127.0.0.1:8089/static/reg/resource-caps");
    private static final URI DACHS_CAPS = URI.create("http://127.0.0.1:8089/tap/capabilities");
    private static final URI DACHS_DL_CAPS = URI.create("http://127.0.0.1:8089/caom2/q/sync/capabilities");
    private static final URI PLAIN_TAP = URI.create("https://tap.example.org/tap");
    private static final URI LINKS = URI.create("https://dl.example.org/links");
    private static final String ID_A = "ivo://cadc.nrc.ca/CFHT?1000001/1000001p";
    private static final String ID_B = "ivo://cadc.nrc.ca/CFHT?1000002/1000002p";
    private static final String ID_PRIVATE = "ivo://cadc.nrc.ca/CFHT?private/private";
    private static final String ID_UNKNOWN = "ivo://cadc.nrc.ca/CFHT?unknown/unknown";

    private final FakeTransport transport = new FakeTransport()
            .answer(REGISTRY, "text/plain", FakeTransport.fixture("dachs/resource-caps.txt"))
            .answer(DACHS_CAPS, "text/xml", FakeTransport.fixture("dachs/tap_capabilities.xml"))
            .answer(DACHS_DL_CAPS, "text/xml", FakeTransport.fixture("dachs/datalink_soda_capabilities.xml"));
    private final FakeTap tap = new FakeTap();
    private final FakeAuth auth = new FakeAuth();
    private final FakeDataLink dataLink = new FakeDataLink();

    /** A builder with the stand-in TAP, auth and DataLink adapters. */
    private Cadc.Builder allPorts() {
        return PortOverrides.dataLink(PortOverrides.auth(PortOverrides.tap(Cadc.builder().transport(ProviderChoice.of(transport)), tap), auth),
                dataLink);
    }

    private Cadc direct() {
        return allPorts().tap(ServiceLocation.at(PLAIN_TAP)).dataLink(ServiceLocation.at(LINKS)).build();
    }

    private static RowCursor ids(String... ids) {
        List<Object[]> rows = new java.util.ArrayList<>();
        for (String id : ids) {
            rows.add(new Object[] {"obs", id});
        }
        return ListCursor.of(List.of("observationID", "publisherID"), rows, false);
    }

    @Test
    void dataUrlsAskTheLinksServiceForEachDistinctPublisherId() {
        try (Cadc cadc = direct()) {
            LinkSet urls = cadc.getDataUrls(ids(ID_A, ID_B, ID_A, null), false);
            assertThat(urls.links()).extracting(l -> l.accessUrl().get())
                    .containsExactly(FakeDataLink.fileOf(ID_A), FakeDataLink.fileOf(ID_B));
        }
        assertThat(dataLink.asked).containsExactly(List.of(ID_A, ID_B));
        assertThat(dataLink.auxiliaries).containsExactly(false);
        assertThat(dataLink.contexts).hasSize(1);
        assertThat(dataLink.contexts.get(0).serviceUri()).isEqualTo(LINKS);
    }

    @Test
    void dataUrlsWithAuxiliariesKeepTheOtherLinksAndTheErrorRows() {
        try (Cadc cadc = direct()) {
            LinkSet urls = cadc.getDataUrls(ids(ID_A, ID_UNKNOWN), true);
            assertThat(urls.links()).hasSize(2);
            assertThat(urls.errors()).extracting(DataLink::id).containsExactly(ID_UNKNOWN);
            assertThat(urls.errors().get(0).errorMessage()).hasValueSatisfying(m -> assertThat(m).contains("NotFound"));
        }
        assertThat(dataLink.auxiliaries).containsExactly(true);
    }

    @Test
    void dataUrlsWithoutPublisherIdColumnNameTheColumn() {
        try (Cadc cadc = direct()) {
            RowCursor noColumn = ListCursor.of(List.of("observationID"), List.<Object[]>of(new Object[] {"x"}), false);
            assertThatThrownBy(() -> cadc.getDataUrls(noColumn, false)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'publisherID'").hasMessageContaining("[observationID]");
        }
        assertThat(dataLink.contexts).isEmpty();
    }

    @Test
    void dataUrlsOfAnEmptyResultAreRefused() {
        try (Cadc cadc = direct()) {
            assertThatThrownBy(() -> cadc.getDataUrls(ids(), false)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'publisherID'").hasMessageContaining("none");
            assertThatThrownBy(() -> cadc.getDataUrls(List.of(), true)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(dataLink.asked).isEmpty();
    }

    @Test
    void imageListUsesTheFk5NumbersAstroqueryWrites() {
        Coordinates c = Coordinates.parse("01h45m07.5s +23d18m00s");
        try (Cadc cadc = direct()) {
            LinkSet cutouts = cadc.getImageList(ids(ID_A), c, Angle.parse("0.01 deg"));
            assertThat(cutouts.links()).hasSize(1);
        }
        assertThat(dataLink.circles.get(0).ra()).isCloseTo(26.2812589776878, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(dataLink.circles.get(0).dec())
                .isCloseTo(23.299999818906816, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(dataLink.circles.get(0).radius()).isEqualTo(0.01);
        assertThat(RegionQuery.builder(c).radius(Angle.parse("0.01 deg")).build().sodaPos())
                .startsWith("CIRCLE 26.28125897768");
    }

    @Test
    void imagesQueryOnlyImagesDownloadEachAndReportEveryFailure(@TempDir Path dir) {
        tap.answer = q -> ids(ID_A, ID_PRIVATE, ID_UNKNOWN);
        Coordinates c = Coordinates.parse("01h45m07.5s +23d18m00s");
        try (Cadc cadc = direct()) {
            ImageDownloads got = cadc.getImages(c, Angle.parse("0.01 deg"), "CFHT", dir);
            assertThat(got.images()).hasSize(1);
            DownloadOutcome image = got.images().get(0);
            assertThat(image.path()).hasValue(dir.resolve("1000001p.fits"));
            assertThat(image.fitsHeader().get().string("OBJECT")).hasValue("1000001");
            assertThat(got.failures()).hasSize(1);
            assertThat(got.failures().get(0).failure().get()).isInstanceOf(AuthenticationException.class);
            assertThat(got.linkErrors()).extracting(DataLink::id).containsExactly(ID_UNKNOWN);
            assertThat(got.isComplete()).isFalse();
            assertThat(got.toString()).contains("1 images").contains("1 failed").contains("1 link errors");
        }
        assertThat(tap.queries.get(0).adql()).endsWith(" AND collection='CFHT' AND dataProductType='image'");
        assertThat(dataLink.downloads).hasSize(2).allSatisfy(r -> assertThat(r.expectFits()).isTrue());
        assertThat(dataLink.options.get(0).maxConcurrent()).isEqualTo(4);
    }

    @Test
    void noImagesThereIsAnEmptyAnswerWithoutDataLinkCalls(@TempDir Path dir) {
        tap.answer = q -> ids();
        try (Cadc cadc = direct()) {
            ImageDownloads got = cadc.getImages(Coordinates.of(10, 20), Angle.ofArcminutes(1), dir);
            assertThat(got.outcomes()).isEmpty();
            assertThat(got.isComplete()).isTrue();
        }
        assertThat(dataLink.asked).isEmpty();
    }

    @Test
    void lazyImagesDownloadOnlyWhenOpened(@TempDir Path dir) {
        tap.answer = q -> ids(ID_A, ID_B);
        try (Cadc cadc = direct()) {
            LazyImages lazy = cadc.getImagesLazy(RegionQuery.builder(Coordinates.of(10, 20)).build());
            assertThat(lazy.handles()).extracting(LazyImages.Handle::publisherId).containsExactly(ID_A, ID_B);
            assertThat(dataLink.downloads).isEmpty();
            DownloadOutcome second = lazy.handles().get(1).open(dir);
            assertThat(second.path()).hasValue(dir.resolve("1000002p.fits"));
            assertThat(dataLink.downloads).hasSize(1);
        }
        assertThat(tap.queries.get(0).adql()).endsWith(" AND dataProductType='image'");
    }

    @Test
    void imageUrlsAreTheCutoutUrlsWithoutDownloads() {
        tap.answer = q -> ids(ID_A);
        RegionQuery region = RegionQuery.builder(Coordinates.of(10, 20)).build();
        try (Cadc cadc = direct()) {
            LinkSet urls = cadc.getImageUrls(region);
            // the circle's numbers are the ones astroquery puts in POS: "CIRCLE ra dec r" with FK5 J2000 numbers
            assertThat(urls.links()).extracting(l -> l.accessUrl().get().toString()).containsExactly(
                    FakeDataLink.fileOf(ID_A) + "?POS=" + region.sodaPos().substring("CIRCLE ".length()).replace(' ', '+'));
        }
        assertThat(dataLink.downloads).isEmpty();
    }

    @Test
    void dataLinkServiceIsFoundThroughTheRegistryOnce() {
        try (Cadc cadc = allPorts().registry(REGISTRY).build()) {
            cadc.getDataUrls(List.of(ID_A), false);
            cadc.getDataUrls(List.of(ID_B), true);
        }
        assertThat(dataLink.contexts).hasSize(1);
        assertThat(dataLink.contexts.get(0).serviceUri())
                .isEqualTo(URI.create("http://127.0.0.1:8089/caom2/q/sync/dlmeta"));
        assertThat(transport.count(DACHS_DL_CAPS)).isEqualTo(1);
    }

    @Test
    void missingDataLinkAdapterIsNamedOnFirstUse() {
        try (Cadc cadc = PortOverrides.tap(Cadc.builder().transport(ProviderChoice.of(transport)), tap).tap(ServiceLocation.at(PLAIN_TAP)).build()) {
            assertThatThrownBy(() -> cadc.getDataUrls(List.of(ID_A), false))
                    .isInstanceOf(ProviderNotFoundException.class).hasMessageContaining("cadc-datalink");
        }
    }

    @Test
    void aNewLoginMakesANewDataLinkBinding() {
        try (Cadc cadc = allPorts().tap(ServiceLocation.at(PLAIN_TAP)).dataLink(ServiceLocation.at(LINKS))
                .login(ServiceLocation.at(URI.create("https://ws-cadc.canfar.net/ac/login"))).build()) {
            cadc.getDataUrls(List.of(ID_A), false);
            cadc.login("alice", "right".toCharArray());
            cadc.getDataUrls(List.of(ID_A), false);
        }
        assertThat(dataLink.contexts).hasSize(2);
    }
}
