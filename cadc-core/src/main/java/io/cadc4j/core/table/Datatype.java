// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import java.util.Locale;
import java.util.Objects;

/**
 * The primitive datatypes of VOTable 1.4 section 2.1, with their size in the BINARY and BINARY2
 * serializations.
 *
 * <p>Immutable and thread-safe.
 */
public enum Datatype {
    /** {@code boolean}: one byte, {@code T}/{@code F}/{@code ?}. */
    BOOLEAN("boolean", 1),
    /** {@code bit}: packed, eight to a byte. */
    BIT("bit", 0),
    /** {@code unsignedByte}: one byte, 0 to 255. */
    UNSIGNED_BYTE("unsignedByte", 1),
    /** {@code short}: two bytes, signed. */
    SHORT("short", 2),
    /** {@code int}: four bytes, signed. */
    INT("int", 4),
    /** {@code long}: eight bytes, signed. */
    LONG("long", 8),
    /** {@code char}: one byte per character. */
    CHAR("char", 1),
    /** {@code unicodeChar}: two bytes per character (UCS-2, big-endian). */
    UNICODE_CHAR("unicodeChar", 2),
    /** {@code float}: IEEE-754 single precision. */
    FLOAT("float", 4),
    /** {@code double}: IEEE-754 double precision. */
    DOUBLE("double", 8),
    /** {@code floatComplex}: a pair of floats (real, imaginary). */
    FLOAT_COMPLEX("floatComplex", 8),
    /** {@code doubleComplex}: a pair of doubles (real, imaginary). */
    DOUBLE_COMPLEX("doubleComplex", 16);

    private final String votableName;
    private final int byteSize;

    Datatype(String votableName, int byteSize) {
        this.votableName = votableName;
        this.byteSize = byteSize;
    }

    /**
     * The name as a VOTable writes it in {@code datatype}.
     *
     * @return e.g. {@code unsignedByte}
     */
    public String votableName() {
        return votableName;
    }

    /**
     * The size of one element in the binary serializations.
     *
     * @return bytes per element; 0 for {@link #BIT}, which is packed
     */
    public int byteSize() {
        return byteSize;
    }

    /** @return true for char and unicodeChar */
    public boolean isCharacter() {
        return this == CHAR || this == UNICODE_CHAR;
    }

    /** @return true for unsignedByte, short, int and long */
    public boolean isIntegral() {
        return this == UNSIGNED_BYTE || this == SHORT || this == INT || this == LONG;
    }

    /** @return true for float, double and the complex types */
    public boolean isFloatingPoint() {
        return this == FLOAT || this == DOUBLE || this == FLOAT_COMPLEX || this == DOUBLE_COMPLEX;
    }

    /** @return true for floatComplex and doubleComplex */
    public boolean isComplex() {
        return this == FLOAT_COMPLEX || this == DOUBLE_COMPLEX;
    }

    /**
     * The datatype with this VOTable name. The match ignores case, since some services write
     * {@code unsignedbyte} or {@code Double}.
     *
     * @param name the {@code datatype} attribute
     * @return the datatype
     * @throws IllegalArgumentException if the name is not a VOTable datatype
     */
    public static Datatype of(String name) {
        Objects.requireNonNull(name, "name");
        String n = name.strip();
        for (Datatype d : values()) {
            if (d.votableName.equals(n)) {
                return d;
            }
        }
        String lower = n.toLowerCase(Locale.ROOT);
        for (Datatype d : values()) {
            if (d.votableName.toLowerCase(Locale.ROOT).equals(lower)) {
                return d;
            }
        }
        throw new IllegalArgumentException("not a VOTable datatype: '" + name + "'");
    }

    @Override
    public String toString() {
        return votableName;
    }
}
