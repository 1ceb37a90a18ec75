// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import io.cadc4j.core.table.ArraySize;
import io.cadc4j.core.table.Datatype;
import io.cadc4j.core.table.Field;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The decoder and current value of one column, built once per FIELD from its datatype, arraysize
 * and {@code VALUES/@null} (the row loop calls it with no type switches). Holds the value of the
 * current row only. Single-threaded.
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

    /** A scalar boolean. */
    static final class BooleanColumn extends Column {
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
                throw new CellException(String.format("byte 0x%02x is not a VOTable boolean", c));
        }
    }

    /** A scalar bit: one byte in BINARY, the value in its top bit. */
    static final class BitColumn extends Column {
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

    /** A scalar unsignedByte, short, int or long, with its VALUES null. */
    static final class IntegerColumn extends Column {
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

    /** A scalar float or double; NaN is null. */
    static final class RealColumn extends Column {
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

    /**
     * char or unicodeChar of any arraysize: the whole cell as one String. In BINARY a fixed-size
     * string is cut at its first NUL and right-trimmed; a string with no characters is null in
     * TABLEDATA and BINARY, and the empty string in BINARY2 (whose null flag alone says null).
     * char bytes are read as UTF-8 with replacement (DIGEST 7.9). The cell is kept as the bytes or
     * characters it came in (a binary {@code char*} cell's bytes where they lie in the input's
     * buffer, anything else in buffers of the column reused from row to row): the String is made
     * only when asked for, and {@link #text()} reads the characters without one.
     */
    static final class StringColumn extends Column {
        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
                ByteOrder.LITTLE_ENDIAN);
        /** The low k bytes of a long, k = min(len, 8), by cell length len up to 16. */
        private static final long[] LOW = new long[17];
        /** The low k bytes of a long, k = max(len - 8, 0), by cell length len up to 16. */
        private static final long[] HIGH = new long[17];

        static {
            for (int len = 0; len <= 16; len++) {
                LOW[len] = lowBytes(Math.min(len, 8));
                HIGH[len] = lowBytes(Math.max(len - 8, 0));
            }
        }

        private final boolean unicode;
        private final ArraySize shape;
        private final int firstDim;
        /** Whether the size is known from the FIELD (a scalar or fixed arraysize), not from a length prefix. */
        private final boolean fixed;
        /** Characters per item: 1 for a scalar, the product of the fixed dimensions otherwise. */
        private final long itemElements;
        /** Room for a cell's bytes that are not in the input's buffer. */
        private byte[] bytes = new byte[64];
        /** The UTF-8 bytes of the cell while {@link #inBytes}: the input's buffer or {@link #bytes}. */
        private byte[] source;
        /** Where the cell's bytes start in {@link #source}. */
        private int offset;
        /** The characters of the cell while not {@link #inBytes}. */
        private char[] chars = new char[64];
        /** Bytes or characters of the cell in use. */
        private int length;
        /** Whether the cell is held as UTF-8 bytes (a binary char cell). */
        private boolean inBytes;
        /** Whether the bytes are known to be ASCII, one char each. */
        private boolean ascii;
        /** The cell as a String once made, until the next cell. */
        private String value;
        /** Whether a cell of no characters is null: in every serialization but BINARY2. */
        private boolean emptyIsNull = true;
        private final AsciiView asciiView = new AsciiView(this);
        private final CharView charView = new CharView(this);

        StringColumn(Field f, int index, int maxElements) {
            super(f, index, maxElements);
            this.unicode = f.type() == Datatype.UNICODE_CHAR;
            this.shape = f.shape();
            this.firstDim = shape.dimensionCount() >= 2 ? shape.dimension(0) : -1;
            this.fixed = !shape.isVariable();
            this.itemElements = shape.isScalar() ? 1 : shape.itemElements();
        }

        @Override
        void parseText(char[] b, int off, int len) {
            if (chars.length < len) {
                chars = new char[Math.max(len, chars.length * 2)];
            }
            System.arraycopy(b, off, chars, 0, len);
            held(len, false);
        }

        private void held(int n, boolean asBytes) {
            length = n;
            inBytes = asBytes;
            ascii = false;
            value = null;
            isNull = n == 0 && emptyIsNull;
        }

        @Override
        void flagsDecideNulls() {
            emptyIsNull = false;
        }

        /**
         * The usual cell, a {@code char*} whose bytes are in the input's buffer, in a method small
         * enough to be inlined into the row loop (the whole of it is not); the rest in
         * {@link #readOther}.
         */
        @Override
        void readBinary(BinaryInput in) throws IOException {
            if (fixed) {
                readOther(in, -1);
                return;
            }
            int n = in.readInt();
            if (!unicode && n >= 0 && n <= maxElements && itemElements == 1 && in.buffered(n)) {
                // no copy: the input keeps the row's bytes in place until the next row
                source = in.buffer();
                offset = in.bufferPosition();
                in.skipBuffered(n);
                held(n, true);
                return;
            }
            readOther(in, n);
        }

        /** Any other cell; prefix is the length prefix already read, or -1 for a fixed size. */
        private void readOther(BinaryInput in, int prefix) throws IOException {
            long count;
            boolean fixed = this.fixed;
            if (fixed) {
                count = itemElements;
            } else {
                int n = prefix;
                if (n < 0) {
                    throw new CellException("negative length prefix " + n);
                }
                count = (long) n * itemElements;
            }
            if (count > maxElements) {
                throw new CellException("length " + count + " exceeds the array element limit " + maxElements);
            }
            int n = (int) count;
            if (unicode) {
                int nb = n * 2;
                ensure(nb);
                in.readFully(bytes, 0, nb);
                if (chars.length < n) {
                    chars = new char[Math.max(n, chars.length * 2)];
                }
                for (int i = 0; i < n; i++) {
                    chars[i] = (char) ((bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff);
                }
                held(fixed ? cut(chars, n) : n, false);
                return;
            }
            byte[] b;
            int at;
            if (in.buffered(n)) {
                // no copy: the input keeps the row's bytes in place until the next row
                b = in.buffer();
                at = in.bufferPosition();
                in.skipBuffered(n);
            } else {
                ensure(n);
                in.readFully(bytes, 0, n);
                b = bytes;
                at = 0;
            }
            int end = n;
            if (fixed) {
                end = 0;
                while (end < n && b[at + end] != 0) {
                    end++;
                }
                while (end > 0 && b[at + end - 1] == ' ') {
                    end--;
                }
            }
            source = b;
            offset = at;
            held(end, true);
        }

        private static int cut(char[] c, int n) {
            int end = 0;
            while (end < n && c[end] != 0) {
                end++;
            }
            while (end > 0 && c[end - 1] == ' ') {
                end--;
            }
            return end;
        }

        private void ensure(int n) {
            if (bytes.length < n) {
                bytes = new byte[Math.max(n, bytes.length * 2)];
            }
        }

        @Override
        void setNull() {
            held(0, false);
            isNull = true;
        }

        @Override
        String getString() {
            if (isNull) {
                return null;
            }
            String v = value;
            if (v == null) {
                // the JDK's UTF-8 decoder has an intrinsic fast path for ASCII, and replaces malformed input
                v = inBytes ? new String(source, offset, length, StandardCharsets.UTF_8) : new String(chars, 0, length);
                value = v;
            }
            return v;
        }

        /** The cell's characters without a String: a view valid until the next cell; null when null. */
        CharSequence text() {
            if (isNull) {
                return null;
            }
            if (inBytes && (ascii || isAscii(source, offset, length))) {
                ascii = true;
                return asciiView.of(source, offset, length);
            }
            // multi-byte UTF-8: the String, made once for the cell, is itself the view
            return inBytes ? getString() : charView.of(chars, length);
        }

        @Override
        Object getObject() {
            if (isNull) {
                return null;
            }
            String value = getString();
            if (firstDim > 0) {
                int n = (value.length() + firstDim - 1) / firstDim;
                String[] parts = new String[n];
                for (int i = 0; i < n; i++) {
                    String p = value.substring(i * firstDim, Math.min(value.length(), (i + 1) * firstDim));
                    int e = p.length();
                    while (e > 0 && (p.charAt(e - 1) == ' ' || p.charAt(e - 1) == 0)) {
                        e--;
                    }
                    parts[i] = p.substring(0, e);
                }
                return parts;
            }
            return value;
        }

        /**
         * Whether no byte of {@code b[off, off + len)} has its top bit set. A cell of up to 48
         * bytes, when the array has that many from its start, is checked in straight-line code:
         * whole eight-byte reads, masked to the cell by tables (no shift by a variable count, no
         * loop whose end depends on the length). Longer cells take a loop in a method of its own.
         * This runs once for every text cell a caller reads, inlined into the caller: with
         * shifts by the length and a loop for cells over 16 bytes it was about a tenth of the
         * time of reading a CAOM2-shaped BINARY2 table (measured by leaving it out); in this form
         * that table reads about 3 % faster. Package-private for its test.
         */
        static boolean isAscii(byte[] b, int off, int len) {
            if (len <= 16 && off + 16 <= b.length) {
                // little-endian: the cell's first bytes are the low bytes of each long
                long v = (long) LONGS.get(b, off) & LOW[len] | (long) LONGS.get(b, off + 8) & HIGH[len];
                return (v & 0x8080_8080_8080_8080L) == 0;
            }
            if (len <= 48 && off + 48 <= b.length) {
                // straight-line code, no loop whose end depends on the length
                int k = len - 16;
                long v = (long) LONGS.get(b, off) | (long) LONGS.get(b, off + 8)
                        | (long) LONGS.get(b, off + 16) & LOW[Math.min(k, 16)]
                        | (long) LONGS.get(b, off + 24) & HIGH[Math.min(k, 16)]
                        | (long) LONGS.get(b, off + 32) & LOW[Math.max(k - 16, 0)]
                        | (long) LONGS.get(b, off + 40) & HIGH[Math.max(k - 16, 0)];
                return (v & 0x8080_8080_8080_8080L) == 0;
            }
            return isAsciiLong(b, off, len);
        }

        /** {@link #isAscii} for any length: eight bytes at a time, the last eight overlapping. */
        private static boolean isAsciiLong(byte[] b, int off, int len) {
            if (len < 8) {
                int or = 0;
                for (int i = off, end = off + len; i < end; i++) {
                    or |= b[i];
                }
                return or >= 0;
            }
            int last = off + len - 8;
            long or = (long) LONGS.get(b, last);
            for (int i = off; i < last; i += 8) {
                or |= (long) LONGS.get(b, i);
            }
            return (or & 0x8080_8080_8080_8080L) == 0;
        }

        /** A mask of the low k bytes of a long, 0 <= k <= 8 (two shifts: a shift by 64 would be by 0). */
        private static long lowBytes(int k) {
            return ~(-1L << (k << 2) << (k << 2));
        }

        /**
         * The characters of the current cell, valid until the next: what the two views share.
         * There are two, each without a branch per character, so that a caller's loop over the
         * characters compiles to little code.
         */
        private abstract static class View implements CharSequence {
            private final StringColumn owner;
            int length;

            View(StringColumn owner) {
                this.owner = owner;
            }

            @Override
            public final int length() {
                return length;
            }

            @Override
            public final CharSequence subSequence(int start, int end) {
                return toString().substring(start, end);
            }

            @Override
            public final String toString() {
                return owner.getString();
            }
        }

        /** A cell of ASCII bytes (a binary char cell), one char per byte. */
        private static final class AsciiView extends View {
            private byte[] bytes;
            private int offset;

            AsciiView(StringColumn owner) {
                super(owner);
            }

            CharSequence of(byte[] b, int off, int len) {
                bytes = b;
                offset = off;
                length = len;
                return this;
            }

            @Override
            public char charAt(int index) {
                Objects.checkIndex(index, length);
                return (char) bytes[offset + index];
            }
        }

        /** A cell held as characters (TABLEDATA, unicodeChar). */
        private static final class CharView extends View {
            private char[] chars;

            CharView(StringColumn owner) {
                super(owner);
            }

            CharSequence of(char[] c, int len) {
                chars = c;
                length = len;
                return this;
            }

            @Override
            public char charAt(int index) {
                Objects.checkIndex(index, length);
                return chars[index];
            }
        }
    }

    /*
     * Bounded arrays (n*) are not held to their bound: writers such as astropy exceed it, and the
     * element limit already bounds memory.
     */

    /**
     * Numeric, boolean and bit arrays and complex values of any shape, in reused primitive buffers;
     * with no elements (an empty TD, a zero-length variable array) or a scalar complex with a NaN
     * part is null, but in BINARY2, where only the flag is. Element magic values and NaNs stay as
     * values: an array of nulls is not a null array.
     */
    static final class ArrayColumn extends Column {
        private final Datatype type;
        private final ArraySize shape;
        private final int perItem;
        private final boolean variable;
        private final boolean wide;
        /** A scalar floatComplex or doubleComplex: null when either part is NaN (but in BINARY2). */
        private final boolean scalarComplex;
        /**
         * Whether no elements (an empty TD, a zero-length variable array) or a scalar complex with a
         * NaN part is null: in every serialization but BINARY2.
         */
        private boolean contentNulls = true;
        private long[] longs = new long[16];
        private double[] doubles = new double[16];
        private int count;

        ArrayColumn(Field f, int index, int maxElements) {
            super(f, index, maxElements);
            this.type = f.type();
            this.shape = f.shape();
            this.perItem = (int) shape.itemElements() * (type.isComplex() ? 2 : 1);
            this.variable = shape.isVariable();
            this.wide = type.isFloatingPoint();
            this.scalarComplex = type.isComplex() && shape.isScalar();
        }

        @Override
        void flagsDecideNulls() {
            contentNulls = false;
        }

        /** Whether the cell just read is null by its content (not by a flag). */
        private boolean nullByContent(int n) {
            if (!contentNulls) {
                return false;
            }
            return n == 0 || scalarComplex && (Double.isNaN(doubles[0]) || Double.isNaN(doubles[1]));
        }

        private void ensure(int n) {
            if (n > maxElements) {
                throw new CellException(n + " array elements exceed the limit " + maxElements);
            }
            if (wide) {
                if (doubles.length < n) {
                    doubles = Arrays.copyOf(doubles, Math.max(n, doubles.length * 2));
                }
            } else if (longs.length < n) {
                longs = Arrays.copyOf(longs, Math.max(n, longs.length * 2));
            }
        }

        @Override
        void parseText(char[] b, int off, int len) {
            int end = off + len;
            int n = 0;
            int i = off;
            while (true) {
                while (i < end && (b[i] <= ' ' || b[i] == ',' && n > 0)) {
                    i++;
                }
                if (i == end) {
                    break;
                }
                int s = i;
                if (type == Datatype.BIT) {
                    i++;
                } else {
                    while (i < end && b[i] > ' ') {
                        i++;
                    }
                }
                ensure(n + 1);
                parseElement(b, s, i - s, n++);
            }
            setCount(n);
        }

        private void parseElement(char[] b, int s, int len, int at) {
            switch (type) {
                case FLOAT:
                case FLOAT_COMPLEX:
                    doubles[at] = Numbers.parseFloat(b, s, len);
                    break;
                case DOUBLE:
                case DOUBLE_COMPLEX:
                    doubles[at] = Numbers.parseDouble(b, s, len);
                    break;
                case BOOLEAN:
                    longs[at] = parseBoolean(b, s, len) > 0 ? 1 : 0;
                    break;
                case BIT:
                    if (b[s] != '0' && b[s] != '1') {
                        throw new CellException("not a bit: '" + b[s] + "'");
                    }
                    longs[at] = b[s] - '0';
                    break;
                default:
                    long v = Numbers.parseLong(b, s, len);
                    if (type == Datatype.UNSIGNED_BYTE && (v < 0 || v > 255) || type == Datatype.SHORT && v != (short) v
                            || type == Datatype.INT && v != (int) v) {
                        throw new CellException("'" + new String(b, s, Math.min(len, 40)) + "' is out of range for "
                                + type);
                    }
                    longs[at] = v;
                    break;
            }
        }

        private void setCount(int n) {
            if (shape.isVariable()) {
                if (n % perItem != 0) {
                    throw new CellException(n + " elements do not make whole items of " + perItem + " for arraysize "
                            + shape.text());
                }
            } else if (n != 0 && n != perItem) {
                throw new CellException(n + " elements where arraysize " + (shape.isScalar() ? "(scalar)"
                        : shape.text()) + " of " + type + " needs " + perItem);
            }
            count = n;
            isNull = nullByContent(n);
        }

        @Override
        void readBinary(BinaryInput in) throws IOException {
            int n;
            if (variable) {
                int items = in.readInt();
                if (items < 0) {
                    throw new CellException("negative length prefix " + items);
                }
                long total = (long) items * perItem;
                if (total > maxElements) {
                    throw new CellException("length prefix " + items + " means " + total
                            + " elements, over the array element limit " + maxElements);
                }
                n = (int) total;
            } else {
                n = perItem;
            }
            ensure(n);
            switch (type) {
                case FLOAT:
                case FLOAT_COMPLEX:
                    for (int i = 0; i < n; i++) {
                        doubles[i] = in.readFloat();
                    }
                    break;
                case DOUBLE:
                case DOUBLE_COMPLEX:
                    for (int i = 0; i < n; i++) {
                        doubles[i] = in.readDouble();
                    }
                    break;
                case BOOLEAN:
                    for (int i = 0; i < n; i++) {
                        longs[i] = binaryBoolean(in.readUnsignedByte()) > 0 ? 1 : 0;
                    }
                    break;
                case BIT:
                    int bytesNeeded = (n + 7) / 8;
                    int bit = 0;
                    for (int k = 0; k < bytesNeeded; k++) {
                        int by = in.readUnsignedByte();
                        for (int j = 7; j >= 0 && bit < n; j--) {
                            longs[bit++] = by >> j & 1;
                        }
                    }
                    break;
                case UNSIGNED_BYTE:
                    for (int i = 0; i < n; i++) {
                        longs[i] = in.readUnsignedByte();
                    }
                    break;
                case SHORT:
                    for (int i = 0; i < n; i++) {
                        longs[i] = in.readShort();
                    }
                    break;
                case INT:
                    for (int i = 0; i < n; i++) {
                        longs[i] = in.readInt();
                    }
                    break;
                default:
                    for (int i = 0; i < n; i++) {
                        longs[i] = in.readLong();
                    }
                    break;
            }
            count = n;
            isNull = nullByContent(n);
        }

        @Override
        void setNull() {
            isNull = true;
            count = 0;
        }

        @Override
        boolean getBoolean() {
            if (type != Datatype.BOOLEAN && type != Datatype.BIT || shape.itemElements() != 1 || shape.isVariable()) {
                throw wrongType("a single boolean");
            }
            return !isNull && longs[0] != 0;
        }

        @Override
        String getString() {
            if (isNull) {
                return null;
            }
            StringBuilder sb = new StringBuilder(count * 8);
            for (int i = 0; i < count; i++) {
                if (i > 0 && type != Datatype.BIT) {
                    sb.append(' ');
                }
                switch (type) {
                    case FLOAT:
                    case FLOAT_COMPLEX:
                        sb.append((float) doubles[i]);
                        break;
                    case DOUBLE:
                    case DOUBLE_COMPLEX:
                        sb.append(doubles[i]);
                        break;
                    case BOOLEAN:
                        sb.append(longs[i] != 0 ? 'T' : 'F');
                        break;
                    default:
                        sb.append(longs[i]);
                        break;
                }
            }
            return sb.toString();
        }

        @Override
        Object getObject() {
            if (isNull) {
                return null;
            }
            int n = count;
            switch (type) {
                case FLOAT:
                case FLOAT_COMPLEX: {
                    float[] a = new float[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = (float) doubles[i];
                    }
                    return a;
                }
                case DOUBLE:
                case DOUBLE_COMPLEX:
                    return Arrays.copyOf(doubles, n);
                case BOOLEAN:
                case BIT: {
                    boolean[] a = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = longs[i] != 0;
                    }
                    return a;
                }
                case UNSIGNED_BYTE:
                case SHORT: {
                    short[] a = new short[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = (short) longs[i];
                    }
                    return a;
                }
                case INT: {
                    int[] a = new int[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = (int) longs[i];
                    }
                    return a;
                }
                default:
                    return Arrays.copyOf(longs, n);
            }
        }
    }
}
