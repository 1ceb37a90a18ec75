// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

/**
 * Parses TABLEDATA numbers straight from a character buffer, without making a String for the
 * common forms. Stateless and thread-safe.
 */
final class Numbers {
    private static final double[] POW10 = new double[23];
    private static final float[] FPOW10 = new float[11];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
        float f = 1;
        for (int i = 0; i < FPOW10.length; i++) {
            FPOW10[i] = f;
            f *= 10;
        }
    }

    private Numbers() {
    }

    /**
     * Parses a decimal or {@code 0x} hexadecimal integer (VOTable 1.4 section 6), optionally signed.
     * The range is checked by the caller. Leading and trailing whitespace must be gone.
     */
    static long parseLong(char[] b, int off, int len) {
        int i = off;
        int end = off + len;
        boolean neg = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        if (i + 1 < end && b[i] == '0' && (b[i + 1] == 'x' || b[i + 1] == 'X')) {
            i += 2;
            if (i == end || end - i > 16) {
                throw bad("integer", b, off, len);
            }
            long v = 0;
            for (; i < end; i++) {
                int d = Character.digit(b[i], 16);
                if (d < 0) {
                    throw bad("integer", b, off, len);
                }
                v = v << 4 | d;
            }
            return neg ? -v : v;
        }
        if (i == end) {
            throw bad("integer", b, off, len);
        }
        long v = 0;
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw bad("integer", b, off, len);
            }
            // accumulate negatively so that Long.MIN_VALUE parses
            if (v < (Long.MIN_VALUE + d) / 10) {
                throw new CellException("integer out of range: '" + new String(b, off, len) + "'");
            }
            v = v * 10 - d;
        }
        if (!neg) {
            if (v == Long.MIN_VALUE) {
                throw new CellException("integer out of range: '" + new String(b, off, len) + "'");
            }
            return -v;
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Parses a double: decimal with optional exponent, {@code NaN}, {@code [+-]Inf[inity]}. Simple
     * decimals with at most 15 significant digits and a small exponent are computed exactly
     * (Clinger's fast path); anything else goes to {@link Double#parseDouble}.
     */
    static double parseDouble(char[] b, int off, int len) {
        int i = off;
        int end = off + len;
        boolean neg = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        long mant = 0;
        int scale = 0;
        // Leading zeros are skipped, then up to 18 significant digits of the integer part and the
        // fraction go into mant, each in a loop with one test a digit (every TABLEDATA double
        // goes through here); a 19th significant digit sends the text to the exact slow path.
        int zeros = i;
        while (i < end && b[i] == '0') {
            i++;
        }
        boolean any = i > zeros;
        int first = i;
        for (int stop = Math.min(end, i + 18); i < stop; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            mant = mant * 10 + d;
        }
        int digits = i - first;
        any |= digits > 0;
        if (i < end && isDigit(b[i])) {
            return slowDouble(b, off, len);
        }
        if (i < end && b[i] == '.') {
            i++;
            if (digits == 0) {
                // zeros right after the point only move the scale
                int z = i;
                while (i < end && b[i] == '0') {
                    i++;
                }
                scale -= i - z;
                any |= i > z;
            }
            int from = i;
            for (int stop = Math.min(end, i + 18 - digits); i < stop; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                mant = mant * 10 + d;
            }
            int n = i - from;
            digits += n;
            scale -= n;
            any |= n > 0;
            if (i < end && isDigit(b[i])) {
                return slowDouble(b, off, len);
            }
        }
        if (i < end) {
            char c = b[i];
            if ((c == 'e' || c == 'E') && any) {
                i++;
                boolean eneg = false;
                if (i < end && (b[i] == '-' || b[i] == '+')) {
                    eneg = b[i] == '-';
                    i++;
                }
                if (i == end) {
                    throw bad("floating-point number", b, off, len);
                }
                int e = 0;
                for (; i < end; i++) {
                    int d = b[i] - '0';
                    if (d < 0 || d > 9) {
                        throw bad("floating-point number", b, off, len);
                    }
                    if (e < 100000) {
                        e = e * 10 + d;
                    }
                }
                scale += eneg ? -e : e;
            } else {
                return special(b, off, len);
            }
        }
        if (!any) {
            return special(b, off, len);
        }
        double v;
        if (mant == 0) {
            v = 0;
        } else if (digits <= 15 && scale >= -22 && scale <= 22) {
            v = scale < 0 ? mant / POW10[-scale] : mant * POW10[scale];
        } else {
            v = EiselLemire.toDouble(mant, scale);
            if (Double.isNaN(v)) {
                return slowDouble(b, off, len);
            }
        }
        return neg ? -v : v;
    }

    /** Parses a float the same way, exactly when the digits and exponent allow. */
    static float parseFloat(char[] b, int off, int len) {
        int i = off;
        int end = off + len;
        boolean neg = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        int mant = 0;
        int digits = 0;
        int scale = 0;
        boolean dot = false;
        boolean any = false;
        for (; i < end; i++) {
            char c = b[i];
            if (c >= '0' && c <= '9') {
                any = true;
                if (mant == 0 && c == '0') {
                    if (dot) {
                        scale--;
                    }
                    continue;
                }
                if (digits >= 7) {
                    return slowFloat(b, off, len);
                }
                mant = mant * 10 + (c - '0');
                digits++;
                if (dot) {
                    scale--;
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return slowFloat(b, off, len);
            }
        }
        if (!any) {
            return slowFloat(b, off, len);
        }
        if (mant == 0) {
            return neg ? -0f : 0f;
        }
        if (scale < -10 || scale > 10) {
            return slowFloat(b, off, len);
        }
        float v = scale < 0 ? mant / FPOW10[-scale] : mant * FPOW10[scale];
        return neg ? -v : v;
    }

    private static float slowFloat(char[] b, int off, int len) {
        double d = special0(b, off, len);
        if (!Double.isNaN(d) || isNanWord(b, off, len)) {
            return (float) d;
        }
        try {
            return Float.parseFloat(new String(b, off, len));
        } catch (NumberFormatException e) {
            throw bad("floating-point number", b, off, len);
        }
    }

    private static double slowDouble(char[] b, int off, int len) {
        try {
            return Double.parseDouble(new String(b, off, len));
        } catch (NumberFormatException e) {
            return special(b, off, len);
        }
    }

    private static double special(char[] b, int off, int len) {
        double d = special0(b, off, len);
        if (!Double.isNaN(d) || isNanWord(b, off, len)) {
            return d;
        }
        throw bad("floating-point number", b, off, len);
    }

    private static boolean isNanWord(char[] b, int off, int len) {
        return len == 3 && (b[off] | 0x20) == 'n' && (b[off + 1] | 0x20) == 'a' && (b[off + 2] | 0x20) == 'n';
    }

    /** NaN, [+-]Inf, [+-]Infinity in any case; NaN when the text is none of them (checked by the caller). */
    private static double special0(char[] b, int off, int len) {
        if (isNanWord(b, off, len)) {
            return Double.NaN;
        }
        int i = off;
        boolean neg = false;
        if (len > 0 && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        String rest = new String(b, i, off + len - i);
        if (rest.equalsIgnoreCase("inf") || rest.equalsIgnoreCase("infinity")) {
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.NaN;
    }

    private static CellException bad(String what, char[] b, int off, int len) {
        String text = new String(b, off, Math.min(len, 80));
        return new CellException("not a valid " + what + ": '" + text + (len > 80 ? "...'" : "'"));
    }
}
