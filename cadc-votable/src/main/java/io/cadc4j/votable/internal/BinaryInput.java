// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Big-endian primitive reads over the decoded bytes of a BINARY or BINARY2 stream, through a
 * buffer. The bytes of the current row stay where they are until the next {@link #startRow()}:
 * instead of moving what is left to the front of its buffer, the input moves it to another array
 * and leaves the first one as it was, so a cell may keep pointing into {@link #buffer()} for as
 * long as its row lasts. Single-threaded.
 */
final class BinaryInput {
    private static final int SIZE = 16 * 1024;
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final InputStream in;
    private byte[] buf;
    /** The array used before the last move, taken again at the next move of a later row. */
    private byte[] spare;
    /** Whether the current row has moved to another array: its first bytes are in the spare one. */
    private boolean movedInRow;
    private int pos;
    private int lim;
    private long consumed;
    /** Where the current row starts in {@link #buf}: a move keeps the whole row together. */
    private int rowStart;

    BinaryInput(InputStream in) {
        this(in, SIZE);
    }

    BinaryInput(InputStream in, int size) {
        this.in = in;
        this.buf = new byte[size];
    }

    /** A row begins: the bytes of the rows before it may now be overwritten. */
    void startRow() {
        movedInRow = false;
        rowStart = pos;
    }

    /**
     * A stream of the current row's bytes from its start, then the rest of the stream: what a
     * reading of the row in another way would read. Only for a row that failed: the input is
     * not usable afterwards.
     */
    InputStream fromRowStart() {
        return new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(buf, rowStart, lim - rowStart), in);
    }

    /**
     * The current row's bytes read so far, for reading the row again. Only for a row that failed:
     * nothing may be read from this input meanwhile.
     */
    InputStream rowSoFar() {
        return new java.io.ByteArrayInputStream(buf, rowStart, pos - rowStart);
    }

    /** @return the number of decoded bytes read so far */
    long position() {
        return consumed + pos;
    }

    /** True when the stream has no more bytes; the check at a row boundary. */
    boolean atEnd() throws IOException {
        if (pos == lim) {
            rowStart = pos; // between rows: nothing to keep
        }
        return pos == lim && !fill(1);
    }

    private boolean fill(int need) throws IOException {
        if (lim - pos >= need) {
            return true;
        }
        // The rest goes to the front of another array. The current row's bytes read so far stay
        // where they are: in this array, and, if the row moved before, in the spare one, which is
        // therefore not reused within a row.
        // The row's bytes read so far go along, so that the row is whole in one array (for
        // fromRowStart); the array grows if the row does not fit.
        int kept = pos - rowStart;
        // (grows only for a row longer than the buffer: never with the number of rows)
        int size = Math.max(buf.length, kept + need);
        byte[] target = movedInRow || spare == null || spare.length < size ? new byte[size] : spare;
        System.arraycopy(buf, rowStart, target, 0, lim - rowStart);
        spare = buf;
        buf = target;
        movedInRow = true;
        consumed += rowStart;
        lim -= rowStart;
        pos = kept;
        rowStart = 0;
        while (lim - pos < need) {
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                return false;
            }
            lim += n;
        }
        return true;
    }

    private void require(int n) throws IOException {
        if (lim - pos < n && !fill(n)) {
            throw new EOFException("the stream ended inside a cell, " + (lim - pos) + " of " + n + " bytes present");
        }
    }

    /** Whether the next n bytes are in the buffer, reading more if they fit; false at the end. */
    boolean buffered(int n) throws IOException {
        return lim - pos >= n || n <= buf.length && fill(n);
    }

    byte[] buffer() {
        return buf;
    }

    int bufferPosition() {
        return pos;
    }

    /** Skips n bytes known to be in the buffer ({@link #buffered}). */
    void skipBuffered(int n) {
        pos += n;
    }

    int readUnsignedByte() throws IOException {
        require(1);
        return buf[pos++] & 0xff;
    }

    short readShort() throws IOException {
        require(2);
        short v = (short) SHORTS.get(buf, pos);
        pos += 2;
        return v;
    }

    int readInt() throws IOException {
        require(4);
        int v = (int) INTS.get(buf, pos);
        pos += 4;
        return v;
    }

    long readLong() throws IOException {
        require(8);
        long v = (long) LONGS.get(buf, pos);
        pos += 8;
        return v;
    }

    float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    /** Reads exactly n bytes into dst. */
    void readFully(byte[] dst, int off, int n) throws IOException {
        if (lim - pos >= n) {
            System.arraycopy(buf, pos, dst, off, n);
            pos += n;
            return;
        }
        while (n > 0) {
            if (pos == lim && !fill(1)) {
                throw new EOFException("the stream ended inside a cell, " + n + " more bytes expected");
            }
            int k = Math.min(n, lim - pos);
            System.arraycopy(buf, pos, dst, off, k);
            pos += k;
            off += k;
            n -= k;
        }
    }
}
