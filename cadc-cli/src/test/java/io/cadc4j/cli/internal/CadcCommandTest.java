// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.adql.CadcQueries;
import io.cadc4j.core.sky.Angle;
import io.cadc4j.core.sky.Coordinates;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.tap.TableUpload;
import io.cadc4j.core.tap.TapQuery;
import io.cadc4j.testing.Fixtures;
import io.cadc4j.votable.VOTableReader;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CadcCommandTest {
    private static final String TAP = "--tap-url=https://tap.example.org/tap";

    @TempDir
    Path dir;

    private final TestTerminal terminal = new TestTerminal();
    private String out;
    private String err;

    @BeforeEach
    void clear() {
        FixtureTapProvider.reset();
    }

    private int run(String... args) {
        CapturedRun r = CapturedRun.of(args, terminal, b -> { }, new Shutdown());
        out = r.out;
        err = r.err;
        return r.code;
    }

    private TapQuery lastQuery() {
        return FixtureTapProvider.QUERIES.get(FixtureTapProvider.QUERIES.size() - 1);
    }

    private List<String> lines() {
        return Arrays.asList(out.split("\n"));
    }

    @Test
    void collectionsPrintAnAlignedTableWithItsRowCount() {
        assertThat(run("collections", TAP)).isZero();
        assertThat(lastQuery().adql()).isEqualTo(CadcQueries.COLLECTIONS);
        List<String> lines = lines();
        assertThat(lines.get(0)).startsWith("collection").contains("description").contains("bands");
        assertThat(lines.get(1)).matches("-+ -+ -+");
        assertThat(out).contains("The CFHT collection at the CADC");
        assertThat(lines.get(lines.size() - 1)).matches("\\(\\d+ rows\\)");
        int bandsAt = lines.get(0).indexOf("bands");
        assertThat(lines.subList(2, lines.size() - 1)).allSatisfy(l -> assertThat(l.length()).isGreaterThan(bandsAt));
        assertThat(err).isEmpty();
    }

    @Test
    void regionSendsAstroquerysAdqlThroughTheRegistry() {
        assertThat(run("region", "08h45m07.5s +54d18m00s", "--radius", "0.01 deg", "--collection", "CFHT")).isZero();
        assertThat(lastQuery().adql()).isEqualTo(CadcQueries.region(Coordinates.parse("08h45m07.5s +54d18m00s"),
                Angle.parse("0.01 deg"), "CFHT"));
        assertThat(FixtureTapProvider.CONTEXTS.get(0).serviceUri())
                .isEqualTo(URI.create("https://www.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus"));
        assertThat(lines().get(lines().size() - 1)).isEqualTo("(26 rows)");
    }

    @Test
    void wideTablesDropMiddleColumnsToFitTheTerminal() {
        terminal.width = 80;
        terminal.stdoutIsTerminal = true;
        assertThat(run("region", "08h45m07.5s +54d18m00s", TAP)).isZero();
        List<String> lines = lines();
        assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
        assertThat(lines.get(0)).startsWith("obsID").contains("...");
    }

    @Test
    void nameQueryIsEscaped() {
        assertThat(run("name", "O'Nr3491_1", TAP)).isZero();
        assertThat(lastQuery().adql()).endsWith("like '%o''nr3491_1%'");
    }

    @Test
    void overflowIsWarnedOnStderrWithTheLimit() {
        assertThat(run("query", "--maxrec", "3", "SELECT obsID, collection FROM caom2.Observation", TAP)).isZero();
        assertThat(lastQuery().maxRecords()).hasValue(3);
        assertThat(lines()).hasSize(6);
        assertThat(err).contains("overflow").contains("MAXREC=3").doesNotContain("\n\tat ");
    }

    @Test
    void dryRunPrintsTheRequestAndSendsNothing() throws Exception {
        Path table = Files.copy(Fixtures.path("votable/tabledata-basic.xml"), dir.resolve("t.xml"));
        assertThat(run("query", "--dry-run", "--maxrec", "7", "--upload", "t=" + table, "select * from tap_upload.t",
                TAP)).isZero();
        assertThat(lines()).containsExactly("POST https://tap.example.org/tap/sync", "Content-Type: multipart/form-data",
                "REQUEST=doQuery", "LANG=ADQL", "QUERY=select * from tap_upload.t", "MAXREC=7", "UPLOAD=t,param:t",
                "(part t: " + table + ")");
        assertThat(FixtureTapProvider.QUERIES).isEmpty();
    }

    @Test
    void csvQuotesAsRfc4180() {
        assertThat(run("--format", "csv", "collections", TAP)).isZero();
        assertThat(lines().get(0)).isEqualTo("collection,description,bands");
        assertThat(lines()).contains("CFHT,The CFHT collection at the CADC,Optical Infrared");
    }

    @Test
    void tsvHasOneLinePerRow() {
        assertThat(run("query", "--format=tsv", "--maxrec", "3", "SELECT obsID, collection FROM caom2.Observation",
                TAP)).isZero();
        assertThat(lines()).hasSize(4);
        assertThat(lines().get(0)).isEqualTo("obsID\tcollection");
    }

    @Test
    void jsonCarriesColumnsRowsAndOverflow() {
        assertThat(run("query", "--format", "json", "--maxrec", "3", "SELECT obsID, collection FROM caom2.Observation",
                TAP)).isZero();
        try (JsonReader r = Json.createReader(new StringReader(out))) {
            JsonObject o = r.readObject();
            assertThat(o.getJsonArray("columns")).hasSize(2);
            assertThat(o.getJsonArray("columns").getJsonObject(0).getString("name")).isEqualTo("obsID");
            assertThat(o.getJsonArray("rows")).hasSize(3);
            assertThat(o.getInt("rowCount")).isEqualTo(3);
            assertThat(o.getBoolean("overflow")).isTrue();
        }
    }

    @Test
    void fitsAndEcsvOutputsAreWrittenByTheFormatsModule() throws Exception {
        Path fits = dir.resolve("r.fits");
        assertThat(run("region", "131.28125 54.3", "--format", "fits", "-o", fits.toString(), TAP)).as(err).isZero();
        byte[] b = Files.readAllBytes(fits);
        assertThat(new String(b, 0, 30, StandardCharsets.US_ASCII)).isEqualTo("SIMPLE  =                    T");
        assertThat(new String(b, 2880, 20, StandardCharsets.US_ASCII)).isEqualTo("XTENSION= 'BINTABLE'");
        assertThat(new String(b, StandardCharsets.US_ASCII)).contains("NAXIS2  =                   26");
        assertThat(b.length % 2880).isZero();
        Path ecsv = dir.resolve("r.ecsv");
        assertThat(run("region", "131.28125 54.3", "--format", "ecsv", "-o", ecsv.toString(), TAP)).as(err).isZero();
        List<String> lines = Files.readAllLines(ecsv);
        assertThat(lines.get(0)).isEqualTo("# %ECSV 1.0");
        assertThat(lines.stream().filter(l -> !l.startsWith("#"))).hasSize(27);
        assertThat(out).isEmpty();
    }

    @Test
    void votableOutputReadsBackWithTheSameRows() throws Exception {
        Path file = dir.resolve("out.xml");
        assertThat(run("region", "131.28125 54.3", "--format", "votable", "-o", file.toString(), TAP)).isZero();
        assertThat(out).isEmpty();
        try (InputStream in = Files.newInputStream(file);
             RowCursor rows = VOTableReader.builder().build().open(in)) {
            int n = 0;
            int id = rows.columnIndex("observationID");
            while (rows.next()) {
                assertThat(rows.getString(id)).isNotEmpty();
                n++;
            }
            assertThat(n).isEqualTo(26);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.collect(Collectors.toList())).containsExactly(file);
        }
    }

    @Test
    void queryErrorIsOneLineWithTheQueryExitCode() {
        assertThat(run("query", "S elect", TAP)).isEqualTo(ExitCodes.QUERY);
        assertThat(err.strip()).startsWith("cadc: ").contains("Could not parse your query").doesNotContain("\n");
        assertThat(run("-v", "query", "S elect", TAP)).isEqualTo(ExitCodes.QUERY);
        assertThat(err).contains("\tat ");
    }

    @Test
    void resultFileIsNotCreatedWhenTheQueryFails() throws Exception {
        Path file = dir.resolve("out.csv");
        assertThat(run("query", "S elect", "-o", file.toString(), TAP)).isEqualTo(ExitCodes.QUERY);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void uploadsAreSentAsFilesOrUrls() throws Exception {
        Path table = Files.copy(Fixtures.path("votable/tabledata-basic.xml"), dir.resolve("t.xml"));
        assertThat(run("query", "--upload", "t=" + table, "--upload", "r=https://example.org/r.xml",
                "select * from tap_upload.t", TAP)).isZero();
        assertThat(lastQuery().uploads()).containsExactly(TableUpload.ofFile("t", table),
                TableUpload.ofUrl("r", URI.create("https://example.org/r.xml")));
    }

    @Test
    void badUploadIsAUsageError() {
        assertThat(run("query", "--upload", "t", "select 1", TAP)).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("NAME=FILE");
        assertThat(run("query", "--upload", "t=" + dir.resolve("missing.xml"), "select 1", TAP))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("missing.xml");
    }

    @Test
    void asyncQueryRunsWaitsFetchesAndDeletesItsJob() {
        assertThat(run("query", "--async", "select publisherID, dataProductType from caom2.Plane", TAP)).isZero();
        assertThat(lines().get(lines().size() - 1)).isEqualTo("(5 rows)");
        assertThat(FixtureTapProvider.JOBS).isEmpty();
    }

    @Test
    void jobStepsOneAtATime() {
        assertThat(run("job", "create", "--maxrec", "10", "select publisherID from caom2.Plane", TAP)).isZero();
        String id = out.strip();
        assertThat(id).isEqualTo("job1");
        assertThat(run("job", "status", id, "--format", "csv", TAP)).isZero();
        assertThat(out).contains("phase,PENDING").contains("query,select publisherID from caom2.Plane");
        assertThat(run("job", "run", id, TAP)).isZero();
        assertThat(run("job", "wait", id, TAP)).isZero();
        assertThat(out.strip()).isEqualTo("COMPLETED");
        assertThat(run("job", "result", id, TAP)).isZero();
        assertThat(out).contains("(5 rows)");
        assertThat(run("job", "list", "--phase", "COMPLETED", TAP)).isZero();
        assertThat(out).contains("job1").contains("COMPLETED").contains("2026-11-21T12:00:00Z");
        assertThat(run("job", "list", "--full", TAP)).isZero();
        assertThat(out).contains("select publisherID from caom2.Plane");
        assertThat(run("job", "delete", id, TAP)).isZero();
        assertThat(run("job", "status", id, TAP)).isEqualTo(ExitCodes.SERVICE);
        assertThat(err).contains("no job job1");
    }

    @Test
    void failedJobExitsWithTheQueryCode() {
        assertThat(run("job", "create", "--run", "select fail from x", TAP)).isZero();
        assertThat(run("job", "wait", "job1", TAP)).isEqualTo(ExitCodes.QUERY);
        assertThat(out.strip()).isEqualTo("ERROR");
        assertThat(err).contains("failed on purpose");
        assertThat(run("job", "abort", "job1", TAP)).isZero();
    }

    @Test
    void tablesListsNamesAndOneTablesColumns() {
        assertThat(run("tables", TAP)).isZero();
        assertThat(out).contains("caom2.Plane").contains("Planes: products of observations").contains("(2 rows)");
        assertThat(run("tables", "caom2.Plane", TAP)).isZero();
        assertThat(out).contains("time_exposure").contains("double").contains("(2 rows)");
        assertThat(run("tables", "caom2.Nothing", TAP)).isEqualTo(ExitCodes.SERVICE);
        assertThat(err).contains("caom2.Nothing");
    }

    @Test
    void passwordWithoutAConsoleFailsClearly() {
        assertThat(run("--user", "alice", "collections", TAP)).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("terminal").contains("--netrc");
    }

    @Test
    void netrcWithoutAnEntryForTheHostIsAnAuthenticationError() throws Exception {
        Path netrc = Files.writeString(dir.resolve("netrc"), "machine other.example.org login a password b\n");
        assertThat(run("--netrc", netrc.toString(), "collections", TAP)).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(err).contains("tap.example.org").doesNotContain("password b");
    }

    @Test
    void unreadableArgumentsAreUsageErrors() {
        assertThat(run("region", "08h45m07.5s +54d18m00s", "--radius", "-1 deg", TAP)).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("negative");
        assertThat(run("region", "not a place", "--no-resolve", TAP)).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("\"not a place\"").contains("--no-resolve");
        assertThat(run("region", "08h45m07.5s +95d18m00s", TAP)).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("declination");
        assertThat(run("--timeout", "soon", "collections", TAP)).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("soon");
        assertThat(run("regoin", "1 2")).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("region");
        assertThat(run("collections", "--format", "xml", TAP)).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheSubcommand() {
        assertThat(run(TAP, "--format", "csv", "collections")).isZero();
        assertThat(lines().get(0)).isEqualTo("collection,description,bands");
        assertThat(FixtureTapProvider.CONTEXTS.get(0).serviceUri()).isEqualTo(URI.create("https://tap.example.org/tap"));
    }

    @Test
    void helpListsTheSubcommandsAndExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out).contains("query").contains("region").contains("collections").contains("job")
                .contains("Exit codes:").contains("authentication");
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
    }
}
