// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.datalink.internal;

import io.cadc4j.core.sky.Circle;
import io.cadc4j.core.sky.Polygon;
import io.cadc4j.core.sky.Range;
import io.cadc4j.core.sky.Shape;
import io.cadc4j.core.datalink.SodaCutout;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks a SODA cut against the limits a service descriptor gives its parameters, before
 * anything is sent, so that a cut that can only fail or come back empty is refused with a message
 * that names the parameter and the allowed range. Stateless.
 *
 * <p>The checks never refuse a cut the service would honour: a spatial cut is compared with the
 * smallest circle around the footprint (the {@code MAX} of {@code CIRCLE} or {@code POLYGON}),
 * which contains the footprint, so "no overlap" is certain; an interval has to overlap
 * {@code [MIN, MAX]}, not fit inside it, as SODA cuts keep whatever overlaps.
 */
final class SodaParameterCheck {
    private SodaParameterCheck() {
    }

    /**
     * Checks every parameter of a cut that has limits.
     *
     * @param cut the cut
     * @param limits limits by parameter name (compared without regard to case)
     * @throws IllegalArgumentException naming the first parameter outside its limits
     */
    static void check(SodaCutout cut, Map<String, ParamLimits> limits) {
        Map<String, ParamLimits> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(limits);
        for (Map.Entry<String, List<String>> p : cut.parameters().entrySet()) {
            if (p.getKey().equals("POS")) {
                checkPos(cut.pos().orElseThrow(), byName);
                continue;
            }
            ParamLimits l = byName.get(p.getKey());
            if (l != null) {
                for (String value : p.getValue()) {
                    check(p.getKey(), value, l);
                }
            }
        }
    }

    /**
     * Checks one parameter value against its limits.
     *
     * @param name the parameter name, for the message
     * @param value the value as it would be sent
     * @param limits the limits
     * @throws IllegalArgumentException if the value is outside the limits
     */
    static void check(String name, String value, ParamLimits limits) {
        if (!limits.options().isEmpty()) {
            if (!limits.options().contains(value)) {
                throw new IllegalArgumentException(name + ": '" + value + "' is not one of the allowed values "
                        + String.join(", ", limits.options()));
            }
            return;
        }
        if (limits.min().isEmpty() && limits.max().isEmpty()) {
            return;
        }
        double[] v = numbers(name, "value", value);
        double[] min = limits.min().map(t -> numbers(name, "MIN", t)).orElse(null);
        double[] max = limits.max().map(t -> numbers(name, "MAX", t)).orElse(null);
        String xtype = limits.xtype().orElse("").toLowerCase(Locale.ROOT);
        if (xtype.equals("circle") && max != null && max.length == 3 && v.length == 3) {
            requireOverlap(name, value, v[0], v[1], v[2], max, "CIRCLE");
        } else if (xtype.equals("polygon") && max != null && max.length >= 6 && v.length >= 6) {
            double[] c = boundingCircle(v);
            requireOverlap(name, value, c[0], c[1], c[2], boundingCircle(max), "POLYGON");
        } else if (v.length == 2 && (xtype.equals("interval") || scalar(min) && scalar(max))) {
            boolean below = max != null && v[0] > max[0];
            boolean above = min != null && v[1] < min[0];
            if (below || above) {
                throw new IllegalArgumentException(name + " " + value + " lies outside the allowed range "
                        + range(limits) + ": the cut would be empty");
            }
        } else if (v.length == 1 || scalar(min) && scalar(max)) {
            for (double x : v) {
                if (min != null && x < min[0] || max != null && x > max[0]) {
                    throw new IllegalArgumentException(name + " " + value + " is outside the allowed range "
                            + range(limits));
                }
            }
        } else {
            for (int i = 0; i < v.length; i++) {
                if (min != null && i < min.length && v[i] < min[i] || max != null && i < max.length && v[i] > max[i]) {
                    throw new IllegalArgumentException(name + " " + value + ": element " + (i + 1)
                            + " is outside the allowed range " + range(limits));
                }
            }
        }
    }

