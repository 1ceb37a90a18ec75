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
import java.util.Objects;

/**
 * char or unicodeChar of any arraysize: the whole cell as one String. In BINARY a fixed-size
 * string is cut at its first NUL and right-trimmed; a string with no characters is null in
 * TABLEDATA and BINARY, and the empty string in BINARY2 (whose null flag alone says null).
 * char bytes are read as UTF-8 with replacement (DIGEST 7.9). The cell is kept as the bytes or
 * characters it came in (a binary {@code char*} cell's bytes where they lie in the input's
 * buffer, anything else in buffers of the column reused from row to row): the String is made
 * only when asked for, and {@link #text()} reads the characters without one.
 */
final class StringColumn extends Column {
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
