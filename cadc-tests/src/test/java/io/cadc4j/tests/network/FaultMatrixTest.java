// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.CadcException;
import io.cadc4j.core.CadcTimeoutException;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.ServiceLocation;
import io.cadc4j.core.adql.RegionQuery;
import io.cadc4j.core.sky.Angle;
import io.cadc4j.core.sky.Coordinates;
import io.cadc4j.core.datalink.DownloadOutcome;
import io.cadc4j.core.datalink.LinkSet;
import io.cadc4j.core.spi.RetryPolicy;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.tap.AsyncJob;
import io.cadc4j.core.tap.ExecutionPhase;
import io.cadc4j.tests.server.FaultProxy;
import io.cadc4j.tests.server.FaultProxy.Mode;
import io.cadc4j.tests.server.datalink.DataLinkStandIn;
import io.cadc4j.tests.server.tap.TapStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix of issue 22 through the facade: every {@link FaultProxy} mode against every
 * operation (sync query, async job creation, async wait and result, DataLink URLs, SODA cutout
 * URLs, a download), with the stand-in TAP and DataLink services behind the proxy. Each cell
 * states its outcome: success after a counted number of retries, or the specific failure; each
 * ends within its overall timeout plus a second, and a job creation is never sent twice.
 *
 * <p>Tagged {@code soak}: its 56 cells take about two minutes, so it runs with the soak in its own
 * execution ({@code .ci/run}), not in the README's {@code ./mvnw -B verify}.
 */
@Tag("soak")
class FaultMatrixTest {
    /** The overall timeout of every cell. */
    static final Duration DEADLINE = Duration.ofSeconds(6);
    /** A quick policy, so the matrix runs fast: 4 tries, 50 ms doubling, Retry-After capped at 1.5 s. */
    static final RetryPolicy POLICY = RetryPolicy.builder().maxAttempts(4).baseDelay(Duration.ofMillis(50))
            .maxDelay(Duration.ofMillis(1500)).jitter(0.1).build();
    private static final String ID = "ivo://cadc.nrc.ca/CFHT?2460001/2460001p";

    /** The operations of the matrix, each with the requests its faults go to. */
    enum Op {
        SYNC(r -> true),
        ASYNC_CREATE(r -> r.equals("POST /tap/async")),
        ASYNC_WAIT(r -> r.startsWith("GET /tap/async/") && !r.contains("/results")),
        ASYNC_RESULT(r -> r.endsWith("/results/result")),
        URLS(r -> true),
        CUTOUTS(r -> true),
        DOWNLOAD(r -> true);

        final Predicate<String> faulted;

        Op(Predicate<String> faulted) {
            this.faulted = faulted;
        }
    }

    /** What a cell must end with. */
    enum Outcome {
        /** Success, with at least one retry or re-send counted. */
        SUCCESS_AFTER_RETRY,
        /** Success with no retry (the fault hit a step that needs none). */
        SUCCESS,
        /** The service's error, not retried. */
        SERVICE_ERROR,
        /** The overall timeout. */
        TIMEOUT
    }

