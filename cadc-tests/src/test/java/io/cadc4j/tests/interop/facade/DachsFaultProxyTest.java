// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.interop.facade;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.tests.interop.Dachs;
import io.cadc4j.tests.server.FaultProxy;
import io.cadc4j.tests.server.FaultProxy.Mode;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22's fault matrix in front of a real server: the {@code cadc} command as a process,
 * through a {@link FaultProxy} in front of GAVO DaCHS (its CADC-style registry file, TAP, DataLink
 * and SODA all behind the proxy). Busy answers (503 with {@code Retry-After: 1} on the first two
 * requests) are waited out by every operation; a reset after the headers is repaired on GET steps
 * and never makes a job be created twice; the 10-second delays end by the command's deadline.
 * Issue 20's results that resume: a job result cut at half is resumed with {@code Range} (DaCHS
 * serves it as a file), a sync result cut at half is fetched again (DaCHS streams it without
 * ranges), both to the same bytes as an unbroken fetch; each test says which happened.
 * Skipped, with the reason, when DaCHS is not running or the jar has not been built.
 */
@Tag("interop")
class DachsFaultProxyTest {
    private static final Path JAR = Path.of("..", "cadc-cli", "target", "cadc.jar").toAbsolutePath().normalize();
    private static final String PUBLIC_PLANE = "ivo://cadc.nrc.ca/CFHT?2366419/2366419p";

    @TempDir
    Path dir;

    private FaultProxy proxy;
    private int code;
    private String out;
    private String err;
    private Duration took;

    @BeforeEach
    void start() {
        Dachs.assumeRunning();
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "the cadc command is not built at " + JAR);
        proxy = FaultProxy.start(Dachs.baseUrl()).retryAfter(1).delay(Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }

    private int cadc(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(Arrays.asList(args));
        command.add("--registry=" + proxy.via(Dachs.url("/static/reg/resource-caps")));
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        // A cache of its own for every command: each one starts by reading the registry and capabilities
        // through the proxy (with the documents cached, a command's first request would be a job creation,
        // which is never retried), and the user's ~/.cache is left alone.
        pb.environment().put("XDG_CACHE_HOME", Files.createTempDirectory(dir, "cache").toString());
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
        return "exit " + code + " after " + took.toMillis() + " ms\nstdout:\n" + out + "\nstderr:\n" + err + "\nproxy: "
                + proxy.log();
    }

    private List<String> lines() {
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\R"));
    }

    @Test
    void everyOperationWaitsOutTwoBusyAnswers() throws Exception {
        String adql = "select publisherID from caom2.Plane where publisherID = '" + PUBLIC_PLANE + "'";
        proxy.inject(Mode.BUSY_503, 2);
        assertThat(cadc("query", adql, "--format", "csv", "-o", "sync.csv")).as(describe()).isZero();
        assertThat(Files.readAllLines(dir.resolve("sync.csv"))).containsExactly("publisherID", PUBLIC_PLANE);

        proxy.inject(Mode.BUSY_503, 2);
        assertThat(cadc("query", "--async", "select top 3 obsID from caom2.Observation order by obsID", "--format",
                "csv", "--timeout", "90s")).as(describe()).isZero();
        assertThat(lines()).hasSize(4);

        proxy.inject(Mode.BUSY_503, 2);
        assertThat(cadc("urls", "--query", adql)).as(describe()).isZero();
        List<String> urls = lines();
        assertThat(urls).hasSize(1);

        proxy.inject(Mode.BUSY_503, 2);
        assertThat(cadc("cutouts", "01h45m07.5s +23d18m00s", "--radius", "0.01 deg", "--collection", "CFHT"))
                .as(describe()).isZero();
        assertThat(lines()).isNotEmpty().allSatisfy(l -> assertThat(l).contains("/dlget?"));

        proxy.inject(Mode.BUSY_503, 2);
        assertThat(cadc("download", urls.get(0), "-d", "files")).as(describe()).isZero();
        assertThat(dir.resolve(lines().get(0))).exists(); // the command ran in dir
        assertThat(proxy.injected(Mode.BUSY_503)).isEqualTo(10);
    }

    @Test
    void resetsAfterTheHeadersAreRepairedOnReadsAndAJobIsCreatedOnce() throws Exception {
        proxy.inject(Mode.RESET_AFTER_HEADERS, 2, r -> r.startsWith("GET "));
        assertThat(cadc("query", "--async", "select top 3 obsID from caom2.Observation order by obsID", "--format",
                "csv", "--timeout", "90s")).as(describe()).isZero();
        assertThat(lines()).hasSize(4);
        assertThat(proxy.log()).filteredOn(l -> l.startsWith("POST ") && l.matches("POST /tap/async/?( .*)?"))
                .hasSize(1);
    }

