// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable;

import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.core.table.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A table with a column for every datatype and array shape, filled from a fixed seed with the
 * Java values the reader returns, and with nulls wherever all three serializations can carry them.
 */
public final class GeneratedTables {
    private GeneratedTables() {
    }

    /** A column: its FIELD and how to make a value (null allowed or not). */
    private static final class Spec {
        final Field field;
        final boolean nullable;
        final java.util.function.Function<Random, Object> gen;

        Spec(Field field, boolean nullable, java.util.function.Function<Random, Object> gen) {
            this.field = field;
            this.nullable = nullable;
            this.gen = gen;
        }
    }

    private static Field.Builder f(String name, String type) {
        return Field.builder(name, type);
    }

    private static Values nullValue(String v) {
        return Values.of(v, null, true, null, true, List.of(), null);
    }

    private static final List<Spec> SPECS = new ArrayList<>();

    static {
        SPECS.add(new Spec(f("b", "boolean").build(), true, r -> r.nextBoolean()));
        SPECS.add(new Spec(f("bit", "bit").build(), false, r -> r.nextBoolean()));
        SPECS.add(new Spec(f("ub", "unsignedByte").values(nullValue("255")).build(), true,
                r -> (short) r.nextInt(255)));
        SPECS.add(new Spec(f("s", "short").values(nullValue("-32768")).build(), true,
                r -> (short) (r.nextInt(65535) - 32767)));
        SPECS.add(new Spec(f("i", "int").values(nullValue("-2147483648")).build(), true,
                r -> r.nextInt() == Integer.MIN_VALUE ? 0 : r.nextInt()));
        SPECS.add(new Spec(f("l", "long").values(nullValue("-9223372036854775808")).build(), true,
                r -> r.nextInt(4) == 0 ? (long) r.nextInt(1000) : r.nextLong() | 1L));
        SPECS.add(new Spec(f("f", "float").build(), true, r -> randomFloat(r)));
        SPECS.add(new Spec(f("d", "double").build(), true, r -> randomDouble(r)));
        SPECS.add(new Spec(f("cv", "char").arraysize("*").build(), true, r -> text(r, 1 + r.nextInt(40), true)));
        SPECS.add(new Spec(f("cf", "char").arraysize("8").build(), true, r -> ascii(r, 1 + r.nextInt(8))));
        SPECS.add(new Spec(f("c1", "char").build(), true, r -> ascii(r, 1)));
        SPECS.add(new Spec(f("uv", "unicodeChar").arraysize("*").build(), true, r -> text(r, 1 + r.nextInt(20), true)));
        SPECS.add(new Spec(f("uf", "unicodeChar").arraysize("6").build(), true, r -> text(r, 1 + r.nextInt(6), false)));
        SPECS.add(new Spec(f("ts", "char").arraysize("*").xtype("timestamp").build(), true,
                r -> String.format("20%02d-%02d-%02dT%02d:%02d:%02d.%03d", r.nextInt(30), 1 + r.nextInt(12),
                        1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(1000))));
        SPECS.add(new Spec(f("fc", "floatComplex").build(), false, r -> new float[] {randomFloat(r), randomFloat(r)}));
        SPECS.add(new Spec(f("dc", "doubleComplex").build(), false,
                r -> new double[] {randomDouble(r), randomDouble(r)}));
        SPECS.add(new Spec(f("i3", "int").arraysize("3").build(), false,
                r -> new int[] {r.nextInt(), r.nextInt(), r.nextInt()}));
        SPECS.add(new Spec(f("dv", "double").arraysize("*").build(), true, r -> {
            double[] a = new double[1 + r.nextInt(10)];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextInt(20) == 0 ? Double.NaN : randomDouble(r);
            }
            return a;
        }));
        SPECS.add(new Spec(f("poly", "double").arraysize("*").xtype("polygon").build(), true, r -> {
            double[] a = new double[6 + 2 * r.nextInt(4)];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextDouble() * 360;
            }
            return a;
        }));
        SPECS.add(new Spec(f("f2v", "float").arraysize("2x*").xtype("interval").build(), true, r -> {
            float[] a = new float[2 * (1 + r.nextInt(4))];
            for (int i = 0; i < a.length; i++) {
                a[i] = randomFloat(r);
            }
            return a;
        }));
        SPECS.add(new Spec(f("l23", "long").arraysize("2x3").build(), false, r -> {
            long[] a = new long[6];
            for (int i = 0; i < 6; i++) {
                a[i] = r.nextLong();
            }
            return a;
        }));
        SPECS.add(new Spec(f("s4b", "short").arraysize("4*").build(), true, r -> {
            short[] a = new short[1 + r.nextInt(4)];
            for (int i = 0; i < a.length; i++) {
                a[i] = (short) r.nextInt();
            }
            return a;
        }));
        SPECS.add(new Spec(f("ubv", "unsignedByte").arraysize("*").build(), true, r -> {
            short[] a = new short[1 + r.nextInt(9)];
            for (int i = 0; i < a.length; i++) {
                a[i] = (short) r.nextInt(256);
            }
            return a;
        }));
        SPECS.add(new Spec(f("b3", "boolean").arraysize("3").build(), false,
                r -> new boolean[] {r.nextBoolean(), r.nextBoolean(), r.nextBoolean()}));
        SPECS.add(new Spec(f("bitv", "bit").arraysize("*").build(), true, r -> {
            boolean[] a = new boolean[1 + r.nextInt(20)];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextBoolean();
            }
            return a;
        }));
        SPECS.add(new Spec(f("bit23", "bit").arraysize("2x3").build(), false, r -> {
            boolean[] a = new boolean[6];
            for (int i = 0; i < 6; i++) {
                a[i] = r.nextBoolean();
            }
            return a;
        }));
        SPECS.add(new Spec(f("c5v", "char").arraysize("5x*").build(), true, r -> {
            String[] a = new String[1 + r.nextInt(4)];
            for (int i = 0; i < a.length; i++) {
                a[i] = ascii(r, 1 + r.nextInt(5));
            }
            return a;
        }));
        SPECS.add(new Spec(f("dcv", "doubleComplex").arraysize("*").build(), true, r -> {
            double[] a = new double[2 * (1 + r.nextInt(3))];
            for (int i = 0; i < a.length; i++) {
                a[i] = randomDouble(r);
            }
            return a;
        }));
    }

    public static TableMetadata metadata() {
        TableMetadata.Builder b = TableMetadata.builder().name("generated");
        SPECS.forEach(s -> b.field(s.field));
        return b.build();
    }

    /** The rows, as the values the reader should return (null for null cells). */
    public static List<Object[]> rows(long seed, int count) {
        Random r = new Random(seed);
        List<Object[]> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Object[] v = new Object[SPECS.size()];
            for (int c = 0; c < v.length; c++) {
                Spec s = SPECS.get(c);
                v[c] = s.nullable && r.nextInt(10) == 0 ? null : s.gen.apply(r);
                if (v[c] instanceof Float && ((Float) v[c]).isNaN() || v[c] instanceof Double && ((Double) v[c]).isNaN()) {
                    v[c] = null;
                }
                if (s.field.type().isComplex() && s.field.shape().isScalar() && v[c] != null
                        && (Double.isNaN(java.lang.reflect.Array.getDouble(v[c], 0))
                                || Double.isNaN(java.lang.reflect.Array.getDouble(v[c], 1)))) {
                    // a complex with a NaN part is null but in BINARY2, as a NaN float is
                    v[c] = null;
                }
            }
            out.add(v);
        }
        return out;
    }

    public static List<Row> asRows(List<Object[]> values) {
        List<Row> rows = new ArrayList<>();
        values.forEach(v -> rows.add(Row.of(v)));
        return rows;
    }

    private static float randomFloat(Random r) {
        switch (r.nextInt(8)) {
            case 0:
                return Float.intBitsToFloat(r.nextInt());
            case 1:
                return r.nextBoolean() ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
            case 2:
                return (float) r.nextInt(1000) / 8;
            default:
                return (float) (r.nextGaussian() * 1000);
        }
    }

    private static double randomDouble(Random r) {
        switch (r.nextInt(8)) {
            case 0:
                return Double.longBitsToDouble(r.nextLong());
            case 1:
                return r.nextBoolean() ? Double.POSITIVE_INFINITY : -0.0;
            case 2:
                return Math.round(r.nextDouble() * 1e6) / 1e3;
            default:
                return r.nextGaussian() * 1e5;
        }
    }

    private static String ascii(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) ('!' + r.nextInt(94)));
        }
        return sb.toString();
    }

    /** Text with XML specials, spaces inside and, when allowed, non-ASCII letters. */
    private static String text(Random r, int n, boolean anything) {
        String pool = "abcXYZ019 <>&\"'\té€வணக்";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(pool.charAt(r.nextInt(anything ? pool.length() : 20)));
        }
        // fixed-size strings lose trailing blanks in BINARY (VOTable pads them); keep the last one visible
        if (sb.charAt(sb.length() - 1) <= ' ') {
            sb.setCharAt(sb.length() - 1, 'q');
        }
        return sb.toString();
    }
}
