// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.tests.server.FaultProxy;
import io.cadc4j.tests.server.FaultProxy.Mode;
import io.cadc4j.tests.server.datalink.DataLinkStandIn;
import io.cadc4j.tests.server.tap.TapStandIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix's command-line cells: the {@code cadc} command run as a process
 * ({@code java -jar ../cadc-cli/target/cadc.jar}, as a person types it) against the stand-in TAP
 * and DataLink services behind a {@link FaultProxy}: {@code --retries} (0 turns retries off),
 * {@code --timeout} bounding the whole command (the {@code cutouts --download} of issue 22 behind
 * a 10-second delay), exit codes, and no partial {@code -o} file. Skipped, with the reason, when
 * the jar has not been built.
 */
class CommandFaultTest {
    private static final Path JAR = Path.of("..", "cadc-cli", "target", "cadc.jar").toAbsolutePath().normalize();
    /** What starting a JVM costs here, measured once: a cell's deadline is the command's, after its start. */
    private static Duration startup;

    @TempDir
    Path dir;

    /** The command's disk cache, one per test: a copy another run left in ~/.cache for a port now reused would be read. */
    @TempDir
    Path cache;

    private TapStandIn tap;
    private DataLinkStandIn dataLink;
    private FaultProxy proxy;
    private int code;
    private String out;
    private String err;
    private Duration took;

