// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.testing.Fixtures;
import io.cadc4j.tests.server.RecordedRequest;
import io.cadc4j.tests.server.Reply;
import io.cadc4j.tests.server.tap.TapStandIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code cadc} launcher ({@code cadc-cli/target/cadc}, beside {@code cadc.jar} and
 * the class-data sharing archive {@code cadc.jsa}) run as a process, the way a person types it,
 * against the loopback TAP stand-in with a registry file: the disk cache of registry and
 * capabilities across runs, no TLS for a plain-HTTP service, and the silent fallback when the
 * archive does not fit the JVM. Skipped, with the reason, when the command is not built or there
 * is no POSIX shell.
 */
class CadcLauncherTest {
    private static final Path TARGET = Fixtures.repository().resolve("cadc-cli/target")
            .toAbsolutePath().normalize();
    private static final String QUERY = "select top 3 * from caom2.Plane";

    @TempDir
    Path dir;

    private TapStandIn tap;
    private String registry;
    private int code;
    private String out;
    private String err;

    @BeforeEach
    void start() {
        Assumptions.assumeTrue(Files.isExecutable(TARGET.resolve("cadc")) && Files.isRegularFile(TARGET.resolve("cadc.jar")),
                "the cadc command is not built in " + TARGET + ": run ./mvnw -B package -pl cadc-cli -am -DskipTests");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh to run the launcher with");
        tap = TapStandIn.start();
        tap.server().route("GET", "/reg/resource-caps", Reply.ok().body("text/plain",
                ("# stand-in registry\nivo://cadc.nrc.ca/argus = " + tap.base() + "/capabilities\n")
                        .getBytes(StandardCharsets.UTF_8)));
        registry = tap.server().uri("/reg/resource-caps").toString();
    }

    @AfterEach
    void stop() {
        if (tap != null) {
            tap.close();
        }
    }

