// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cadc4j.tests.server.tap.TapStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 item 5 as a person meets it: {@code cadc query --mode auto} against the TAP stand-in
 * with a small sync row limit runs the query sync, sees the service cut it (OVERFLOW at a limit
 * the user did not set), says so on stderr and runs it as an async job with every row; a result
 * within the limit stays sync, and a MAXREC the user gives is never overridden. A sync answer that
 * does not start within {@code --sync-timeout} runs as an async job too. The decision is the
 * library's ({@code Cadc.attemptSync}); the command runs the job its own way (Ctrl-C, journal).
 */
class AutoModeProcessTest {
    private static final String ROWS = "select top 500 * from stand_in.generated";

    @TempDir
    Path dir;

    private Path state;
    private TapStandIn tap;

    @BeforeEach
    void start() throws IOException {
        CadcProcess.assumeBuilt();
        state = Files.createDirectories(dir.resolve("state"));
        tap = TapStandIn.start().syncLimit(100);
    }

    @AfterEach
    void stop() {
        tap.close();
    }

    private CadcProcess cadc(String... args) throws Exception {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--tap-url=" + tap.base();
        return CadcProcess.run(dir, state, all);
    }

    private long asyncJobsCreated() {
        return tap.server().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().matches("/tap/async/?")).count();
    }

    @Test
    void aResultTheSyncLimitWouldCutRunsAsAnAsyncJobWithEveryRow() throws Exception {
        CadcProcess sync = cadc("query", "--format=csv", ROWS);
        assertEquals(101, sync.out().lines().count(), "plain sync is cut at the limit: " + sync.describe());
        assertTrue(sync.err().contains("overflow"), sync.describe());

        CadcProcess auto = cadc("query", "--mode", "auto", "--format=csv", ROWS);
        assertEquals(0, auto.code(), auto.describe());
        List<String> lines = auto.out().lines().collect(Collectors.toList());
        assertEquals(501, lines.size(), auto.describe());
        assertEquals("499,", lines.get(500).substring(0, 4), "the last row is there");
        assertTrue(auto.err().contains("the service cut the sync result at its row limit (100 rows, OVERFLOW); "
                + "running the query as an async job instead"), auto.describe());
        assertEquals(1, asyncJobsCreated());
        assertFalse(auto.err().contains("overflow"), "the async result is whole: " + auto.describe());
        assertTrue(Files.notExists(state.resolve("cadc4j/jobs")) || Files.list(state.resolve("cadc4j/jobs"))
                .noneMatch(p -> !p.getFileName().toString().startsWith(".")), "the job was journaled, then forgotten");
    }

    @Test
    void aResultWithinTheLimitStaysSyncAndAFileGetsIt() throws Exception {
        Path file = dir.resolve("small.csv");
        CadcProcess auto = cadc("query", "--mode", "auto", "--format=csv", "-o", file.toString(),
                "select top 50 * from stand_in.generated");
        assertEquals(0, auto.code(), auto.describe());
        assertEquals(51, Files.readAllLines(file).size());
        assertEquals("", auto.err(), auto.describe());
        assertEquals(0, asyncJobsCreated());
    }

    @Test
    void aSyncAnswerThatDoesNotStartWithinTheSyncTimeoutRunsAsAnAsyncJob() throws Exception {
        tap.syncDelay(java.time.Duration.ofSeconds(4));
        CadcProcess auto = cadc("query", "--mode", "auto", "--sync-timeout", "0.5s", "--format=csv", "select top 50 * from stand_in.generated");
        assertEquals(0, auto.code(), auto.describe());
        List<String> lines = auto.out().lines().collect(Collectors.toList());
        assertEquals(51, lines.size(), auto.describe());
        assertEquals("49,", lines.get(50).substring(0, 3), "the last row is there");
        assertTrue(auto.err().contains("cadc: the sync request timed out before any of its answer arrived ("),
                auto.describe());
        assertTrue(auto.err().contains("500 ms); running the query as an async job instead"), auto.describe());
        assertEquals(1, asyncJobsCreated());
        assertEquals(1, tap.server().requests().stream().filter(r -> r.path().equals("/tap/sync")).count(),
                "the sync request given a timeout of its own is not retried");
    }

    @Test
    void syncTimeoutGoesWithAutoOnly() throws Exception {
        CadcProcess sync = cadc("query", "--sync-timeout", "5s", ROWS);
        assertEquals(2, sync.code(), sync.describe());
        assertTrue(sync.err().contains("--sync-timeout goes with --mode auto"), sync.describe());
        CadcProcess bad = cadc("query", "--mode", "auto", "--sync-timeout", "soon", ROWS);
        assertEquals(2, bad.code(), bad.describe());
        assertTrue(bad.err().contains("--sync-timeout: not a positive duration: 'soon'"), bad.describe());
        assertEquals(0, tap.server().requests().size(), "nothing was sent");
    }

    @Test
    void aMaxrecTheUserGaveIsNeverOverridden() throws Exception {
        CadcProcess auto = cadc("query", "--mode", "auto", "--maxrec", "100", "--format=csv", ROWS);
        assertEquals(0, auto.code(), auto.describe());
        assertEquals(101, auto.out().lines().count(), auto.describe());
        assertTrue(auto.err().contains("MAXREC=100"), "the user's limit is reported as theirs: " + auto.describe());
        assertEquals(0, asyncJobsCreated(), "no switch to async");
    }
}