    @BeforeAll
    static void measureStartup() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "the cadc command is not built at " + JAR
                + ": run ./mvnw -B package -pl cadc-cli -am -DskipTests first");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(java(), "-jar", JAR.toString(), "--version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        startup = Duration.ofNanos(System.nanoTime() - start);
    }

    @BeforeEach
    void start() {
        tap = TapStandIn.start();
        dataLink = DataLinkStandIn.on(tap.server()).install();
        proxy = FaultProxy.start(tap.server().uri("")).retryAfter(1).delay(Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        proxy.close();
        tap.close();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private int cadc(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
        command.add("--tap-url=" + proxy.via(tap.base()));
        command.add("--datalink-url=" + proxy.via(dataLink.linksUrl()));
        command.addAll(Arrays.asList(args));
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("cadc " + String.join(" ", args) + " did not end within 120 s");
        }
        took = Duration.ofNanos(System.nanoTime() - start);
        code = p.exitValue();
        out = Files.readString(stdout, StandardCharsets.UTF_8);
        err = Files.readString(stderr, StandardCharsets.UTF_8);
        return code;
    }

    private String describe() {
        return "exit " + code + " after " + took.toMillis() + " ms (JVM start " + startup.toMillis() + " ms)\nstdout:\n"
                + out + "\nstderr:\n" + err + "\nproxy: " + proxy.log();
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("stdout.txt") && !n.equals("stderr.txt"))
                    .sorted().collect(Collectors.toList());
        }
    }

    @Test
    void busyServiceIsWaitedForAndTheOutputFileIsWhole() throws Exception {
        proxy.inject(Mode.BUSY_503, 2);
        assertThat(cadc("query", "select * from caom2.Plane", "--format", "csv", "-o", "planes.csv"))
                .as(describe()).isZero();
        assertThat(Files.readAllLines(dir.resolve("planes.csv"))).hasSize(TapStandIn.PLANES.size() + 1);
        assertThat(leftovers()).containsExactly("planes.csv");
        assertThat(proxy.injected(Mode.BUSY_503)).isEqualTo(2);
    }

    @Test
    void retriesZeroEndsAtTheFirstBusyAnswerWithNoFileLeft() throws Exception {
        proxy.inject(Mode.BUSY_503, 1);
        assertThat(cadc("--retries", "0", "query", "select * from caom2.Plane", "--format", "csv", "-o", "planes.csv"))
                .as(describe()).isEqualTo(3);
        assertThat(err).as(describe()).contains("HTTP 503").contains("busy, come back later")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(leftovers()).isEmpty();
        assertThat(proxy.requests()).isEqualTo(1);
    }

    @Test
    void givingUpSaysHowOftenItTriedInOneLine() throws Exception {
        proxy.inject(Mode.BUSY_503, 10);
        assertThat(cadc("--retries", "2", "query", "select * from caom2.Plane")).as(describe()).isEqualTo(3);
        assertThat(err.strip().lines()).as(describe()).hasSize(1);
        assertThat(err).as(describe()).containsPattern("still busy after 3 tries over \\d+(\\.\\d)? s \\(503, Retry-After 1\\)");
        assertThat(proxy.requests()).isEqualTo(3);
    }

    @Test
    void aBadRetriesValueIsAUsageError() throws Exception {
        assertThat(cadc("--retries", "-1", "query", "select 1")).as(describe()).isEqualTo(2);
        assertThat(err).contains("--retries");
    }

    @Test
    void aBrokenSyncAnswerIsSentAgainBeforeAnyRowIsWritten() throws Exception {
        proxy.inject(Mode.RESET_MID_BODY, 1, r -> r.startsWith("GET /tap/sync/"));
        assertThat(cadc("query", "select * from caom2.Plane", "--format", "csv")).as(describe()).isZero();
        assertThat(out.lines()).hasSize(TapStandIn.PLANES.size() + 1);
    }

    @Test
    void aTruncatedAnswerThatCannotBeRepeatedLeavesNoFile() throws Exception {
        proxy.inject(Mode.TRUNCATE, 10, r -> r.startsWith("GET /tap/sync/"));
        assertThat(cadc("--retries", "1", "query", "select * from caom2.Plane", "--format", "csv", "-o", "planes.csv"))
                .as(describe()).isEqualTo(3);
        assertThat(err).as(describe()).contains("the connection to 127.0.0.1:").contains("closed after")
                .doesNotContain("java.").doesNotContain("Exception");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void cutoutsDownloadBehindTenSecondDelaysEndsByItsTimeout() throws Exception {
        proxy.inject(Mode.SLOW_HEADERS, 100);
        assertThat(cadc("--timeout", "5s", "cutouts", "131.28 54.3", "--radius", "0.01 deg", "--download", "cut"))
                .as(describe()).isEqualTo(3);
        assertThat(took).as(describe()).isLessThanOrEqualTo(Duration.ofSeconds(6).plus(startup));
        assertThat(err).as(describe()).contains("overall timeout of 5 s");
    }

    @Test
    void cutoutsDownloadAfterBusyAnswersGetsEveryFile() throws Exception {
        proxy.inject(Mode.BUSY_503, 2).inject(Mode.RESET_MID_BODY, 1, r -> r.startsWith("GET /dl/soda"));
        assertThat(cadc("cutouts", "131.28 54.3", "--radius", "0.01 deg", "--collection", "CFHT", "--download", "cut"))
                .as(describe()).isZero();
        // every line names a file in the directory (the stand-in's SODA answers all take the name "sync")
        assertThat(out.lines()).isNotEmpty()
                .allSatisfy(l -> assertThat(dir.resolve(l.replace(" (already there)", ""))).isRegularFile());
        try (Stream<Path> s = Files.list(dir.resolve("cut"))) {
            assertThat(s.map(Path::toString)).noneSatisfy(n -> assertThat(n).endsWith(".part"));
        }
    }

    @Test
    void asyncQueryWaitsOutBusyPollsAndEndsByItsTimeoutWhenTheResultIsSlow() throws Exception {
        proxy.inject(Mode.BUSY_503, 2, r -> r.startsWith("GET /tap/async/"));
        assertThat(cadc("query", "--async", "select * from caom2.Plane", "--format", "csv")).as(describe()).isZero();
        assertThat(out.lines()).hasSize(TapStandIn.PLANES.size() + 1);

        proxy.inject(Mode.SLOW_BODY, 10, r -> r.endsWith("/results/result"));
        assertThat(cadc("--timeout", "4s", "query", "--async", "select * from caom2.Plane", "-o", "r.csv",
                "--format", "csv")).as(describe()).isEqualTo(3);
        assertThat(took).as(describe()).isLessThanOrEqualTo(Duration.ofSeconds(5).plus(startup));
        assertThat(leftovers()).isEmpty();
    }
}
