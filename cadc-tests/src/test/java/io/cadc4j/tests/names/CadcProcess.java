// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.names;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the {@code cadc} command as a person types it: {@code java -jar ../cadc-cli/target/cadc.jar
 * ARGS...} in a process of its own, standard input empty, standard output and error captured.
 *
 * <p>Single-threaded.
 */
public final class CadcProcess {
    /** The runnable jar the cadc-cli module builds. */
    public static final Path JAR = Path.of("..", "cadc-cli", "target", "cadc.jar").toAbsolutePath().normalize();
    private static final long DEADLINE_SECONDS = 120;

    private final Path dir;
    private int code;
    private String out = "";
    private String err = "";

    /**
     * A runner writing its captures into a directory.
     *
     * @param dir a temporary directory
     */
    public CadcProcess(Path dir) {
        this.dir = dir;
    }

    /** Skips the calling test, saying how to build it, when the jar is missing. */
    public static void assumeBuilt() {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "the cadc command is not built at " + JAR
                + ": run ./mvnw -B package -pl cadc-cli -am -DskipTests first");
    }

    /**
     * Runs the command to its end.
     *
     * @param args the arguments, as a shell would pass them
     * @return the exit code
     * @throws IOException if the process cannot be started
     * @throws InterruptedException if interrupted while waiting
     */
    public int run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(Arrays.asList(args));
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        File nul = new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nul))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("cadc " + String.join(" ", args) + " did not end within " + DEADLINE_SECONDS + " s");
        }
        code = p.exitValue();
        out = Files.readString(stdout, StandardCharsets.UTF_8);
        err = Files.readString(stderr, StandardCharsets.UTF_8);
        return code;
    }

    /** @return the last run's standard output */
    public String out() {
        return out;
    }

    /** @return the last run's standard error */
    public String err() {
        return err;
    }

    /** @return the last run's standard output, line by line */
    public List<String> lines() {
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\R"));
    }

    /** @return the last run, for assertion messages */
    public String describe() {
        return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
