// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.adql.RegionQuery;
import io.cadc4j.core.facade.FakeDataLink;
import io.cadc4j.core.internal.port.PortOverrides;
import io.cadc4j.core.sky.Angle;
import io.cadc4j.core.sky.Coordinates;
import io.cadc4j.testing.Fixtures;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLinkCommandsTest {
    private static final String TAP = "--tap-url=https://tap.example.org/tap";
    private static final String LINKS = "--datalink-url=https://dl.example.org/links";

    @TempDir
    Path dir;

    private final FakeDataLink dataLink = new FakeDataLink();
    private final TestTerminal terminal = new TestTerminal();
    private String out;
    private String err;

    @BeforeEach
    void clear() {
        FixtureTapProvider.reset();
    }

    private int run(String... args) {
        CapturedRun r = CapturedRun.of(args, terminal, b -> PortOverrides.dataLink(b, dataLink), new Shutdown());
        out = r.out;
        err = r.err;
        return r.code;
    }

    private List<String> lines() {
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
    }

    /** The distinct publisher DIDs of a fixture, in order, read with a pattern (not the reader under test). */
    private static List<String> idsOf(String fixture) throws Exception {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = Pattern.compile("ivo://cadc\\.nrc\\.ca/[^<\\s]+").matcher(Files.readString(Fixtures.path(fixture)));
        while (m.find()) {
            ids.add(m.group());
        }
        return new ArrayList<>(ids);
    }

    @Test
    void urlsOfAQueryAreTheThisLinksOnePerLine() throws Exception {
        assertThat(run("urls", "--query", "select publisherID from caom2.Plane", TAP, LINKS)).isZero();
        List<String> ids = idsOf("dachs/async_result.vot.xml");
        assertThat(dataLink.asked).containsExactly(ids);
        assertThat(lines()).hasSize(ids.size()).first().isEqualTo(FakeDataLink.fileOf(ids.get(0)).toString());
        assertThat(dataLink.auxiliaries).containsExactly(false);
        assertThat(dataLink.contexts.get(0).serviceUri()).isEqualTo(URI.create("https://dl.example.org/links"));
        assertThat(err).isEmpty();
    }

    @Test
    void urlsOfASavedResultWithAuxiliaries() throws Exception {
        Path saved = Files.copy(Fixtures.path("dachs/sync_query_region_cfht.vot.xml"), dir.resolve("r.xml"));
        assertThat(run("urls", "--aux", "--result", saved.toString(), TAP, LINKS)).isZero();
        List<String> ids = idsOf("dachs/sync_query_region_cfht.vot.xml");
        assertThat(lines()).hasSize(2 * ids.size()).contains(FakeDataLink.fileOf(ids.get(1)) + ".png");
        assertThat(FixtureTapProvider.QUERIES).isEmpty();
    }

    @Test
    void urlsNeedExactlyOneSource() {
        assertThat(run("urls", TAP, LINKS)).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("--query").contains("--result");
        assertThat(run("urls", "--query", "x", "--result", "y", TAP, LINKS)).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void urlsOfAResultWithoutPublisherIdNameTheColumn() throws Exception {
        Path saved = Files.copy(Fixtures.path("dachs/sync_enumfield.vot.xml"), dir.resolve("e.xml"));
        assertThat(run("urls", "--result", saved.toString(), TAP, LINKS)).isEqualTo(ExitCodes.USAGE);
        assertThat(err).startsWith("cadc: ").contains("'publisherID'").doesNotContain("\tat ");
        assertThat(dataLink.asked).isEmpty();
    }

    @Test
    void cutoutUrlsAreOnePerLineForTheImagesOfTheRegion() throws Exception {
        assertThat(run("cutouts", "01h45m07.5s +23d18m00s", "--radius", "0.01 deg", "--collection", "CFHT", TAP,
                LINKS)).isZero();
        RegionQuery region = RegionQuery.builder(Coordinates.parse("01h45m07.5s +23d18m00s"))
                .radius(Angle.parse("0.01 deg")).collection("CFHT").imagesOnly(true).build();
        assertThat(FixtureTapProvider.QUERIES.get(0).adql()).isEqualTo(region.adql());
        List<String> ids = idsOf("dachs/sync_query_region_cfht.vot.xml");
        assertThat(lines()).hasSize(ids.size()).allSatisfy(l -> assertThat(l)
                .endsWith("?POS=" + region.sodaPos().substring("CIRCLE ".length()).replace(' ', '+')));
        assertThat(dataLink.downloads).isEmpty();
    }

    @Test
    void cutoutsNeedARadius() {
        assertThat(run("cutouts", "01h45m07.5s +23d18m00s", TAP, LINKS)).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("--radius");
    }

    @Test
    void downloadedCutoutsArePrintedAndEachFailureReportedWhileTheOthersComplete() throws Exception {
        dataLink.refused = "2366419o";
        Path target = dir.resolve("cutouts");
        assertThat(run("cutouts", "01h45m07.5s +23d18m00s", "--radius", "0.01 deg", "--download", target.toString(),
                TAP, LINKS)).isEqualTo(ExitCodes.PARTIAL);
        List<String> ids = idsOf("dachs/sync_query_region_cfht.vot.xml");
        assertThat(lines()).hasSize(ids.size() - 1).allSatisfy(l -> assertThat(Path.of(l)).exists());
        assertThat(err).contains("download failed").contains("2366419o").contains("401")
                .contains("1 of " + ids.size() + " downloads failed");
        assertThat(err.lines().count()).isEqualTo(2);
    }

    @Test
    void downloadFetchesEachUrlIntoTheDirectory() {
        Path target = dir.resolve("d");
        assertThat(run("download", "https://data.example.org/a/one.fits", "https://data.example.org/private/two.fits",
                "-d", target.toString(), TAP, LINKS)).isEqualTo(ExitCodes.PARTIAL);
        assertThat(lines()).containsExactly(target.resolve("one.fits").toString());
        assertThat(err).contains("download failed: 401 Unauthorized from https://data.example.org/private/two.fits");
        assertThat(dataLink.downloads).hasSize(2);
    }

    @Test
    void downloadRefusesWhatIsNotAnHttpUrl() {
        assertThat(run("download", "file:///etc/passwd", TAP, LINKS)).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("not an http(s) URL");
        assertThat(dataLink.downloads).isEmpty();
    }
}
