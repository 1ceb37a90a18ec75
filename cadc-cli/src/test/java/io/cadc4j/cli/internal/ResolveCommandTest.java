// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.adql.CadcQueries;
import io.cadc4j.core.sky.Angle;
import io.cadc4j.core.sky.Coordinates;
import io.cadc4j.core.sky.NameResolver;
import io.cadc4j.core.sky.ResolvedName;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cadc resolve} and target names in {@code region}, with the command's option parsing and
 * output formats, in-process with a resolver handed to the facade (the real adapters against
 * stand-in servers, as a process, are in cadc-tests' {@code CadcResolveProcessTest}).
 */
class ResolveCommandTest {
    private static final String TAP = "--tap-url=https://tap.example.org/tap";
    private static final Coordinates M31 = Coordinates.of(10.684799, 41.269076);

    @TempDir
    Path dir;

    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final NameResolver fake = name -> {
        asked.add(name);
        if (name.equals("M31")) {
            return ResolvedName.builder(name, M31, "ned").build();
        }
        if (name.equals("NGC 3642")) {
            return ResolvedName.builder(name, Coordinates.of(170.57458768232, 59.07452101151), "Simbad")
                    .canonicalName("NGC 3642").build();
        }
        throw new NotFoundException("Sesame does not know \"" + name + "\" (asked Simbad, NED, VizieR)", 0, null, null);
    };
    private String out;
    private String err;

    @BeforeEach
    void clear() {
        FixtureTapProvider.reset();
    }

    /**
     * Runs with the fake resolver, except with {@code --no-resolve}: the builder refuses a resolver
     * given together with name resolution turned off.
     */
    private int run(String... args) {
        return run(java.util.Arrays.asList(args).contains("--no-resolve") ? b -> { } : b -> b.nameResolver(fake), args);
    }

    private int run(Consumer<Cadc.Builder> customiser, String... args) {
        TestTerminal terminal = new TestTerminal();
        CapturedRun r = CapturedRun.of(args, terminal, customiser, new Shutdown());
        out = r.out;
        err = r.err;
        return r.code;
    }

    @Test
    void resolvePrintsNamePositionServiceAndCanonicalNameAsCsv() {
        assertThat(run("resolve", "M31", "NGC 3642", "--format", "csv")).as(err).isZero();
        assertThat(out).isEqualTo("name,ra,dec,service,canonical_name\n"
                + "M31,10.684799,41.269076,ned,\n"
                + "NGC 3642,170.57458768232,59.07452101151,Simbad,NGC 3642\n");
        assertThat(err).isEmpty();
    }

    @Test
    void resolveWritesNumbersInJsonAndATableByDefault() {
        assertThat(run("resolve", "M31", "--format", "json")).isZero();
        try (JsonReader r = Json.createReader(new StringReader(out))) {
            JsonObject doc = r.readObject();
            assertThat(doc.getJsonArray("rows").getJsonArray(0).getJsonNumber(1).doubleValue()).isEqualTo(10.684799);
            assertThat(doc.getJsonArray("rows").getJsonArray(0).getString(3)).isEqualTo("ned");
        }
        assertThat(run("resolve", "M31")).isZero();
        assertThat(out).startsWith("name").contains("10.684799").endsWith("(1 row)\n");
    }

    @Test
    void anUnknownNameAmongOthersIsReportedAndTheRestPrinted() {
        assertThat(run("resolve", "M31", "Nowhere 9", "--format", "csv")).isEqualTo(ExitCodes.PARTIAL);
        assertThat(out).isEqualTo("name,ra,dec,service,canonical_name\nM31,10.684799,41.269076,ned,\n");
        assertThat(err).contains("\"Nowhere 9\"").contains("Simbad, NED, VizieR");
    }

    @Test
    void anUnknownNameAloneIsAServiceFailure() {
        assertThat(run("resolve", "Nowhere 9")).isEqualTo(ExitCodes.SERVICE);
        assertThat(err).startsWith("cadc: Sesame does not know \"Nowhere 9\"");
        assertThat(out).isEmpty();
    }

    @Test
    void coordinatesAreNeverResolved() {
        assertThat(run("resolve", "131.28125 54.3")).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("is a coordinate, not a target name");
        assertThat(run("region", "08h45m07.5s +54d18m00s", TAP)).isZero();
        assertThat(asked).isEmpty();
    }

    @Test
    void regionOfANameQueriesItsResolvedPosition() {
        assertThat(run("region", "M31", "--radius", "0.01 deg", TAP)).as(err).isZero();
        assertThat(FixtureTapProvider.QUERIES.get(0).adql())
                .isEqualTo(CadcQueries.region(M31, Angle.parse("0.01 deg")));
        assertThat(asked).containsExactly("M31");
    }

    @Test
    void noResolveMakesANameAUsageErrorThatSaysSo() {
        assertThat(run("region", "M31", "--no-resolve", TAP)).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("\"M31\"").contains("--no-resolve").contains("accepted forms");
        assertThat(run("cutouts", "M31", "--radius", "0.01 deg", "--no-resolve", TAP)).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("--no-resolve");
        assertThat(run("resolve", "M31", "--no-resolve")).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("--no-resolve");
        assertThat(run("region", "131.28125 54.3", "--no-resolve", TAP)).isZero();
        assertThat(asked).isEmpty();
    }

    @Test
    void resolverOptionsAreChecked() {
        assertThat(run("resolve", "M31", "--resolver", "simbad")).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("sesame or cadc").contains("simbad");
        assertThat(run("resolve", "M31", "--no-resolve", "--resolver", "cadc")).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("--no-resolve");
        assertThat(run("resolve", "M31", "--resolver-url", "ftp://example.org/sesame/")).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("--resolver-url").contains("ftp://example.org/sesame/");
        assertThat(run("resolve")).isEqualTo(ExitCodes.USAGE);
        assertThat(asked).isEmpty();
    }
}
