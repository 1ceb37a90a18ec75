// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.tests.server.tap.TapStandIn;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command's distribution as a user gets it: the {@code .tar.gz} unpacked with {@code tar} into a
 * temporary folder, then {@code bin/cadc} run as a process ({@code --version}, and a query against
 * the in-process TAP stand-in); the {@code .zip} holds the same files. Maven builds the archives
 * before this module's tests (a test dependency on the zip, whose path the build hands over as
 * {@code cadc4j.dist.zip}), so the test never skips.
 */
class DistributionTest {
    @TempDir
    static Path dir;

    private static Path home;
    private static Path zip;

    @BeforeAll
    static void unpack() throws Exception {
        String path = System.getProperty("cadc4j.dist.zip");
        if (path == null || path.startsWith("${")) {
            throw new IllegalStateException("cadc4j.dist.zip is not set: run the tests through Maven, which builds the "
                    + "distribution (cadc-cli/target/cadc-<version>.zip) first");
        }
        zip = Path.of(path);
        String base = zip.getFileName().toString().replaceAll("\\.zip$", "");
        Path tgz = zip.resolveSibling(base + ".tar.gz");
        assertThat(tgz).isRegularFile();
        Process tar = new ProcessBuilder("tar", "xzf", tgz.toString(), "-C", dir.toString()).inheritIO().start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).isZero();
        home = dir.resolve(base);
    }

    @Test
    void holdsTheLaunchersLibrariesCompletionAndLicences() throws IOException {
        assertThat(home.resolve("bin/cadc")).isRegularFile();
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/cadc"))).contains(PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE);
        assertThat(Files.readString(home.resolve("bin/cadc.bat"))).contains("\r\n", "io.cadc4j.cli.internal.Main");
        assertThat(Files.readString(home.resolve("completion/cadc.bash"))).contains("complete -F", "region", "--format");
        assertThat(Files.readString(home.resolve("completion/cadc.zsh"))).startsWith("#compdef cadc")
                .contains("bashcompinit");
        assertThat(home.resolve("LICENSE")).isRegularFile();
        assertThat(home.resolve("NOTICE")).isRegularFile();
        try (Stream<Path> libs = Files.list(home.resolve("lib"))) {
            assertThat(libs.map(p -> p.getFileName().toString()).collect(Collectors.toList()))
                    .anyMatch(n -> n.startsWith("cadc-cli-")).anyMatch(n -> n.startsWith("cadc-tap-"))
                    .anyMatch(n -> n.startsWith("picocli-")).anyMatch(n -> n.startsWith("woodstox-core-"));
        }
        assertThat(home.resolve("licenses/woodstox-core/LICENSE")).isRegularFile();
        assertThat(home.resolve("licenses/parsson/LICENSE.md")).isRegularFile();
    }

    @Test
    void zipHoldsTheSameFilesAsTheTarball() throws IOException {
        TreeSet<String> inZip = new TreeSet<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().filter(e -> !e.isDirectory()).forEach(e -> inZip.add(e.getName()));
        }
        TreeSet<String> inTar = new TreeSet<>();
        try (Stream<Path> all = Files.walk(home)) {
            all.filter(Files::isRegularFile).forEach(p -> inTar.add(dir.relativize(p).toString().replace('\\', '/')));
        }
        assertThat(inZip).isEqualTo(inTar);
    }

    @Test
    void binCadcPrintsItsVersion() throws Exception {
        Result r = cadc("--version");
        assertThat(r.code).as(r.toString()).isZero();
        String version = home.getFileName().toString().substring("cadc-".length());
        assertThat(r.out).startsWith("cadc " + version + ", Java ");
    }

    @Test
    void binCadcRunsAQueryAgainstTheStandIn() throws Exception {
        try (TapStandIn tap = TapStandIn.start()) {
            Result r = cadc("--tap-url", tap.base().toString(), "query", "--format", "csv",
                    "select top 2 * from caom2.Plane");
            assertThat(r.code).as(r.toString()).isZero();
            List<String> expected = new ArrayList<>();
            expected.add(String.join(",", TapStandIn.PLANE_COLUMNS));
            for (List<String> row : TapStandIn.PLANES.subList(0, 2)) {
                expected.add(row.stream().map(c -> c == null ? "" : c).collect(Collectors.joining(",")));
            }
            assertThat(r.out.split("\\R")).containsExactlyElementsOf(expected);
            assertThat(tap.executions()).isEqualTo(1);
        }
    }

    @Test
    void binCadcWorksThroughASymbolicLink() throws Exception {
        Path link = dir.resolve("elsewhere/cadc");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, home.resolve("bin/cadc"));
        Result r = run(List.of(link.toString(), "--version"));
        assertThat(r.code).as(r.toString()).isZero();
        assertThat(r.out).startsWith("cadc ");
    }

    private static Result cadc(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/cadc").toString());
        command.addAll(Arrays.asList(args));
        return run(command);
    }

    private static Result run(List<String> command) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not end within 120 s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** One run's exit code and output. */
    private static final class Result {
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
}
