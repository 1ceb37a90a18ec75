// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.sky;

import io.cadc4j.core.internal.text.SodaNumbers;

/**
 * A circle on the sky (ICRS, degrees): centre right ascension and declination and a radius.
 * Written {@code CIRCLE ra dec r} as a {@code POS} value and {@code ra dec r} as a
 * {@code CIRCLE} value (SODA 1.0 §3.3.2–3.3.3, DALI 1.1 §3.3.6).
 *
 * <p>Immutable and thread-safe.
 */
public final class Circle extends Shape {
    private final double ra;
    private final double dec;
    private final double radius;

    private Circle(double ra, double dec, double radius) {
        this.ra = ra;
        this.dec = dec;
        this.radius = radius;
    }

    /**
     * Makes a circle.
     *
     * @param ra the centre's right ascension, 0 to 360 degrees
     * @param dec the centre's declination, -90 to 90 degrees
     * @param radius the radius, above 0 and at most 180 degrees
     * @return the circle
     * @throws IllegalArgumentException if a value is out of its range or not finite; the message
     *     names the value and the allowed range
     */
    public static Circle of(double ra, double dec, double radius) {
        SodaNumbers.requireRa("CIRCLE", "ra", ra);
        SodaNumbers.requireDec("CIRCLE", "dec", dec);
        SodaNumbers.requireFinite("CIRCLE radius", radius);
        if (radius <= 0 || radius > 180) {
            throw new IllegalArgumentException("CIRCLE: radius " + SodaNumbers.format(radius)
                    + " is outside the allowed range (0 .. 180] degrees");
        }
        return new Circle(ra, dec, radius);
    }

    /** @return the centre's right ascension in degrees */
    public double ra() {
        return ra;
    }

    /** @return the centre's declination in degrees */
    public double dec() {
        return dec;
    }

    /** @return the radius in degrees */
    public double radius() {
        return radius;
    }

    @Override
    public String posValue() {
        return "CIRCLE " + sodaValue();
    }

    @Override
    public String sodaValue() {
        return SodaNumbers.join(ra, dec, radius);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Circle)) {
            return false;
        }
        Circle c = (Circle) o;
        return Double.compare(ra, c.ra) == 0 && Double.compare(dec, c.dec) == 0 && Double.compare(radius, c.radius) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(ra) * 961 + Double.hashCode(dec) * 31 + Double.hashCode(radius);
    }

    @Override
    public String toString() {
        return posValue();
    }
}
