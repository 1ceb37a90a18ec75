// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import io.cadc4j.core.sky.Interval;

/**
 * A time interval in Modified Julian Date (days), the value of the SODA {@code TIME} parameter
 * (SODA 1.0 §3.3.6): {@code lo hi}, either end possibly unbounded.
 *
 * <p>Immutable and thread-safe.
 */
public final class TimeInterval {
    private final Interval mjd;

    private TimeInterval(Interval mjd) {
        this.mjd = mjd;
    }

    /**
     * Makes a time interval.
     *
     * @param loMjd the start (MJD), or -infinity for unbounded
     * @param hiMjd the end (MJD), or +infinity for unbounded
     * @return the interval
     * @throws IllegalArgumentException if a bound is NaN or {@code lo > hi}
     */
    public static TimeInterval mjd(double loMjd, double hiMjd) {
        return new TimeInterval(Interval.checked("TIME", loMjd, hiMjd));
    }

    /** @return the interval in MJD */
    public Interval mjd() {
        return mjd;
    }

    /** @return the value of the {@code TIME} parameter, e.g. {@code 50527.5 50527.6} */
    public String sodaValue() {
        return mjd.sodaValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeInterval && mjd.equals(((TimeInterval) o).mjd);
    }

    @Override
    public int hashCode() {
        return mjd.hashCode();
    }

    @Override
    public String toString() {
        return "TIME " + sodaValue();
    }
}
