// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cadc4j.core.tap.JobJournal;
import io.cadc4j.tests.interop.Dachs;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 item 3 against DaCHS, the command as a child process: Ctrl-C (SIGINT) during
 * {@code cadc query --async} on a query DaCHS needs seconds for (a count over a cross join of
 * 384 planes three times and the 3 TAP_SCHEMA schemas: about 13 s of PostgreSQL on this machine)
 * aborts the job and deletes it, so that DaCHS's own UWS list no longer has it, and exits 130; with
 * {@code --keep-job} the job is still in DaCHS's list afterwards and {@code cadc job resume} gives
 * its whole result, the count the table sizes make.
 */
@Tag("interop")
class DachsJobSignalProcessTest {
    private static final String SLOW = "select count(*) as n from caom2.Plane a, caom2.Plane b, caom2.Plane c, "
            + "tap_schema.schemas d";

    @TempDir
    Path dir;

    private Path state;
    private String registry;

    @BeforeEach
    void requireServerAndCommand() throws IOException {
        Dachs.assumeRunning();
        CadcProcess.assumeBuilt();
        state = Files.createDirectories(dir.resolve("state"));
        registry = "--registry=" + Dachs.url("/static/reg/resource-caps");
    }

    @Test
    void sigintAbortsTheJobAndDeletesItFromDachsAndExits130() throws Exception {
        CadcProcess q = CadcProcess.start(dir, state, "query", "--async", "--format=csv", SLOW, registry);
        URI job = awaitExecuting(q);
        String id = job.getPath().substring(job.getPath().lastIndexOf('/') + 1);
        assertTrue(uwsList().contains("id=\"" + id + "\""), "DaCHS lists the running job: " + uwsList());

        q.signal("INT");
        assertEquals(130, q.waitForExit(), q.describe());
        assertTrue(q.err().contains("job " + id + " aborted and deleted on the server"), q.describe());
        assertFalse(uwsList().contains("id=\"" + id + "\""), "gone from DaCHS's UWS list: " + uwsList());
        assertEquals(404, status(job), "DaCHS no longer has " + job);
        assertEquals(List.of(), JobJournal.at(journalDir()).entries(), "and it is out of the journal");
    }

    @Test
    void keepJobLeavesItOnDachsAndJobResumeGivesTheWholeResult() throws Exception {
        long planes = count("select count(*) as n from caom2.Plane");
        long schemas = count("select count(*) as n from tap_schema.schemas");

        CadcProcess q = CadcProcess.start(dir, state, "query", "--async", "--keep-job", "--format=csv", SLOW,
                registry);
        URI job = awaitExecuting(q);
        String id = job.getPath().substring(job.getPath().lastIndexOf('/') + 1);
        q.signal("INT");
        assertEquals(130, q.waitForExit(), q.describe());
        assertTrue(q.err().contains("cadc job resume " + job), q.describe());
        assertTrue(uwsList().contains("id=\"" + id + "\""), "DaCHS still has the job: " + uwsList());
        assertEquals(1, JobJournal.at(journalDir()).entries().size(), "and the journal keeps it");

        CadcProcess resume = CadcProcess.run(dir, state, "job", "resume", id, "--format=csv");
        assertEquals(0, resume.code(), resume.describe());
        assertEquals(List.of("n", Long.toString(planes * planes * planes * schemas)),
                resume.out().lines().collect(Collectors.toList()), resume.describe());
        assertFalse(uwsList().contains("id=\"" + id + "\""), "resume deletes the job as query --async does");
        assertEquals(List.of(), JobJournal.at(journalDir()).entries());
    }

    private Path journalDir() {
        return state.resolve("cadc4j").resolve("jobs");
    }

    /** Runs a quick count through the command. */
    private long count(String adql) throws Exception {
        CadcProcess p = CadcProcess.run(dir, state, "query", "--format=csv", adql, registry);
        assertEquals(0, p.code(), p.describe());
        List<String> lines = p.out().lines().collect(Collectors.toList());
        assertEquals(2, lines.size(), p.describe());
        return Long.parseLong(lines.get(1).strip());
    }

    /** Waits until the command's job (found in its journal) is EXECUTING on DaCHS. */
    private URI awaitExecuting(CadcProcess p) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the job never started executing\n" + p.describe());
            }
            List<JobJournal.Entry> entries = Files.isDirectory(journalDir()) ? JobJournal.at(journalDir()).entries()
                    : List.of();
            if (entries.size() == 1) {
                URI job = entries.get(0).jobUrl();
                if (get(URI.create(job + "/phase")).strip().equals("EXECUTING")) {
                    // the command is now in its wait (the phase changed when it asked to run the job)
                    Thread.sleep(500);
                    return job;
                }
            }
            Thread.sleep(100);
        }
    }

    /** DaCHS's own UWS job list. */
    private static String uwsList() throws IOException {
        return get(Dachs.url("/tap/async"));
    }

    private static String get(URI uri) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(30000);
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            c.disconnect();
        }
    }

    private static int status(URI uri) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(30000);
        try {
            return c.getResponseCode();
        } finally {
            c.disconnect();
        }
    }
}
