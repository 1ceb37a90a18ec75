// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A column of a VOTable ({@code FIELD}): its name, datatype and arraysize, and the optional
 * metadata a service attaches. The datatype and arraysize are checked when the field is built:
 * {@link #type()} and {@link #shape()} are their parsed forms.
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class Field {
    private final String name;
    private final String id;
    private final String datatype;
    private final String arraysize;
    private final String unit;
    private final String ucd;
    private final String utype;
    private final String xtype;
    private final String description;
    private final String ref;
    private final String precision;
    private final String width;
    private final Values values;
    private final List<Link> links;
    private final Datatype type;
    private final ArraySize shape;

    private Field(Builder b) {
        this.name = b.name;
        this.id = b.id;
        this.datatype = b.datatype;
        this.arraysize = b.arraysize;
        this.unit = b.unit;
        this.ucd = b.ucd;
        this.utype = b.utype;
        this.xtype = b.xtype;
        this.description = b.description;
        this.ref = b.ref;
        this.precision = b.precision;
        this.width = b.width;
        this.values = b.values;
        this.links = List.copyOf(b.links);
        this.type = Datatype.of(datatype);
        this.shape = arraysize == null ? ArraySize.SCALAR : ArraySize.parse(arraysize);
    }

    /**
     * Starts a builder.
     *
     * @param name the column name
     * @param datatype the VOTable datatype, e.g. {@code double}
     * @return a new builder
     */
    public static Builder builder(String name, String datatype) {
        return new Builder(name, datatype);
    }

    /** @return the column name (not unique in practice: joins repeat names) */
    public String name() {
        return name;
    }

    /** @return the document-unique {@code ID}, if any */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** @return the VOTable datatype, e.g. {@code char}, {@code double} */
    public String datatype() {
        return datatype;
    }

    /** @return the {@code arraysize} attribute as written, if any */
    public Optional<String> arraysize() {
        return Optional.ofNullable(arraysize);
    }

    /** @return the unit, if any */
    public Optional<String> unit() {
        return Optional.ofNullable(unit);
    }

    /** @return the UCD, if any */
    public Optional<String> ucd() {
        return Optional.ofNullable(ucd);
    }

    /** @return the utype, if any */
    public Optional<String> utype() {
        return Optional.ofNullable(utype);
    }

    /** @return the xtype, e.g. {@code timestamp}, if any */
    public Optional<String> xtype() {
        return Optional.ofNullable(xtype);
    }

    /** @return the DESCRIPTION text, if any */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the {@code ref} attribute (a COOSYS, TIMESYS or other ID), if any */
    public Optional<String> ref() {
        return Optional.ofNullable(ref);
    }

    /** @return the {@code precision} attribute, if any */
    public Optional<String> precision() {
        return Optional.ofNullable(precision);
    }

    /** @return the {@code width} attribute, if any */
    public Optional<String> width() {
        return Optional.ofNullable(width);
    }

    /** @return the VALUES element; {@link Values#NONE} when there is none */
    public Values values() {
        return values;
    }

    /** @return the LINKs, in document order */
    public List<Link> links() {
        return links;
    }

    /** @return the parsed datatype */
    public Datatype type() {
        return type;
    }

    /** @return the parsed arraysize; {@link ArraySize#SCALAR} when absent */
    public ArraySize shape() {
        return shape;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Field)) {
            return false;
        }
        Field f = (Field) o;
        return name.equals(f.name) && Objects.equals(id, f.id) && datatype.equals(f.datatype)
                && Objects.equals(arraysize, f.arraysize) && Objects.equals(unit, f.unit) && Objects.equals(ucd, f.ucd)
                && Objects.equals(utype, f.utype) && Objects.equals(xtype, f.xtype)
                && Objects.equals(description, f.description) && Objects.equals(ref, f.ref)
                && Objects.equals(precision, f.precision) && Objects.equals(width, f.width)
                && values.equals(f.values) && links.equals(f.links);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, id, datatype, arraysize, xtype);
    }

    @Override
    public String toString() {
        return name + " " + datatype + (arraysize == null ? "" : "[" + arraysize + "]") + (xtype == null ? "" : " " + xtype);
    }

    /** Collects a field's attributes. Single-threaded. */
    public static final class Builder {
        private final String name;
        private final String datatype;
        private String id;
        private String arraysize;
        private String unit;
        private String ucd;
        private String utype;
        private String xtype;
        private String description;
        private String ref;
        private String precision;
        private String width;
        private Values values = Values.NONE;
        private final List<Link> links = new ArrayList<>();

        private Builder(String name, String datatype) {
            this.name = Objects.requireNonNull(name, "name");
            this.datatype = Objects.requireNonNull(datatype, "datatype");
        }

        /**
         * Sets the ID attribute.
         *
         * @param id the ID attribute
         * @return this builder
         */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets the arraysize attribute.
         *
         * @param arraysize the arraysize attribute
         * @return this builder
         */
        public Builder arraysize(String arraysize) {
            this.arraysize = Objects.requireNonNull(arraysize, "arraysize");
            return this;
        }

        /**
         * Sets the unit.
         *
         * @param unit the unit
         * @return this builder
         */
        public Builder unit(String unit) {
            this.unit = Objects.requireNonNull(unit, "unit");
            return this;
        }

        /**
         * Sets the UCD.
         *
         * @param ucd the UCD
         * @return this builder
         */
        public Builder ucd(String ucd) {
            this.ucd = Objects.requireNonNull(ucd, "ucd");
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
         * Sets the xtype.
         *
         * @param xtype the xtype
         * @return this builder
         */
        public Builder xtype(String xtype) {
            this.xtype = Objects.requireNonNull(xtype, "xtype");
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
         * Sets the ref attribute.
         *
         * @param ref the ref attribute
         * @return this builder
         */
        public Builder ref(String ref) {
            this.ref = Objects.requireNonNull(ref, "ref");
            return this;
        }

        /**
         * Sets the precision attribute.
         *
         * @param precision the precision attribute
         * @return this builder
         */
        public Builder precision(String precision) {
            this.precision = Objects.requireNonNull(precision, "precision");
            return this;
        }

        /**
         * Sets the width attribute.
         *
         * @param width the width attribute
         * @return this builder
         */
        public Builder width(String width) {
            this.width = Objects.requireNonNull(width, "width");
            return this;
        }

        /**
         * Sets the VALUES element.
         *
         * @param values the VALUES element
         * @return this builder
         */
        public Builder values(Values values) {
            this.values = Objects.requireNonNull(values, "values");
            return this;
        }

        /**
         * Adds a LINK.
         *
         * @param link a LINK to add
         * @return this builder
         */
        public Builder link(Link link) {
            this.links.add(Objects.requireNonNull(link, "link"));
            return this;
        }

        /**
         * Makes the field.
         *
         * @return the field
         * @throws IllegalArgumentException if the datatype or arraysize is not valid VOTable
         */
        public Field build() {
            return new Field(this);
        }
    }
}
