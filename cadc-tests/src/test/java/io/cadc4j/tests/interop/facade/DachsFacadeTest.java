// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.interop.facade;

import io.cadc4j.core.AuthenticationException;
import io.cadc4j.core.Cadc;
import io.cadc4j.core.CollectionDescription;
import io.cadc4j.core.ImageDownloads;
import io.cadc4j.core.LazyImages;
import io.cadc4j.core.adql.RegionQuery;
import io.cadc4j.core.auth.BasicCredentials;
import io.cadc4j.core.auth.Realm;
import io.cadc4j.core.sky.Angle;
import io.cadc4j.core.sky.Coordinates;
import io.cadc4j.core.datalink.DataLink;
import io.cadc4j.core.datalink.DownloadOutcome;
import io.cadc4j.core.datalink.FitsHeader;
import io.cadc4j.core.datalink.LinkSet;
import io.cadc4j.core.datalink.Semantics;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableDescription;
import io.cadc4j.core.tap.AsyncJob;
import io.cadc4j.core.tap.ExecutionPhase;
import io.cadc4j.core.tap.TableUpload;
import io.cadc4j.core.tap.TapQuery;
import io.cadc4j.tests.interop.Dachs;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link Cadc} facade against a real GAVO DaCHS server (interop/README.md), found
 * through its CADC-style registry file, with the values {@code gen_data.py} writes.
 */
@Tag("interop")
class DachsFacadeTest {
    private static final Duration JOB_DEADLINE = Duration.ofSeconds(90);
    private static final Coordinates NR3491 = Coordinates.parse("08h45m07.5s +54d18m00s");
    private static final Coordinates CLUSTER_B = Coordinates.parse("01h45m07.5s +23d18m00s");
    private static final Angle RADIUS = Angle.parse("0.01 deg");

    @TempDir
    Path dir;

    private Cadc cadc;

    @BeforeEach
    void open() {
        Dachs.assumeRunning();
        cadc = Cadc.builder().registry(Dachs.url("/static/reg/resource-caps")).build();
    }

    @AfterEach
    void close() {
        if (cadc != null) {
            cadc.close();
        }
    }

    private static List<String> column(RowCursor rows, String name) {
        try (RowCursor r = rows) {
            int c = r.columnIndex(name);
            List<String> out = new ArrayList<>();
            while (r.next()) {
                out.add(r.isNull(c) ? null : r.getString(c));
            }
            return out;
        }
    }

