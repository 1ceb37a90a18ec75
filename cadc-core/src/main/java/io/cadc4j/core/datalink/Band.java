// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import io.cadc4j.core.internal.text.SodaNumbers;
import io.cadc4j.core.sky.Interval;

/**
 * A wavelength interval in metres, the value of the SODA {@code BAND} parameter
 * (SODA 1.0 §3.3.5): {@code lo hi}, either end possibly unbounded.
 *
 * <p>Immutable and thread-safe.
 */
public final class Band {
    private final Interval wavelength;

    private Band(Interval wavelength) {
        this.wavelength = wavelength;
    }

    /**
     * Makes a band from vacuum wavelengths in metres.
     *
     * @param loMetres the shortest wavelength, at least 0, or -infinity for unbounded
     * @param hiMetres the longest wavelength, or +infinity for unbounded
     * @return the band
     * @throws IllegalArgumentException if a finite bound is negative, a bound is NaN, or
     *     {@code lo > hi}
     */
    public static Band wavelength(double loMetres, double hiMetres) {
        for (double v : new double[] {loMetres, hiMetres}) {
            if (Double.isFinite(v) && v < 0) {
                throw new IllegalArgumentException("BAND: wavelength " + SodaNumbers.format(v)
                        + " m is outside the allowed range 0 .. +Inf metres");
            }
        }
        return new Band(Interval.checked("BAND", loMetres, hiMetres));
    }

    /** @return the wavelength interval in metres */
    public Interval wavelength() {
        return wavelength;
    }

    /** @return the value of the {@code BAND} parameter, e.g. {@code 0.00000058 0.00000078} */
    public String sodaValue() {
        return wavelength.sodaValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Band && wavelength.equals(((Band) o).wavelength);
    }

    @Override
    public int hashCode() {
        return wavelength.hashCode();
    }

    @Override
    public String toString() {
        return "BAND " + sodaValue();
    }
}
