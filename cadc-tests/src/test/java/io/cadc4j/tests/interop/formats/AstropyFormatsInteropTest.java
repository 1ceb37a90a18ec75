// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.interop.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.internal.port.PortContext;
import io.cadc4j.core.internal.port.TapPortProvider;
import io.cadc4j.core.spi.Providers;
import io.cadc4j.core.tap.ResultFormat;
import io.cadc4j.core.tap.TapPort;
import io.cadc4j.core.tap.TapQuery;
import io.cadc4j.tests.interop.Dachs;
import io.cadc4j.tests.server.StandInServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One query result written as VOTable, FITS, ECSV and CSV through the TAP port, each read back by
 * astropy (Debian's python3-astropy, run as a process) and compared with astropy's reading of the
 * VOTable: column names, types, units, descriptions, UCDs, xtypes, nulls and values. Every
 * discrepancy astropy reports must be one the README lists for that format (and each listed one
 * must still happen, so the list stays true).
 *
 * <p>Two results: a generated table with every datatype ({@link GeneratedTable}) from a loopback
 * stand-in TAP service, and a CAOM2 query against GAVO DaCHS. Skipped, with the reason, without
 * astropy (or DaCHS for the second); with {@code CADC4J_REQUIRE_DACHS=1} (CI, which installs both)
 * a missing astropy fails.
 */
@Tag("interop")
class AstropyFormatsInteropTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /**
     * What astropy reads differently from the VOTable, per format, for the generated table; the
     * README's "What each format keeps" section says the same in words.
     */
    private static final Map<String, Set<String>> GENERATED_EXPECTED = Map.of(
            "votable", Set.of(),
            "fits", Set.of(
                    // FITS L has no null: astropy reads a null boolean as False
                    "b_bool: mask",
                    // astropy refuses a TTYPE longer than one card: the name is cut to 68 characters
                    GeneratedTable.LONG_NAME + ": name"),
            "ecsv", Set.of(
                    // a null variable-length array: astropy's ECSV reader gives an empty one
                    "a_int_var: mask"),
            "csv", Set.of());

    @TempDir
    Path dir;

    @BeforeAll
    static void needsAstropy() {
        String reason = astropyMissing();
        if (reason != null) {
            if ("1".equals(System.getenv("CADC4J_REQUIRE_DACHS"))) {
                throw new AssertionError(reason + " (CADC4J_REQUIRE_DACHS=1: CI installs python3-astropy with DaCHS)");
            }
            Assumptions.assumeTrue(false, reason);
        }
    }

    @Test
    void generatedTableReadsTheSameInFitsAndEcsvAsInTheVotable() throws Exception {
        byte[] doc = GeneratedTable.votable();
        try (StandInServer server = StandInServer.start();
             HttpPipeline http = HttpPipeline.builder().build()) {
            server.route("POST", "/tap/sync", ex -> {
                ex.header("Content-Type", "application/x-votable+xml");
                ex.send(200, doc);
            });
            TapPort tap = Providers.select(TapPortProvider.class).create(PortContext.of(http, server.uri("/tap")));
            JsonObject result = writeAndCompare(tap, TapQuery.of("select * from generated"));
            assertThat(result.getJsonObject("reference").getInt("rows")).isEqualTo(GeneratedTable.rows());
            JsonObject formats = result.getJsonObject("formats");
            for (String format : List.of("votable", "fits", "ecsv")) {
                JsonObject f = formats.getJsonObject(format);
                assertThat(f.containsKey("error")).as(format + ": " + f).isFalse();
                assertThat(f.getInt("rows")).as(format).isEqualTo(GeneratedTable.rows());
                assertThat(aspects(f)).as(format + " discrepancies: " + f.get("discrepancies"))
                        .isEqualTo(GENERATED_EXPECTED.get(format));
            }
            // CSV keeps names and values as text only: astropy guesses types, and has no units or
            // descriptions; what it loses is listed, and the names and row count still agree.
            JsonObject csv = formats.getJsonObject("csv");
            assertThat(csv.getInt("rows")).isEqualTo(GeneratedTable.rows());
            assertThat(csv.getJsonArray("columns").getValuesAs(JsonString::getString))
                    .isEqualTo(result.getJsonObject("reference").getJsonArray("columns")
                            .getValuesAs(JsonString::getString));
            assertThat(aspects(csv)).contains("f_float: unit", "ra: description", "a_double3: dtype");
        }
    }

    @Test
    void dachsResultReadsTheSameInFitsAndEcsvAsInTheVotable() throws Exception {
        Dachs.assumeRunning();
        try (HttpPipeline http = HttpPipeline.builder().build()) {
            TapPort tap = Providers.select(TapPortProvider.class).create(PortContext.of(http, Dachs.url("/tap")));
            JsonObject result = writeAndCompare(tap, TapQuery.of("select top 300 * from caom2.Plane"));
            int rows = result.getJsonObject("reference").getInt("rows");
            assertThat(rows).isGreaterThan(10);
            JsonObject formats = result.getJsonObject("formats");
            for (String format : List.of("votable", "fits", "ecsv")) {
                JsonObject f = formats.getJsonObject(format);
                assertThat(f.containsKey("error")).as(format + ": " + f).isFalse();
                assertThat(f.getInt("rows")).as(format).isEqualTo(rows);
                assertThat(aspects(f)).as(format + " discrepancies: " + f.get("discrepancies"))
                        .isSubsetOf(GENERATED_EXPECTED.get(format).stream().map(s -> "*" + s.substring(s.indexOf(':')))
                                .collect(Collectors.toSet()));
            }
        }
    }

    /**
     * The command as a person types it ({@code java -jar cadc.jar region ... --format fits -o r.fits}),
     * against DaCHS: the FITS and ECSV files read by astropy give what the VOTable gives.
     */
    @Test
    void cadcRegionWritesFitsAndEcsvThatAstropyReadsLikeTheVotable() throws Exception {
        Dachs.assumeRunning();
        Path jar = Path.of("..", "cadc-cli", "target", "cadc.jar").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isRegularFile(jar), "the cadc command is not built at " + jar
                + ": run ./mvnw -B package -pl cadc-cli -am -DskipTests first");
        List<String> args = new ArrayList<>(List.of(PYTHON.toString(), script().toString(),
                dir.resolve("r.vot").toString()));
        for (String format : List.of("votable", "fits", "ecsv")) {
            Path file = dir.resolve("r." + (format.equals("votable") ? "vot" : format));
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    jar.toString(), "--registry", Dachs.url("/static/reg/resource-caps").toString(), "region",
                    "08h45m07.5s +54d18m00s", "--radius", "1 deg", "--format", format, "-o", file.toString());
            Path err = dir.resolve("cadc.stderr");
            Process p = new ProcessBuilder(command).redirectErrorStream(false).redirectError(err.toFile())
                    .redirectOutput(dir.resolve("cadc.stdout").toFile()).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("cadc " + format + " ends").isTrue();
            assertThat(p.exitValue()).as("cadc --format " + format + ": " + Files.readString(err)).isZero();
            assertThat(Files.readString(dir.resolve("cadc.stdout"))).isEmpty();
            args.add(format + "=" + file);
        }
        byte[] head = Files.readAllBytes(dir.resolve("r.fits"));
        assertThat(new String(head, 0, 30, StandardCharsets.US_ASCII)).isEqualTo("SIMPLE  =                    T");
        assertThat(head.length % 2880).isZero();
        assertThat(Files.readString(dir.resolve("r.ecsv"))).startsWith("# %ECSV 1.0\n# ---\n");
        JsonObject result;
        try (JsonReader r = Json.createReader(new StringReader(run(args)))) {
            result = r.readObject();
        }
        int rows = result.getJsonObject("reference").getInt("rows");
        assertThat(rows).isPositive();
        for (String format : List.of("fits", "ecsv")) {
            JsonObject f = result.getJsonObject("formats").getJsonObject(format);
            assertThat(f.containsKey("error")).as(format + ": " + f).isFalse();
            assertThat(f.getInt("rows")).as(format).isEqualTo(rows);
            assertThat(f.getJsonArray("discrepancies")).as(format + " discrepancies").isEmpty();
        }
    }

    /** Writes the four formats through the port, runs the astropy script, returns its report. */
    private JsonObject writeAndCompare(TapPort tap, TapQuery query) throws IOException, InterruptedException {
        Path vot = dir.resolve("r.vot");
        tap.writeResult(query, ResultFormat.VOTABLE, vot);
        List<String> args = new ArrayList<>(List.of(PYTHON.toString(), script().toString(), vot.toString(),
                "votable=" + vot));
        for (Map.Entry<String, ResultFormat> e : Map.of("fits", ResultFormat.FITS, "ecsv", ResultFormat.ECSV,
                "csv", ResultFormat.CSV).entrySet()) {
            Path p = dir.resolve("r." + e.getKey());
            tap.writeResult(query, e.getValue(), p);
            args.add(e.getKey() + "=" + p);
        }
        String out = run(args);
        try (JsonReader r = Json.createReader(new StringReader(out))) {
            return r.readObject();
        }
    }

    /** The discrepancies as "column: aspect", any column written {@code *} for the DaCHS check. */
    private static Set<String> aspects(JsonObject format) {
        Set<String> out = new TreeSet<>();
        for (JsonString d : format.getJsonArray("discrepancies").getValuesAs(JsonString.class)) {
            String[] parts = d.getString().split(": ", 3);
            out.add(parts[0] + ": " + parts[1]);
        }
        return out;
    }

    private Path script() throws IOException {
        Path p = dir.resolve("compare_tables.py");
        try (InputStream in = AstropyFormatsInteropTest.class.getResourceAsStream("/astropy/compare_tables.py")) {
            Files.copy(in, p);
        }
        return p;
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        Path err = dir.resolve("astropy.stderr");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        byte[] out;
        try (InputStream stdout = p.getInputStream()) {
            out = stdout.readAllBytes();
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("astropy did not finish in 120 s: " + command);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("astropy failed (" + p.exitValue() + "): " + Files.readString(err));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Why astropy cannot be used, or null when it can. */
    private static String astropyMissing() {
        if (!Files.isExecutable(PYTHON)) {
            return PYTHON + " is missing: install Debian's python3-astropy to run the format interop tests";
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import astropy.table, numpy")
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "astropy is not importable by " + PYTHON + " (install Debian's python3-astropy): " + text.strip();
            }
            return null;
        } catch (IOException | InterruptedException e) {
            return "cannot run " + PYTHON + ": " + e;
        }
    }
}
