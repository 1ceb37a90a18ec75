// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core;

import java.net.URI;

/**
 * An operation took longer than its deadline: connecting, waiting for response headers, waiting
 * for the next bytes of a body, or waiting for a UWS job to finish. Transient.
 *
 * <p>Named so as not to clash with {@code java.util.concurrent.TimeoutException}.
 *
 * <p>Immutable and thread-safe.
 */
public class CadcTimeoutException extends CadcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what timed out and after how long
     * @param requestUri the request concerned, or null
     * @param cause the underlying failure, or null
     */
    public CadcTimeoutException(String message, URI requestUri, Throwable cause) {
        super(message, requestUri, true, cause);
    }
}
