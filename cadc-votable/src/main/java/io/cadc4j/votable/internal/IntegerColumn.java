// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import io.cadc4j.core.table.Datatype;
import io.cadc4j.core.table.Field;
import java.io.IOException;

/** A scalar unsignedByte, short, int or long, with its VALUES null. */
final class IntegerColumn extends Column {
    private final Datatype type;
    private boolean hasMagic;
    private final long magic;
    private long value;

    IntegerColumn(Field f, int index) {
        super(f, index, 1);
        this.type = f.type();
        String n = f.values().nullValue().orElse(null);
        long m = 0;
        boolean has = false;
        if (n != null && !n.isBlank()) {
            try {
                char[] c = n.strip().toCharArray();
                m = Numbers.parseLong(c, 0, c.length);
                has = true;
            } catch (CellException e) {
                // A VALUES null that is not an integer can never match a cell; ignore it as STIL does.
                has = false;
            }
        }
        this.hasMagic = has;
        this.magic = m;
    }

    @Override
    void parseText(char[] b, int off, int len) {
        int s = trimStart(b, off, off + len);
        int e = trimEnd(b, s, off + len);
        if (s == e || isNullWord(b, s, e - s)) {
            isNull = true;
            value = 0;
            return;
        }
        long v = Numbers.parseLong(b, s, e - s);
        value = checkRange(v, b, s, e - s);
        isNull = hasMagic && value == magic;
    }

    private long checkRange(long v, char[] b, int s, int n) {
        boolean hex = n > 2 && (b[s] == '0' && (b[s + 1] | 0x20) == 'x');
        switch (type) {
            case UNSIGNED_BYTE:
                if (v < 0 || v > 255) {
                    throw outOfRange(b, s, n);
                }
                return v;
            case SHORT:
                if (hex && v >= 0 && v <= 0xffff) {
                    return (short) v;
                }
                if (v != (short) v) {
                    throw outOfRange(b, s, n);
                }
                return v;
            case INT:
                if (hex && v >= 0 && v <= 0xffffffffL) {
                    return (int) v;
                }
                if (v != (int) v) {
                    throw outOfRange(b, s, n);
                }
                return v;
            default:
                return v;
        }
    }

    private CellException outOfRange(char[] b, int s, int n) {
        return new CellException("'" + new String(b, s, Math.min(n, 40)) + "' is out of range for " + type);
    }

    @Override
    void readBinary(BinaryInput in) throws IOException {
        switch (type) {
            case UNSIGNED_BYTE:
                value = in.readUnsignedByte();
                break;
            case SHORT:
                value = in.readShort();
                break;
            case INT:
                value = in.readInt();
                break;
            default:
                value = in.readLong();
                break;
        }
        isNull = hasMagic && value == magic;
    }

    @Override
    void flagsDecideNulls() {
        hasMagic = false;
    }

    @Override
    long getLong() {
        return isNull ? 0 : value;
    }

    @Override
    double getDouble() {
        return isNull ? Double.NaN : value;
    }

    @Override
    String getString() {
        return isNull ? null : Long.toString(value);
    }

    @Override
    Object getObject() {
        if (isNull) {
            return null;
        }
        switch (type) {
            case UNSIGNED_BYTE:
            case SHORT:
                return Short.valueOf((short) value);
            case INT:
                return Integer.valueOf((int) value);
            default:
                return Long.valueOf(value);
        }
    }
}
