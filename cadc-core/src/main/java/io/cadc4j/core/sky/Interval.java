// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.sky;

import io.cadc4j.core.internal.text.SodaNumbers;

/**
 * A closed numeric interval {@code [lo, hi]}; either end may be infinite for "unbounded".
 * Written {@code lo hi} as DALI 1.1 §3.3.5 writes an interval, with {@code -Inf}/{@code +Inf}
 * for infinite ends.
 *
 * <p>Immutable and thread-safe.
 */
public final class Interval {
    private final double lo;
    private final double hi;

    private Interval(double lo, double hi) {
        this.lo = lo;
        this.hi = hi;
    }

    /**
     * Makes an interval.
     *
     * @param lo the lower bound (may be {@link Double#NEGATIVE_INFINITY})
     * @param hi the upper bound (may be {@link Double#POSITIVE_INFINITY})
     * @return the interval
     * @throws IllegalArgumentException if a bound is NaN or {@code lo > hi}
     */
    public static Interval of(double lo, double hi) {
        SodaNumbers.requireOrdered("interval", lo, hi);
        return new Interval(lo, hi);
    }

    /**
     * Makes an interval for a named parameter, which the error names.
     *
     * @param param the parameter, e.g. {@code BAND}
     * @param lo the lower bound
     * @param hi the upper bound
     * @return the interval
     * @throws IllegalArgumentException if a bound is NaN or {@code lo > hi}
     */
    public static Interval checked(String param, double lo, double hi) {
        SodaNumbers.requireOrdered(param, lo, hi);
        return new Interval(lo, hi);
    }

    /** @return the lower bound */
    public double lo() {
        return lo;
    }

    /** @return the upper bound */
    public double hi() {
        return hi;
    }

    /**
     * Whether this interval shares at least one value with another.
     *
     * @param other the other interval
     * @return true if they overlap (touching ends count)
     */
    public boolean overlaps(Interval other) {
        return lo <= other.hi && other.lo <= hi;
    }

    /**
     * The interval as a SODA/DALI value: {@code lo hi} in plain decimals.
     *
     * @return the value text
     */
    public String sodaValue() {
        return SodaNumbers.join(lo, hi);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Interval && Double.compare(lo, ((Interval) o).lo) == 0
                && Double.compare(hi, ((Interval) o).hi) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(lo) * 31 + Double.hashCode(hi);
    }

    @Override
    public String toString() {
        return "[" + sodaValue().replace(' ', ',') + "]";
    }
}
