// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.interop.tap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.QueryException;
import io.cadc4j.core.spi.CredentialPolicy;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.internal.port.PortContext;
import io.cadc4j.core.spi.Providers;
import io.cadc4j.core.internal.port.TapPortProvider;
import io.cadc4j.core.spi.TransportSettings;
import io.cadc4j.core.table.ColumnDescription;
import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.XtypeValue;
import io.cadc4j.core.table.TableDescription;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.core.tap.AsyncJob;
import io.cadc4j.core.tap.ExecutionPhase;
import io.cadc4j.core.tap.JobListFilter;
import io.cadc4j.core.tap.JobReference;
import io.cadc4j.core.tap.ResultFormat;
import io.cadc4j.core.tap.TableUpload;
import io.cadc4j.core.tap.TapPort;
import io.cadc4j.core.tap.TapQuery;
import io.cadc4j.votable.Serialization;
import io.cadc4j.votable.VOTableWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TAP port against a real GAVO DaCHS server (interop/README.md), whose data come from
 * the deterministic interop/dachs/gen_data.py. Skipped, with the reason, when the server
 * is not running.
 */
@Tag("interop")
class DachsTapInteropTest {
    private static final String BASE = System.getProperty("cadc4j.dachs.url", "http://127.0.0.1:8089");
    /** DaCHS starts a process per job (about 2 s): generous, but a deadline, never a sleep. */
    private static final Duration JOB_DEADLINE = Duration.ofSeconds(90);
    private static final TableMetadata PIDS = TableMetadata.of("mine",
            List.of(Field.builder("pid", "char").arraysize("*").build()), List.of());

    private static HttpPipeline http;
    private static boolean reachable;
    private static TapPort tap;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect() {
        http = HttpPipeline.builder().settings(TransportSettings.builder().connectTimeout(Duration.ofSeconds(2)).build())
                .build();
        try (HttpResponse r = http.send(HttpRequest.newBuilder(URI.create(BASE + "/tap/availability"))
                .timeout(Duration.ofSeconds(2)).build())) {
            reachable = r.status() == 200;
        } catch (CadcException e) {
            reachable = false;
        }
        tap = Providers.select(TapPortProvider.class).create(PortContext.of(http, URI.create(BASE + "/tap")));
    }

    @AfterAll
    static void close() {
        http.close();
    }

    @BeforeEach
    void needsDachs() {
        io.cadc4j.tests.interop.Dachs.assumeRunning();
        Assumptions.assumeTrue(reachable,
                "DaCHS not running at " + BASE + ": start it with interop/dachs/setup.sh");
    }

    private static List<List<Object>> all(RowCursor rows) {
        List<List<Object>> out = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < rows.columnCount(); i++) {
                    row.add(rows.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    @Test
    void syncQueryReturnsTheGeneratedCounts() {
        assertThat(count("select count(*) from caom2.Plane")).isEqualTo(384);
        assertThat(count("select count(*) from caom2.Observation")).isEqualTo(300);

        Map<String, Long> perCollection = new LinkedHashMap<>();
        try (RowCursor rows = tap.query(TapQuery.of("select o.collection, count(*) as n from caom2.Plane as p "
                + "join caom2.Observation as o on p.obsID = o.obsID group by o.collection order by o.collection"))) {
            while (rows.next()) {
                perCollection.put(rows.getString(0), rows.getLong(1));
            }
        }
        assertThat(perCollection).containsExactly(Map.entry("CFHT", 168L), Map.entry("DAO", 54L),
                Map.entry("GEMINI", 55L), Map.entry("JCMT", 54L), Map.entry("VLASS", 53L));
        assertThat(count("select count(*) from caom2.Plane where dataRelease > '2030-01-01'")).isEqualTo(45);
        assertThat(count("select count(*) from caom2.Observation where target_name = 'Nr3491_1'")).isEqualTo(18);
    }

    private static long count(String adql) {
        try (RowCursor rows = tap.query(TapQuery.of(adql))) {
            assertThat(rows.next()).isTrue();
            long n = rows.getLong(0);
            assertThat(rows.next()).isFalse();
            return n;
        }
    }

    @Test
    void syncQueryReadsStringsTimestampsAndPolygonsAsGenerated() {
        try (RowCursor rows = tap.query(TapQuery.of("select top 2 publisherID, calibrationLevel, dataRelease, "
                + "position_bounds from caom2.Plane order by publisherID"))) {
            int pid = rows.columnIndex("publisherID");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(pid)).isEqualTo("ivo://cadc.nrc.ca/CFHT?2366419/2366419o");
            assertThat(rows.getInt(1)).isEqualTo(1);
            assertThat(rows.getTimestamp(2)).isEqualTo(Instant.parse("2022-12-07T16:42:28.890Z"));
            XtypeValue polygon = rows.getShape(3, XtypeValue.Kind.POLYGON);
            assertThat(polygon.size()).isEqualTo(8);
            assertThat(polygon.value(0)).isCloseTo(131.5399423, within(1e-6));
            assertThat(polygon.value(1)).isCloseTo(54.1810131, within(1e-6));
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(pid)).isEqualTo("ivo://cadc.nrc.ca/CFHT?2366419/2366419p");
            assertThat(rows.getInt(1)).isEqualTo(2);
            assertThat(rows.next()).isFalse();
        }
    }

