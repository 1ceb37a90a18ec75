// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.sky;

import io.cadc4j.core.NotFoundException;
import java.util.Objects;
import java.util.Optional;

/**
 * A position on the sky in ICRS, right ascension and declination in degrees.
 *
 * <p>{@link #parse(String)} reads the strings astroquery users write (see {@link #ACCEPTED_FORMS}):
 * <pre>{@code
 * Coordinates.parse("08h45m07.5s +54d18m00s");   // letters: hours for RA, degrees for Dec
 * Coordinates.parse("08:45:07.5 +54:18:00");     // colons, same units
 * Coordinates.parse("08 45 07.5 +54 18 00");     // spaces, same units
 * Coordinates.parse("131.28125 54.3");           // decimal degrees, or "131.28125, 54.3"
 * Coordinates.parse("FK5 J2000 131.28125 54.3"); // an explicit frame, converted to ICRS
 * Coordinates.parse("Galactic 120.5 -30.25");    // galactic l b, degrees (or sexagesimal degrees)
 * }</pre>
 * A frame word may come first or last: {@code ICRS}, {@code FK5} or {@code FK5 J2000} (or
 * {@code J2000}), {@code Galactic} or {@code gal}. Without one the position is ICRS. With colons
 * or spaces the first component is in hours unless the frame is Galactic; astroquery itself would
 * read such a string as degrees (astropy's fallback {@code unit="deg"}), which nobody means.
 * The sign belongs to the whole component, so {@code -00d30m00s} is minus half a degree, and the
 * Unicode minus sign (U+2212) counts as a minus.
 *
 * <p>Ranges: right ascension (and galactic longitude) in [0, 360), where 360 is taken as 0; hours
 * below 24; declination (and latitude) in [−90, 90]; minutes and seconds below 60. Text that has a
 * coordinate's shape with a value out of range fails; text of no coordinate shape is, for
 * {@link #parseOrResolve(String, NameResolver)}, a target name.
 *
 * <p>{@link #toFk5J2000()} gives the numbers astroquery writes into ADQL and SODA {@code POS}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Coordinates {
    /** The forms {@link #parse(String)} accepts, as quoted in its error messages. */
    public static final String ACCEPTED_FORMS = "sexagesimal with unit letters (08h45m07.5s +54d18m00s), with colons"
            + " (08:45:07.5 +54:18:00) or with spaces (08 45 07.5 +54 18 00), decimal degrees (131.28125 54.3 or"
            + " 131.28125, 54.3), each optionally with a frame before or after: ICRS (the default), FK5 [J2000],"
            + " Galactic or gal (l b in degrees)";

    private final double ra;
    private final double dec;

    private Coordinates(double ra, double dec) {
        this.ra = ra;
        this.dec = dec;
    }

    /**
     * An ICRS position.
     *
     * @param ra right ascension in degrees, in [0, 360]; 360 is taken as 0
     * @param dec declination in degrees, in [-90, 90]
     * @return the position
     * @throws IllegalArgumentException if a value is out of range or not finite
     */
    public static Coordinates of(double ra, double dec) {
        return new Coordinates(checkLongitude(ra, "right ascension"), checkLatitude(dec, "declination"));
    }

    /**
     * The ICRS position of an FK5 (equinox J2000) position.
     *
     * @param ra FK5 right ascension in degrees, in [0, 360]
     * @param dec FK5 declination in degrees, in [-90, 90]
     * @return the ICRS position
     * @throws IllegalArgumentException if a value is out of range or not finite
     */
    public static Coordinates fromFk5J2000(double ra, double dec) {
        return Fk5J2000.of(ra, dec).toIcrs();
    }

    /**
     * The ICRS position of a galactic position (astropy's {@code Galactic} frame).
     *
     * @param l galactic longitude in degrees, in [0, 360]
     * @param b galactic latitude in degrees, in [-90, 90]
     * @return the ICRS position
     * @throws IllegalArgumentException if a value is out of range or not finite
     */
    public static Coordinates fromGalactic(double l, double b) {
        double[] fk5 = FrameRotations.apply(FrameRotations.FK5_TO_GALACTIC, true,
                checkLongitude(l, "galactic longitude"), checkLatitude(b, "galactic latitude"));
        return fromFk5J2000(fk5[0], fk5[1]);
    }

    /**
     * Parses a position written in one of the {@link #ACCEPTED_FORMS}.
     *
     * @param text the position
     * @return the ICRS position
     * @throws IllegalArgumentException if the text is not a position, quoting it and the accepted
     *     forms, or if a value is out of range
     */
    public static Coordinates parse(String text) {
        Objects.requireNonNull(text, "text");
        Coordinates parsed = CoordinateText.parse(text);
        if (parsed == null) {
            throw new IllegalArgumentException("not a coordinate: \"" + text + "\"; accepted forms: " + ACCEPTED_FORMS
                    + "; a target name needs a name resolver (Coordinates.parseOrResolve)");
        }
        return parsed;
    }

    /**
     * Parses text that has a coordinate's form, and tells apart text that has none (a target name,
     * which is never sent to a resolver when it parses).
     *
     * <pre>{@code
     * Coordinates.parseIfCoordinate("131.28125 54.3");   // Optional[ICRS 131.28125 54.3]
     * Coordinates.parseIfCoordinate("M31");              // Optional.empty
     * }</pre>
     *
     * @param text the text
     * @return the ICRS position, or empty when the text has no coordinate form
     * @throws IllegalArgumentException if the text has a coordinate form with a value out of range
     */
    public static Optional<Coordinates> parseIfCoordinate(String text) {
        Objects.requireNonNull(text, "text");
        return Optional.ofNullable(CoordinateText.parse(text));
    }

    /**
     * Parses a position, or resolves the text as a target name when it has no coordinate form.
     *
     * @param text a position in one of the {@link #ACCEPTED_FORMS}, or a target name such as {@code M31}
     * @param resolver the name resolver to ask for a target name
     * @return the ICRS position
     * @throws IllegalArgumentException if the text is blank, or has a coordinate form with a value out of range
     * @throws NotFoundException if the resolver does not know the name
     * @throws io.cadc4j.core.CadcException if the resolver fails
     */
    public static Coordinates parseOrResolve(String text, NameResolver resolver) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(resolver, "resolver");
        Coordinates parsed = CoordinateText.parse(text);
        if (parsed != null) {
            return parsed;
        }
        String name = text.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("neither a coordinate nor a target name: \"" + text + "\"; accepted forms: "
                    + ACCEPTED_FORMS + ", or a target name");
        }
        ResolvedName resolved = resolver.resolve(name);
        return Objects.requireNonNull(resolved, "the name resolver returned null").coordinates();
    }

    static double checkLongitude(double value, String name) {
        if (!(value >= 0.0 && value <= 360.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 360) degrees, not " + value);
        }
        return value == 360.0 ? 0.0 : value + 0.0;
    }

    static double checkLatitude(double value, String name) {
        if (!(value >= -90.0 && value <= 90.0)) {
            throw new IllegalArgumentException(name + " must be in [-90, 90] degrees, not " + value);
        }
        // + 0.0 turns -0.0 into 0.0, so that no "-0.0" reaches a query.
        return value + 0.0;
    }

    /**
     * The same position in FK5, equinox J2000: the numbers astroquery writes into ADQL and SODA.
     *
     * @return the FK5 J2000 position
     */
    public Fk5J2000 toFk5J2000() {
        double[] fk5 = FrameRotations.apply(FrameRotations.ICRS_TO_FK5, false, ra, dec);
        return Fk5J2000.of(fk5[0], fk5[1]);
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
        if (!(o instanceof Coordinates)) {
            return false;
        }
        Coordinates other = (Coordinates) o;
        return Double.compare(ra, other.ra) == 0 && Double.compare(dec, other.dec) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(ra) * 31 + Double.hashCode(dec);
    }

    @Override
    public String toString() {
        return "ICRS " + ra + " " + dec;
    }
}
