// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A writer that hands its text to the byte stream only at row boundaries: what is written is held
 * until {@link #endRow()}, so a failure in the middle of a row (a connection that breaks, a cell
 * that cannot be read) leaves the output ending after the last whole row. {@link #flush()} pushes
 * nothing of an unfinished row (a JSON generator or a {@code PrintWriter} flushing into it cannot
 * split a row); the byte stream is flushed every {@value #FLUSH_BYTES} bytes of whole rows and by
 * {@link #finish()}. Text is encoded as UTF-8.
 *
 * <p>Single-threaded.
 */
final class RowBoundaryWriter extends Writer {
    /** How many bytes of whole rows are written before the byte stream is flushed. */
    static final int FLUSH_BYTES = 64 * 1024;
    private final OutputStream out;
    private final StringBuilder pending = new StringBuilder();
    private long unflushed;

    /**
     * @param out where whole rows go; flushed, never closed
     */
    RowBoundaryWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
        pending.append(cbuf, off, len);
    }

    @Override
    public void write(String str, int off, int len) {
        pending.append(str, off, off + len);
    }

    @Override
    public void write(int c) {
        pending.append((char) c);
    }

    /**
     * Ends a row (or the header): its text goes to the byte stream.
     *
     * @throws IOException if writing fails
     */
    void endRow() throws IOException {
        if (pending.length() == 0) {
            return;
        }
        byte[] bytes = pending.toString().getBytes(StandardCharsets.UTF_8);
        pending.setLength(0);
        out.write(bytes);
        unflushed += bytes.length;
        if (unflushed >= FLUSH_BYTES) {
            out.flush();
            unflushed = 0;
        }
    }

    /**
     * Ends the output: what is pending (the footer) is written and the byte stream flushed.
     *
     * @throws IOException if writing fails
     */
    void finish() throws IOException {
        endRow();
        out.flush();
        unflushed = 0;
    }

    /**
     * Drops an unfinished row and flushes the whole ones: what a failure leaves.
     *
     * @throws IOException if flushing fails
     */
    void abandon() throws IOException {
        pending.setLength(0);
        out.flush();
    }

    /** Keeps an unfinished row: only {@link #endRow()} and {@link #finish()} write. */
    @Override
    public void flush() {
    }

    /** Does nothing: the byte stream belongs to the caller. */
    @Override
    public void close() {
    }
}
