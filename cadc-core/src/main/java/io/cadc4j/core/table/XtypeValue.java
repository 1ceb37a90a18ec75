// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import io.cadc4j.core.sky.Circle;
import io.cadc4j.core.sky.Polygon;
import io.cadc4j.core.sky.Shape;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A DALI 1.1 geometry or interval value (xtypes {@code point}, {@code circle}, {@code polygon},
 * {@code interval}), in degrees for the spherical ones: a kind and its numbers in DALI order.
 *
 * <p>Immutable and thread-safe.
 */
public final class XtypeValue {
    /** The DALI xtypes a shape can have. */
    public enum Kind {
        /** {@code lon lat}. */
        POINT,
        /** {@code lon lat radius}. */
        CIRCLE,
        /** {@code lon1 lat1 lon2 lat2 ...}, at least three vertices. */
        POLYGON,
        /** {@code lower upper}. */
        INTERVAL
    }

    private final Kind kind;
    private final double[] values;

    private XtypeValue(Kind kind, double[] values) {
        this.kind = kind;
        this.values = values;
    }

    /**
     * Makes a shape from its DALI numbers, checking their count.
     *
     * @param kind the kind
     * @param values the numbers in DALI order (copied)
     * @return the shape
     * @throws IllegalArgumentException if the count does not fit the kind
     */
    public static XtypeValue of(Kind kind, double[] values) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(values, "values");
        int n = values.length;
        boolean ok;
        switch (kind) {
            case POINT:
            case INTERVAL:
                ok = n == 2;
                break;
            case CIRCLE:
                ok = n == 3;
                break;
            default:
                ok = n >= 6 && n % 2 == 0;
                break;
        }
        if (!ok) {
            throw new IllegalArgumentException("a DALI " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " cannot have " + n + " numbers");
        }
        return new XtypeValue(kind, values.clone());
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    /** @return the numbers in DALI order (a copy) */
    public double[] values() {
        return values.clone();
    }

    /**
     * One of the numbers.
     *
     * @param i the 0-based index
     * @return the number
     */
    public double value(int i) {
        return values[i];
    }

    /** @return the number of numbers */
    public int size() {
        return values.length;
    }

    /**
     * This value as a region of the sky family, for a {@code circle} or a {@code polygon}.
     *
     * @return the circle or polygon; empty for a point or an interval
     * @throws IllegalArgumentException if the numbers are not a valid sky region (a latitude
     *     beyond ±90°, a right ascension outside 0 to 360°, a radius not in (0, 180])
     */
    public Optional<Shape> toShape() {
        switch (kind) {
            case CIRCLE:
                return Optional.of(Circle.of(values[0], values[1], values[2]));
            case POLYGON:
                return Optional.of(Polygon.of(values));
            default:
                return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XtypeValue && ((XtypeValue) o).kind == kind && Arrays.equals(((XtypeValue) o).values, values);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + Arrays.toString(values);
    }
}
