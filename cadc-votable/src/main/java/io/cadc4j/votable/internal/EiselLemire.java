// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

/**
 * Exact decimal-to-double conversion for mantissas of up to 18 digits with any exponent, after
 * Lemire, "Number Parsing at a Gigabyte per Second" (Software: Practice and Experience 51(8), 2021):
 * one or two 64x128-bit multiplications by a truncated power of five, and a refusal (NaN) in the
 * rare cases the product cannot decide the rounding, where the caller falls back to the JDK. The
 * table of powers is {@link Pow5Table}. Stateless; thread-safe.
 */
final class EiselLemire {
    private static final int MIN_Q = Pow5Table.MIN_Q;
    private static final int MAX_Q = Pow5Table.MAX_Q;
    /** For each q in [MIN_Q, MAX_Q]: the high and low 64 bits of 5^q normalized to 128 bits. */
    private static final long[] POW5 = Pow5Table.POW5;

    private EiselLemire() {
    }

    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + (a >> 63 & b) + (b >> 63 & a);
    }

    /**
     * The double nearest to w * 10^q, or NaN when this method cannot be sure (the caller then
     * parses the text with the JDK).
     *
     * @param w the decimal mantissa, exact, positive
     * @param q the decimal exponent
     */
    static double toDouble(long w, int q) {
        if (w == 0) {
            return 0.0;
        }
        if (q < MIN_Q || q > MAX_Q) {
            return Double.NaN;
        }
        int lz = Long.numberOfLeadingZeros(w);
        w <<= lz;
        int i = 2 * (q - MIN_Q);
        long hi = unsignedMultiplyHigh(w, POW5[i]);
        long lo = w * POW5[i];
        if ((hi & 0x1FF) == 0x1FF) {
            long hi2 = unsignedMultiplyHigh(w, POW5[i + 1]);
            long newLo = lo + hi2;
            if (Long.compareUnsigned(newLo, lo) < 0) {
                hi++;
            }
            lo = newLo;
            if ((hi & 0x1FF) == 0x1FF && lo == -1L) {
                return Double.NaN;
            }
        }
        int upper = (int) (hi >>> 63);
        int shift = upper + 9;
        long mantissa = hi >>> shift;
        int power2 = ((152170 + 65536) * q >> 16) + 63 + upper - lz + 1023;
        if (power2 <= 0 || power2 >= 2046) {
            return Double.NaN; // subnormal or near overflow: leave it to the JDK
        }
        if (Long.compareUnsigned(lo, 1) <= 0 && q >= -4 && q <= 23 && (mantissa & 3) == 1
                && mantissa << shift == hi) {
            mantissa &= ~1L; // exactly halfway: round to even
        }
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if (mantissa >= 1L << 53) {
            mantissa = 1L << 52;
            power2++;
        }
        mantissa &= ~(1L << 52);
        if (power2 >= 2047) {
            return Double.NaN;
        }
        return Double.longBitsToDouble(mantissa | (long) power2 << 52);
    }
}
