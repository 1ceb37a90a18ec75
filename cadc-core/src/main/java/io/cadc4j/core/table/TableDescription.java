// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table as a service describes it in its VOSI table set: qualified name, description and
 * columns (none when the service was asked for names only).
 *
 * <p>Immutable and thread-safe.
 */
public final class TableDescription {
    private final String schema;
    private final String name;
    private final String description;
    private final List<ColumnDescription> columns;

    private TableDescription(String schema, String name, String description, List<ColumnDescription> columns) {
        this.schema = schema;
        this.name = name;
        this.description = description;
        this.columns = List.copyOf(columns);
    }

    /**
     * Makes a table description.
     *
     * @param schema the schema name
     * @param name the table name as the service writes it (often qualified, {@code caom2.Plane})
     * @param description the description, or null
     * @param columns the columns, in order
     * @return the table description
     */
    public static TableDescription of(String schema, String name, String description, List<ColumnDescription> columns) {
        return new TableDescription(Objects.requireNonNull(schema, "schema"), Objects.requireNonNull(name, "name"),
                description, Objects.requireNonNull(columns, "columns"));
    }

    /** @return the schema name */
    public String schema() {
        return schema;
    }

    /** @return the table name as the service writes it */
    public String name() {
        return name;
    }

    /** @return the description, if any */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the columns, in order; empty when only names were asked for */
    public List<ColumnDescription> columns() {
        return columns;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TableDescription)) {
            return false;
        }
        TableDescription t = (TableDescription) o;
        return schema.equals(t.schema) && name.equals(t.name) && Objects.equals(description, t.description)
                && columns.equals(t.columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schema, name, columns);
    }

    @Override
    public String toString() {
        return name + " (" + columns.size() + " columns)";
    }
}
