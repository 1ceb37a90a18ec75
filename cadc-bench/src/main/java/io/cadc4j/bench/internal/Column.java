// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench.internal;

import java.util.Objects;

/**
 * One FIELD of the generated table: its VOTable declaration and the kind of value it holds. Immutable.
 */
public final class Column {
    /** The kinds of value a generated column holds, each with its VOTable datatype. */
    public enum Kind {
        /** {@code char}, {@code arraysize="*"}. */
        STRING("char", "*", null),
        /** {@code char}, {@code arraysize="*"}, {@code xtype="timestamp"} (DALI 1.1 section 3.3.3). */
        TIMESTAMP("char", "*", "timestamp"),
        /** {@code double} scalar. */
        DOUBLE("double", null, null),
        /** {@code long} scalar. */
        LONG("long", null, null),
        /** {@code int} scalar. */
        INT("int", null, null),
        /** {@code boolean} scalar. */
        BOOLEAN("boolean", null, null),
        /** {@code double}, {@code arraysize="*"}, {@code xtype="polygon"} (DALI 1.1 section 3.3.7). */
        POLYGON("double", "*", "polygon");

        final String datatype;
        final String arraysize;
        final String xtype;

        Kind(String datatype, String arraysize, String xtype) {
            this.datatype = datatype;
            this.arraysize = arraysize;
            this.xtype = xtype;
        }
    }

    private final String name;
    private final Kind kind;
    private final String ucd;
    private final String unit;
    private final boolean nullable;

    Column(String name, Kind kind, String ucd, String unit, boolean nullable) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.ucd = ucd;
        this.unit = unit;
        this.nullable = nullable;
    }

    /** @return the FIELD name */
    public String name() {
        return name;
    }

    /** @return the kind of value */
    public Kind kind() {
        return kind;
    }

    /** @return whether the generator leaves some cells of this column null */
    public boolean nullable() {
        return nullable;
    }

    /** @return the UCD, or null when the FIELD has none (package-private: only the writer asks) */
    String ucd() {
        return ucd;
    }

    /** @return the unit, or null when the FIELD has none (package-private: only the writer asks) */
    String unit() {
        return unit;
    }

    @Override
    public String toString() {
        return name + ":" + kind;
    }
}
