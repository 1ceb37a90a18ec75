// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.sky;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The coordinate grammar behind {@link Coordinates#parse(String)}.
 *
 * <p>The text is an optional frame word (before or after), then two components separated by white
 * space or a comma. A component is sexagesimal with unit letters, with colons, with spaces (three
 * numbers each, so six in all), or a decimal number of degrees. Sexagesimal values are summed as
 * exact decimals and rounded to a double once, so {@code 01h45m07.5s} is exactly 26.28125.
 *
 * <p>{@link #parse} returns null when the text has none of these shapes (it may then be a target
 * name), and throws when it has one but a value is out of range: such a text was meant as a
 * coordinate, and resolving it as a name would hide the mistake.
 */
final class CoordinateText {
    private static final String FRAME_WORD =
            "(icrs|fk5(?:\\s*\\(?\\s*(?:equinox\\s*=\\s*)?[jb]\\d+(?:\\.\\d+)?\\s*\\)?)?|j2000(?:\\.0)?|galactic|gal"
                    + "|fk4|ecliptic|supergalactic|altaz)";
    private static final Pattern FRAME_PREFIX =
            Pattern.compile("^" + FRAME_WORD + "(?![a-z0-9])\\s*[,:]?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FRAME_SUFFIX =
            Pattern.compile("^(.*?)\\s*,?\\s*(?<![a-z0-9])" + FRAME_WORD + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FK5_EQUINOX = Pattern.compile("[jb]\\d+(?:\\.\\d+)?", Pattern.CASE_INSENSITIVE);

    private static final String FIELD = "\\d+(?:\\.\\d+)?";
    private static final String LETTER_COMPONENT = "([+-]?)(" + FIELD + ")([hd°])(?:\\s*(" + FIELD + ")[m'′](?:\\s*("
            + FIELD + ")[s\"″])?)?";
    private static final String COLON_COMPONENT = "([+-]?)(\\d+):(" + FIELD + ")(?::(" + FIELD + "))?";
    private static final String SPACE_COMPONENT = "([+-]?)(\\d+)\\s+(\\d+)\\s+(" + FIELD + ")";
    private static final String NUMBER = "[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?";
    private static final String SEPARATOR = "(?:\\s*,\\s*|\\s+)";
    private static final Pattern LETTERS =
            Pattern.compile(LETTER_COMPONENT + "\\s*,?\\s*" + LETTER_COMPONENT, Pattern.CASE_INSENSITIVE);
    private static final Pattern COLONS = Pattern.compile(COLON_COMPONENT + SEPARATOR + COLON_COMPONENT);
    private static final Pattern SPACES = Pattern.compile(SPACE_COMPONENT + SEPARATOR + SPACE_COMPONENT);
    private static final Pattern DECIMAL = Pattern.compile("(" + NUMBER + ")" + SEPARATOR + "(" + NUMBER + ")");

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal SECONDS_PER_UNIT = BigDecimal.valueOf(3600);
    private static final BigDecimal DEGREES_PER_HOUR = BigDecimal.valueOf(15);

    private enum Frame { ICRS, FK5, GALACTIC }

    private CoordinateText() {
    }

    static Coordinates parse(String original) {
        String text = normalise(original);
        Frame frame = null;
        Matcher prefix = FRAME_PREFIX.matcher(text);
        if (prefix.matches()) {
            frame = frame(prefix.group(1), original);
            text = prefix.group(2);
        }
        Matcher suffix = FRAME_SUFFIX.matcher(text);
        if (suffix.matches() && !suffix.group(1).isEmpty()) {
            if (frame != null) {
                throw new IllegalArgumentException("two frames in \"" + original + "\"");
            }
            frame = frame(suffix.group(2), original);
            text = suffix.group(1);
        }
        double[] lonLat = components(text, frame == Frame.GALACTIC, original);
        if (lonLat == null) {
            // Even after a frame word: "Galactic Center" is a target name.
            return null;
        }
        if (frame == null || frame == Frame.ICRS) {
            return Coordinates.of(lonLat[0], lonLat[1]);
        }
        if (frame == Frame.FK5) {
            return Coordinates.fromFk5J2000(lonLat[0], lonLat[1]);
        }
        return Coordinates.fromGalactic(lonLat[0], lonLat[1]);
    }

    private static String normalise(String text) {
        // U+2212 MINUS SIGN is what typeset catalogues and copy-pasted papers use for negative declinations.
        return text.strip().replace('\u2212', '-');
    }

    private static Frame frame(String word, String original) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        if (w.equals("icrs")) {
            return Frame.ICRS;
        }
        if (w.equals("galactic") || w.equals("gal")) {
            return Frame.GALACTIC;
        }
        if (w.startsWith("j2000")) {
            return Frame.FK5;
        }
        if (w.startsWith("fk5")) {
            Matcher equinox = FK5_EQUINOX.matcher(w.substring(3));
            if (equinox.find() && !equinox.group().matches("j2000(\\.0+)?")) {
                throw new IllegalArgumentException("only FK5 with equinox J2000 is supported, not \"" + original + "\"");
            }
            return Frame.FK5;
        }
        throw new IllegalArgumentException("unsupported frame \"" + word + "\" in \"" + original
                + "\"; supported frames: ICRS, FK5 (J2000), Galactic");
    }

    /** Longitude and latitude in degrees, before any frame conversion, or null if no form matches. */
    private static double[] components(String text, boolean galactic, String original) {
        String lonName = galactic ? "galactic longitude" : "right ascension";
        String latName = galactic ? "galactic latitude" : "declination";
        Matcher m = LETTERS.matcher(text);
        if (m.matches()) {
            boolean hours = m.group(3).equalsIgnoreCase("h");
            if (m.group(8).equalsIgnoreCase("h")) {
                throw new IllegalArgumentException("the " + latName + " cannot be in hours in \"" + original + "\"");
            }
            if (hours && galactic) {
                throw new IllegalArgumentException("galactic longitude cannot be in hours in \"" + original + "\"");
            }
            return new double[] {
                longitude(m.group(1), m.group(2), m.group(4), m.group(5), hours, lonName, original),
                latitude(m.group(6), m.group(7), m.group(9), m.group(10), latName, original)
            };
        }
        m = COLONS.matcher(text);
        if (!m.matches()) {
            m = SPACES.matcher(text);
        }
        if (m.matches()) {
            return new double[] {
                longitude(m.group(1), m.group(2), m.group(3), m.group(4), !galactic, lonName, original),
                latitude(m.group(5), m.group(6), m.group(7), m.group(8), latName, original)
            };
        }
        m = DECIMAL.matcher(text);
        if (m.matches()) {
            return new double[] {
                Coordinates.checkLongitude(Double.parseDouble(m.group(1)), lonName),
                Coordinates.checkLatitude(Double.parseDouble(m.group(2)), latName)
            };
        }
        return null;
    }

    private static double longitude(String sign, String whole, String minutes, String seconds, boolean hours,
            String name, String original) {
        if (sign.equals("-")) {
            throw new IllegalArgumentException("the " + name + " cannot be negative in \"" + original + "\"");
        }
        BigDecimal units = sexagesimal(whole, minutes, seconds, original);
        if (hours) {
            if (units.compareTo(BigDecimal.valueOf(24)) >= 0) {
                throw new IllegalArgumentException("hours must be below 24 in \"" + original + "\"");
            }
            units = units.multiply(DEGREES_PER_HOUR);
        }
        return Coordinates.checkLongitude(units.doubleValue(), name);
    }

    private static double latitude(String sign, String whole, String minutes, String seconds, String name,
            String original) {
        BigDecimal degrees = sexagesimal(whole, minutes, seconds, original);
        // The sign belongs to the whole component: "-00d30m" is minus half a degree.
        double value = sign.equals("-") ? -degrees.doubleValue() : degrees.doubleValue();
        return Coordinates.checkLatitude(value, name);
    }

    private static BigDecimal sexagesimal(String whole, String minutes, String seconds, String original) {
        BigDecimal total = new BigDecimal(whole).multiply(SECONDS_PER_UNIT);
        if (minutes != null) {
            requireInteger(whole, original);
            BigDecimal m = new BigDecimal(minutes);
            Angle.requireBelowSixty(m, "minutes", original);
            total = total.add(m.multiply(SIXTY));
        }
        if (seconds != null) {
            requireInteger(minutes, original);
            BigDecimal s = new BigDecimal(seconds);
            Angle.requireBelowSixty(s, "seconds", original);
            total = total.add(s);
        }
        return total.divide(SECONDS_PER_UNIT, MathContext.DECIMAL128);
    }

    private static void requireInteger(String field, String original) {
        if (field.indexOf('.') >= 0) {
            throw new IllegalArgumentException("only the last sexagesimal field may have a fraction, in \""
                    + original + "\"");
        }
    }
}
