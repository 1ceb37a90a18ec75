// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import java.util.Objects;
import java.util.Optional;

/**
 * A column of a table as a service describes it in its VOSI table set (not a result column: that
 * is a {@link Field}): name, datatype, array size, unit, UCD, utype, xtype, description and the
 * flags of VODataService 1.1 ({@code indexed}, {@code primary}, {@code nullable}, {@code std}).
 *
 * <p>The datatype is kept as the service wrote it: a VOTable type ({@code char}, {@code double})
 * under {@code vs:VOTableType}, or a TAP type ({@code VARCHAR}, {@code TIMESTAMP}) under the older
 * {@code vs:TAPType}; {@link #isTapType()} says which.
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class ColumnDescription {
    private final String name;
    private final String datatype;
    private final boolean tapType;
    private final String arraysize;
    private final String xtype;
    private final String unit;
    private final String ucd;
    private final String utype;
    private final String description;
    private final boolean indexed;
    private final boolean principal;
    private final boolean nullable;
    private final boolean std;

    private ColumnDescription(Builder b) {
        this.name = b.name;
        this.datatype = b.datatype;
        this.tapType = b.tapType;
        this.arraysize = b.arraysize;
        this.xtype = b.xtype;
        this.unit = b.unit;
        this.ucd = b.ucd;
        this.utype = b.utype;
        this.description = b.description;
        this.indexed = b.indexed;
        this.principal = b.principal;
        this.nullable = b.nullable;
        this.std = b.std;
    }

    /**
     * Makes a column description with no array size, UCD, utype, xtype or flags.
     *
     * @param name the column name
     * @param datatype the datatype as the service wrote it (a VOTable or TAP type)
     * @param unit the unit, or null
     * @param description the description, or null
     * @return the column description
     */
    public static ColumnDescription of(String name, String datatype, String unit, String description) {
        Builder b = builder(name, datatype);
        if (unit != null) {
            b.unit(unit);
        }
        if (description != null) {
            b.description(description);
        }
        return b.build();
    }

    /**
     * Starts a builder.
     *
     * @param name the column name
     * @param datatype the datatype as the service wrote it
     * @return a new builder
     */
    public static Builder builder(String name, String datatype) {
        return new Builder(name, datatype);
    }

    /** @return the column name */
    public String name() {
        return name;
    }

    /** @return the datatype as the service wrote it */
    public String datatype() {
        return datatype;
    }

    /** @return true when {@link #datatype()} is a TAP type ({@code vs:TAPType}), false for a VOTable type */
    public boolean isTapType() {
        return tapType;
    }

    /** @return the array size, e.g. {@code *}, {@code 36}, {@code 2x*}, if any */
    public Optional<String> arraysize() {
        return Optional.ofNullable(arraysize);
    }

    /** @return the extended type ({@code extendedType}, the xtype), e.g. {@code timestamp}, if any */
    public Optional<String> xtype() {
        return Optional.ofNullable(xtype);
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

    /** @return the description, if any */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return whether the column is indexed (flag {@code indexed}) */
    public boolean isIndexed() {
        return indexed;
    }

    /** @return whether the column is principal (flag {@code primary}; TAP_SCHEMA's {@code principal}) */
    public boolean isPrincipal() {
        return principal;
    }

    /** @return whether the column may hold nulls (flag {@code nullable}) */
    public boolean isNullable() {
        return nullable;
    }

    /** @return whether the column is defined by a standard (flag {@code std}) */
    public boolean isStd() {
        return std;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ColumnDescription)) {
            return false;
        }
        ColumnDescription c = (ColumnDescription) o;
        return name.equals(c.name) && datatype.equals(c.datatype) && tapType == c.tapType
                && Objects.equals(arraysize, c.arraysize) && Objects.equals(xtype, c.xtype)
                && Objects.equals(unit, c.unit) && Objects.equals(ucd, c.ucd) && Objects.equals(utype, c.utype)
                && Objects.equals(description, c.description) && indexed == c.indexed && principal == c.principal
                && nullable == c.nullable && std == c.std;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, datatype, arraysize, xtype, unit, ucd, utype, description);
    }

    @Override
    public String toString() {
        return name + " " + datatype + (arraysize == null ? "" : "[" + arraysize + "]");
    }

    /** Collects a column description. Single-threaded. */
    public static final class Builder {
        private final String name;
        private final String datatype;
        private boolean tapType;
        private String arraysize;
        private String xtype;
        private String unit;
        private String ucd;
        private String utype;
        private String description;
        private boolean indexed;
        private boolean principal;
        private boolean nullable;
        private boolean std;

        private Builder(String name, String datatype) {
            this.name = Objects.requireNonNull(name, "name");
            this.datatype = Objects.requireNonNull(datatype, "datatype");
        }

        /**
         * Says the datatype is a TAP type ({@code vs:TAPType}) rather than a VOTable type.
         *
         * @param tapType true for a TAP type
         * @return this builder
         */
        public Builder tapType(boolean tapType) {
            this.tapType = tapType;
            return this;
        }

        /**
         * Sets the array size.
         *
         * @param arraysize e.g. {@code *}
         * @return this builder
         */
        public Builder arraysize(String arraysize) {
            this.arraysize = Objects.requireNonNull(arraysize, "arraysize");
            return this;
        }

        /**
         * Sets the extended type.
         *
         * @param xtype e.g. {@code timestamp}
         * @return this builder
         */
        public Builder xtype(String xtype) {
            this.xtype = Objects.requireNonNull(xtype, "xtype");
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
         * Sets the {@code indexed} flag.
         *
         * @param indexed the flag
         * @return this builder
         */
        public Builder indexed(boolean indexed) {
            this.indexed = indexed;
            return this;
        }

        /**
         * Sets the {@code primary} (principal) flag.
         *
         * @param principal the flag
         * @return this builder
         */
        public Builder principal(boolean principal) {
            this.principal = principal;
            return this;
        }

        /**
         * Sets the {@code nullable} flag.
         *
         * @param nullable the flag
         * @return this builder
         */
        public Builder nullable(boolean nullable) {
            this.nullable = nullable;
            return this;
        }

        /**
         * Sets the {@code std} flag.
         *
         * @param std the flag
         * @return this builder
         */
        public Builder std(boolean std) {
            this.std = std;
            return this;
        }

        /** @return the column description */
        public ColumnDescription build() {
            return new ColumnDescription(this);
        }
    }
}
