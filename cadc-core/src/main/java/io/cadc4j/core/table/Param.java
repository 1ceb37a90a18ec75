// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import java.util.Objects;

/**
 * A VOTable {@code PARAM}: a constant cell with the attributes of a FIELD ({@link #field()}) and a
 * {@code value}. An empty value means null (VOTable 1.4 section 4.2).
 *
 * <p>Immutable and thread-safe.
 */
public final class Param {
    private final Field field;
    private final String value;

    private Param(Field field, String value) {
        this.field = field;
        this.value = value;
    }

    /**
     * Makes a PARAM.
     *
     * @param field the FIELD-like attributes
     * @param value the {@code value} attribute as written
     * @return the param
     */
    public static Param of(Field field, String value) {
        return new Param(Objects.requireNonNull(field, "field"), Objects.requireNonNull(value, "value"));
    }

    /** @return the name */
    public String name() {
        return field.name();
    }

    /** @return the datatype, arraysize, unit, ucd, utype, xtype, ref, VALUES and LINKs */
    public Field field() {
        return field;
    }

    /** @return the {@code value} attribute as written (empty when null) */
    public String value() {
        return value;
    }

    /** @return true when the value is empty or equals the VALUES null value */
    public boolean isNull() {
        return value.isEmpty() || field.values().nullValue().map(value::equals).orElse(false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Param && ((Param) o).field.equals(field) && ((Param) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, value);
    }

    @Override
    public String toString() {
        return "PARAM " + field.name() + "=" + value;
    }
}
