// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import java.util.Objects;
import java.util.Optional;

/**
 * A VOTable {@code COOSYS}: a celestial reference frame that FIELDs and PARAMs name with
 * {@code ref}.
 *
 * <p>Immutable and thread-safe.
 */
public final class CoordinateSystem {
    private final String id;
    private final String system;
    private final String equinox;
    private final String epoch;
    private final String refPosition;

    private CoordinateSystem(String id, String system, String equinox, String epoch, String refPosition) {
        this.id = id;
        this.system = system;
        this.equinox = equinox;
        this.epoch = epoch;
        this.refPosition = refPosition;
    }

    /**
     * Makes a COOSYS; every attribute may be null when absent.
     *
     * @param id {@code ID}
     * @param system {@code system}, e.g. {@code ICRS}
     * @param equinox {@code equinox}
     * @param epoch {@code epoch}
     * @param refPosition {@code refposition} (VOTable 1.4)
     * @return the coordinate system
     */
    public static CoordinateSystem of(String id, String system, String equinox, String epoch, String refPosition) {
        return new CoordinateSystem(id, system, equinox, epoch, refPosition);
    }

    /** @return the {@code ID}, if any */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** @return the {@code system}, if any */
    public Optional<String> system() {
        return Optional.ofNullable(system);
    }

    /** @return the {@code equinox}, if any */
    public Optional<String> equinox() {
        return Optional.ofNullable(equinox);
    }

    /** @return the {@code epoch}, if any */
    public Optional<String> epoch() {
        return Optional.ofNullable(epoch);
    }

    /** @return the {@code refposition}, if any */
    public Optional<String> refPosition() {
        return Optional.ofNullable(refPosition);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CoordinateSystem)) {
            return false;
        }
        CoordinateSystem c = (CoordinateSystem) o;
        return Objects.equals(id, c.id) && Objects.equals(system, c.system) && Objects.equals(equinox, c.equinox)
                && Objects.equals(epoch, c.epoch) && Objects.equals(refPosition, c.refPosition);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, system, equinox, epoch);
    }

    @Override
    public String toString() {
        return "COOSYS " + (id == null ? "" : id + " ") + (system == null ? "" : system);
    }
}
