// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The main class of {@code benchmarks.jar}: runs the JMH benchmarks, then prints rows per second per reader and
 * format with the ratios against the practical limits and against STIL, all from the same run.
 *
 * <p>Takes JMH's own command-line options ({@code -f}, {@code -wi}, {@code -i}, {@code -w}, {@code -r}, a benchmark
 * regex, {@code -rf json}, ...); only what is not given defaults to 2 forks, 5 warm-up and 4 measurement
 * iterations of 2 s each. {@code -h} and {@code -l} go to JMH as they are. Single-threaded (a main program).
 */
public final class Figures {
    /** What cadc4j's reader must reach, from issue #3 item 8; printed when a cadc4j row is present. */
    private static final double TABLEDATA_VS_SCAN = 0.75;
    private static final double TABLEDATA_VS_STIL = 2.0;
    private static final double BINARY2_VS_DECODE = 0.6;
    private static final double BINARY2_VS_STIL = 2.5;

    private Figures() {
    }

    /**
     * Runs the benchmarks and prints the table.
     *
     * @param args JMH command-line options
     * @throws RunnerException if JMH fails
     * @throws CommandLineOptionException if an option is malformed
     */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions cmd = new CommandLineOptions(args);
        if (cmd.shouldHelp() || cmd.shouldList() || cmd.shouldListWithParams() || cmd.shouldListProfilers()
                || cmd.shouldListResultFormats()) {
            try {
                org.openjdk.jmh.Main.main(args);
            } catch (java.io.IOException e) {
                throw new RunnerException(e);
            }
            return;
        }
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cmd);
        if (cmd.getIncludes().isEmpty()) {
            options.include("io\\.cadc4j\\.bench\\..*Benchmark\\.");
        }
        if (!cmd.getForkCount().hasValue()) {
            // two JVMs: the JIT does not compile a reader the same way every time (about 10 % apart here)
            options.forks(2);
        }
        if (!cmd.getWarmupIterations().hasValue()) {
            options.warmupIterations(5);
        }
        if (!cmd.getWarmupTime().hasValue()) {
            options.warmupTime(TimeValue.seconds(2));
        }
        if (!cmd.getMeasurementIterations().hasValue()) {
            options.measurementIterations(4);
        }
        if (!cmd.getMeasurementTime().hasValue()) {
            options.measurementTime(TimeValue.seconds(2));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        print(results, System.out);
    }

    /** One measured score: a format, a reader, rows per second and its error margin. Immutable. */
    static final class Score {
        final String format;
        final String reader;
        final double rowsPerSecond;
        final double error;

        Score(String format, String reader, double rowsPerSecond, double error) {
            this.format = format;
            this.reader = reader;
            this.rowsPerSecond = rowsPerSecond;
            this.error = error;
        }
    }

    static void print(Collection<RunResult> results, PrintStream out) {
        List<Score> scores = new ArrayList<>();
        for (RunResult r : results) {
            String benchmark = r.getParams().getBenchmark();
            int dot = benchmark.lastIndexOf('.');
            String cls = benchmark.substring(benchmark.lastIndexOf('.', dot - 1) + 1, dot);
            String format = cls.startsWith("Binary2") ? "BINARY2" : cls.startsWith("TableData") ? "TABLEDATA" : cls;
            Result<?> primary = r.getPrimaryResult();
            scores.add(new Score(format, benchmark.substring(dot + 1), primary.getScore(), primary.getScoreError()));
        }
        print(scores, "rows/s (JMH, wall clock)", "+-99.9%", out);
    }

    static void print(List<Score> all, String what, String errorName, PrintStream out) {
        Map<String, Map<String, Score>> byFormat = new LinkedHashMap<>();
        byFormat.put("TABLEDATA", new LinkedHashMap<>());
        byFormat.put("BINARY2", new LinkedHashMap<>());
        for (Score s : all) {
            byFormat.computeIfAbsent(s.format, f -> new LinkedHashMap<>()).put(s.reader, s);
        }
        out.println();
        out.println("cadc4j VOTable reading, " + Documents.ROWS + " CAOM2-shaped rows x 40 columns, " + what
                + ", higher is better");
        out.printf(Locale.ROOT, "%-10s %-15s %14s %12s %9s %9s %9s%n", "format", "reader", "rows/s", errorName,
                "vs scan", "vs block", "vs STIL");
        List<String> verdicts = new ArrayList<>();
        for (Map<String, Score> scores : byFormat.values()) {
            Score scan = scores.get(Consumers.BARE_SCAN);
            Score block = scores.get(Consumers.BLOCK_DECODE);
            Score stil = scores.get(Consumers.STIL);
            for (Score s : scores.values()) {
                out.printf(Locale.ROOT, "%-10s %-15s %,14.0f %,12.0f %9s %9s %9s%n", s.format, s.reader,
                        s.rowsPerSecond, s.error, ratio(s, scan), ratio(s, block), ratio(s, stil));
            }
            Score ours = scores.get(Consumers.CADC4J);
            if (ours != null && "TABLEDATA".equals(ours.format)) {
                verdicts.add(verdict(ours, scan, TABLEDATA_VS_SCAN, "the bare scan")
                        + "; " + verdict(ours, stil, TABLEDATA_VS_STIL, "STIL"));
            } else if (ours != null && "BINARY2".equals(ours.format)) {
                verdicts.add(verdict(ours, block, BINARY2_VS_DECODE, "the block decode")
                        + "; " + verdict(ours, stil, BINARY2_VS_STIL, "STIL"));
            }
        }
        for (String v : verdicts) {
            out.println(v);
        }
        out.println("Ratios are of rows/s in this run; on a shared machine compare ratios, not absolute figures.");
    }

    private static String ratio(Score s, Score base) {
        return base == null ? "" : String.format(Locale.ROOT, "%.2f", s.rowsPerSecond / base.rowsPerSecond);
    }

    private static String verdict(Score ours, Score base, double target, String baseName) {
        if (base == null) {
            return ours.format + ": no " + baseName + " figure in this run";
        }
        double r = ours.rowsPerSecond / base.rowsPerSecond;
        return String.format(Locale.ROOT, "%s: cadc4j at %.2f of %s (target >= %.2f): %s", ours.format, r, baseName,
                target, r >= target ? "met" : "NOT met");
    }
}