    private int cadc(Path launcher, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.add("--registry=" + registry);
        command.addAll(Arrays.asList(args));
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("JAVA_OPTS");
        pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("cadc " + String.join(" ", args) + " did not end within 120 s");
        }
        code = p.exitValue();
        out = Files.readString(stdout, StandardCharsets.UTF_8);
        err = Files.readString(stderr, StandardCharsets.UTF_8);
        return code;
    }

    private int query(Path launcher, Map<String, String> env) throws IOException, InterruptedException {
        return cadc(launcher, env, "query", QUERY, "--format", "csv");
    }

    private String describe() {
        return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }

    private List<String> paths() {
        return tap.server().requests().stream().map(RecordedRequest::path).collect(Collectors.toList());
    }

    private static String expectedCsvHead() {
        return String.join(",", TapStandIn.PLANE_COLUMNS) + "\n";
    }

    @Test
    void aSecondRunWithinTheTtlSendsOnlyTheQuery() throws Exception {
        Path cadc = TARGET.resolve("cadc");
        assertThat(query(cadc, Map.of())).as(describe()).isZero();
        String first = out;
        assertThat(first).startsWith(expectedCsvHead()).contains("2460001");
        assertThat(err).isEmpty();
        assertThat(paths()).containsExactly("/reg/resource-caps", "/tap/capabilities", "/tap/sync",
                "/tap/sync/s1/results/result");
        try (Stream<Path> files = Files.list(dir.resolve("cache").resolve("cadc4j"))) {
            assertThat(files).hasSize(2);
        }

        assertThat(query(cadc, Map.of())).as(describe()).isZero();
        assertThat(out).isEqualTo(first);
        assertThat(paths()).hasSize(6).endsWith("/tap/sync", "/tap/sync/s2/results/result");
    }

    @Test
    void aCacheDirectoryThatCannotBeMadeIsNoError() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", file.resolve("cache").toString());
        assertThat(query(TARGET.resolve("cadc"), env)).as(describe()).isZero();
        assertThat(query(TARGET.resolve("cadc"), env)).as(describe()).isZero();
        assertThat(out).startsWith(expectedCsvHead());
        assertThat(err).isEmpty();
        assertThat(paths()).filteredOn("/reg/resource-caps"::equals).hasSize(2);
    }

    @Test
    void aPlainHttpRunUsesTheArchiveAndSetsUpNoTls() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(TARGET.resolve("cadc.jsa")),
                "no class-data sharing archive was built (JDK older than 13?)");
        Path log = dir.resolve("classes.txt");
        assertThat(query(TARGET.resolve("cadc"), Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + log)))
                .as(describe()).isZero();
        List<String> loaded = Files.readAllLines(log);
        assertThat(loaded).filteredOn(l -> l.contains(" io.cadc4j.cli.internal.Main "))
                .singleElement().asString().contains("shared objects file");
        assertThat(loaded).noneMatch(l -> l.contains("sun.security.ssl.SSLContextImpl")
                || l.contains("sun.security.ssl.TrustStoreManager") || l.contains(" java.security.KeyStore "));
    }

    /**
     * A copy of the built command in a directory of its own, to damage; its {@code cadc.jsa.dir}
     * names the copy's directory, so that the launcher passes the archive and the JVM must be the
     * one that refuses it.
     */
    private Path copyOfTheCommand() throws IOException {
        Path copy = movedCopyOfTheCommand();
        Files.writeString(copy.resolve("cadc.jsa.dir"), copy.toRealPath() + "\n");
        return copy;
    }

    /** The built command copied elsewhere as it is, {@code cadc.jsa.dir} still naming target/. */
    private Path movedCopyOfTheCommand() throws IOException {
        Path copy = Files.createDirectory(dir.resolve("copy"));
        for (String name : List.of("cadc", "cadc.jar", "cadc.jsa", "cadc.jsa.dir")) {
            if (Files.exists(TARGET.resolve(name))) {
                Files.copy(TARGET.resolve(name), copy.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return copy;
    }

    @Test
    void aMovedCommandLeavesItsArchiveAndKeepsTheJdksOwn() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(TARGET.resolve("cadc.jsa")), "no class-data sharing archive built");
        Path copy = movedCopyOfTheCommand();
        Path log = dir.resolve("moved-classes.txt");
        assertThat(query(copy.resolve("cadc"), Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + log)))
                .as(describe()).isZero();
        assertThat(err).isEmpty();
        List<String> loaded = Files.readAllLines(log);
        assertThat(loaded).filteredOn(l -> l.contains(" io.cadc4j.cli.internal.Main "))
                .singleElement().asString().doesNotContain("shared objects file");
        // an archive of a jar elsewhere, once mapped, would have turned off the JDK's own sharing too
        assertThat(loaded).filteredOn(l -> l.contains(" java.lang.Object "))
                .singleElement().asString().contains("shared objects file");
    }

    private void assertRunsWithoutTheArchive(Path launcher, Map<String, String> env) throws Exception {
        Path log = dir.resolve("classes-" + System.nanoTime() + ".txt");
        Map<String, String> all = new HashMap<>(env);
        all.put("JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        assertThat(query(launcher, all)).as(describe()).isZero();
        assertThat(out).startsWith(expectedCsvHead()).contains("2460001");
        assertThat(err).as("nothing about the archive on stderr").isEmpty();
        assertThat(Files.readAllLines(log)).filteredOn(l -> l.contains(" io.cadc4j.cli.internal.Main "))
                .singleElement().asString().doesNotContain("shared objects file");
    }

    @Test
    void anArchiveThatIsNotOneIsIgnoredSilently() throws Exception {
        Path copy = copyOfTheCommand();
        Files.writeString(copy.resolve("cadc.jsa"), "not a class-data sharing archive\n");
        assertRunsWithoutTheArchive(copy.resolve("cadc"), Map.of());
    }

    @Test
    void anArchiveOfAnotherJarIsIgnoredSilently() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(TARGET.resolve("cadc.jsa")), "no class-data sharing archive built");
        Path copy = copyOfTheCommand();
        // the same bytes, but not the jar the archive was made from (CDS checks size and time)
        Files.setLastModifiedTime(copy.resolve("cadc.jar"),
                FileTime.fromMillis(Files.getLastModifiedTime(copy.resolve("cadc.jar")).toMillis() - 86_400_000L));
        assertRunsWithoutTheArchive(copy.resolve("cadc"), Map.of());
    }

    @Test
    void anArchiveOfAnotherJvmIsIgnoredSilently() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(TARGET.resolve("cadc.jsa")), "no class-data sharing archive built");
        Optional<Path> other = otherJdk();
        Assumptions.assumeTrue(other.isPresent(), "no second JDK 11+ beside " + System.getProperty("java.home")
                + " to run the archive with");
        assertRunsWithoutTheArchive(TARGET.resolve("cadc"), Map.of("JAVA_HOME", other.get().toString()));
    }

    @Test
    void withoutAnArchiveTheLauncherRunsAsBefore() throws Exception {
        Path copy = copyOfTheCommand();
        Files.deleteIfExists(copy.resolve("cadc.jsa"));
        assertRunsWithoutTheArchive(copy.resolve("cadc"), Map.of());
    }

    @Test
    void theDistributionMakesItsArchiveOnTheFirstQueryAndMapsItAfter() throws Exception {
        Optional<Path> tarball;
        try (Stream<Path> files = Files.list(TARGET)) {
            tarball = files.filter(p -> p.getFileName().toString().matches("cadc-.*\\.tar\\.gz")).findFirst();
        }
        Assumptions.assumeTrue(tarball.isPresent(), "no distribution built in " + TARGET);
        Path unpacked = Files.createDirectory(dir.resolve("dist"));
        Process tar = new ProcessBuilder("tar", "xzf", tarball.get().toString(), "-C", unpacked.toString())
                .inheritIO().start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).isZero();
        Path launcher;
        try (Stream<Path> homes = Files.list(unpacked)) {
            launcher = homes.findFirst().orElseThrow().resolve("bin").resolve("cadc");
        }
        Path archives = dir.resolve("cache").resolve("cadc4j").resolve("cds");

        assertThat(cadc(launcher, Map.of(), "--version")).as(describe()).isZero();
        assertThat(err).isEmpty();
        assertThat(archives).as("no archive from a run that is no query").doesNotExist();

        assertThat(query(launcher, Map.of())).as(describe()).isZero();
        assertThat(out).startsWith(expectedCsvHead());
        assertThat(err).isEmpty();
        try (Stream<Path> files = Files.list(archives)) {
            assertThat(files).singleElement().satisfies(f -> assertThat(f.getFileName().toString()).endsWith(".jsa"));
        }

        Path log = dir.resolve("dist-classes.txt");
        assertThat(query(launcher, Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + log))).as(describe()).isZero();
        assertThat(err).isEmpty();
        assertThat(Files.readAllLines(log)).filteredOn(l -> l.contains(" io.cadc4j.cli.internal.Main "))
                .singleElement().asString().contains("shared objects file");
    }

    /** A JDK of another version beside this one (e.g. under /usr/lib/jvm), if any. */
    private static Optional<Path> otherJdk() throws IOException {
        Path home = Path.of(System.getProperty("java.home")).toRealPath();
        String version = Runtime.version().toString();
        Path parent = home.getParent();
        if (parent == null) {
            return Optional.empty();
        }
        try (Stream<Path> jdks = Files.list(parent)) {
            for (Path p : (Iterable<Path>) jdks.sorted()::iterator) {
                Path release = p.resolve("release");
                if (!Files.isExecutable(p.resolve("bin").resolve("java")) || !Files.isRegularFile(release)
                        || p.toRealPath().equals(home)) {
                    continue;
                }
                String v = Files.readAllLines(release).stream().filter(l -> l.startsWith("JAVA_VERSION="))
                        .map(l -> l.substring(13).replace("\"", "")).findFirst().orElse("");
                int feature;
                try {
                    feature = Integer.parseInt(v.split("[.+-]")[0]);
                } catch (NumberFormatException e) {
                    continue;
                }
                if (feature >= 11 && !version.startsWith(v)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
