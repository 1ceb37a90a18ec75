// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench;

import io.cadc4j.bench.internal.Caom2Table;
import io.cadc4j.bench.internal.DocumentWriter;
import io.cadc4j.bench.internal.DocumentWriter.Format;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A cross-check of {@link Figures} for shared, noisy machines: reads the same generated documents with every
 * reader in turn, round after round (so they share whatever load the machine has), and reports the median rows
 * per second of this process's CPU time (all its threads: STIL decodes BINARY2 on a thread of its own), which
 * other processes disturb much less than wall time, and of wall time. Not a JMH benchmark: JIT warm-up is the first
 * rounds, which are dropped.
 *
 * <pre>java -cp cadc-bench/target/benchmarks.jar io.cadc4j.bench.CpuTimeRatios [rounds] [warm-up rounds]</pre>
 *
 * <p>Defaults: 12 rounds, the first 4 dropped. Single-threaded (a main program).
 */
public final class CpuTimeRatios {
    /** Which readers read which format, in the order they take turns. */
    private static final String[][] PLAN = {
        {"TABLEDATA", Consumers.BARE_SCAN}, {"TABLEDATA", Consumers.STIL},
        {"BINARY2", Consumers.BARE_SCAN}, {"BINARY2", Consumers.BLOCK_DECODE},
        {"BINARY2", Consumers.WOODSTOX_BASE64}, {"BINARY2", Consumers.MIME_DECODE}, {"BINARY2", Consumers.STIL},
        {"TABLEDATA", Consumers.CADC4J}, {"BINARY2", Consumers.CADC4J},
    };

    private CpuTimeRatios() {
    }

    /**
     * Runs the rounds and prints the table.
     *
     * @param args {@code [rounds] [warm-up rounds]}
     * @throws IOException if a document cannot be written or read
     */
    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        if (rounds <= warmup) {
            throw new IllegalArgumentException("rounds (" + rounds + ") must exceed warm-up rounds (" + warmup + ")");
        }
        // Process CPU time, not the thread's: STIL decodes BINARY2 on a second thread of its own.
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        Path tableData = Files.createTempFile("cadc4j-bench-tabledata-", ".xml");
        Path binary2 = Files.createTempFile("cadc4j-bench-binary2-", ".xml");
        try {
            DocumentWriter.write(tableData, Format.TABLEDATA, Documents.ROWS, Caom2Table.SEED);
            DocumentWriter.write(binary2, Format.BINARY2, Documents.ROWS, Caom2Table.SEED);
            System.out.printf(Locale.ROOT, "TABLEDATA %,d bytes, BINARY2 %,d bytes%n", Files.size(tableData),
                    Files.size(binary2));
            List<TableConsumer> consumers = new ArrayList<>();
            for (String[] p : PLAN) {
                consumers.add(Consumers.byName(p[1]));
            }
            double[][] cpu = new double[PLAN.length][rounds - warmup];
            double[][] wall = new double[PLAN.length][rounds - warmup];
            long sink = 0;
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < PLAN.length; i++) {
                    Path file = PLAN[i][0].equals("TABLEDATA") ? tableData : binary2;
                    long c0 = os.getProcessCpuTime();
                    long w0 = System.nanoTime();
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                        sink += consumers.get(i).consume(in);
                    }
                    if (round >= warmup) {
                        cpu[i][round - warmup] = (os.getProcessCpuTime() - c0) / 1e9;
                        wall[i][round - warmup] = (System.nanoTime() - w0) / 1e9;
                    }
                }
                System.out.printf(Locale.ROOT, "round %d of %d done%s%n", round + 1, rounds,
                        round < warmup ? " (warm-up)" : "");
            }
            List<Figures.Score> byCpu = new ArrayList<>();
            List<Figures.Score> byWall = new ArrayList<>();
            for (int i = 0; i < PLAN.length; i++) {
                byCpu.add(score(PLAN[i], cpu[i]));
                byWall.add(score(PLAN[i], wall[i]));
            }
            Figures.print(byCpu, "median rows/s of process CPU time over " + (rounds - warmup) + " rounds", "spread",
                    System.out);
            Figures.print(byWall, "median rows/s of wall time over " + (rounds - warmup) + " rounds", "spread",
                    System.out);
            System.out.println("(checksum " + Long.toHexString(sink) + ")");
        } finally {
            Files.deleteIfExists(tableData);
            Files.deleteIfExists(binary2);
        }
    }

    /** The median rate, with half the distance between the slowest and fastest rounds as its spread. */
    private static Figures.Score score(String[] plan, double[] seconds) {
        double[] rates = new double[seconds.length];
        for (int k = 0; k < seconds.length; k++) {
            rates[k] = Documents.ROWS / seconds[k];
        }
        Arrays.sort(rates);
        int n = rates.length;
        double median = n % 2 == 1 ? rates[n / 2] : (rates[n / 2 - 1] + rates[n / 2]) / 2;
        return new Figures.Score(plan[0], plan[1], median, (rates[n - 1] - rates[0]) / 2);
    }
}
