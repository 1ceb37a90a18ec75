// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench.internal;

/**
 * Folding values into a running checksum, the same way for every reader so that two readers of the same table
 * can be compared. Stateless and thread-safe.
 */
public final class Checksum {
    /** What a null cell contributes. */
    static final long NULL = 0x9E37_79B9_7F4A_7C15L;

    private Checksum() {
    }

    /**
     * @param sum   the running checksum
     * @param value the next value
     * @return the new checksum
     */
    public static long mix(long sum, long value) {
        return sum * 31 + value;
    }

    /**
     * The hash of a String cell, by the loop of {@link #text(CharSequence)}: a reader that makes Strings is folded
     * with the same work as one that hands out characters without a String, and to the same value.
     *
     * @param text the characters
     * @return {@code s[0]*31^(n-1) + ... + s[n-1]}, which is {@link String#hashCode()}
     */
    public static int text(String text) {
        // the same loop as for a CharSequence, kept apart so that each call site sees one class
        int h = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            h = 31 * h + text.charAt(i);
        }
        return h;
    }

    /**
     * The hash of a cell's characters, equal to {@link String#hashCode()} of the same text.
     *
     * @param text the characters
     * @return {@code s[0]*31^(n-1) + ... + s[n-1]}
     */
    public static int text(CharSequence text) {
        int h = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            h = 31 * h + text.charAt(i);
        }
        return h;
    }

    /**
     * Folds one cell as an object model reader delivers it: {@code null}, a boxed number, a {@link Boolean}, a
     * {@link String} (every character, through {@link #text}, which gives {@link String#hashCode()}) or a primitive array (every element). An empty array counts as a null: TABLEDATA cannot tell the two
     * apart, and the benchmark compares formats.
     *
     * @param sum  the running checksum
     * @param cell the cell value
     * @return the new checksum
     */
    public static long mixCell(long sum, Object cell) {
        if (cell == null) {
            return mix(sum, NULL);
        } else if (cell instanceof Double || cell instanceof Float) {
            return mix(sum, Double.doubleToLongBits(((Number) cell).doubleValue()));
        } else if (cell instanceof Number) {
            return mix(sum, ((Number) cell).longValue());
        } else if (cell instanceof Boolean) {
            return mix(sum, (Boolean) cell ? 1231 : 1237);
        } else if (cell instanceof String) {
            return mix(sum, text((String) cell));
        } else if (cell instanceof double[]) {
            double[] a = (double[]) cell;
            if (a.length == 0) {
                return mix(sum, NULL);
            }
            long s = sum;
            for (double d : a) {
                s = mix(s, Double.doubleToLongBits(d));
            }
            return s;
        } else if (cell instanceof float[]) {
            float[] a = (float[]) cell;
            if (a.length == 0) {
                return mix(sum, NULL);
            }
            long s = sum;
            for (float d : a) {
                s = mix(s, Double.doubleToLongBits(d));
            }
            return s;
        } else if (cell instanceof long[]) {
            long s = sum;
            for (long v : (long[]) cell) {
                s = mix(s, v);
            }
            return s;
        } else if (cell instanceof int[]) {
            long s = sum;
            for (int v : (int[]) cell) {
                s = mix(s, v);
            }
            return s;
        } else if (cell instanceof boolean[]) {
            long s = sum;
            for (boolean v : (boolean[]) cell) {
                s = mix(s, v ? 1231 : 1237);
            }
            return s;
        }
        throw new IllegalArgumentException("no checksum for a cell of " + cell.getClass().getName());
    }
}
