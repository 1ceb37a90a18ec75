// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench.datalink;

import io.cadc4j.core.datalink.DataLinkPort;
import io.cadc4j.core.datalink.LinkOptions;
import io.cadc4j.core.datalink.LinkSet;
import io.cadc4j.core.internal.port.DataLinkPortProvider;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.internal.port.PortContext;
import io.cadc4j.core.spi.Providers;
import io.cadc4j.tests.server.StandInServer;
import io.cadc4j.tests.server.datalink.DataLinkStandIn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times resolving 1,000 identifiers to links against the stand-in DataLink service with 20 ms of
 * latency per call: the port's default settings (batches of 20, 4 at once) versus strictly
 * sequential batches of 20, the way {@code astroquery.cadc} does it. Prints the median of several
 * runs of each and their ratio.
 *
 * <p>Run: {@code ./mvnw -B -q -pl cadc-bench -am package -DskipTests && java -cp
 * cadc-bench/target/benchmarks.jar io.cadc4j.bench.datalink.LinkResolutionBenchmark [ids] [latencyMs] [runs]}
 *
 * <p>Single-threaded (its main).
 */
public final class LinkResolutionBenchmark {
    private LinkResolutionBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optional: number of identifiers (1000), latency in ms (20), runs per setting (5)
     */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int latencyMs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        // The JDK's HttpServer writes headers and body in separate segments without TCP_NODELAY, so
        // Nagle's algorithm meets the client's delayed ACK and adds ~40 ms to every loopback call,
        // which would swamp the injected latency being measured. Read once, when the server class loads.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("ivo://example.org/bench?" + i + "/plane" + i);
        }
        try (StandInServer server = StandInServer.start(); HttpPipeline http = HttpPipeline.builder().build()) {
            DataLinkStandIn standIn = DataLinkStandIn.on(server).latency(Duration.ofMillis(latencyMs)).install();
            DataLinkPort port = Providers.select(DataLinkPortProvider.class).create(PortContext.of(http,
                    standIn.linksUrl()));
            LinkOptions defaults = LinkOptions.defaults();
            LinkOptions sequential = LinkOptions.builder().batchSize(20).maxConcurrent(1).build();
            // Warm up the JIT, the connection pool and the server's threads.
            time(port, ids, defaults);
            time(port, ids, sequential);
            double[] d = new double[runs];
            double[] s = new double[runs];
            for (int i = 0; i < runs; i++) {
                d[i] = time(port, ids, defaults);
                s[i] = time(port, ids, sequential);
            }
            double dm = median(d);
            double sm = median(s);
            System.out.println(String.format(Locale.ROOT, "%d IDs, %d ms latency per DataLink call, median of %d runs",
                    n, latencyMs, runs));
            System.out.println(String.format(Locale.ROOT, "default (batch %d, %d concurrent): %.1f ms",
                    defaults.batchSize(), defaults.maxConcurrent(), dm));
            System.out.println(String.format(Locale.ROOT, "sequential batches of 20:        %.1f ms", sm));
            System.out.println(String.format(Locale.ROOT, "speed-up (sequential / default): %.2f", sm / dm));
        }
    }

    private static double time(DataLinkPort port, List<String> ids, LinkOptions options) {
        long start = System.nanoTime();
        LinkSet set = port.links(ids, options);
        long elapsed = System.nanoTime() - start;
        if (set.byId().size() != ids.size() || !set.errors().isEmpty()) {
            throw new IllegalStateException("unexpected answer: " + set);
        }
        return elapsed / 1e6;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
