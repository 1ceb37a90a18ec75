// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import io.cadc4j.core.table.Datatype;
import io.cadc4j.core.table.Field;
import java.io.IOException;

/** A scalar float or double; NaN is null. */
final class RealColumn extends Column {
    private final boolean isFloat;
    /** Whether a NaN is null: in every serialization but BINARY2. */
    private boolean nanIsNull = true;
    private double value;

    RealColumn(Field f, int index) {
        super(f, index, 1);
        this.isFloat = f.type() == Datatype.FLOAT;
    }

    @Override
    void flagsDecideNulls() {
        nanIsNull = false;
    }

    @Override
    void parseText(char[] b, int off, int len) {
        int s = trimStart(b, off, off + len);
        int e = trimEnd(b, s, off + len);
        if (s == e || isNullWord(b, s, e - s)) {
            value = Double.NaN;
        } else {
            value = isFloat ? Numbers.parseFloat(b, s, e - s) : Numbers.parseDouble(b, s, e - s);
        }
        isNull = Double.isNaN(value);
    }

    @Override
    void readBinary(BinaryInput in) throws IOException {
        value = isFloat ? in.readFloat() : in.readDouble();
        isNull = nanIsNull && Double.isNaN(value);
    }

    @Override
    void setNull() {
        isNull = true;
        value = Double.NaN;
    }

    @Override
    long getLong() {
        throw wrongType("integral");
    }

    @Override
    double getDouble() {
        return isNull ? Double.NaN : value;
    }

    @Override
    String getString() {
        return isNull ? null : isFloat ? Float.toString((float) value) : Double.toString(value);
    }

    @Override
    Object getObject() {
        return isNull ? null : isFloat ? (Object) Float.valueOf((float) value) : (Object) Double.valueOf(value);
    }
}