    private static String idOf(DownloadOutcome o) {
        String q = o.request().uri().getRawQuery();
        for (String p : q.split("&")) {
            if (p.startsWith("ID=")) {
                return URLDecoder.decode(p.substring(3), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no ID in " + o.request().uri());
    }

    /** Whether a header's PUBDID is this identifier (VLASS ones are long strings over CONTINUE cards). */
    private static boolean sameId(FitsHeader h, String id) {
        return id.equals(h.string("PUBDID").orElse(""));
    }

    @Test
    void collectionsAreTheGeneratorsFiveWithTheirBands() {
        Map<String, CollectionDescription> c = cadc.getCollections();
        assertThat(c.keySet()).containsExactly("CFHT", "DAO", "GEMINI", "JCMT", "VLASS");
        assertThat(c.get("CFHT").bands()).containsExactlyInAnyOrder("Optical", "Infrared");
        assertThat(c.get("VLASS").bands()).containsExactly("Radio");
        assertThat(c.get("JCMT").description()).isEqualTo("The JCMT collection at the CADC");
    }

    @Test
    void regionQueryOfCfhtFindsTheNr3491Cluster() {
        List<String> collections = column(cadc.queryRegion(NR3491, RADIUS, "CFHT"), "collection");
        assertThat(collections).isNotEmpty().containsOnly("CFHT");
        List<String> targets = column(cadc.queryRegion(NR3491, RADIUS, "CFHT"), "target_name");
        assertThat(targets).hasSameSizeAs(collections).contains("Nr3491_1");
    }

    @Test
    void nameQueryMatchesTheTargetIgnoringCase() {
        List<String> targets = column(cadc.queryName("Nr3491_1"), "target_name");
        assertThat(targets).isNotEmpty()
                .allSatisfy(t -> assertThat(t.toLowerCase(Locale.ROOT)).contains("nr3491_1"));
        assertThat(column(cadc.queryName("nR3491_1"), "target_name")).hasSameSizeAs(targets);
    }

    @Test
    void dataUrlsAreTheThisLinksAndWithAuxiliariesMore() {
        String adql = "select top 4 publisherID from caom2.Plane where publisherID like 'ivo://cadc.nrc.ca/CFHT%' "
                + "order by publisherID";
        List<String> ids = column(cadc.execSync(adql), "publisherID");
        LinkSet plain;
        try (RowCursor rows = cadc.execSync(adql)) {
            plain = cadc.getDataUrls(rows, false);
        }
        assertThat(plain.errors()).isEmpty();
        assertThat(plain.links()).hasSize(ids.size()).allSatisfy(l -> {
            assertThat(l.semantics()).isEqualTo(Semantics.THIS);
            assertThat(l.accessUrl().get().toString()).contains("/getproduct/");
        });
        assertThat(plain.links()).extracting(DataLink::id).containsExactlyElementsOf(ids);
        LinkSet aux;
        try (RowCursor rows = cadc.execSync(adql)) {
            aux = cadc.getDataUrls(rows, true);
        }
        assertThat(aux.links().size()).isGreaterThan(plain.links().size());
        assertThat(aux.links()).extracting(DataLink::semantics).contains(Semantics.THIS, Semantics.PREVIEW);
        assertThat(aux.links()).noneSatisfy(l -> assertThat(l.semantics().toString()).contains("#package"));
    }

    @Test
    void unknownPublisherIdIsAnErrorRowNotADroppedId() {
        LinkSet urls = cadc.getDataUrls(List.of("ivo://cadc.nrc.ca/CFHT?2366419/2366419p",
                "ivo://cadc.nrc.ca/CFHT?0/none"), false);
        assertThat(urls.links()).extracting(DataLink::id).containsExactly("ivo://cadc.nrc.ca/CFHT?2366419/2366419p");
        assertThat(urls.errors()).extracting(DataLink::id).containsExactly("ivo://cadc.nrc.ca/CFHT?0/none");
    }

    @Test
    void imageListHasCutoutUrlsWithAstroquerysFk5Numbers() {
        RegionQuery images = RegionQuery.builder(CLUSTER_B).radius(RADIUS).imagesOnly(true).build();
        LinkSet cutouts;
        try (RowCursor rows = cadc.queryRegion(images)) {
            cutouts = cadc.getImageList(rows, CLUSTER_B, RADIUS);
        }
        assertThat(cutouts.links()).isNotEmpty().allSatisfy(l -> assertThat(
                URLDecoder.decode(l.accessUrl().get().getRawQuery(), StandardCharsets.UTF_8))
                .contains("POS=CIRCLE 26.2812589776878 23.29999981890681").endsWith(" 0.01"));
        assertThat(cadc.getImageUrls(images).links()).isEqualTo(cutouts.links());
    }

    @Test
    void imagesAreFitsCutoutsOfTheirPlanesAndPrivateOnesFailAnonymously() {
        ImageDownloads got = cadc.getImages(CLUSTER_B, RADIUS, dir);
        assertThat(got.images()).isNotEmpty().allSatisfy(o -> {
            FitsHeader h = o.fitsHeader().get();
            assertThat(h.booleanValue("SIMPLE")).hasValue(true);
            assertThat(sameId(h, idOf(o))).as("PUBDID of %s", idOf(o)).isTrue();
            assertThat(h.string("OWNER")).hasValue("");
            assertThat(o.path().get()).exists().startsWith(dir);
        });
        // the generator makes about a tenth of the planes private: refused, reported, not dropped
        assertThat(got.failures()).isNotEmpty().allSatisfy(o ->
                assertThat(o.failure().get()).isInstanceOf(AuthenticationException.class));
        assertThat(got.outcomes()).hasSize(got.images().size() + got.failures().size());
    }

    @Test
    void imagesWithTheOwnersCredentialsIncludeThePrivateOnes() {
        cadc.useCredentials(BasicCredentials.of(Dachs.USER, Dachs.PASSWORD.toCharArray(),
                Realm.builder().host(Dachs.baseUrl().getHost()).httpAllowed(true).build()));
        ImageDownloads got = cadc.getImages(RegionQuery.builder(CLUSTER_B).radius(RADIUS).collection("CFHT").build(),
                dir);
        assertThat(got.failures()).isEmpty();
        assertThat(got.images()).extracting(o -> o.fitsHeader().get().string("OWNER").get())
                .contains(Dachs.USER, "");
    }

    @Test
    void lazyImagesDownloadWhenOpened() throws Exception {
        LazyImages lazy = cadc.getImagesLazy(RegionQuery.builder(CLUSTER_B).radius(RADIUS).collection("VLASS").build());
        assertThat(lazy.handles()).isNotEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        LazyImages.Handle first = lazy.handles().get(0);
        DownloadOutcome o = first.open(dir);
        assertThat(sameId(o.fitsHeader().get(), first.publisherId())).isTrue();
        assertThat(o.fitsHeader().get().string("COLLECT")).hasValue("VLASS");
    }

    @Test
    void uploadedTableJoinsThePlanes() throws Exception {
        Path table = Files.writeString(dir.resolve("pids.xml"), "<?xml version=\"1.0\"?>\n"
                + "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE type=\"results\">"
                + "<TABLE><FIELD name=\"pid\" datatype=\"char\" arraysize=\"*\"/><DATA><TABLEDATA>"
                + "<TR><TD>ivo://cadc.nrc.ca/CFHT?2366419/2366419p</TD></TR>"
                + "<TR><TD>ivo://nowhere/none</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>\n");
        List<String> ids = column(cadc.execSync(TapQuery.builder("select p.publisherID from caom2.Plane as p "
                + "join tap_upload.mine as m on p.publisherID = m.pid").upload(TableUpload.ofFile("mine", table)).build()),
                "publisherID");
        assertThat(ids).containsExactly("ivo://cadc.nrc.ca/CFHT?2366419/2366419p");
    }

    @Test
    void asyncJobRunsEndToEnd() throws Exception {
        AsyncJob job = cadc.createAsync("select top 3 obsID, collection from caom2.Observation order by obsID");
        try {
            assertThat(job.phase()).isEqualTo(ExecutionPhase.PENDING);
            job.run();
            assertThat(job.awaitCompletion(JOB_DEADLINE)).isEqualTo(ExecutionPhase.COMPLETED);
            job.raiseIfError();
            assertThat(cadc.loadAsyncJob(job.id()).phase()).isEqualTo(ExecutionPhase.COMPLETED);
            List<String> collections = column(job.fetchResult(), "collection");
            assertThat(collections).hasSize(3);
            assertThat(collections).isEqualTo(column(cadc.execSync(
                    "select top 3 obsID, collection from caom2.Observation order by obsID"), "collection"));
        } finally {
            job.delete();
        }
    }

    @Test
    void tablesAreListedAndOneIsDescribed() {
        assertThat(cadc.getTableNames()).extracting(n -> n.toLowerCase(Locale.ROOT))
                .contains("caom2.observation", "caom2.plane", "caom2.enumfield", "ivoa.obscore");
        Optional<TableDescription> plane = cadc.getTable("caom2.plane");
        assertThat(plane).isPresent();
        assertThat(plane.get().columns()).extracting(c -> c.name().toLowerCase(Locale.ROOT)).contains("publisherid");
        assertThat(cadc.getTable("caom2.nosuchtable")).isEmpty();
    }
}
