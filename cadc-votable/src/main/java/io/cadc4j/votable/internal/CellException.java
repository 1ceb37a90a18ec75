// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

/**
 * A cell could not be decoded; the cursor turns it into a protocol violation that says where.
 * Internal, never escapes the reader. Immutable once thrown.
 */
final class CellException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CellException(String message) {
        super(message, null, false, false);
    }

    CellException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
