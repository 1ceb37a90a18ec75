// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench.spark;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.tap.TapQuery;
import io.cadc4j.tests.server.tap.ServedTable;
import io.cadc4j.tests.server.tap.TapStandIn;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;

/**
 * Reads a generated 1,000,000-row table from the stand-in TAP service through the {@code cadc}
 * Spark source in 1, 2 and 4 partitions (Spark's {@code noop} sink takes every column of every
 * row), and through the facade in one stream reading every cell, and prints rows/s (median of
 * several runs after a warm-up), the scaling ratios and the ratio to the facade.
 *
 * <p>The stand-in runs in the same JVM and writes each result while the reader reads it, so server
 * and readers share the machine's cores: on 2 cores the scaling says how well partitions overlap
 * the service's and Spark's work, not what a remote service would allow.
 *
 * <p>Run (Java 17; Spark is not in the shaded jar, its class path is written next to it):
 * {@code ./mvnw -B -q -pl cadc-bench -am package -DskipTests && java -cp
 * "cadc-bench/target/benchmarks.jar:$(cat cadc-bench/target/spark.classpath)"
 * io.cadc4j.bench.spark.SparkReadBenchmark [rows] [runs] [format]}
 *
 * <p>Single-threaded (its main).
 */
public final class SparkReadBenchmark {
    private SparkReadBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optional: rows (1000000), measured runs per setting (3), response format
     *     ({@code votable} for TABLEDATA, or {@code votable/binary2})
     */
    public static void main(String[] args) {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String format = args.length > 2 ? args[2] : "votable/binary2";
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Instant t0 = Instant.parse("2020-01-01T00:00:00Z");
        ServedTable table = ServedTable.of("bench.rows", List.of(
                Field.builder("id", "long").build(),
                Field.builder("ra", "double").build(),
                Field.builder("dec", "double").build(),
                Field.builder("name", "char").arraysize("*").build(),
                Field.builder("obs_time", "char").arraysize("*").xtype("timestamp").build(),
                Field.builder("grp", "int").build()), rows,
                i -> Row.of(i, (i % 36000) / 100.0, ((i * 7) % 18000) / 100.0 - 90.0, "row-" + i,
                        t0.plusSeconds(i).toString(), (int) (i % 7))).keyed();
        try (TapStandIn tap = TapStandIn.start().serve(table)) {
            SparkSession spark = SparkSession.builder().master("local[4]").appName("cadc-spark-bench")
                    .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
            try {
                int[] partitions = {1, 2, 4};
                for (int p : partitions) {
                    long n = frame(spark, tap, rows, p, format).count();
                    if (n != rows) {
                        throw new IllegalStateException(p + " partitions read " + n + " rows, not " + rows);
                    }
                }
                // Warm-up: one read of each kind.
                for (int p : partitions) {
                    spark(spark, tap, rows, p, format);
                }
                facade(tap, rows, format);
                double[][] sparkRates = new double[partitions.length][runs];
                double[] facadeRates = new double[runs];
                for (int r = 0; r < runs; r++) {
                    for (int k = 0; k < partitions.length; k++) {
                        sparkRates[k][r] = spark(spark, tap, rows, partitions[k], format);
                    }
                    facadeRates[r] = facade(tap, rows, format);
                }
                double facade = median(facadeRates);
                double one = median(sparkRates[0]);
                System.out.println(String.format(Locale.ROOT, "%,d rows of 6 columns (%s), local[4] on %d cores, median"
                        + " of %d runs", rows, format, Runtime.getRuntime().availableProcessors(), runs));
                System.out.println(String.format(Locale.ROOT, "facade, one stream:      %,12.0f rows/s", facade));
                for (int k = 0; k < partitions.length; k++) {
                    double m = median(sparkRates[k]);
                    System.out.println(String.format(Locale.ROOT, "spark, %d partition%s:   %,12.0f rows/s  x%.2f of 1 "
                            + "partition, x%.2f of the facade  (runs: %s)", partitions[k], partitions[k] == 1 ? " " : "s",
                            m, m / one, m / facade, Arrays.toString(round(sparkRates[k]))));
                }
                System.out.println("facade runs: " + Arrays.toString(round(facadeRates)));
            } finally {
                spark.stop();
            }
        }
    }

    private static Dataset<org.apache.spark.sql.Row> frame(SparkSession spark, TapStandIn tap, long rows, int partitions,
            String format) {
        return spark.read().format("cadc").option("tapUrl", tap.base().toString()).option("table", "bench.rows")
                .option("responseFormat", format).option("partitionColumn", "id").option("lowerBound", "0")
                .option("upperBound", Long.toString(rows)).option("numPartitions", Integer.toString(partitions)).load();
    }

    /** One read into Spark's noop sink (every column of every row converted); rows/s. */
    private static double spark(SparkSession spark, TapStandIn tap, long rows, int partitions, String format) {
        long start = System.nanoTime();
        frame(spark, tap, rows, partitions, format).write().format("noop").mode("overwrite").save();
        return rows / ((System.nanoTime() - start) / 1e9);
    }

    /** One read through the facade, every cell read; rows/s. */
    private static double facade(TapStandIn tap, long rows, String format) {
        long start = System.nanoTime();
        long n = 0;
        long sum = 0;
        try (Cadc cadc = Cadc.create(tap.base());
                RowCursor r = cadc.execSync(TapQuery.builder("SELECT * FROM bench.rows").maxRecords(rows)
                        .responseFormat(format).build())) {
            while (r.next()) {
                sum += r.getLong(0) + (long) r.getDouble(1) + (long) r.getDouble(2) + r.getCharSequence(3).length()
                        + r.getTimestamp(4).getEpochSecond() + r.getInt(5);
                n++;
            }
        }
        if (n != rows || sum == 0) {
            throw new IllegalStateException("the facade read " + n + " rows, not " + rows);
        }
        return rows / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static long[] round(double[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.round(v[i]);
        }
        return out;
    }
}
