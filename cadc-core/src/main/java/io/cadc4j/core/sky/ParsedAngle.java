// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.sky;

import java.util.Objects;

/**
 * The result of {@link Angle#parseDetailed(String)}: the angle, and whether its unit was assumed
 * (a bare number, taken as degrees).
 *
 * <p>Immutable and thread-safe.
 */
public final class ParsedAngle {
    private final Angle angle;
    private final boolean degreesAssumed;

    ParsedAngle(Angle angle, boolean degreesAssumed) {
        this.angle = Objects.requireNonNull(angle, "angle");
        this.degreesAssumed = degreesAssumed;
    }

    /**
     * The angle read.
     *
     * @return the angle
     */
    public Angle angle() {
        return angle;
    }

    /**
     * Whether the text had no unit, so that degrees were assumed (and a warning logged).
     *
     * @return true for a bare number
     */
    public boolean degreesAssumed() {
        return degreesAssumed;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ParsedAngle)) {
            return false;
        }
        ParsedAngle other = (ParsedAngle) o;
        return angle.equals(other.angle) && degreesAssumed == other.degreesAssumed;
    }

    @Override
    public int hashCode() {
        return angle.hashCode() * 31 + Boolean.hashCode(degreesAssumed);
    }

    @Override
    public String toString() {
        return degreesAssumed ? angle + " (unit assumed)" : angle.toString();
    }
}
