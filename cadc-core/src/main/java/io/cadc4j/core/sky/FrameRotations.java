// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.sky;

/**
 * The fixed rotations between ICRS, FK5 (equinox and epoch J2000) and Galactic coordinates, built
 * the way astropy builds them, so that the numbers match astroquery's.
 *
 * <p><b>ICRS to FK5 J2000.</b> astropy ({@code icrs_fk5_transforms}) uses the frame-bias matrix of
 * USNO Circular 179 (Kaplan 2005, eq. 3.4, after Mignard and Froeschlé 2000): the FK5 pole offset
 * η0 = −19.9 mas, ξ0 = 9.1 mas and the equinox offset dα0 = −22.9 mas, composed as
 * R1(−η0)·R2(ξ0)·R3(dα0). These are not the IAU 2000 bias angles of ERFA {@code bi00}
 * (dψ = −41.775 mas, dε = −6.8192 mas, dα0 = −14.6 mas), which relate ICRS to the J2000 mean
 * dynamical frame rather than to FK5; with them, {@code 01h45m07.5s +23d18m00s} would move by about
 * 5e-6 degree from the value astroquery prints, 26.2812589776878 23.299999818906816.
 *
 * <p><b>Galactic.</b> astropy defines Galactic from FK5 J2000 by the north galactic pole
 * (ra 192.8594812065348, dec 27.12825118085622 degrees) and the galactic longitude of the
 * celestial pole (122.9319185680026 degrees), values it derived so that FK5 to Galactic agrees
 * with the IAU 1958 definition through FK4 B1950 (pole 192.25, 27.4; longitude 123). The matrix is
 * R3(180° − l0)·R2(90° − δ_NGP)·R3(α_NGP) applied to FK5 J2000 vectors.
 *
 * <p>Rotations follow astropy's {@code rotation_matrix}: a positive angle turns the axes, not the
 * vector, so R3(θ) = [[cos θ, sin θ, 0], [−sin θ, cos θ, 0], [0, 0, 1]]. Every matrix here is
 * orthogonal, so its inverse is its transpose.
 */
final class FrameRotations {
    private static final double MAS = 1.0 / 3_600_000.0;
    static final double NGP_RA_J2000 = 192.8594812065348;
    static final double NGP_DEC_J2000 = 27.12825118085622;
    static final double LON0_J2000 = 122.9319185680026;

    static final double[][] ICRS_TO_FK5 = multiply(
            multiply(rotation(19.9 * MAS, 0), rotation(9.1 * MAS, 1)), rotation(-22.9 * MAS, 2));
    static final double[][] FK5_TO_GALACTIC = multiply(
            multiply(rotation(180.0 - LON0_J2000, 2), rotation(90.0 - NGP_DEC_J2000, 1)), rotation(NGP_RA_J2000, 2));

    private FrameRotations() {
    }

    /** A rotation of the axes by {@code degrees} about axis 0 (x), 1 (y) or 2 (z). */
    static double[][] rotation(double degrees, int axis) {
        double radians = Math.toRadians(degrees);
        double c = Math.cos(radians);
        double s = Math.sin(radians);
        int i = (axis + 1) % 3;
        int j = (axis + 2) % 3;
        double[][] m = new double[3][3];
        m[axis][axis] = 1.0;
        m[i][i] = c;
        m[j][j] = c;
        m[i][j] = s;
        m[j][i] = -s;
        return m;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        double[][] r = new double[3][3];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                r[row][col] = a[row][0] * b[0][col] + a[row][1] * b[1][col] + a[row][2] * b[2][col];
            }
        }
        return r;
    }

    /** Rotates the direction (lon, lat) in degrees by {@code m}, or by its transpose when {@code inverse}. */
    static double[] apply(double[][] m, boolean inverse, double lon, double lat) {
        double lonRad = Math.toRadians(lon);
        double latRad = Math.toRadians(lat);
        double[] v = {Math.cos(latRad) * Math.cos(lonRad), Math.cos(latRad) * Math.sin(lonRad), Math.sin(latRad)};
        double[] w = new double[3];
        for (int row = 0; row < 3; row++) {
            for (int k = 0; k < 3; k++) {
                w[row] += (inverse ? m[k][row] : m[row][k]) * v[k];
            }
        }
        return toSpherical(w);
    }

    /** Longitude in [0, 360) and latitude in [-90, 90], in degrees, of a vector. */
    static double[] toSpherical(double[] w) {
        double rho = Math.hypot(w[0], w[1]);
        double lat = Math.toDegrees(Math.atan2(w[2], rho));
        double lon = rho == 0.0 ? 0.0 : Math.toDegrees(Math.atan2(w[1], w[0]));
        if (lon < 0) {
            lon += 360.0;
        }
        if (lon >= 360.0) {
            lon = 0.0;
        }
        return new double[] {lon, lat};
    }
}
