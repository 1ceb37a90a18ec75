// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

/**
 * A cell could not be decoded; the cursor turns it into a protocol violation that says where.
 * Internal, never escapes the reader. Immutable once thrown.
 */
final class CellException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Whether the STREAM's text is at fault (not base64, cut short), not the bytes of a cell. */
    final boolean streamText;
    /** The line, column and byte offset in the document of the first bad character, or null if not known. */
    final long[] place;
    /** Whether the bad byte is the last one read (a boolean element), not the first of the cell. */
    final boolean lastByteRead;

    CellException(String message) {
        this(message, false);
    }

    CellException(String message, boolean streamText) {
        this(message, streamText, null);
    }

    CellException(String message, boolean streamText, long[] place) {
        this(message, streamText, place, false);
    }

    private CellException(String message, boolean streamText, long[] place, boolean lastByteRead) {
        super(message, null, false, false);
        this.streamText = streamText;
        this.place = place;
        this.lastByteRead = lastByteRead;
    }

    CellException(String message, Throwable cause) {
        super(message, cause, false, false);
        this.streamText = false;
        this.place = null;
        this.lastByteRead = false;
    }

    /**
     * A cell whose bad byte is the one just read, wherever it is in the cell.
     *
     * @param message what is wrong
     * @return the exception
     */
    static CellException atLastByteRead(String message) {
        return new CellException(message, false, null, true);
    }
}
