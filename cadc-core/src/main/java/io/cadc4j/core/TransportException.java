// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core;

import java.net.URI;

/**
 * The exchange with a server failed below HTTP: the host could not be resolved or reached, the
 * connection was reset or closed early, TLS negotiation failed. Transient unless the cause says
 * otherwise (a TLS handshake failure is not transient).
 *
 * <p>Immutable and thread-safe.
 */
public class TransportException extends CadcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was being done, of which URI, and what went wrong
     * @param requestUri the request concerned, or null
     * @param transientFailure whether trying again may help
     * @param cause the underlying I/O failure, or null
     */
    public TransportException(String message, URI requestUri, boolean transientFailure, Throwable cause) {
        super(message, requestUri, transientFailure, cause);
    }
}
