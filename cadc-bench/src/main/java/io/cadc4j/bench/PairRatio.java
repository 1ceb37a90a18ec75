// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench;

import io.cadc4j.bench.internal.Caom2Table;
import io.cadc4j.bench.internal.DocumentWriter;
import io.cadc4j.bench.internal.DocumentWriter.Format;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The steadiest of the three ways to compare two readers on a shared machine: one JVM reads the same document with
 * the two readers alternately, round after round, and reports the median and quartiles of the per-round ratio, so
 * that a slow moment of the machine falls on both sides of a ratio. Only two readers share the JVM, so neither
 * disturbs the JIT's view of the other much (compare {@link CpuTimeRatios}, which runs all of them).
 *
 * <pre>java -cp cadc-bench/target/benchmarks.jar io.cadc4j.bench.PairRatio FORMAT READER BASELINE [rounds]</pre>
 *
 * <p>FORMAT is {@code TABLEDATA} or {@code BINARY2}; the readers are names from {@link Consumers#names()}; rounds
 * defaults to 30, of which the first 6 are dropped as warm-up. Prints the ratio of READER's rows/s to BASELINE's,
 * e.g. {@code PairRatio BINARY2 cadc4j blockDecode}. Single-threaded (a main program).
 */
public final class PairRatio {
    private static final int WARM_UP = 6;

    private PairRatio() {
    }

    /**
     * Runs the rounds and prints the ratio.
     *
     * @param args {@code FORMAT READER BASELINE [rounds]}
     * @throws IOException if the document cannot be written or read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: PairRatio TABLEDATA|BINARY2 READER BASELINE [rounds]; readers: "
                    + Consumers.names());
        }
        Format format = Format.valueOf(args[0]);
        TableConsumer reader = Consumers.byName(args[1]);
        TableConsumer baseline = Consumers.byName(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        if (rounds <= WARM_UP) {
            throw new IllegalArgumentException("rounds must exceed the " + WARM_UP + " warm-up rounds");
        }
        Path file = Files.createTempFile("cadc4j-bench-pair-", ".xml");
        try {
            DocumentWriter.write(file, format, Documents.ROWS, Caom2Table.SEED);
            List<Double> ratios = new ArrayList<>();
            List<Double> rowsPerSecond = new ArrayList<>();
            long sink = 0;
            for (int round = 0; round < rounds; round++) {
                long t0 = System.nanoTime();
                sink += read(baseline, file);
                long t1 = System.nanoTime();
                sink += read(reader, file);
                long t2 = System.nanoTime();
                if (round >= WARM_UP) {
                    ratios.add((double) (t1 - t0) / (t2 - t1));
                    rowsPerSecond.add(Documents.ROWS / ((t2 - t1) / 1e9));
                }
            }
            Collections.sort(ratios);
            Collections.sort(rowsPerSecond);
            int n = ratios.size();
            System.out.printf(Locale.ROOT, "%s: %s at %.2f of %s (median of %d rounds; quartiles %.2f-%.2f); %s %,.0f"
                    + " rows/s (median)%n(checksum %x)%n", format, args[1], ratios.get(n / 2), args[2], n,
                    ratios.get(n / 4), ratios.get(3 * n / 4), args[1], rowsPerSecond.get(n / 2), sink);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long read(TableConsumer consumer, Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return consumer.consume(in);
        }
    }
}
