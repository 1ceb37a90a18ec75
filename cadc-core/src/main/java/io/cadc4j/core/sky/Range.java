// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.sky;

import io.cadc4j.core.internal.text.SodaNumbers;

/**
 * A box on the sky bounded by right ascension and declination (ICRS, degrees), written
 * {@code RANGE ra1 ra2 dec1 dec2} as a {@code POS} value (SODA 1.0 §3.3.2). Either end of either
 * range may be infinite for "unbounded".
 *
 * <p>Immutable and thread-safe.
 */
public final class Range extends Shape {
    private final Interval ra;
    private final Interval dec;

    private Range(Interval ra, Interval dec) {
        this.ra = ra;
        this.dec = dec;
    }

    /**
     * Makes a range.
     *
     * @param raMin the lowest right ascension, 0 to 360 degrees or -infinity
     * @param raMax the highest right ascension, 0 to 360 degrees or +infinity
     * @param decMin the lowest declination, -90 to 90 degrees or -infinity
     * @param decMax the highest declination, -90 to 90 degrees or +infinity
     * @return the range
     * @throws IllegalArgumentException if a finite bound is outside its range, a bound is NaN,
     *     or a minimum is above its maximum
     */
    public static Range of(double raMin, double raMax, double decMin, double decMax) {
        checkBound("ra", raMin, 0, 360, "0 .. 360");
        checkBound("ra", raMax, 0, 360, "0 .. 360");
        checkBound("dec", decMin, -90, 90, "-90 .. 90");
        checkBound("dec", decMax, -90, 90, "-90 .. 90");
        return new Range(Interval.checked("RANGE ra", raMin, raMax), Interval.checked("RANGE dec", decMin, decMax));
    }

    private static void checkBound(String what, double v, double min, double max, String allowed) {
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("RANGE: " + what + " bound is NaN");
        }
        if (Double.isFinite(v) && (v < min || v > max)) {
            throw new IllegalArgumentException("RANGE: " + what + " bound " + SodaNumbers.format(v)
                    + " is outside the allowed range " + allowed + " degrees (or an infinite bound)");
        }
    }

    /** @return the right ascension interval in degrees */
    public Interval ra() {
        return ra;
    }

    /** @return the declination interval in degrees */
    public Interval dec() {
        return dec;
    }

    @Override
    public String posValue() {
        return "RANGE " + sodaValue();
    }

    @Override
    public String sodaValue() {
        return ra.sodaValue() + " " + dec.sodaValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Range && ra.equals(((Range) o).ra) && dec.equals(((Range) o).dec);
    }

    @Override
    public int hashCode() {
        return ra.hashCode() * 31 + dec.hashCode();
    }

    @Override
    public String toString() {
        return posValue();
    }
}
