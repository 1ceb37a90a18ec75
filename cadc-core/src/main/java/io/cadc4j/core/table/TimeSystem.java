// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import java.util.Objects;
import java.util.Optional;

/**
 * A VOTable 1.4 {@code TIMESYS}: the time scale, origin and reference position that FIELDs and
 * PARAMs name with {@code ref}.
 *
 * <p>Immutable and thread-safe.
 */
public final class TimeSystem {
    private final String id;
    private final String timeOrigin;
    private final String timeScale;
    private final String refPosition;

    private TimeSystem(String id, String timeOrigin, String timeScale, String refPosition) {
        this.id = id;
        this.timeOrigin = timeOrigin;
        this.timeScale = timeScale;
        this.refPosition = refPosition;
    }

    /**
     * Makes a TIMESYS; every attribute may be null when absent.
     *
     * @param id {@code ID}
     * @param timeOrigin {@code timeorigin}, e.g. {@code MJD-origin} or a Julian date
     * @param timeScale {@code timescale}, e.g. {@code TCB}
     * @param refPosition {@code refposition}, e.g. {@code BARYCENTER}
     * @return the time system
     */
    public static TimeSystem of(String id, String timeOrigin, String timeScale, String refPosition) {
        return new TimeSystem(id, timeOrigin, timeScale, refPosition);
    }

    /** @return the {@code ID}, if any */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** @return the {@code timeorigin}, if any */
    public Optional<String> timeOrigin() {
        return Optional.ofNullable(timeOrigin);
    }

    /** @return the {@code timescale}, if any */
    public Optional<String> timeScale() {
        return Optional.ofNullable(timeScale);
    }

    /** @return the {@code refposition}, if any */
    public Optional<String> refPosition() {
        return Optional.ofNullable(refPosition);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TimeSystem)) {
            return false;
        }
        TimeSystem t = (TimeSystem) o;
        return Objects.equals(id, t.id) && Objects.equals(timeOrigin, t.timeOrigin)
                && Objects.equals(timeScale, t.timeScale) && Objects.equals(refPosition, t.refPosition);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, timeOrigin, timeScale, refPosition);
    }

    @Override
    public String toString() {
        return "TIMESYS " + (id == null ? "" : id + " ") + (timeScale == null ? "" : timeScale);
    }
}
