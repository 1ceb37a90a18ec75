// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.spark.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Splits a read into partitions, each one ADQL condition (or none), with the semantics of
 * Spark's JDBC source: {@code lowerBound} and {@code upperBound} only decide the stride, they
 * filter nothing. The first partition takes every value below the second's start and the nulls,
 * the last every value from its start up, so every row lands in exactly one partition.
 *
 * <pre>
 * column &lt; b1 OR column IS NULL     (partition 0)
 * column &gt;= b1 AND column &lt; b2      (partition 1) ...
 * column &gt;= b(n-1)                  (partition n-1)
 * </pre>
 *
 * <p>Integral columns take whole-number bounds and, as JDBC does, fewer partitions when the range
 * holds fewer values than partitions; float and double columns take decimal bounds; timestamp
 * columns take ISO-8601 bounds ({@code 2020-01-01}, {@code 2020-01-01T12:00:00}, read as UTC).
 */
final class Partitioning {
    private Partitioning() {
    }

    /**
     * The conditions, one per partition; a single null when the read is not split.
     *
     * @param options the options
     * @param schema the read's full schema, where the partition column must be
     * @return the conditions (null for none)
     * @throws IllegalArgumentException for a missing column, a column of the wrong type, or bad bounds
     */
    static List<String> conditions(SourceOptions options, StructType schema) {
        if (!options.predicates().isEmpty()) {
            return options.predicates();
        }
        if (options.partitionColumn().isEmpty()) {
            return singleNull();
        }
        String name = options.partitionColumn().get();
        StructField field = find(schema, name);
        String column = AdqlText.identifier(field.name());
        DataType t = field.dataType();
        int n = options.numPartitions();
        List<String> bounds;
        if (t.sameType(DataTypes.LongType) || t.sameType(DataTypes.IntegerType) || t.sameType(DataTypes.ShortType)) {
            bounds = longBounds(parseLong(options.lowerBound(), "lowerBound"),
                    parseLong(options.upperBound(), "upperBound"), n, options, Long::toString);
            if (bounds == null) {
                return singleNull();
            }
        } else if (t.sameType(DataTypes.DoubleType) || t.sameType(DataTypes.FloatType)) {
            double lo = parseDouble(options.lowerBound(), "lowerBound");
            double hi = parseDouble(options.upperBound(), "upperBound");
            if (n <= 1 || lo == hi) {
                return singleNull();
            }
            checkOrder(lo > hi, options);
            double stride = (hi - lo) / n;
            bounds = new ArrayList<>();
            for (int i = 1; i < n; i++) {
                bounds.add(Double.toString(lo + stride * i));
            }
        } else if (t.sameType(DataTypes.TimestampType)) {
            bounds = longBounds(micros(options.lowerBound(), "lowerBound"),
                    micros(options.upperBound(), "upperBound"), n, options, AdqlText::timestampMicros);
            if (bounds == null) {
                return singleNull();
            }
        } else {
            throw SourceOptions.bad("'partitionColumn' " + field.name() + " is " + VoTypes.describe(t)
                    + "; it must be a numeric or timestamp column");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i <= bounds.size(); i++) {
            String lower = i == 0 ? null : column + " >= " + bounds.get(i - 1);
            String upper = i == bounds.size() ? null : column + " < " + bounds.get(i);
            if (lower == null) {
                out.add(upper + " OR " + column + " IS NULL");
            } else if (upper == null) {
                out.add(lower);
            } else {
                out.add(lower + " AND " + upper);
            }
        }
        return out;
    }

    private static List<String> singleNull() {
        List<String> one = new ArrayList<>();
        one.add(null);
        return one;
    }

    static StructField find(StructType schema, String name) {
        for (StructField f : schema.fields()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        for (StructField f : schema.fields()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw SourceOptions.bad("'partitionColumn' " + name + " is not a column of the result (its columns: "
                + String.join(", ", schema.fieldNames()) + ")");
    }

    private static void checkOrder(boolean reversed, SourceOptions o) {
        if (reversed) {
            throw SourceOptions.bad("'lowerBound' (" + o.lowerBound() + ") is above 'upperBound' (" + o.upperBound()
                    + ")");
        }
    }

    private static long parseLong(String v, String name) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw SourceOptions.bad("'" + name + "' must be a whole number for an integer column, not '" + v + "'");
        }
    }

    private static double parseDouble(String v, String name) {
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw SourceOptions.bad("'" + name + "' must be a finite number, not '" + v + "'");
        }
    }

    private static long micros(String v, String name) {
        String t = v.strip();
        if (t.toUpperCase(Locale.ROOT).endsWith("Z")) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            Instant i = t.length() == 10 ? LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw SourceOptions.bad("'" + name + "' must be a timestamp such as 2020-01-01 or 2020-01-01T12:00:00 for"
                    + " a timestamp column, not '" + v + "'");
        }
    }

    /**
     * The n - 1 inner bounds of [lo, hi] for a whole-number column (fewer when the range holds
     * fewer values), each written by {@code text}; null when one partition will do.
     */
    private static List<String> longBounds(long lo, long hi, int n, SourceOptions options,
            java.util.function.LongFunction<String> text) {
        if (n <= 1 || lo == hi) {
            return null;
        }
        checkOrder(lo > hi, options);
        long width = hi - lo;
        int parts = width >= n || width < 0 ? n : (int) width;
        long stride = hi / parts - lo / parts;
        List<String> bounds = new ArrayList<>();
        long v = lo;
        for (int i = 1; i < parts; i++) {
            v += stride;
            bounds.add(text.apply(v));
        }
        return bounds;
    }
}
