// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a VOTable says about one table before (and around) its rows: its name, its columns in
 * order, and its INFOs.
 *
 * <p>Immutable and thread-safe.
 */
public final class TableMetadata {
    private final String name;
    private final List<Field> fields;
    private final List<Info> infos;

    private TableMetadata(String name, List<Field> fields, List<Info> infos) {
        this.name = name;
        this.fields = List.copyOf(fields);
        this.infos = List.copyOf(infos);
    }

    /**
     * Makes table metadata.
     *
     * @param name the table name, or null when the TABLE has none
     * @param fields the columns, in FIELD order
     * @param infos the INFOs, in document order
     * @return the metadata
     */
    public static TableMetadata of(String name, List<Field> fields, List<Info> infos) {
        return new TableMetadata(name, Objects.requireNonNull(fields, "fields"), Objects.requireNonNull(infos, "infos"));
    }

    /** @return the TABLE name, if it has one */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return the columns, in order */
    public List<Field> fields() {
        return fields;
    }

    /** @return the INFOs, in document order */
    public List<Info> infos() {
        return infos;
    }

    /**
     * The index of the first column with this name: exact match first, else ignoring case.
     *
     * @param name the column name
     * @return the 0-based index
     * @throws IllegalArgumentException if no column has that name
     */
    public int columnIndex(String name) {
        Objects.requireNonNull(name, "name");
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        List<String> names = new ArrayList<>();
        fields.forEach(f -> names.add(f.name()));
        throw new IllegalArgumentException("no column named '" + name + "'; columns are " + names);
    }

    @Override
    public String toString() {
        return "TableMetadata[" + (name == null ? "" : name + ", ") + fields.size() + " columns]";
    }
}
