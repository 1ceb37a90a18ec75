// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.sky;

/**
 * A position in the FK5 frame, equinox J2000, in degrees: the numbers astroquery writes into ADQL
 * {@code CIRCLE}s and SODA {@code POS} values (it converts every position with astropy's
 * {@code .fk5}). Obtain one with {@link Coordinates#toFk5J2000()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Fk5J2000 {
    private final double ra;
    private final double dec;

    private Fk5J2000(double ra, double dec) {
        this.ra = ra;
        this.dec = dec;
    }

    /**
     * An FK5 J2000 position.
     *
     * @param ra right ascension in degrees, in [0, 360]; 360 is taken as 0
     * @param dec declination in degrees, in [-90, 90]
     * @return the position
     * @throws IllegalArgumentException if a value is out of range or not finite
     */
    public static Fk5J2000 of(double ra, double dec) {
        return new Fk5J2000(Coordinates.checkLongitude(ra, "ra"), Coordinates.checkLatitude(dec, "dec"));
    }

    /**
     * The same position in ICRS.
     *
     * @return the ICRS position
     */
    public Coordinates toIcrs() {
        double[] icrs = FrameRotations.apply(FrameRotations.ICRS_TO_FK5, true, ra, dec);
        return Coordinates.of(icrs[0], icrs[1]);
    }

    /**
     * Right ascension in degrees, in [0, 360).
     *
     * @return right ascension
     */
    public double ra() {
        return ra;
    }

    /**
     * Declination in degrees, in [-90, 90].
     *
     * @return declination
     */
    public double dec() {
        return dec;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Fk5J2000)) {
            return false;
        }
        Fk5J2000 other = (Fk5J2000) o;
        return Double.compare(ra, other.ra) == 0 && Double.compare(dec, other.dec) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(ra) * 31 + Double.hashCode(dec);
    }

    @Override
    public String toString() {
        return "FK5 J2000 " + ra + " " + dec;
    }
}