    /**
     * The same rows in each serialization DaCHS writes: TABLEDATA (its configured default), BINARY
     * (what it sends for a plain {@code application/x-votable+xml}) and BINARY2 ({@code votable/b2}),
     * with nulls, timestamps, polygons and overflow read alike.
     */
    @Test
    void everyResultEncodingGivesTheSameRows() {
        String adql = "select publisherID, calibrationLevel, dataRelease, time_bounds_lower, position_bounds "
                + "from caom2.Plane order by publisherID";
        List<List<Object>> tabledata = all(tap.query(TapQuery.builder(adql).maxRecords(40)
                .responseFormat("application/x-votable+xml;serialization=TABLEDATA").build()));
        List<List<Object>> binary = all(tap.query(TapQuery.builder(adql).maxRecords(40)
                .responseFormat("application/x-votable+xml").build()));
        List<List<Object>> binary2 = all(tap.query(TapQuery.builder(adql).maxRecords(40)
                .responseFormat("votable/b2").build()));

        assertThat(tabledata).hasSize(40);
        assertThat(tabledata.get(0).get(0)).isEqualTo("ivo://cadc.nrc.ca/CFHT?2366419/2366419o");
        assertThat(binary).usingRecursiveComparison().isEqualTo(tabledata);
        assertThat(binary2).usingRecursiveComparison().isEqualTo(tabledata);
        try (RowCursor rows = tap.query(TapQuery.builder(adql).maxRecords(5).responseFormat("votable/b2").build())) {
            while (rows.next()) {
                assertThat(rows.isNull(0)).isFalse();
            }
            assertThat(rows.isOverflow()).isTrue();
        }
    }

    @Test
    void maxrecCutsTheResultAndShowsTheOverflow() {
        try (RowCursor rows = tap.query(TapQuery.builder("select publisherID from caom2.Plane").maxRecords(3).build())) {
            int n = 0;
            while (rows.next()) {
                n++;
            }
            assertThat(n).isEqualTo(3);
            assertThat(rows.isOverflow()).isTrue();
        }
    }

    @Test
    void queryErrorsAnsweredWithHttp200AreQueryExceptions() {
        assertThatThrownBy(() -> tap.query(TapQuery.of("select nosuchcol from caom2.Plane")))
                .isInstanceOf(QueryException.class).hasMessageContaining("nosuchcol");
        assertThatThrownBy(() -> tap.query(TapQuery.of("selec publisherID from caom2.Plane")))
                .isInstanceOf(QueryException.class).hasMessageContaining("Could not parse your query");
        assertThatThrownBy(() -> tap.query(TapQuery.of("select * from caom2.NoSuchTable")))
                .isInstanceOf(QueryException.class);
    }

    @Test
    void asyncJobRunsToCompletionAndItsResultStreams() throws InterruptedException {
        AsyncJob job = tap.submit(TapQuery.builder("select top 5 publisherID from caom2.Plane order by publisherID")
                .runId("cadc4j-interop").build());
        try {
            // DaCHS keeps no RUNID (it is not among its job parameters); the job is still made.
            assertThat(job.phase()).isEqualTo(ExecutionPhase.PENDING);
            job.run();
            assertThat(job.awaitCompletion(JOB_DEADLINE)).isEqualTo(ExecutionPhase.COMPLETED);
            job.raiseIfError();
            List<List<Object>> rows = all(job.fetchResult());
            assertThat(rows).hasSize(5);
            assertThat(rows.get(0)).containsExactly("ivo://cadc.nrc.ca/CFHT?2366419/2366419o");
            assertThat(job.info().startTime()).isPresent();
            // DaCHS serves a job both below /tap/async and at its own /__system__ URL.
            AsyncJob byId = tap.loadJob(job.id());
            assertThat(byId.id()).isEqualTo(job.id());
            assertThat(byId.phase()).isEqualTo(ExecutionPhase.COMPLETED);
            assertThat(tap.loadJob(job.uri()).uri()).isEqualTo(job.uri());
            assertThat(tap.listJobs(JobListFilter.all())).extracting(JobReference::id).contains(job.id());
            Instant destruction = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            job.setDestruction(destruction);
            assertThat(job.info().destruction()).hasValueSatisfying(d ->
                    assertThat(Duration.between(d, destruction).abs()).isLessThan(Duration.ofSeconds(2)));
        } finally {
            job.delete();
        }
    }

    @Test
    void failedAsyncJobRaisesTheServersMessage() throws InterruptedException {
        AsyncJob job = tap.submit(TapQuery.of("select nosuchcol from caom2.Plane"));
        try {
            job.run();
            assertThat(job.awaitCompletion(JOB_DEADLINE)).isEqualTo(ExecutionPhase.ERROR);
            assertThatThrownBy(job::raiseIfError).isInstanceOf(QueryException.class)
                    .hasMessageContaining("nosuchcol")
                    .satisfies(e -> assertThat(((QueryException) e).jobId()).contains(job.id()));
        } finally {
            job.delete();
        }
    }

