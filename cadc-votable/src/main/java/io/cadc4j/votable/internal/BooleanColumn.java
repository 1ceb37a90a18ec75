// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import io.cadc4j.core.table.Field;
import java.io.IOException;

/** A scalar boolean. */
final class BooleanColumn extends Column {
    private boolean value;

    BooleanColumn(Field f, int index) {
        super(f, index, 1);
    }

    @Override
    void parseText(char[] b, int off, int len) {
        int s = trimStart(b, off, off + len);
        int e = trimEnd(b, s, off + len);
        int v = e == s ? 0 : parseBoolean(b, s, e - s);
        isNull = v == 0;
        value = v > 0;
    }

    @Override
    void readBinary(BinaryInput in) throws IOException {
        int v = binaryBoolean(in.readUnsignedByte());
        isNull = v == 0;
        value = v > 0;
    }

    @Override
    boolean getBoolean() {
        return !isNull && value;
    }

    @Override
    String getString() {
        return isNull ? null : value ? "T" : "F";
    }

    @Override
    Object getObject() {
        return isNull ? null : Boolean.valueOf(value);
    }
}
