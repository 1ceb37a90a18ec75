// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import io.cadc4j.core.table.Field;
import java.io.IOException;

/** A scalar bit: one byte in BINARY, the value in its top bit. */
final class BitColumn extends Column {
    private boolean value;

    BitColumn(Field f, int index) {
        super(f, index, 1);
    }

    @Override
    void parseText(char[] b, int off, int len) {
        int s = trimStart(b, off, off + len);
        int e = trimEnd(b, s, off + len);
        isNull = s == e;
        if (!isNull) {
            if (e - s != 1 || b[s] != '0' && b[s] != '1') {
                throw new CellException("not a bit: '" + new String(b, s, Math.min(e - s, 40)) + "'");
            }
            value = b[s] == '1';
        }
    }

    /**
     * The value is in the byte's top bit (VOTable 1.4 section 2.1), the other bits padding;
     * astropy writes a true scalar bit as 0x08, so any bit set is read as true.
     */
    @Override
    void readBinary(BinaryInput in) throws IOException {
        isNull = false;
        value = in.readUnsignedByte() != 0;
    }

    @Override
    boolean getBoolean() {
        return !isNull && value;
    }

    @Override
    String getString() {
        return isNull ? null : value ? "1" : "0";
    }

    @Override
    Object getObject() {
        return isNull ? null : Boolean.valueOf(value);
    }
}
