// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.interop.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cadc4j.testing.Fixtures;
import io.cadc4j.tests.interop.Dachs;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 against DaCHS: a job the command created is in the local journal, {@code cadc job
 * list --local} asks DaCHS its phase, and {@code cadc job resume ID} (no service option: the
 * journal knows it) prints what {@code cadc query --async} prints, then deletes the job.
 */
@Tag("interop")
class DachsJobJournalTest {
    private static final Path JAR = Fixtures.repository().resolve("cadc-cli/target/cadc.jar").toAbsolutePath().normalize();
    private static final String ADQL = "select top 3 obsID, collection from caom2.Observation order by obsID";

    @TempDir
    Path dir;

    private int code;
    private String out;
    private String err;

    @BeforeEach
    void requireServerAndJar() {
        Dachs.assumeRunning();
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "the cadc command is not built at " + JAR);
    }

    private int cadc(boolean registry, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(Arrays.asList(args));
        if (registry) {
            command.add("--registry=" + Dachs.url("/static/reg/resource-caps"));
        }
        Path o = dir.resolve("out.txt");
        Path e = dir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(o.toFile()).redirectError(e.toFile());
        pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("cadc " + args[0] + " did not end in time");
        }
        code = p.exitValue();
        out = Files.readString(o, StandardCharsets.UTF_8);
        err = Files.readString(e, StandardCharsets.UTF_8);
        return code;
    }

    private String describe() {
        return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }

    @Test
    void aJournaledJobIsListedWithItsPhaseAndResumesToTheAsyncQuerysOutput() throws Exception {
        assertEquals(0, cadc(true, "query", "--async", "--format", "csv", ADQL), describe());
        String whole = out;
        assertEquals(4, whole.lines().count(), describe());

        assertEquals(0, cadc(true, "job", "create", "--run", ADQL), describe());
        String id = out.strip();

        assertEquals(0, cadc(false, "job", "list", "--local", "--format", "csv"), describe());
        List<String> lines = out.lines().collect(java.util.stream.Collectors.toList());
        assertEquals(2, lines.size(), describe());
        assertTrue(lines.get(1).startsWith(id + ","), describe());
        assertTrue(lines.get(1).matches("[^,]+,(QUEUED|EXECUTING|COMPLETED),.*"), "the phase DaCHS gives: " + describe());
        assertTrue(lines.get(1).contains(",anonymous,"), describe());

        assertEquals(0, cadc(false, "job", "resume", id, "--format", "csv"), describe());
        assertEquals(whole, out, "job resume prints what query --async prints");

        assertEquals(0, cadc(false, "job", "list", "--local", "--format", "csv"), describe());
        assertEquals(1, out.lines().count(), "the resumed job is deleted and forgotten: " + describe());
    }
}
