// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.CadcTimeoutException;
import io.cadc4j.core.ServiceLocation;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.tap.JobJournal;
import io.cadc4j.core.tap.SyncAttempt;
import io.cadc4j.core.tap.TapQuery;
import io.cadc4j.tests.server.RecordedRequest;
import io.cadc4j.tests.server.tap.TapStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 item 5 in the library: {@link TapQuery.Mode#AUTO} through {@link Cadc#query(TapQuery)}
 * against the TAP stand-in with a small sync row limit. A result the service cut at its own limit
 * comes whole through an async job (journaled, deleted once read) and the switch is logged with its
 * reason; a result within the limit stays sync, read from the spooled answer; a MAXREC the query
 * sets is kept and never switches; a sync answer that does not start within the sync timeout goes
 * async, with or without a MAXREC (which the job then carries).
 */
class FacadeAutoModeTest {
    private static final String ROWS = "select top 500 * from stand_in.generated";

    @TempDir
    Path dir;

    private TapStandIn tap;
    private final List<String> logged = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(new SimpleFormatter().formatMessage(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() {
        tap = TapStandIn.start().syncLimit(100);
        Logger.getLogger("io.cadc4j.core").addHandler(handler);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("io.cadc4j.core").removeHandler(handler);
        tap.close();
    }

    private Cadc cadc() {
        return Cadc.builder().tap(ServiceLocation.at(tap.base())).jobJournal(dir.resolve("jobs")).build();
    }

    private static TapQuery auto(String adql) {
        return TapQuery.builder(adql).mode(TapQuery.Mode.AUTO).build();
    }

    private List<RecordedRequest> jobsCreated() {
        return tap.server().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().matches("/tap/async/?"))
                .collect(Collectors.toList());
    }

    private long syncRequests() {
        return tap.server().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/tap/sync")).count();
    }

    private List<String> switches() {
        synchronized (logged) {
            return logged.stream().filter(m -> m.contains("running the query as an async job instead"))
                    .collect(Collectors.toList());
        }
    }

    /** Reads every row, returning the first column's values; checks the result was not cut. */
    private static List<String> firstColumn(RowCursor rows) {
        List<String> ids = new ArrayList<>();
        while (rows.next()) {
            ids.add(rows.getString(0));
        }
        assertThat(rows.isOverflow()).as("overflow").isFalse();
        return ids;
    }

    private static Set<Path> spools() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("cadc4j-auto-")).collect(Collectors.toSet());
        }
    }

    @Test
    void aResultTheSyncLimitCutComesWholeThroughAJournaledAsyncJob() {
        try (Cadc cadc = cadc()) {
            JobJournal journal = cadc.jobJournal().orElseThrow();
            List<String> ids;
            try (RowCursor rows = cadc.query(auto(ROWS))) {
                assertThat(journal.entries()).as("the job is journaled while its result is read").hasSize(1);
                ids = firstColumn(rows);
            }
            assertThat(ids).hasSize(500);
            assertThat(ids.get(0)).isEqualTo("0");
            assertThat(ids.get(499)).isEqualTo("499");
            assertThat(syncRequests()).isEqualTo(1);
            assertThat(jobsCreated()).hasSize(1);
            assertThat(jobsCreated().get(0).bodyText()).doesNotContain("MAXREC");
            assertThat(switches()).containsExactly("the service cut the sync result at its row limit (100 rows, "
                    + "OVERFLOW); running the query as an async job instead");
            assertThat(journal.entries()).as("the job is forgotten once read").isEmpty();
            assertThat(tap.server().requests()).as("the job was deleted on the server")
                    .anyMatch(r -> r.method().equals("DELETE") && r.path().startsWith("/tap/async/"));
        }
    }

    @Test
    void aResultWithinTheLimitStaysSyncReadFromTheKeptAnswer() throws IOException {
        Set<Path> before = spools();
        try (Cadc cadc = cadc()) {
            Set<Path> kept;
            List<String> ids;
            try (RowCursor rows = cadc.query(auto("select top 50 * from stand_in.generated"))) {
                kept = spools();
                kept.removeAll(before);
                assertThat(kept).as("the answer is kept in a temporary file while it is read").hasSize(1);
                ids = firstColumn(rows);
            }
            assertThat(ids).hasSize(50);
            assertThat(ids.get(49)).isEqualTo("49");
            assertThat(kept).allSatisfy(p -> assertThat(p).doesNotExist());
            assertThat(jobsCreated()).isEmpty();
            assertThat(syncRequests()).isEqualTo(1);
            assertThat(switches()).isEmpty();
        }
    }

    @Test
    void aMaxrecTheQuerySetIsKeptAndNeverSwitches() {
        try (Cadc cadc = cadc();
                RowCursor rows = cadc.query(TapQuery.builder(ROWS).maxRecords(100).mode(TapQuery.Mode.AUTO).build())) {
            int n = 0;
            while (rows.next()) {
                n++;
            }
            assertThat(n).isEqualTo(100);
            assertThat(rows.isOverflow()).as("the cut at the user's own limit is the user's to see").isTrue();
        }
        assertThat(jobsCreated()).isEmpty();
        assertThat(switches()).isEmpty();
        assertThat(tap.server().requests()).filteredOn(r -> r.path().equals("/tap/sync"))
                .singleElement().satisfies(r -> assertThat(r.bodyText()).contains("MAXREC=100"));
    }

    @Test
    void aSyncAnswerThatDoesNotStartInTimeGoesAsync() {
        tap.syncDelay(Duration.ofSeconds(3));
        try (Cadc cadc = cadc();
                RowCursor rows = cadc.query(TapQuery.builder("select top 50 * from stand_in.generated")
                        .mode(TapQuery.Mode.AUTO).syncTimeout(Duration.ofMillis(400)).build())) {
            assertThat(firstColumn(rows)).hasSize(50);
        }
        assertThat(syncRequests()).isEqualTo(1);
        assertThat(jobsCreated()).hasSize(1);
        assertThat(switches()).singleElement().satisfies(m -> assertThat(m)
                .startsWith("the sync request timed out before any of its answer arrived (")
                .contains("400 ms"));
    }

    @Test
    void aMaxrecTheQuerySetGoesWithTheJobWhenTheSyncAnswerDoesNotStart() {
        tap.syncDelay(Duration.ofSeconds(3));
        try (Cadc cadc = cadc();
                RowCursor rows = cadc.query(TapQuery.builder(ROWS).maxRecords(20).mode(TapQuery.Mode.AUTO)
                        .syncTimeout(Duration.ofMillis(400)).build())) {
            int n = 0;
            while (rows.next()) {
                n++;
            }
            assertThat(n).isEqualTo(20);
            assertThat(rows.isOverflow()).isTrue();
        }
        assertThat(jobsCreated()).singleElement().satisfies(r -> assertThat(r.bodyText()).contains("MAXREC=20"));
        assertThat(switches()).hasSize(1);
    }

    @Test
    void attemptSyncSaysWhyAndLeavesTheJobToTheCaller() {
        try (Cadc cadc = cadc(); SyncAttempt a = cadc.attemptSync(TapQuery.of(ROWS))) {
            assertThat(a.rows()).isEmpty();
            assertThat(a.asyncReason()).hasValue("the service cut the sync result at its row limit (100 rows, "
                    + "OVERFLOW)");
        }
        assertThat(jobsCreated()).isEmpty();
        assertThat(switches()).as("the caller tells the user, not the library").isEmpty();
    }

    @Test
    void asyncModeRunsAJobAndDeletesItOnceRead() {
        try (Cadc cadc = cadc();
                RowCursor rows = cadc.query(TapQuery.builder(ROWS).mode(TapQuery.Mode.ASYNC).build())) {
            assertThat(firstColumn(rows)).hasSize(500);
        }
        assertThat(syncRequests()).isZero();
        assertThat(jobsCreated()).hasSize(1);
        assertThat(tap.server().requests()).anyMatch(r -> r.method().equals("DELETE"));
    }

    @Test
    @org.junit.jupiter.api.Timeout(120) // without its own wait, the job would be waited for an hour
    void aJobNotDoneWithinTheQuerysJobTimeoutIsDeleted() {
        try (Cadc cadc = Cadc.builder().tap(ServiceLocation.at(tap.base())).build()) {
            TapQuery q = TapQuery.builder("select * from fault.hang").mode(TapQuery.Mode.ASYNC)
                    .jobTimeout(Duration.ofSeconds(1)).build();
            assertThatThrownBy(() -> cadc.query(q)).isInstanceOf(CadcTimeoutException.class)
                    .hasMessageNotContaining("may still be running");
        }
        assertThat(tap.server().requests()).anyMatch(r -> r.method().equals("DELETE") && r.path().endsWith("/async/j1"));
    }

    @Test
    void aJobNotDoneInTimeIsKeptWhenJournaledAndNamedWhenItCannotBeDeleted() {
        String hang = "select * from fault.hang";
        try (Cadc cadc = Cadc.builder().tap(ServiceLocation.at(tap.base())).jobJournal(dir.resolve("jobs"))
                .overallTimeout(Duration.ofSeconds(2)).build()) {
            assertThatThrownBy(() -> cadc.query(TapQuery.builder(hang).mode(TapQuery.Mode.ASYNC).build()))
                    .isInstanceOf(CadcTimeoutException.class)
                    .hasMessageContaining("; the job keeps running, kept in the journal: " + tap.base() + "/async/j1");
            assertThat(tap.jobPhase("j1")).hasValue("EXECUTING");
            assertThat(cadc.jobJournal().orElseThrow().entries()).singleElement()
                    .satisfies(e -> assertThat(e.jobId()).isEqualTo("j1"));
        }
        try (Cadc cadc = Cadc.builder().tap(ServiceLocation.at(tap.base())).overallTimeout(Duration.ofSeconds(2)).build()) {
            // The overall timeout that ended the wait leaves no time for the DELETE: the message says so.
            assertThatThrownBy(() -> cadc.query(TapQuery.builder(hang).mode(TapQuery.Mode.ASYNC).build()))
                    .isInstanceOf(CadcTimeoutException.class)
                    .hasMessageContaining("; the job could not be deleted and may still be running: " + tap.base()
                            + "/async/j2");
            assertThat(tap.jobPhase("j2")).hasValue("EXECUTING");
        }
    }
}
