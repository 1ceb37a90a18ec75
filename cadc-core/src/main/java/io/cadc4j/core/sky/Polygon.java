// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.sky;
import io.cadc4j.core.internal.text.SodaNumbers;
import java.util.Arrays;
import java.util.Objects;

/**
 * A polygon on the sky (ICRS, degrees): three or more vertices, each a right ascension and a
 * declination, joined by great circles. Written {@code POLYGON ra1 dec1 ra2 dec2 ...} as a
 * {@code POS} value and {@code ra1 dec1 ra2 dec2 ...} as a {@code POLYGON} value (SODA 1.0
 * §3.3.2–3.3.4, DALI 1.1 §3.3.7).
 *
 * <p>Immutable and thread-safe.
 */
public final class Polygon extends Shape {
    private final double[] coordinates;

    private Polygon(double[] coordinates) {
        this.coordinates = coordinates;
    }

    /**
     * Makes a polygon from its vertices, flattened: {@code ra1, dec1, ra2, dec2, ...}.
     *
     * @param coordinates right ascension and declination of each vertex, in degrees
     * @return the polygon
     * @throws IllegalArgumentException if there are fewer than three vertices, an odd count of
     *     numbers, or a coordinate out of its range (ra 0 to 360, dec -90 to 90)
     */
    public static Polygon of(double... coordinates) {
        Objects.requireNonNull(coordinates, "coordinates");
        if (coordinates.length % 2 != 0) {
            throw new IllegalArgumentException("POLYGON: " + coordinates.length
                    + " numbers given; a polygon needs ra, dec pairs");
        }
        if (coordinates.length < 6) {
            throw new IllegalArgumentException("POLYGON: " + coordinates.length / 2
                    + " vertices given; a polygon needs at least 3");
        }
        for (int i = 0; i < coordinates.length; i += 2) {
            SodaNumbers.requireRa("POLYGON", "vertex " + (i / 2 + 1) + " ra", coordinates[i]);
            SodaNumbers.requireDec("POLYGON", "vertex " + (i / 2 + 1) + " dec", coordinates[i + 1]);
        }
        return new Polygon(coordinates.clone());
    }

    /**
     * The number of vertices.
     *
     * @return at least 3
     */
    public int vertexCount() {
        return coordinates.length / 2;
    }

    /**
     * The right ascension of a vertex.
     *
     * @param vertex the 0-based vertex index
     * @return degrees
     */
    public double ra(int vertex) {
        return coordinates[Objects.checkIndex(vertex, vertexCount()) * 2];
    }

    /**
     * The declination of a vertex.
     *
     * @param vertex the 0-based vertex index
     * @return degrees
     */
    public double dec(int vertex) {
        return coordinates[Objects.checkIndex(vertex, vertexCount()) * 2 + 1];
    }

    /**
     * The vertices, flattened as given.
     *
     * @return a copy of {@code ra1, dec1, ra2, dec2, ...}
     */
    public double[] coordinates() {
        return coordinates.clone();
    }

    @Override
    public String posValue() {
        return "POLYGON " + sodaValue();
    }

    @Override
    public String sodaValue() {
        return SodaNumbers.join(coordinates);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Polygon && Arrays.equals(coordinates, ((Polygon) o).coordinates);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coordinates);
    }

    @Override
    public String toString() {
        return posValue();
    }
}
