// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import io.cadc4j.core.table.ArraySize;
import io.cadc4j.core.table.Datatype;
import io.cadc4j.core.table.Field;
import java.io.IOException;

/**
 * The decoder and current value of one column, built once per FIELD from its datatype, arraysize
 * and {@code VALUES/@null} (the row loop calls it with no type switches). Holds the value of the
 * current row only. Single-threaded.
 *
 * <p>One family per file: {@link BooleanColumn}, {@link BitColumn}, {@link IntegerColumn},
 * {@link RealColumn}, {@link StringColumn} and {@link ArrayColumn}; the static methods here
 * dispatch to them by an exact class test, which the JIT turns into inlined calls where a
 * virtual call on this class would be megamorphic.
 */
abstract class Column {
    final Field field;
    final int index;
    final int maxElements;
    boolean isNull;

    Column(Field field, int index, int maxElements) {
        this.field = field;
        this.index = index;
        this.maxElements = maxElements;
    }

    /** Makes the decoder for a FIELD. */
    static Column of(Field f, int index, int maxElements) {
        Datatype t = f.type();
        ArraySize s = f.shape();
        if (t.isCharacter()) {
            return new StringColumn(f, index, maxElements);
        }
        boolean scalar = s.isScalar();
        if (scalar && !t.isComplex()) {
            switch (t) {
                case BOOLEAN:
                    return new BooleanColumn(f, index);
                case BIT:
                    return new BitColumn(f, index);
                case FLOAT:
                case DOUBLE:
                    return new RealColumn(f, index);
                default:
                    return new IntegerColumn(f, index);
            }
        }
        return new ArrayColumn(f, index, maxElements);
    }

    /** Decodes TABLEDATA text; len 0 (after trimming for non-character types) is null. */
    abstract void parseText(char[] b, int off, int len);

    /** Decodes the cell from a BINARY/BINARY2 stream, setting null from magic values. */
    abstract void readBinary(BinaryInput in) throws IOException;

    /** Decodes a TABLEDATA cell, dispatching as {@link #readBinary(Column, BinaryInput)} does. */
    static void parseText(Column col, char[] b, int off, int len) {
        Class<?> k = col.getClass();
        if (k == RealColumn.class) {
            ((RealColumn) col).parseText(b, off, len);
        } else if (k == StringColumn.class) {
            ((StringColumn) col).parseText(b, off, len);
        } else if (k == IntegerColumn.class) {
            ((IntegerColumn) col).parseText(b, off, len);
        } else if (k == ArrayColumn.class) {
            ((ArrayColumn) col).parseText(b, off, len);
        } else if (k == BooleanColumn.class) {
            ((BooleanColumn) col).parseText(b, off, len);
        } else {
            col.parseText(b, off, len);
        }
    }

    /**
     * Decodes a binary cell with a type test per column class instead of a virtual call: the row
     * loop calls this for every cell of every column, where a call through the abstract method
     * would dispatch through the vtable (six receiver classes) and inline nothing.
     */
    static void readBinary(Column col, BinaryInput in) throws IOException {
        Class<?> k = col.getClass();
        if (k == RealColumn.class) {
            ((RealColumn) col).readBinary(in);
        } else if (k == StringColumn.class) {
            ((StringColumn) col).readBinary(in);
        } else if (k == IntegerColumn.class) {
            ((IntegerColumn) col).readBinary(in);
        } else if (k == ArrayColumn.class) {
            ((ArrayColumn) col).readBinary(in);
        } else if (k == BooleanColumn.class) {
            ((BooleanColumn) col).readBinary(in);
        } else {
            col.readBinary(in);
        }
    }

    /*
     * The getters of the cursor dispatch the same way: a loop over a row's cells calls them with a
     * different column class each time, which through the virtual method is a megamorphic call.
     */

    /** {@link #getDouble()} without a virtual call for the usual column classes. */
    static double getDouble(Column col) {
        Class<?> k = col.getClass();
        if (k == RealColumn.class) {
            return ((RealColumn) col).getDouble();
        } else if (k == IntegerColumn.class) {
            return ((IntegerColumn) col).getDouble();
        }
        return col.getDouble();
    }

    /** {@link #getLong()} without a virtual call for the usual column classes. */
    static long getLong(Column col) {
        Class<?> k = col.getClass();
        if (k == IntegerColumn.class) {
            return ((IntegerColumn) col).getLong();
        } else if (k == RealColumn.class) {
            return ((RealColumn) col).getLong();
        }
        return col.getLong();
    }

    /** {@link #getBoolean()} without a virtual call for the usual column classes. */
    static boolean getBoolean(Column col) {
        Class<?> k = col.getClass();
        if (k == BooleanColumn.class) {
            return ((BooleanColumn) col).getBoolean();
        } else if (k == BitColumn.class) {
            return ((BitColumn) col).getBoolean();
        }
        return col.getBoolean();
    }

    /** Marks the current cell null (a BINARY2 flag, a missing TD). */
    void setNull() {
        isNull = true;
    }

    /**
     * From now on only {@link #setNull()} makes a cell null (BINARY2, whose null flags are
     * authoritative): a value the other serializations read as null (a magic value, a NaN, an empty
     * string or variable array, a complex with a NaN part) is then read as that value. Called
     * once, before the first row.
     */
    void flagsDecideNulls() {
    }

    boolean getBoolean() {
        throw wrongType("boolean");
    }

    long getLong() {
        throw wrongType("integral");
    }

    double getDouble() {
        throw wrongType("numeric");
    }

    abstract String getString();

    abstract Object getObject();

    IllegalStateException wrongType(String wanted) {
        return new IllegalStateException("column " + index + " '" + field.name() + "' is " + field.type()
                + (field.shape().isScalar() ? "" : "[" + field.shape().text() + "]") + ", not " + wanted);
    }

    static int trimStart(char[] b, int off, int end) {
        while (off < end && b[off] <= ' ') {
            off++;
        }
        return off;
    }

    static int trimEnd(char[] b, int off, int end) {
        while (end > off && b[end - 1] <= ' ') {
            end--;
        }
        return end;
    }

    static boolean isNullWord(char[] b, int off, int len) {
        return len == 4 && (b[off] | 0x20) == 'n' && (b[off + 1] | 0x20) == 'u' && (b[off + 2] | 0x20) == 'l'
                && (b[off + 3] | 0x20) == 'l';
    }

    /** 1 true, -1 false, 0 null (VOTable 1.4 section 2.1). */
    static int parseBoolean(char[] b, int off, int len) {
        if (len == 1) {
            switch (b[off]) {
                case 'T': case 't': case '1':
                    return 1;
                case 'F': case 'f': case '0':
                    return -1;
                case '?':
                    return 0;
                default:
                    break;
            }
        }
        String s = new String(b, off, len);
        if (s.equalsIgnoreCase("true")) {
            return 1;
        }
        if (s.equalsIgnoreCase("false")) {
            return -1;
        }
        if (s.equalsIgnoreCase("null")) {
            return 0;
        }
        throw new CellException("not a VOTable boolean: '" + (len > 40 ? s.substring(0, 40) + "..." : s) + "'");
    }

    static int binaryBoolean(int c) {
        switch (c) {
            case 'T': case 't': case '1':
                return 1;
            case 'F': case 'f': case '0':
                return -1;
            case '?': case ' ': case 0:
                return 0;
            default:
                throw CellException.atLastByteRead(String.format("byte 0x%02x is not a VOTable boolean", c));
        }
    }

}
