// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.cli;

import io.cadc4j.testing.Fixtures;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The {@code cadc} command run as a child process, as a person runs it: the built
 * {@code cadc-cli/target/cadc.jar} on this JVM, standard input from {@code /dev/null}, standard
 * output and error captured in files, a state directory of its own ({@code XDG_STATE_HOME}, with
 * the disk cache in its {@code cache}), and signals sent with {@code kill}. The one runner of the
 * command for every process test of this module.
 *
 * <p>Not thread-safe; one instance per child.
 */
public final class CadcProcess {
    /** The runnable jar the cadc-cli module builds. */
    public static final Path JAR = Fixtures.repository().resolve("cadc-cli/target/cadc.jar")
            .toAbsolutePath().normalize();
    private static final long DEADLINE_SECONDS = 120;
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final String shown;

    private CadcProcess(Process process, Path stdout, Path stderr, String shown) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.shown = shown;
    }

    /** Skips the test with the reason when the command is not built. */
    public static void assumeBuilt() {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "the cadc command is not built at " + JAR
                + ": run ./mvnw -B verify -pl cadc-tests -am (it packages cadc-cli first)");
    }

    /**
     * Starts the command.
     *
     * @param dir where its output files go
     * @param state its XDG_STATE_HOME
     * @param args its arguments
     * @return the running command
     */
    public static CadcProcess start(Path dir, Path state, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (sigintIgnored()) {
            // A child inherits an ignored SIGINT, and the JVM then keeps it ignored: put it back first.
            command.addAll(List.of("perl", "-e", "$SIG{INT}='DEFAULT'; exec @ARGV or die"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(Arrays.asList(args));
        int n = RUNS.incrementAndGet();
        Path out = dir.resolve("stdout-" + n + ".txt");
        Path err = dir.resolve("stderr-" + n + ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("XDG_STATE_HOME", state.toAbsolutePath().toString());
        // a cache of its own: a copy another run left in ~/.cache for a port now reused would be read
        pb.environment().put("XDG_CACHE_HOME", state.resolve("cache").toAbsolutePath().toString());
        pb.environment().remove("CADC4J_OPTS");
        return new CadcProcess(pb.start(), out, err, "cadc " + String.join(" ", args));
    }

    /**
     * Runs the command to its end.
     *
     * @param dir where its output files go
     * @param state its XDG_STATE_HOME
     * @param args its arguments
     * @return the ended command
     */
    public static CadcProcess run(Path dir, Path state, String... args) throws IOException, InterruptedException {
        CadcProcess p = start(dir, state, args);
        p.waitForExit();
        return p;
    }

    private static boolean sigintIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 2L) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }

    /** Sends a signal by name (INT, TERM). */
    public void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -" + name + " failed");
        }
    }

    /** Kills it outright (SIGKILL): nothing of its own runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    /** Waits for its end; fails when it does not end in time. */
    public int waitForExit() throws InterruptedException {
        if (!process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(shown + " did not end within " + DEADLINE_SECONDS + " s");
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int code() {
        return process.exitValue();
    }

    public String out() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    public String err() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** Its standard output, line by line (none when it wrote nothing). */
    public List<String> lines() throws IOException {
        String out = out();
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\R"));
    }

    /** What it was and what it said, for failure messages. */
    public String describe() throws IOException {
        return shown + "\nexit " + (process.isAlive() ? "(running)" : process.exitValue()) + "\nstdout:\n" + out()
                + "\nstderr:\n" + err();
    }
}