    @Test
    void abortedAsyncJobEndsAborted() throws InterruptedException {
        AsyncJob job = tap.submit(TapQuery.of(
                "select count(*) from caom2.Plane as a, caom2.Plane as b, caom2.Plane as c, caom2.Plane as d"));
        try {
            job.run();
            assertThatThrownBy(() -> job.awaitCompletion(Duration.ofMillis(300), true))
                    .isInstanceOf(io.cadc4j.core.CadcTimeoutException.class);
            assertThat(job.awaitCompletion(JOB_DEADLINE)).isEqualTo(ExecutionPhase.ABORTED);
            assertThatThrownBy(job::raiseIfError).isInstanceOf(QueryException.class);
        } finally {
            job.delete();
        }
    }

    @Test
    void uploadedTableJoinsSyncAndAsync() throws IOException, InterruptedException {
        List<Row> pids = List.of(Row.of("ivo://cadc.nrc.ca/CFHT?2366419/2366419o"),
                Row.of("ivo://cadc.nrc.ca/CFHT?2366419/2366419p"), Row.of("ivo://nowhere/none"));
        String adql = "select p.publisherID, p.calibrationLevel from caom2.Plane as p join tap_upload.mine as m "
                + "on p.publisherID = m.pid order by p.publisherID";

        List<List<Object>> sync = all(tap.query(TapQuery.builder(adql).upload(TableUpload.ofWriter("mine",
                VOTableWriter.of(Serialization.BINARY2).bodyWriter(PIDS, pids), true)).build()));

        Path file = dir.resolve("pids.xml");
        try (var out = Files.newOutputStream(file)) {
            VOTableWriter.of(Serialization.TABLEDATA).write(PIDS, pids, out);
        }
        AsyncJob job = tap.submit(TapQuery.builder(adql).upload(TableUpload.ofFile("mine", file)).build());
        List<List<Object>> async;
        try {
            job.run();
            assertThat(job.awaitCompletion(JOB_DEADLINE)).isEqualTo(ExecutionPhase.COMPLETED);
            async = all(job.fetchResult());
        } finally {
            job.delete();
        }

        List<List<Object>> expected = List.of(List.of("ivo://cadc.nrc.ca/CFHT?2366419/2366419o", 1),
                List.of("ivo://cadc.nrc.ca/CFHT?2366419/2366419p", 2));
        assertThat(sync).hasSize(2).extracting(r -> r.get(0)).containsExactly(expected.get(0).get(0),
                expected.get(1).get(0));
        assertThat(sync).extracting(r -> ((Number) r.get(1)).intValue()).containsExactly(1, 2);
        assertThat(async).isEqualTo(sync);
    }

    @Test
    void vosiTablesAreMatchedWithoutRegardToCase() {
        List<TableDescription> tables = tap.tables();
        assertThat(tables).anySatisfy(t -> assertThat(t.isNamed("caom2.Plane")).isTrue());
        assertThat(tables).anySatisfy(t -> assertThat(t.isNamed("ivoa.ObsCore")).isTrue());

        TableDescription plane = tap.table("caom2.Plane");
        ColumnDescription pid = plane.column("publisherID").orElseThrow();
        assertThat(pid.datatype()).isEqualTo("char");
        assertThat(plane.column("position_bounds").orElseThrow().xtype()).contains("polygon");
        assertThat(plane.column("PUBLISHERID")).isPresent();
        // DaCHS puts the Plane -> Observation key only in its whole table set, not in the
        // per-table document the port reads, so foreign keys are checked against the stand-in.
        assertThat(tap.availability().isAvailable()).isTrue();
    }

    @Test
    void resultIsWrittenToACsvFile() throws IOException {
        Path file = dir.resolve("planes.csv");

        tap.writeResult(TapQuery.of("select top 2 publisherID, calibrationLevel from caom2.Plane order by publisherID"),
                ResultFormat.CSV, file);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("publisherID,calibrationLevel\r\n"
                + "ivo://cadc.nrc.ca/CFHT?2366419/2366419o,1\r\nivo://cadc.nrc.ca/CFHT?2366419/2366419p,2\r\n");
    }

    @Test
    void authenticatedJobIsOwnedByTheUser() throws InterruptedException {
        CredentialPolicy basic = (target, headers) -> headers.add("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("cadcauthtest1:test-Passw0rd".getBytes(StandardCharsets.UTF_8)));
        try (HttpPipeline authed = http.withCredentials(basic)) {
            TapPort mine = Providers.select(TapPortProvider.class).create(PortContext.of(authed, URI.create(BASE + "/tap")));
            AsyncJob job = mine.submit(TapQuery.of("select top 1 publisherID from caom2.Plane"));
            try {
                assertThat(job.info().ownerId()).contains("cadcauthtest1");
            } finally {
                job.delete();
            }
        }
    }
}
