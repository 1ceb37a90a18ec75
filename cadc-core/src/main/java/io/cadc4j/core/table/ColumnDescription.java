// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import java.util.Objects;
import java.util.Optional;

/**
 * A column of a table as a service describes it in its VOSI table set (not a result column: that
 * is a {@link Field}).
 *
 * <p>Immutable and thread-safe.
 */
public final class ColumnDescription {
    private final String name;
    private final String datatype;
    private final String unit;
    private final String description;

    private ColumnDescription(String name, String datatype, String unit, String description) {
        this.name = name;
        this.datatype = datatype;
        this.unit = unit;
        this.description = description;
    }

    /**
     * Makes a column description.
     *
     * @param name the column name
     * @param datatype the datatype as the service wrote it (a VOTable or TAP type)
     * @param unit the unit, or null
     * @param description the description, or null
     * @return the column description
     */
    public static ColumnDescription of(String name, String datatype, String unit, String description) {
        return new ColumnDescription(Objects.requireNonNull(name, "name"), Objects.requireNonNull(datatype, "datatype"),
                unit, description);
    }

    /** @return the column name */
    public String name() {
        return name;
    }

    /** @return the datatype as the service wrote it */
    public String datatype() {
        return datatype;
    }

    /** @return the unit, if any */
    public Optional<String> unit() {
        return Optional.ofNullable(unit);
    }

    /** @return the description, if any */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ColumnDescription)) {
            return false;
        }
        ColumnDescription c = (ColumnDescription) o;
        return name.equals(c.name) && datatype.equals(c.datatype) && Objects.equals(unit, c.unit)
                && Objects.equals(description, c.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, datatype, unit, description);
    }

    @Override
    public String toString() {
        return name + " " + datatype;
    }
}
