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

    CellException(String message) {
        this(message, false);
    }

    CellException(String message, boolean streamText) {
        super(message, null, false, false);
        this.streamText = streamText;
    }

    CellException(String message, Throwable cause) {
        super(message, cause, false, false);
        this.streamText = false;
    }
}
