// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.sky;

import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An angle, held in degrees: a search radius, a cutout size.
 *
 * <p>{@link #parse(String)} reads what astroquery's radius arguments accept as text: a number and a
 * unit ({@code 0.01 deg}, {@code 0.01deg}, {@code 2.5d}, {@code 1 degree}, {@code 2 degrees},
 * {@code 1 arcmin}, {@code 1'}, {@code 3 arcsec}, {@code 3"}, {@code 5 mas}, {@code 0.1 rad}) or
 * sexagesimal degrees ({@code 1d30m}, {@code 0d0m3.5s}). A bare number is taken as degrees, as
 * astroquery does, and that assumption is logged at {@code WARNING} on the logger
 * {@code io.cadc4j.coords}; {@link #parseDetailed(String)} reports it to the caller as well.
 * {@link #parseRadius(String)} adds the rule for radii: not negative.
 *
 * <p>Conversions from text are exact decimal divisions rounded once, so {@code 1 arcmin} is
 * {@code 0.016666666666666666} degrees, the double nearest 1/60.
 *
 * <p>Immutable and thread-safe.
 */
public final class Angle {
    static final System.Logger LOG = System.getLogger("io.cadc4j.coords");

    /** The forms {@link #parse(String)} accepts, for error messages. */
    public static final String ACCEPTED_FORMS =
            "a number and a unit (0.01 deg, 0.01deg, 2.5d, 1 degree, 2 degrees, 1 arcmin, 1', 3 arcsec, 3\", 5 mas,"
                    + " 0.1 rad), sexagesimal degrees (1d30m, 0d0m3.5s) or a bare number of degrees";

    private static final String NUMBER = "[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?";
    private static final Pattern WITH_UNIT = Pattern.compile("(" + NUMBER + ")\\s*([A-Za-z°'\"′″]+)");
    private static final Pattern BARE = Pattern.compile(NUMBER);
    private static final Pattern DMS = Pattern.compile(
            "([+-]?)(\\d+)[d°](?:(\\d+(?:\\.\\d+)?)[m'′](?:(\\d+(?:\\.\\d+)?)[s\"″])?)?");
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal ARCSEC_PER_DEGREE = BigDecimal.valueOf(3600);

    private final double degrees;

    private Angle(double degrees) {
        this.degrees = degrees;
    }

    /**
     * An angle in degrees.
     *
     * @param degrees the angle in degrees, finite
     * @return the angle
     * @throws IllegalArgumentException if {@code degrees} is NaN or infinite
     */
    public static Angle ofDegrees(double degrees) {
        requireFinite(degrees, "degrees");
        return new Angle(degrees == 0.0 ? 0.0 : degrees);
    }

    /**
     * An angle in minutes of arc.
     *
     * @param arcminutes the angle in minutes of arc, finite
     * @return the angle
     * @throws IllegalArgumentException if {@code arcminutes} is NaN or infinite
     */
    public static Angle ofArcminutes(double arcminutes) {
        requireFinite(arcminutes, "arcminutes");
        return ofDegrees(arcminutes / 60.0);
    }

    /**
     * An angle in seconds of arc.
     *
     * @param arcseconds the angle in seconds of arc, finite
     * @return the angle
     * @throws IllegalArgumentException if {@code arcseconds} is NaN or infinite
     */
    public static Angle ofArcseconds(double arcseconds) {
        requireFinite(arcseconds, "arcseconds");
        return ofDegrees(arcseconds / 3600.0);
    }

    /**
     * Parses an angle; a bare number is taken as degrees and logged at {@code WARNING}.
     *
     * @param text the angle, for example {@code 1 arcmin}
     * @return the angle
     * @throws IllegalArgumentException if the text is not one of {@link #ACCEPTED_FORMS}, or not finite
     */
    public static Angle parse(String text) {
        return parseDetailed(text).angle();
    }

    /**
     * Parses a radius: an angle that is not negative.
     *
     * @param text the radius, for example {@code 0.01 deg}
     * @return the radius
     * @throws IllegalArgumentException if the text is not an angle, or is negative
     */
    public static Angle parseRadius(String text) {
        return parse(text).requireRadius();
    }

    /**
     * Parses an angle and tells whether the unit was assumed; a bare number is taken as degrees and
     * logged at {@code WARNING}, as astroquery warns.
     *
     * @param text the angle
     * @return the angle and whether its unit was assumed
     * @throws IllegalArgumentException if the text is not one of {@link #ACCEPTED_FORMS}, or not finite
     */
    public static ParsedAngle parseDetailed(String text) {
        return parseDetailed(text, LOG);
    }

    /** As {@link #parseDetailed(String)}, warning on {@code log}: tests hand in a recording logger. */
    static ParsedAngle parseDetailed(String text, System.Logger log) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip().replace('\u2212', '-');
        if (BARE.matcher(trimmed).matches()) {
            Angle angle = ofDegrees(finite(Double.parseDouble(trimmed), text));
            log.log(Level.WARNING, "angle \"{0}\" has no unit: taken as degrees", text);
            return new ParsedAngle(angle, true);
        }
        Matcher dms = DMS.matcher(trimmed);
        if (dms.matches()) {
            return new ParsedAngle(ofDegrees(sexagesimalDegrees(dms, text)), false);
        }
        Matcher withUnit = WITH_UNIT.matcher(trimmed);
        if (withUnit.matches()) {
            BigDecimal value = new BigDecimal(withUnit.group(1));
            return new ParsedAngle(ofDegrees(finite(inDegrees(value, withUnit.group(2), text), text)), false);
        }
        throw new IllegalArgumentException("not an angle: \"" + text + "\"; accepted forms: " + ACCEPTED_FORMS);
    }

    private static double sexagesimalDegrees(Matcher dms, String text) {
        BigDecimal seconds = new BigDecimal(dms.group(2)).multiply(ARCSEC_PER_DEGREE);
        if (dms.group(3) != null) {
            BigDecimal minutes = new BigDecimal(dms.group(3));
            requireBelowSixty(minutes, "minutes", text);
            seconds = seconds.add(minutes.multiply(SIXTY));
        }
        if (dms.group(4) != null) {
            BigDecimal secs = new BigDecimal(dms.group(4));
            requireBelowSixty(secs, "seconds", text);
            seconds = seconds.add(secs);
        }
        double degrees = seconds.divide(ARCSEC_PER_DEGREE, MathContext.DECIMAL128).doubleValue();
        return "-".equals(dms.group(1)) ? -degrees : degrees;
    }

    static void requireBelowSixty(BigDecimal value, String what, String text) {
        if (value.compareTo(SIXTY) >= 0) {
            throw new IllegalArgumentException(what + " must be below 60 in \"" + text + "\"");
        }
    }

    private static double inDegrees(BigDecimal value, String unit, String text) {
        switch (unit.toLowerCase(Locale.ROOT)) {
            case "d":
            case "deg":
            case "degs":
            case "degree":
            case "degrees":
            case "°":
                return value.doubleValue();
            case "arcmin":
            case "arcmins":
            case "arcminute":
            case "arcminutes":
            case "amin":
            case "'":
            case "′":
                return value.divide(SIXTY, MathContext.DECIMAL128).doubleValue();
            case "arcsec":
            case "arcsecs":
            case "arcsecond":
            case "arcseconds":
            case "asec":
            case "\"":
            case "″":
                return value.divide(ARCSEC_PER_DEGREE, MathContext.DECIMAL128).doubleValue();
            case "mas":
            case "milliarcsec":
            case "milliarcsecond":
            case "milliarcseconds":
                return value.divide(BigDecimal.valueOf(3_600_000), MathContext.DECIMAL128).doubleValue();
            case "rad":
            case "radian":
            case "radians":
                return Math.toDegrees(value.doubleValue());
            default:
                throw new IllegalArgumentException("unknown angle unit \"" + unit + "\" in \"" + text
                        + "\"; accepted forms: " + ACCEPTED_FORMS);
        }
    }

    private static double finite(double value, String text) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("angle out of range: \"" + text + "\"");
        }
        return value;
    }

    private static void requireFinite(double value, String name) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, not " + value);
        }
    }

    /**
     * Checks that this angle can serve as a radius.
     *
     * @return this angle
     * @throws IllegalArgumentException if the angle is negative
     */
    public Angle requireRadius() {
        if (degrees < 0) {
            throw new IllegalArgumentException("a radius cannot be negative: " + this);
        }
        return this;
    }

    /**
     * The angle in degrees.
     *
     * @return degrees
     */
    public double degrees() {
        return degrees;
    }

    /**
     * The angle in minutes of arc.
     *
     * @return minutes of arc
     */
    public double arcminutes() {
        return degrees * 60.0;
    }

    /**
     * The angle in seconds of arc.
     *
     * @return seconds of arc
     */
    public double arcseconds() {
        return degrees * 3600.0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Angle && Double.compare(((Angle) o).degrees, degrees) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(degrees);
    }

    @Override
    public String toString() {
        return degrees + " deg";
    }
}
