// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a VOTable says about one table before (and around) its rows: its name, its columns in
 * order, its PARAMs, GROUPs, LINKs and INFOs (those after the data included, once read).
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class TableMetadata {
    private final String name;
    private final String id;
    private final String ucd;
    private final String utype;
    private final String ref;
    private final String description;
    private final long nrows;
    private final List<Field> fields;
    private final List<Param> params;
    private final List<Group> groups;
    private final List<Link> links;
    private final List<Info> infos;

    private TableMetadata(Builder b) {
        this.name = b.name;
        this.id = b.id;
        this.ucd = b.ucd;
        this.utype = b.utype;
        this.ref = b.ref;
        this.description = b.description;
        this.nrows = b.nrows;
        this.fields = List.copyOf(b.fields);
        this.params = List.copyOf(b.params);
        this.groups = List.copyOf(b.groups);
        this.links = List.copyOf(b.links);
        this.infos = List.copyOf(b.infos);
    }

    /**
     * Makes table metadata with only a name, columns and INFOs.
     *
     * @param name the table name, or null when the TABLE has none
     * @param fields the columns, in FIELD order
     * @param infos the INFOs, in document order
     * @return the metadata
     */
    public static TableMetadata of(String name, List<Field> fields, List<Info> infos) {
        Builder b = builder();
        if (name != null) {
            b.name(name);
        }
        Objects.requireNonNull(fields, "fields").forEach(b::field);
        Objects.requireNonNull(infos, "infos").forEach(b::info);
        return b.build();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this metadata */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.id = id;
        b.ucd = ucd;
        b.utype = utype;
        b.ref = ref;
        b.description = description;
        b.nrows = nrows;
        b.fields.addAll(fields);
        b.params.addAll(params);
        b.groups.addAll(groups);
        b.links.addAll(links);
        b.infos.addAll(infos);
        return b;
    }

    /** @return the TABLE name, if it has one */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return the TABLE {@code ID}, if any */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** @return the TABLE UCD, if any */
    public Optional<String> ucd() {
        return Optional.ofNullable(ucd);
    }

    /** @return the TABLE utype, if any */
    public Optional<String> utype() {
        return Optional.ofNullable(utype);
    }

    /** @return the TABLE {@code ref}, if any */
    public Optional<String> ref() {
        return Optional.ofNullable(ref);
    }

    /** @return the DESCRIPTION, if any */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the {@code nrows} attribute (a hint, not checked), if given */
    public OptionalLong nrows() {
        return nrows < 0 ? OptionalLong.empty() : OptionalLong.of(nrows);
    }

    /** @return the columns, in order */
    public List<Field> fields() {
        return fields;
    }

    /** @return the PARAMs, in order */
    public List<Param> params() {
        return params;
    }

    /** @return the GROUPs, in order */
    public List<Group> groups() {
        return groups;
    }

    /** @return the LINKs, in order */
    public List<Link> links() {
        return links;
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

    /**
     * The first PARAM with this name.
     *
     * @param name the PARAM name
     * @return the param, or empty
     */
    public Optional<Param> param(String name) {
        Objects.requireNonNull(name, "name");
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TableMetadata)) {
            return false;
        }
        TableMetadata t = (TableMetadata) o;
        return Objects.equals(name, t.name) && Objects.equals(id, t.id) && Objects.equals(ucd, t.ucd)
                && Objects.equals(utype, t.utype) && Objects.equals(ref, t.ref)
                && Objects.equals(description, t.description) && nrows == t.nrows && fields.equals(t.fields)
                && params.equals(t.params) && groups.equals(t.groups) && links.equals(t.links) && infos.equals(t.infos);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, id, fields);
    }

    @Override
    public String toString() {
        return "TableMetadata[" + (name == null ? "" : name + ", ") + fields.size() + " columns]";
    }

    /** Collects table metadata. Single-threaded. */
    public static final class Builder {
        private String name;
        private String id;
        private String ucd;
        private String utype;
        private String ref;
        private String description;
        private long nrows = -1;
        private final List<Field> fields = new ArrayList<>();
        private final List<Param> params = new ArrayList<>();
        private final List<Group> groups = new ArrayList<>();
        private final List<Link> links = new ArrayList<>();
        private final List<Info> infos = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the TABLE name.
         *
         * @param name the TABLE name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets the TABLE ID.
         *
         * @param id the TABLE ID
         * @return this builder
         */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets the TABLE UCD.
         *
         * @param ucd the TABLE UCD
         * @return this builder
         */
        public Builder ucd(String ucd) {
            this.ucd = Objects.requireNonNull(ucd, "ucd");
            return this;
        }

        /**
         * Sets the TABLE utype.
         *
         * @param utype the TABLE utype
         * @return this builder
         */
        public Builder utype(String utype) {
            this.utype = Objects.requireNonNull(utype, "utype");
            return this;
        }

        /**
         * Sets the TABLE ref.
         *
         * @param ref the TABLE ref
         * @return this builder
         */
        public Builder ref(String ref) {
            this.ref = Objects.requireNonNull(ref, "ref");
            return this;
        }

        /**
         * Sets the DESCRIPTION.
         *
         * @param description the DESCRIPTION
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * Sets the nrows attribute (not negative).
         *
         * @param nrows the nrows attribute (not negative)
         * @return this builder
         */
        public Builder nrows(long nrows) {
            if (nrows < 0) {
                throw new IllegalArgumentException("nrows must not be negative: " + nrows);
            }
            this.nrows = nrows;
            return this;
        }

        /**
         * Adds a column.
         *
         * @param field a column to add
         * @return this builder
         */
        public Builder field(Field field) {
            fields.add(Objects.requireNonNull(field, "field"));
            return this;
        }

        /**
         * Adds a PARAM.
         *
         * @param param a PARAM to add
         * @return this builder
         */
        public Builder param(Param param) {
            params.add(Objects.requireNonNull(param, "param"));
            return this;
        }

        /**
         * Adds a GROUP.
         *
         * @param group a GROUP to add
         * @return this builder
         */
        public Builder group(Group group) {
            groups.add(Objects.requireNonNull(group, "group"));
            return this;
        }

        /**
         * Adds a LINK.
         *
         * @param link a LINK to add
         * @return this builder
         */
        public Builder link(Link link) {
            links.add(Objects.requireNonNull(link, "link"));
            return this;
        }

        /**
         * Adds an INFO.
         *
         * @param info an INFO to add
         * @return this builder
         */
        public Builder info(Info info) {
            infos.add(Objects.requireNonNull(info, "info"));
            return this;
        }

        /** @return the metadata */
        public TableMetadata build() {
            return new TableMetadata(this);
        }
    }
}
