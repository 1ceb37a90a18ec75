// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A table as a service describes it in its VOSI table set: qualified name, schema, type, title,
 * description, utype, columns (none when the service was asked for names only, {@code detail=min})
 * and foreign keys.
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class TableDescription {
    private final String schema;
    private final String name;
    private final String type;
    private final String title;
    private final String description;
    private final String utype;
    private final List<ColumnDescription> columns;
    private final List<ForeignKey> foreignKeys;

    private TableDescription(Builder b) {
        this.schema = b.schema;
        this.name = b.name;
        this.type = b.type;
        this.title = b.title;
        this.description = b.description;
        this.utype = b.utype;
        this.columns = List.copyOf(b.columns);
        this.foreignKeys = List.copyOf(b.foreignKeys);
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
        Builder b = builder(schema, name);
        Objects.requireNonNull(columns, "columns").forEach(b::column);
        if (description != null) {
            b.description(description);
        }
        return b.build();
    }

    /**
     * Starts a builder.
     *
     * @param schema the schema name (empty when the document gave none)
     * @param name the table name as the service writes it
     * @return a new builder
     */
    public static Builder builder(String schema, String name) {
        return new Builder(schema, name);
    }

    /** @return the schema name */
    public String schema() {
        return schema;
    }

    /** @return the table name as the service writes it */
    public String name() {
        return name;
    }

    /** @return the table type ({@code output}, {@code table}, {@code view}), if given */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /** @return the title, if any */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /** @return the description, if any */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the utype, if any */
    public Optional<String> utype() {
        return Optional.ofNullable(utype);
    }

    /** @return the columns, in order; empty when only names were asked for */
    public List<ColumnDescription> columns() {
        return columns;
    }

    /**
     * A column by name, compared without regard to case (DaCHS lower-cases names, CADC does not).
     *
     * @param columnName the column name
     * @return the first matching column, if any
     */
    public Optional<ColumnDescription> column(String columnName) {
        Objects.requireNonNull(columnName, "columnName");
        for (ColumnDescription c : columns) {
            if (c.name().equalsIgnoreCase(columnName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** @return the foreign keys, in order */
    public List<ForeignKey> foreignKeys() {
        return foreignKeys;
    }

    /**
     * Whether this table has a name, compared without regard to case; the unqualified name matches
     * too when the schema does ({@code caom2.plane} matches {@code caom2.Plane}).
     *
     * @param tableName a table name, qualified or not
     * @return true when it names this table
     */
    public boolean isNamed(String tableName) {
        Objects.requireNonNull(tableName, "tableName");
        if (name.equalsIgnoreCase(tableName)) {
            return true;
        }
        return !schema.isEmpty() && (schema + "." + name).toLowerCase(Locale.ROOT)
                .equals(tableName.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TableDescription)) {
            return false;
        }
        TableDescription t = (TableDescription) o;
        return schema.equals(t.schema) && name.equals(t.name) && Objects.equals(type, t.type)
                && Objects.equals(title, t.title) && Objects.equals(description, t.description)
                && Objects.equals(utype, t.utype) && columns.equals(t.columns) && foreignKeys.equals(t.foreignKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schema, name, columns);
    }

    @Override
    public String toString() {
        return name + " (" + columns.size() + " columns)";
    }

    /**
     * A foreign key of a table (VODataService 1.1 {@code foreignKey}): the target table and the
     * column pairs that join the two.
     *
     * <p>Immutable and thread-safe.
     */
    public static final class ForeignKey {
        private final String targetTable;
        private final List<String> fromColumns;
        private final List<String> targetColumns;
        private final String description;
        private final String utype;

        private ForeignKey(String targetTable, List<String> fromColumns, List<String> targetColumns,
                String description, String utype) {
            this.targetTable = targetTable;
            this.fromColumns = List.copyOf(fromColumns);
            this.targetColumns = List.copyOf(targetColumns);
            this.description = description;
            this.utype = utype;
        }

        /**
         * Makes a foreign key.
         *
         * @param targetTable the table the key points to
         * @param fromColumns this table's columns, in pair order
         * @param targetColumns the target's columns, in pair order
         * @param description the description, or empty
         * @param utype the utype, or empty
         * @return the key
         * @throws IllegalArgumentException if the two column lists differ in length
         */
        public static ForeignKey of(String targetTable, List<String> fromColumns, List<String> targetColumns,
                String description, String utype) {
            Objects.requireNonNull(targetTable, "targetTable");
            Objects.requireNonNull(fromColumns, "fromColumns");
            Objects.requireNonNull(targetColumns, "targetColumns");
            if (fromColumns.size() != targetColumns.size()) {
                throw new IllegalArgumentException("a foreign key pairs columns: " + fromColumns + " vs " + targetColumns);
            }
            return new ForeignKey(targetTable, fromColumns, targetColumns, Objects.requireNonNull(description,
                    "description"), Objects.requireNonNull(utype, "utype"));
        }

        /** @return the table the key points to */
        public String targetTable() {
            return targetTable;
        }

        /** @return this table's columns, in pair order */
        public List<String> fromColumns() {
            return fromColumns;
        }

        /** @return the target table's columns, in pair order */
        public List<String> targetColumns() {
            return targetColumns;
        }

        /** @return the description, if any */
        public Optional<String> description() {
            return description.isEmpty() ? Optional.empty() : Optional.of(description);
        }

        /** @return the utype, if any */
        public Optional<String> utype() {
            return utype.isEmpty() ? Optional.empty() : Optional.of(utype);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof ForeignKey)) {
                return false;
            }
            ForeignKey k = (ForeignKey) o;
            return targetTable.equals(k.targetTable) && fromColumns.equals(k.fromColumns)
                    && targetColumns.equals(k.targetColumns) && description.equals(k.description)
                    && utype.equals(k.utype);
        }

        @Override
        public int hashCode() {
            return Objects.hash(targetTable, fromColumns, targetColumns);
        }

        @Override
        public String toString() {
            return fromColumns + " -> " + targetTable + targetColumns;
        }
    }

    /** Collects a table description. Single-threaded. */
    public static final class Builder {
        private final String schema;
        private final String name;
        private String type;
        private String title;
        private String description;
        private String utype;
        private final List<ColumnDescription> columns = new ArrayList<>();
        private final List<ForeignKey> foreignKeys = new ArrayList<>();

        private Builder(String schema, String name) {
            this.schema = Objects.requireNonNull(schema, "schema");
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Sets the table type.
         *
         * @param type e.g. {@code output}
         * @return this builder
         */
        public Builder type(String type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * Sets the title.
         *
         * @param title the title
         * @return this builder
         */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /**
         * Sets the description.
         *
         * @param description the description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * Sets the utype.
         *
         * @param utype the utype
         * @return this builder
         */
        public Builder utype(String utype) {
            this.utype = Objects.requireNonNull(utype, "utype");
            return this;
        }

        /**
         * Adds a column after the others.
         *
         * @param column the column
         * @return this builder
         */
        public Builder column(ColumnDescription column) {
            columns.add(Objects.requireNonNull(column, "column"));
            return this;
        }

        /**
         * Adds a foreign key.
         *
         * @param key the key
         * @return this builder
         */
        public Builder foreignKey(ForeignKey key) {
            foreignKeys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /** @return the table description */
        public TableDescription build() {
            return new TableDescription(this);
        }
    }
}
