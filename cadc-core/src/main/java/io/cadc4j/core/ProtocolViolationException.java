// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core;

import java.net.URI;
import java.util.OptionalLong;

/**
 * A server's answer broke the protocol: a malformed or truncated document, an HTML page where a
 * VOTable was expected, a redirect loop, a parser limit exceeded. The message says where: the
 * line and column of an XML document, the row and byte offset where a table broke off.
 *
 * <p>Named so as not to clash with {@code java.net.ProtocolException}.
 *
 * <p>Immutable and thread-safe.
 */
public class ProtocolViolationException extends CadcException {
    private static final long serialVersionUID = 1L;

    private final long line;
    private final long column;

    /**
     * Creates the exception with a location in a text document.
     *
     * @param message what was wrong
     * @param requestUri the URI the document came from, or null
     * @param line the 1-based line, or -1 when unknown
     * @param column the 1-based column, or -1 when unknown
     * @param cause the underlying failure, or null
     */
    public ProtocolViolationException(String message, URI requestUri, long line, long column, Throwable cause) {
        super(message + (line > 0 ? " (line " + line + (column > 0 ? ", column " + column : "") + ")" : ""),
                requestUri, false, cause);
        this.line = line;
        this.column = column;
    }

    /**
     * Creates the exception with no location.
     *
     * @param message what was wrong
     * @param requestUri the URI the answer came from, or null
     * @param cause the underlying failure, or null
     */
    public ProtocolViolationException(String message, URI requestUri, Throwable cause) {
        this(message, requestUri, -1, -1, cause);
    }

    /**
     * The 1-based line of the document where the violation was found.
     *
     * @return the line, or empty when unknown
     */
    public OptionalLong line() {
        return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
    }

    /**
     * The 1-based column of the document where the violation was found.
     *
     * @return the column, or empty when unknown
     */
    public OptionalLong column() {
        return column > 0 ? OptionalLong.of(column) : OptionalLong.empty();
    }
}
