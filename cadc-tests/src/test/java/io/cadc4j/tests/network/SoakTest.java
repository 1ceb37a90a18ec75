// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.CadcException;
import io.cadc4j.core.ServiceLocation;
import io.cadc4j.core.adql.RegionQuery;
import io.cadc4j.core.sky.Angle;
import io.cadc4j.core.sky.Coordinates;
import io.cadc4j.core.spi.RetryPolicy;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.tests.server.FaultProxy;
import io.cadc4j.tests.server.FaultProxy.Mode;
import io.cadc4j.tests.server.datalink.DataLinkStandIn;
import io.cadc4j.tests.server.tap.TapStandIn;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The soak of issue 22: 16 threads × 300 mixed calls (sync query, region query, DataLink links)
 * through one shared facade, against the stand-in services behind a {@link FaultProxy} that gives
 * 5 % of the requests a fault. It reports throughput, failures by type, and heap after GC, open
 * file descriptors and live threads at the start, the middle and the end (on standard output and
 * in {@code target/soak-report.txt}), and asserts what must hold: every call ends, a failure is
 * only one the faults explain, and descriptors and threads end where they started.
 *
 * <p>Tagged {@code soak}: not in the default run; {@code .ci/run} runs it in its own execution
 * ({@code -Dcadc4j.skipSoak=false}).
 */
@Tag("soak")
class SoakTest {
    private static final int THREADS = 16;
    private static final int CALLS = 300;
    private static final String ID = "ivo://cadc.nrc.ca/CFHT?2460001/2460001p";

    @Test
    void sixteenThreadsOfMixedCallsThroughFivePercentFaults() throws Exception {
        List<String> report = new ArrayList<>();
        try (TapStandIn tap = TapStandIn.start()) {
            DataLinkStandIn dataLink = DataLinkStandIn.on(tap.server()).install();
            FaultProxy proxy = FaultProxy.start(tap.server().uri("")).retryAfter(0)
                    .injectAtRandom(0.05, 22, r -> true, Mode.BUSY_503, Mode.TOO_MANY_429, Mode.RESET_AFTER_HEADERS,
                            Mode.RESET_MID_BODY, Mode.TRUNCATE, Mode.HTML_500);
            RetryPolicy policy = RetryPolicy.builder().maxAttempts(4).baseDelay(Duration.ofMillis(20))
                    .maxDelay(Duration.ofMillis(500)).build();
            try (Cadc cadc = Cadc.builder().tap(ServiceLocation.at(proxy.via(tap.base())))
                    .dataLink(ServiceLocation.at(proxy.via(dataLink.linksUrl())))
                    .retryPolicy(policy).build()) {
                // one call of each kind first, so that "start" is measured with the client's threads up
                call(cadc, 0);
                call(cadc, 1);
                call(cadc, 2);
                Sample start = Sample.take("start");
                Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
                AtomicLong done = new AtomicLong();
                CountDownLatch half = new CountDownLatch(THREADS * CALLS / 2);
                ExecutorService pool = Executors.newFixedThreadPool(THREADS);
                long t0 = System.nanoTime();
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < CALLS; i++) {
                            try {
                                call(cadc, thread + i);
                            } catch (CadcException e) {
                                failures.computeIfAbsent(e.getClass().getSimpleName() + ": " + kind(e),
                                        k -> new AtomicInteger()).incrementAndGet();
                            }
                            done.incrementAndGet();
                            half.countDown();
                        }
                        return null;
                    }));
                }
                half.await(10, TimeUnit.MINUTES);
                Sample middle = Sample.take("middle");
                for (Future<?> f : futures) {
                    f.get(10, TimeUnit.MINUTES);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                pool.shutdown();
                assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
                long retries = cadc.retryCount();
                Sample busy = Sample.take("after");
                // Idle threads of the cached pools (the client's executor, the stand-in server's handlers) end
                // after their 60 s keep-alive; a leaked thread never does. Wait, bounded, for them to go.
                long settle = System.nanoTime();
                Sample end = busy;
                while (end.threads > start.threads + 4 && System.nanoTime() - settle < TimeUnit.SECONDS.toNanos(90)) {
                    Thread.sleep(2000);
                    end = Sample.take("end");
                }
                String settled = String.format(Locale.ROOT, "(idle pool threads gone %.0f s after the last call)",
                        (System.nanoTime() - settle) / 1e9);

                int failed = failures.values().stream().mapToInt(AtomicInteger::get).sum();
                report.add(String.format(Locale.ROOT, "calls %d in %.1f s: %.0f calls/s; %d requests through the proxy, "
                        + "%d faults injected, %d retries or re-sends, %d calls failed", done.get(), seconds,
                        done.get() / seconds, proxy.requests(), proxy.injected(), retries, failed));
                for (Mode m : Mode.values()) {
                    report.add("  injected " + m + ": " + proxy.injected(m));
                }
                new TreeMap<>(failures).forEach((k, v) -> report.add("  failed " + k + ": " + v));
                report.add(start.toString());
                report.add(middle.toString());
                report.add(busy.toString());
                report.add(end.toString() + " " + settled);
                proxy.close();
                report.forEach(System.out::println);
                Files.write(Path.of("target", "soak-report.txt"), report, StandardCharsets.UTF_8);

                assertThat(done.get()).isEqualTo((long) THREADS * CALLS);
                assertThat(proxy.injected()).isGreaterThan(0);
                assertThat(retries).isGreaterThan(0);
                // only HTML 500 pages are never retried; everything else the policy absorbs
                assertThat(failures.keySet()).allSatisfy(k -> assertThat(k).startsWith("ServiceException: HTTP 500"));
                assertThat(end.threads).as("live threads").isLessThanOrEqualTo(start.threads + 4);
                if (start.fds >= 0) {
                    assertThat(end.fds).as("open file descriptors").isLessThanOrEqualTo(start.fds + 16);
                }
            }
        }
    }

    private static String kind(CadcException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        return m.startsWith("HTTP ") ? m.substring(0, 8) : m.replaceAll("[0-9][0-9,.]*", "N")
                .replaceAll("https?://\\S+", "URL");
    }

    private static void call(Cadc cadc, int n) {
        switch (n % 3) {
            case 0:
                drain(cadc.execSync("select * from caom2.Plane"));
                break;
            case 1:
                drain(cadc.queryRegion(RegionQuery.builder(Coordinates.parse("131.28 54.3"))
                        .radius(Angle.parse("0.05 deg")).build()));
                break;
            default:
                assertThat(cadc.getDataUrls(List.of(ID), false).links()).isNotEmpty();
        }
    }

    private static void drain(RowCursor rows) {
        try (RowCursor r = rows) {
            while (r.next()) {
                r.getString(0);
            }
        }
    }

    /** Heap after GC, open file descriptors, live threads. */
    static final class Sample {
        final String when;
        final long heap;
        final long fds;
        final int threads;

        private Sample(String when, long heap, long fds, int threads) {
            this.when = when;
            this.heap = heap;
            this.fds = fds;
            this.threads = threads;
        }

        static Sample take(String when) {
            System.gc();
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long fds;
            try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
                fds = s.count();
            } catch (IOException | UnsupportedOperationException e) {
                fds = -1;
            }
            return new Sample(when, heap, fds, ManagementFactory.getThreadMXBean().getThreadCount());
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-6s heap after GC %.1f MB, open fds %d, live threads %d", when,
                    heap / 1048576.0, fds, threads);
        }
    }
}