    private TapStandIn tap;
    private DataLinkStandIn dataLink;
    private FaultProxy proxy;

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    /** Warms the JVM up (class loading, the first HTTP client), which no cell's deadline should pay for. */
    @org.junit.jupiter.api.BeforeAll
    static void warmUp() {
        try (TapStandIn t = TapStandIn.start(); Cadc cadc = Cadc.create(t.base())) {
            drain(cadc.execSync("select * from caom2.Plane"));
        }
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

    static Outcome expected(Mode mode, Op op) {
        switch (mode) {
            case BUSY_503:
            case TOO_MANY_429:
                // a job creation is never sent twice: the 503 stands
                return op == Op.ASYNC_CREATE ? Outcome.SERVICE_ERROR : Outcome.SUCCESS_AFTER_RETRY;
            case HTML_500:
                return Outcome.SERVICE_ERROR;
            case RESET_AFTER_HEADERS:
                // the creation's 303 arrived before the reset: the job exists and is followed, not re-created
                return op == Op.ASYNC_CREATE ? Outcome.SUCCESS : Outcome.SUCCESS_AFTER_RETRY;
            case RESET_MID_BODY:
            case TRUNCATE:
                // the bodies of the creation's 303 and of the job after a phase change are not read
                return op == Op.ASYNC_CREATE || op == Op.ASYNC_WAIT ? Outcome.SUCCESS : Outcome.SUCCESS_AFTER_RETRY;
            case SLOW_HEADERS:
                return Outcome.TIMEOUT;
            case SLOW_BODY:
                // the async steps that get it (a 303 to the job, the job after a phase change) are not read
                return op == Op.ASYNC_CREATE || op == Op.ASYNC_WAIT ? Outcome.SUCCESS : Outcome.TIMEOUT;
            default:
                throw new AssertionError(mode);
        }
    }

    static Stream<Arguments> cells() {
        List<Arguments> all = new ArrayList<>();
        // -Dmatrix.only=BUSY_503 (or an operation's name) runs a part of the matrix
        String only = System.getProperty("matrix.only", "");
        for (Mode m : Mode.values()) {
            for (Op op : Op.values()) {
                if (only.isEmpty() || only.equals(m.name()) || only.equals(op.name())) {
                    all.add(Arguments.of(m, op));
                }
            }
        }
        return all.stream();
    }

    private static int times(Mode mode) {
        return mode == Mode.BUSY_503 || mode == Mode.TOO_MANY_429 || mode == Mode.RESET_AFTER_HEADERS ? 2 : 1;
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("cells")
    void cell(Mode mode, Op op) throws Exception {
        Outcome want = expected(mode, op);
        // an async job's wait and result are faulted once the job exists; the other operations from the start
        if (op != Op.ASYNC_WAIT && op != Op.ASYNC_RESULT) {
            proxy.inject(mode, times(mode), op.faulted);
        }
        long start = System.nanoTime();
        Throwable failure = null;
        long retries;
        try (Cadc cadc = Cadc.builder().tap(ServiceLocation.at(proxy.via(tap.base())))
                .dataLink(ServiceLocation.at(proxy.via(dataLink.linksUrl())))
                .retryPolicy(POLICY).overallTimeout(DEADLINE).build()) {
            try {
                run(cadc, mode, op);
            } catch (CadcException e) {
                failure = e;
                if (Boolean.getBoolean("matrix.trace")) {
                    e.printStackTrace();
                }
            }
            retries = cadc.retryCount();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String cell = mode + " x " + op + ": " + (failure == null ? "success" : failure.toString()) + ", " + retries
                + " retries, " + took.toMillis() + " ms, proxy " + proxy.log();
        assertThat(took).as(cell).isLessThanOrEqualTo(DEADLINE.plusSeconds(1));
        assertThat(proxy.injected(mode)).as(cell).isGreaterThanOrEqualTo(1);
        assertThat(creations()).as(cell).isLessThanOrEqualTo(1);
        switch (want) {
            case SUCCESS_AFTER_RETRY:
                assertThat(failure).as(cell).isNull();
                assertThat(retries).as(cell).isGreaterThanOrEqualTo(1).isLessThan(POLICY.maxAttempts() * 3L);
                break;
            case SUCCESS:
                assertThat(failure).as(cell).isNull();
                break;
            case SERVICE_ERROR:
                assertThat(failure).as(cell).isInstanceOf(ServiceException.class);
                assertThat(failure.getMessage()).as(cell).doesNotContain("Exception").doesNotContain("java.");
                assertThat(retries).as(cell).isZero();
                break;
            case TIMEOUT:
                assertThat(failure).as(cell).isInstanceOf(CadcTimeoutException.class);
                assertThat(failure.getMessage()).as(cell).contains("overall timeout of 6 s");
                break;
            default:
                throw new AssertionError(want);
        }
        if (failure != null) {
            assertThat(failure.getMessage()).as(cell).doesNotContain("java.").doesNotContain("IOException");
        }
    }

    private long creations() {
        return tap.server().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/tap/async")).count();
    }

    private void run(Cadc cadc, Mode mode, Op op) throws Exception {
        switch (op) {
            case SYNC:
                assertThat(drain(cadc.execSync("select * from caom2.Plane"))).isEqualTo(TapStandIn.PLANES.size());
                break;
            case ASYNC_CREATE:
            case ASYNC_WAIT:
            case ASYNC_RESULT:
                AsyncJob job = cadc.createAsync("select * from caom2.Plane");
                if (op != Op.ASYNC_CREATE) {
                    proxy.inject(mode, times(mode), op.faulted);
                }
                job.run();
                assertThat(job.awaitCompletion(DEADLINE)).isEqualTo(ExecutionPhase.COMPLETED);
                assertThat(drain(job.fetchResult())).isEqualTo(TapStandIn.PLANES.size());
                break;
            case URLS:
                LinkSet links = cadc.getDataUrls(List.of(ID), false);
                assertThat(links.links()).isNotEmpty();
                break;
            case CUTOUTS:
                LinkSet cutouts = cadc.getImageUrls(RegionQuery.builder(Coordinates.parse("131.28 54.3"))
                        .radius(Angle.parse("0.01 deg")).collection("CFHT").build());
                assertThat(cutouts.links()).isNotEmpty()
                        .allSatisfy(l -> assertThat(l.accessUrl().get().toString()).contains("CIRCLE"));
                break;
            case DOWNLOAD:
                List<DownloadOutcome> got = cadc.download(List.of(proxy.uri(DataLinkStandIn.FILES_PATH + "a.fits")),
                        dir);
                assertThat(got).hasSize(1);
                if (got.get(0).failure().isPresent()) {
                    throw got.get(0).failure().get();
                }
                assertThat(Files.readAllBytes(got.get(0).path().get())).startsWith(DataLinkStandIn.fits());
                break;
            default:
                throw new AssertionError(op);
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(Path::toString).collect(Collectors.toList()))
                    .noneSatisfy(p -> assertThat(p).endsWith(".tmp"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static long drain(RowCursor rows) {
        long n = 0;
        try (RowCursor r = rows) {
            while (r.next()) {
                n++;
            }
        }
        return n;
    }
}
