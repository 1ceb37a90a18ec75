// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.testing.Fixtures;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the {@code cadc} command as a person types it: a {@code cadc} launcher on the {@code PATH}
 * of {@code sh -c LINE}, so that pipes and redirections are the shell's own, and, where a terminal
 * matters, the line run inside a pseudo-terminal by {@code script -q} with its size set by
 * {@code stty}. The launcher runs {@code Main} on this build's class path: with the test classes
 * ({@link #fixtures}) the fixture providers answer instead of the network; without them the real
 * adapters talk to whatever URL the line names (a loopback server, DaCHS).
 */
final class Shell {
    private static final long DEADLINE_SECONDS = 120;
    private final Path dir;
    private final Path bin;
    /** Environment variables for the line (HOME points into the test's directory by default). */
    final Map<String, String> environment = new java.util.HashMap<>();

    /** What a line did. */
    static final class Result {
        final int code;
        final String out;
        final String err;

        Result(int code, String out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }

        @Override
        public String toString() {
            return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    private Shell(Path dir, boolean fixtures) throws IOException {
        this.dir = dir;
        this.bin = Files.createDirectories(dir.resolve("bin"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String repo = Fixtures.repository().toAbsolutePath().toString();
        String launcher = "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -Dcadc4j.repo.dir='" + repo + "' -cp '"
                + classPath(fixtures) + "' io.cadc4j.cli.internal.Main \"$@\"\n";
        Path cadc = bin.resolve("cadc");
        Files.writeString(cadc, launcher);
        Files.setPosixFilePermissions(cadc, PosixFilePermissions.fromString("rwxr-xr-x"));
        environment.put("HOME", Files.createDirectories(dir.resolve("home")).toString());
    }

    /**
     * A shell whose {@code cadc} answers from the fixtures (test resources' providers).
     *
     * @param dir the working directory
     * @return the shell
     * @throws IOException if the launcher cannot be written
     */
    static Shell fixtures(Path dir) throws IOException {
        return new Shell(dir, true);
    }

    /**
     * A shell whose {@code cadc} uses the real adapters and network.
     *
     * @param dir the working directory
     * @return the shell
     * @throws IOException if the launcher cannot be written
     */
    static Shell network(Path dir) throws IOException {
        return new Shell(dir, false);
    }

    private static String classPath(boolean fixtures) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Stream.of(cp.split(File.pathSeparator))
                .filter(e -> fixtures || !e.replace('\\', '/').endsWith("/test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** @return the directory lines run in */
    Path dir() {
        return dir;
    }

    /**
     * Runs a line with standard input, output and error redirected (no terminal anywhere).
     *
     * @param line the shell line, e.g. {@code cadc region "..." > out.txt}
     * @param stdin what standard input holds
     * @return what it did
     * @throws Exception if it cannot be run or does not end in time
     */
    Result run(String line, String stdin) throws Exception {
        return start(List.of("sh", "-c", line), stdin, null);
    }

    /**
     * Runs a line in a pseudo-terminal of the given width ({@code script -q}): standard output and
     * error are the terminal unless the line redirects them. What the terminal showed comes back
     * as standard output (with the terminal's CR LF line ends turned to LF).
     *
     * @param columns the terminal's width
     * @param line the shell line
     * @param typed what is typed at the terminal (a password, say)
     * @return what it did
     * @throws Exception if it cannot be run or does not end in time
     */
    Result inTerminal(int columns, String line, String typed) throws Exception {
        return inTerminal(columns, line, null, typed);
    }

    /**
     * Runs a line in a pseudo-terminal, typing only once the terminal shows a prompt (as a person
     * types a password after being asked for it).
     *
     * @param columns the terminal's width
     * @param line the shell line
     * @param prompt what to wait for on the terminal before typing, or null
     * @param typed what is typed
     * @return what it did
     * @throws Exception if it cannot be run or does not end in time
     */
    Result inTerminal(int columns, String line, String prompt, String typed) throws Exception {
        String inner = "stty cols " + columns + " rows 40; " + line;
        Result r = start(List.of("script", "-q", "-e", "-c", inner, "/dev/null"), typed, prompt);
        return new Result(r.code, r.out.replace("\r\n", "\n"), r.err);
    }

    /**
     * Starts a line without waiting for it (to signal it, say).
     *
     * @param line the shell line
     * @return the process (the shell, which execs the command when the line is a single command)
     * @throws IOException if it cannot be started
     */
    Process startLine(String line) throws IOException {
        ProcessBuilder b = new ProcessBuilder("sh", "-c", "exec " + line).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        environment(b);
        return b.start();
    }

    private void environment(ProcessBuilder b) {
        b.environment().remove("COLUMNS");
        b.environment().remove("NETRC");
        b.environment().putAll(environment);
        b.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
    }

    private Result start(List<String> command, String stdin, String prompt) throws Exception {
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder b = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        environment(b);
        Process p = b.start();
        if (prompt != null) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
            while (!Files.readString(out).contains(prompt)) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("no prompt '" + prompt + "' on the terminal: " + Files.readString(out));
                }
                Thread.sleep(50);
            }
            Thread.sleep(300); // the echo is turned off right after the prompt
        }
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the line did not read its input
        }
        if (!p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not end within " + DEADLINE_SECONDS + " s");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /**
     * Lists a directory's entries, hidden ones included.
     *
     * @param d the directory
     * @return the names
     * @throws IOException if it cannot be listed
     */
    static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            List<String> out = new ArrayList<>();
            s.forEach(p -> out.add(p.getFileName().toString()));
            return out;
        }
    }
}
