// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small runtime: a jlink image of cadc-core, cadc-http-jdk and a tiny consumer holds only the JDK
 * modules they need, and works.
 */
class JlinkImageTest {

    @Test
    void imageOfCoreAndJdkTransportRunsWithoutDesktopOrSql(@TempDir Path dir) throws Exception {
        Path jmods = Path.of(System.getProperty("java.home"), "jmods");
        assumeTrue(Files.isDirectory(jmods), "skipped: this JDK has no jmods folder (" + jmods
                + "), which jlink needs; on Debian it comes with openjdk-17-jdk, elsewhere install a full JDK");
        ToolProvider jlink = ToolProvider.findFirst("jlink").orElse(null);
        assumeTrue(jlink != null, "skipped: this JDK has no jlink tool");

        Path consumer = ConsumerModule.compile(dir);
        Path image = dir.resolve("image");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (PrintWriter out = new PrintWriter(log, true, StandardCharsets.UTF_8)) {
            int rc = jlink.run(out, out, "--module-path",
                    ConsumerModule.modulePath(jmods, consumer, BuildArtifacts.module("io.cadc4j.core"),
                            BuildArtifacts.module("io.cadc4j.http.jdk")),
                    "--add-modules", ConsumerModule.NAME + ",io.cadc4j.http.jdk",
                    "--strip-debug", "--no-header-files", "--no-man-pages", "--compress=2",
                    "--output", image.toString());
            assertThat(rc).as("jlink said: %s", log.toString(StandardCharsets.UTF_8)).isZero();
        }
        String java = image.resolve("bin").resolve(isWindows() ? "java.exe" : "java").toString();

        ConsumerModule.Result modules = ConsumerModule.run(List.of(java, "--list-modules"));
        assertThat(modules.output).contains("io.cadc4j.core", "io.cadc4j.http.jdk", "java.net.http", "java.base")
                .doesNotContain("java.desktop", "java.sql");

        HttpServer server = ConsumerModule.helloServer();
        try {
            ConsumerModule.Result r = ConsumerModule.run(List.of(java, "-m", ConsumerModule.MAIN,
                    ConsumerModule.helloUri(server).toString()));
            assertThat(r.exitCode).as("%s", r).isZero();
            assertThat(r.output).contains("transport=io.cadc4j.http.jdk.internal.JdkHttpTransport", "status=200 body=hello");
        } finally {
            server.stop(0);
        }
        long bytes = size(image);
        // Reported, not asserted: sizes differ between JDK builds.
        System.out.printf(Locale.ROOT, "jlink image of cadc-core + cadc-http-jdk + consumer: %.1f MB (%d bytes)%n",
                bytes / 1e6, bytes);
        Files.writeString(Path.of("target", "jlink-image-size.txt"), bytes + "\n");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    }

    private static long size(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
        }
    }
}
