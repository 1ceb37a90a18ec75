// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cadc4j.tests.server.tap.TapStandIn;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 as a person meets it: {@code cadc query --async} interrupted (SIGINT), kept
 * ({@code --keep-job}) and resumed ({@code cadc job resume}), killed (SIGKILL) and found again
 * ({@code cadc job list --local}), and two commands journaling at once; each command a child
 * process against the TAP stand-in, the server's side checked through its UWS job list.
 */
class JobsProcessTest {
    private static final String HANG = "select * from fault.hang";
    private static final String PLANES = "select top 4 * from caom2.Plane";

    @TempDir
    Path dir;

    private Path state;
    private TapStandIn tap;
    private String tapUrl;

    @BeforeEach
    void start() throws IOException {
        CadcProcess.assumeBuilt();
        state = Files.createDirectories(dir.resolve("state"));
        tap = TapStandIn.start();
        tapUrl = "--tap-url=" + tap.base();
    }

    @AfterEach
    void stop() {
        if (tap != null) {
            tap.close();
        }
    }

    @Test
    void sigintDuringAsyncQueryAbortsAndDeletesTheJobAndExits130() throws Exception {
        CadcProcess q = CadcProcess.start(dir, state, "query", "--async", HANG, tapUrl);
        awaitPhase(q, "j1", "EXECUTING");
        assertTrue(uwsList().contains("j1"), uwsList());
        assertEquals(1, journalFiles().size(), "the job is in the journal while it runs");

        q.signal("INT");
        assertEquals(130, q.waitForExit(), q.describe());
        assertTrue(q.err().contains("job j1 aborted and deleted on the server"), q.describe());
        assertEquals(Optional.empty(), tap.jobPhase("j1"), "the job is gone from the server");
        assertFalse(uwsList().contains("\"j1\""), uwsList());
        assertEquals(List.of(), journalFiles(), "and from the journal");
    }

    @Test
    void keepJobLeavesItRunningAndJobResumeGivesTheSameResultAsAnUninterruptedAsyncQuery() throws Exception {
        CadcProcess whole = CadcProcess.run(dir, state, "query", "--async", "--format=csv", PLANES, tapUrl);
        assertEquals(0, whole.code(), whole.describe());
        assertEquals(5, whole.out().lines().count(), whole.describe());

        tap.jobDuration(Duration.ofSeconds(4));
        CadcProcess q = CadcProcess.start(dir, state, "query", "--async", "--keep-job", "--format=csv", PLANES,
                tapUrl);
        awaitPhase(q, "j2", "EXECUTING");
        q.signal("INT");
        assertEquals(130, q.waitForExit(), q.describe());
        assertTrue(q.err().contains("cadc job resume " + tap.base() + "/async/j2"), q.describe());
        assertEquals(Optional.of("EXECUTING"), tap.jobPhase("j2"), "the job keeps running");
        assertTrue(uwsList().contains("j2"), uwsList());

        CadcProcess resume = CadcProcess.run(dir, state, "job", "resume", "j2", "--format=csv");
        assertEquals(0, resume.code(), resume.describe());
        assertEquals(whole.out(), resume.out(), "job resume prints what query --async prints");
        assertEquals(Optional.empty(), tap.jobPhase("j2"), "and deletes the job as query --async does");
        assertEquals(List.of(), journalFiles());
    }

    @Test
    void sigkillLeavesTheJournalEntryThatJobListLocalShowsWithItsPhaseNow() throws Exception {
        CadcProcess q = CadcProcess.start(dir, state, "query", "--async", HANG, tapUrl);
        awaitPhase(q, "j1", "EXECUTING");
        q.kill();
        assertEquals(Optional.of("EXECUTING"), tap.jobPhase("j1"), "nothing ran on SIGKILL");

        CadcProcess list = CadcProcess.run(dir, state, "job", "list", "--local", "--format=csv");
        assertEquals(0, list.code(), list.describe());
        List<String> lines = list.out().lines().collect(Collectors.toList());
        assertEquals("job,phase,created,owner,url,query", lines.get(0), list.describe());
        assertEquals(2, lines.size(), list.describe());
        assertTrue(lines.get(1).startsWith("j1,EXECUTING,"), list.describe());
        assertTrue(lines.get(1).endsWith(",anonymous," + tap.base() + "/async/j1," + HANG), list.describe());

        // the service forgets it: the journal says so
        CadcProcess delete = CadcProcess.run(dir, state, "job", "delete", tap.base() + "/async/j1", tapUrl);
        assertEquals(0, delete.code(), delete.describe());
        list = CadcProcess.run(dir, state, "job", "list", "--local", "--format=csv");
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("j1,destroyed,")), list.describe());

        // and a service that is down is unreachable
        tap.close();
        tap = null;
        list = CadcProcess.run(dir, state, "job", "list", "--local", "--format=csv");
        assertEquals(0, list.code(), list.describe());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("j1,unreachable,")), list.describe());
    }

    @Test
    void twoCommandsJournalingAtOnceLoseNoEntry() throws Exception {
        CadcProcess a = CadcProcess.start(dir, state, "job", "create", "select top 1 * from caom2.Plane", tapUrl);
        CadcProcess b = CadcProcess.start(dir, state, "job", "create", "select top 2 * from caom2.Plane", tapUrl);
        assertEquals(0, a.waitForExit(), a.describe());
        assertEquals(0, b.waitForExit(), b.describe());
        assertEquals(2, journalFiles().size());

        CadcProcess list = CadcProcess.run(dir, state, "job", "list", "--local", "--format=csv");
        List<String> rows = list.out().lines().skip(1).sorted().collect(Collectors.toList());
        assertEquals(2, rows.size(), list.describe());
        assertTrue(rows.stream().anyMatch(r -> r.endsWith("select top 1 * from caom2.Plane")), list.describe());
        assertTrue(rows.stream().anyMatch(r -> r.endsWith("select top 2 * from caom2.Plane")), list.describe());
        assertTrue(rows.stream().allMatch(r -> r.contains(",PENDING,")), list.describe());
    }

    private List<Path> journalFiles() throws IOException {
        Path jobs = state.resolve("cadc4j").resolve("jobs");
        if (!Files.isDirectory(jobs)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(jobs)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).collect(Collectors.toList());
        }
    }

    /** The service's own UWS job list. */
    private String uwsList() throws IOException {
        HttpURLConnection c = (HttpURLConnection) tap.base().resolve(tap.base().getPath() + "/async").toURL()
                .openConnection();
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            c.disconnect();
        }
    }

    private void awaitPhase(CadcProcess p, String job, String phase) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!tap.jobPhase(job).equals(Optional.of(phase))) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("job " + job + " never reached " + phase + " (" + tap.jobPhase(job) + ")\n"
                        + p.describe());
            }
            Thread.sleep(50);
        }
        // the command is now in its wait (the phase changed when it asked to run the job)
        Thread.sleep(300);
    }
}
