// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.interop.facade;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.sky.Angle;
import io.cadc4j.core.sky.Coordinates;
import io.cadc4j.core.sky.NameResolution;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.tests.cli.CadcProcess;
import io.cadc4j.tests.interop.Dachs;
import io.cadc4j.tests.server.names.NameResolverStandIn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Target names against a real GAVO DaCHS server, with the stand-in name resolver: the facade's
 * {@code queryRegion("M31", ...)} and the command's {@code region M31} return the rows of the
 * resolved position.
 *
 * <p>DaCHS's synthetic archive ({@code interop/dachs/gen_data.py}) has nothing at the real M31, so
 * the stand-in's Sesame is told (by this test, in Sesame's answer format) that M31 lies at the
 * archive's CFHT field, 08h45m07.5s +54d18m00s; the real captured answers are used by the contract
 * and process tests.
 */
@Tag("interop")
class DachsNameResolutionTest {
    private static final Coordinates CFHT_FIELD = Coordinates.parse("08h45m07.5s +54d18m00s");
    private static final String M31_AT_THE_CFHT_FIELD = "# M31\t#Q-00001\n"
            + "#=Si=Simbad, all IDs (via url):    1     0ms\n"
            + "%@ 1575544\n"
            + "%I.0 M  31\n"
            + "%C.0 AGN\n"
            + "%J 131.28125 +54.30000 = 08:45:07.50 +54:18:00.0\n"
            + "\n#====Done (2026-Dec-04,06:00:00z)====\n";

    @TempDir
    Path dir;

    private NameResolverStandIn standIn;

    @BeforeEach
    void start() {
        Dachs.assumeRunning();
        standIn = NameResolverStandIn.start(NameResolverStandIn.repositoryFixtures()).answer("M31",
                M31_AT_THE_CFHT_FIELD);
    }

    @AfterEach
    void stop() {
        if (standIn != null) {
            standIn.close();
        }
    }

    private static List<String> ids(RowCursor rows) {
        try (RowCursor r = rows) {
            int c = r.columnIndex("publisherID");
            List<String> out = new ArrayList<>();
            while (r.next()) {
                out.add(r.getString(c));
            }
            return out;
        }
    }

    @Test
    void queryRegionOfANameReturnsTheRowsOfItsPositionAskingOnce() {
        try (Cadc cadc = Cadc.builder().registry(Dachs.url("/static/reg/resource-caps"))
                .nameResolution(NameResolution.builder().endpoints(List.of(standIn.sesameMirror())).build()).build()) {
            Angle r = Angle.parse("0.01 deg");
            List<String> byName = ids(cadc.queryRegion("M31", r, "CFHT"));
            List<String> byPosition = ids(cadc.queryRegion(CFHT_FIELD, r, "CFHT"));
            assertThat(byName).isNotEmpty().isEqualTo(byPosition);
            assertThat(ids(cadc.queryRegion("M31", r, "CFHT"))).isEqualTo(byName);
            assertThat(cadc.resolve("M31").canonicalName()).contains("M  31");
        }
        assertThat(standIn.namesAsked()).containsExactly("M31");
    }

    @Test
    void regionOfANameOnTheCommandLinePrintsTheRowsOfItsPosition() throws Exception {
        CadcProcess.assumeBuilt();
        Path state = dir.resolve("state");
        String registry = "--registry=" + Dachs.url("/static/reg/resource-caps");
        CadcProcess cadc = CadcProcess.run(dir, state, registry, "region", "M31", "--resolver-url",
                standIn.sesameMirror().toString(), "--radius", "0.01 deg", "--collection", "CFHT", "--format", "csv");
        assertThat(cadc.code()).as(cadc.describe()).isZero();
        String byName = cadc.out();
        assertThat(cadc.lines()).hasSizeGreaterThan(1);
        assertThat(byName).contains("Nr3491_1");
        cadc = CadcProcess.run(dir, state, registry, "region", "08h45m07.5s +54d18m00s", "--radius", "0.01 deg",
                "--collection", "CFHT", "--format", "csv", "--no-resolve");
        assertThat(cadc.code()).as(cadc.describe()).isZero();
        assertThat(cadc.out()).isEqualTo(byName);
        cadc = CadcProcess.run(dir, state, "resolve", "M31", "--resolver-url", standIn.sesameMirror().toString(),
                "--format", "csv");
        assertThat(cadc.code()).as(cadc.describe()).isZero();
        assertThat(cadc.lines()).containsExactly("name,ra,dec,service,canonical_name",
                "M31,131.28125,54.3,Simbad,M  31");
        assertThat(standIn.namesAsked()).containsExactly("M31", "M31");
    }
}