    private static void checkPos(Shape pos, Map<String, ParamLimits> limits) {
        ParamLimits circleLimits = limits.get("CIRCLE");
        ParamLimits polygonLimits = limits.get("POLYGON");
        Optional<double[]> footprint = Optional.empty();
        String from = null;
        if (circleLimits != null && circleLimits.max().isPresent()) {
            double[] m = numbers("CIRCLE", "MAX", circleLimits.max().get());
            if (m.length == 3) {
                footprint = Optional.of(m);
                from = "CIRCLE";
            }
        }
        if (footprint.isEmpty() && polygonLimits != null && polygonLimits.max().isPresent()) {
            double[] m = numbers("POLYGON", "MAX", polygonLimits.max().get());
            if (m.length >= 6) {
                footprint = Optional.of(boundingCircle(m));
                from = "POLYGON";
            }
        }
        if (footprint.isEmpty()) {
            return;
        }
        double[] f = footprint.get();
        if (pos instanceof Circle) {
            Circle c = (Circle) pos;
            requireOverlap("POS", pos.posValue(), c.ra(), c.dec(), c.radius(), f, from);
        } else if (pos instanceof Polygon) {
            double[] c = boundingCircle(((Polygon) pos).coordinates());
            requireOverlap("POS", pos.posValue(), c[0], c[1], c[2], f, from);
        } else if (pos instanceof Range) {
            Range r = (Range) pos;
            // Only the declination test is exact for a box; right ascension may wrap.
            if (r.dec().hi() < f[1] - f[2] || r.dec().lo() > f[1] + f[2]) {
                throw new IllegalArgumentException("POS " + pos.posValue() + " does not overlap the data, which lie"
                        + " within declinations " + format(Math.max(-90, f[1] - f[2])) + " .. "
                        + format(Math.min(90, f[1] + f[2])) + " (from the " + from + " MAX)");
            }
        }
    }

    private static void requireOverlap(String name, String value, double ra, double dec, double r, double[] footprint,
            String from) {
        double distance = angularDistance(ra, dec, footprint[0], footprint[1]);
        if (distance > r + footprint[2]) {
            throw new IllegalArgumentException(name + " " + value + " does not overlap the data, which lie within "
                    + format(footprint[2]) + " degrees of ra " + format(footprint[0]) + ", dec " + format(footprint[1])
                    + " (from the " + from + " MAX); the nearest allowed cut is " + format(distance - footprint[2])
                    + " degrees away");
        }
    }

    /** A circle {ra, dec, radius} that contains every vertex and the great-circle edges between them. */
    static double[] boundingCircle(double[] coords) {
        double x = 0;
        double y = 0;
        double z = 0;
        for (int i = 0; i + 1 < coords.length; i += 2) {
            double[] u = unit(coords[i], coords[i + 1]);
            x += u[0];
            y += u[1];
            z += u[2];
        }
        double norm = Math.sqrt(x * x + y * y + z * z);
        double ra;
        double dec;
        if (norm < 1e-12) {
            ra = 0;
            dec = 90;
        } else {
            ra = Math.toDegrees(Math.atan2(y, x));
            if (ra < 0) {
                ra += 360;
            }
            dec = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, z / norm))));
        }
        double r = 0;
        for (int i = 0; i + 1 < coords.length; i += 2) {
            r = Math.max(r, angularDistance(ra, dec, coords[i], coords[i + 1]));
        }
        // Edges bulge past the chord between vertices; for footprints of a few degrees the margin is far larger.
        return new double[] {ra, dec, Math.min(180, r * 1.01 + 1e-9)};
    }

    static double angularDistance(double ra1, double dec1, double ra2, double dec2) {
        double p1 = Math.toRadians(dec1);
        double p2 = Math.toRadians(dec2);
        double dp = p2 - p1;
        double dl = Math.toRadians(ra2 - ra1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return Math.toDegrees(2 * Math.asin(Math.min(1, Math.sqrt(a))));
    }

    private static double[] unit(double ra, double dec) {
        double a = Math.toRadians(ra);
        double d = Math.toRadians(dec);
        return new double[] {Math.cos(d) * Math.cos(a), Math.cos(d) * Math.sin(a), Math.sin(d)};
    }

    private static boolean scalar(double[] bound) {
        return bound == null || bound.length == 1;
    }

    private static String range(ParamLimits limits) {
        return limits.min().map(SodaParameterCheck::tidy).orElse("-Inf") + " .. "
                + limits.max().map(SodaParameterCheck::tidy).orElse("+Inf");
    }

    private static String tidy(String text) {
        StringBuilder sb = new StringBuilder();
        for (String t : text.strip().split("\\s+")) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            try {
                sb.append(format(parse(t)));
            } catch (NumberFormatException e) {
                sb.append(t);
            }
        }
        return sb.toString();
    }

    private static String format(double d) {
        return Double.isInfinite(d) ? (d > 0 ? "+Inf" : "-Inf")
                : java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static double[] numbers(String name, String what, String text) {
        String[] parts = text.strip().split("\\s+");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = parse(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": the " + what + " '" + text + "' is not a list of numbers", e);
            }
        }
        return v;
    }

    /** DALI 1.1 §3.3.4 writes unbounded ends as {@code -Inf} / {@code +Inf}. */
    private static double parse(String t) {
        switch (t) {
            case "+Inf":
            case "Inf":
            case "inf":
            case "+inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                double d = Double.parseDouble(t);
                if (Double.isNaN(d)) {
                    throw new NumberFormatException("NaN");
                }
                return d;
        }
    }
}