    @Test
    void tenSecondDelaysEndByTheCommandsTimeoutWithNoFileLeft() throws Exception {
        proxy.inject(Mode.SLOW_HEADERS, 1000);
        assertThat(cadc("--timeout", "5s", "cutouts", "01h45m07.5s +23d18m00s", "--radius", "0.01 deg", "--download",
                "cut")).as(describe()).isEqualTo(3);
        assertThat(err).as(describe()).contains("overall timeout of 5 s");
        assertThat(took).as(describe()).isLessThan(Duration.ofSeconds(20));
        proxy.inject(Mode.SLOW_BODY, 1000);
        assertThat(cadc("--timeout", "5s", "query", "select top 100 * from caom2.Plane", "-o", "p.csv"))
                .as(describe()).isEqualTo(3);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).collect(Collectors.toList()))
                    .noneSatisfy(n -> assertThat(n).contains("p.csv"));
        }
    }

    /**
     * Issue 20 item 4 in front of DaCHS: an async job's result cut at half by the proxy (its
     * headers, with the whole {@code Content-Length}, then half the body and a close) comes out of
     * {@code cadc job resume -o} with the same bytes as the unbroken {@code cadc job result -o} of
     * the same job. DaCHS serves job results as files ({@code Accept-Ranges: bytes},
     * {@code Last-Modified}), so the rest is asked for with {@code Range} and the result is resumed,
     * not fetched again; without {@code Accept-Ranges} it is restarted, and the test says which.
     */
    @Test
    void anAsyncResultCutAtHalfIsResumedWithARangeToTheSameBytes(TestReporter reporter) throws Exception {
        proxy.keepBodies(r -> r.contains("/results/"));
        assertThat(cadc("job", "create", "--run", PLANES)).as(describe()).isZero();
        String id = out.strip();
        assertThat(cadc("job", "wait", id, "--timeout", "90s")).as(describe()).isZero();
        assertThat(cadc("job", "result", id, "-o", "whole.xml", "--format", "votable")).as(describe()).isZero();
        byte[] whole = Files.readAllBytes(dir.resolve("whole.xml"));
        assertThat(whole.length).as("a result big enough to cut").isGreaterThan(100_000);

        long length = rangedLength(id);
        boolean ranges = length > 0;
        proxy.inject(Mode.TRUNCATE, 1, r -> r.startsWith("GET ") && r.endsWith("/results/result"));
        assertThat(cadc("job", "resume", id, "-o", "cut.xml", "--format", "votable")).as(describe()).isZero();
        assertThat(proxy.injected(Mode.TRUNCATE)).isEqualTo(1);
        assertThat(Files.readAllBytes(dir.resolve("cut.xml"))).as("the same bytes as the unbroken fetch")
                .isEqualTo(whole);
        if (ranges) {
            assertThat(proxy.rangeRequests()).as("resumed: the rest asked for with Range; " + describe())
                    .singleElement().satisfies(r -> assertThat(r).endsWith("/results/result bytes=" + length / 2 + "-"));
            assertThat(err).as("resumed, not fetched again: " + describe()).doesNotContain("fetching it again");
            say(reporter, "async result cut at half", "resumed with Range: " + proxy.rangeRequests());
        } else {
            assertThat(proxy.rangeRequests()).isEmpty();
            assertThat(err).as(describe()).contains("fetching it again from the start (attempt 2 of 3)");
            say(reporter, "async result cut at half", "restarted: DaCHS does not offer ranges for it");
        }
        assertThat(ranges).as("DaCHS 2.7 serves job results with Accept-Ranges: bytes, so this run resumed").isTrue();
    }

    /**
     * The same cut on a sync result written with {@code -o}: DaCHS streams sync answers chunked,
     * with no {@code Accept-Ranges}, so the command fetches it again from the start (and says so);
     * the file has the same bytes as an unbroken run's.
     */
    @Test
    void aSyncResultCutAtHalfIsRestartedToTheSameBytes(TestReporter reporter) throws Exception {
        assertThat(cadc("query", PLANES, "-o", "whole.xml", "--format", "votable")).as(describe()).isZero();
        byte[] whole = Files.readAllBytes(dir.resolve("whole.xml"));
        assertThat(whole.length).isGreaterThan(100_000);

        proxy.inject(Mode.TRUNCATE, 1, r -> r.equals("POST /tap/sync"));
        assertThat(cadc("query", PLANES, "-o", "cut.xml", "--format", "votable")).as(describe()).isZero();
        assertThat(proxy.injected(Mode.TRUNCATE)).isEqualTo(1);
        assertThat(Files.readAllBytes(dir.resolve("cut.xml"))).isEqualTo(whole);
        assertThat(proxy.rangeRequests()).as("no Accept-Ranges on a sync answer: no Range").isEmpty();
        assertThat(err).as(describe()).contains("the result broke off (")
                .contains("fetching it again from the start (attempt 2 of 3)");
        assertThat(proxy.log()).as("the unbroken run, the cut one, its restart")
                .filteredOn(l -> l.startsWith("POST /tap/sync")).hasSize(3);
        say(reporter, "sync result cut at half", "restarted: DaCHS streams sync answers without ranges");
    }

    private static final String PLANES = "select * from caom2.Plane order by planeID";

    /**
     * The job result's length if DaCHS serves it with {@code Accept-Ranges: bytes}, asked directly
     * for its first byte (DaCHS does not answer HEAD), else -1.
     */
    private static long rangedLength(String id) throws IOException {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) Dachs.url("/__system__/tap/run/async/" + id
                + "/results/result").toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(30000);
        c.setRequestProperty("Range", "bytes=0-0");
        try {
            String range = c.getHeaderField("Content-Range");
            if (c.getResponseCode() != 206 || !"bytes".equalsIgnoreCase(c.getHeaderField("Accept-Ranges"))
                    || range == null || !range.startsWith("bytes 0-0/")) {
                return -1;
            }
            c.getInputStream().readAllBytes();
            return Long.parseLong(range.substring("bytes 0-0/".length()).strip());
        } finally {
            c.disconnect();
        }
    }

    /** Tells what happened, in the test report and on the test's standard output. */
    private static void say(TestReporter reporter, String what, String happened) {
        reporter.publishEntry(what, happened);
        System.out.println(what + ": " + happened);
    }
}
