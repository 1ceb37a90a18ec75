// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core;

import java.net.URI;
import java.time.Duration;

/**
 * The caller is known but not allowed to do this (HTTP 403).
 *
 * <p>Typical causes: proprietary data, a job owned by someone else, an anonymous job listing at CADC.
 *
 * <p>Immutable and thread-safe.
 */
public class AuthorizationException extends ServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for an HTTP answer.
     *
     * @param status the HTTP status code
     * @param serverMessage the server's text (may be empty, never null)
     * @param requestUri the URI that answered, or null
     * @param retryAfter the server's {@code Retry-After} delay, or null
     * @param cause the underlying failure, or null
     */
    public AuthorizationException(int status, String serverMessage, URI requestUri, Duration retryAfter, Throwable cause) {
        super(status, serverMessage, requestUri, retryAfter, cause);
    }

    /**
     * Creates the exception with a message of its own (no HTTP status involved, or one the message
     * already describes).
     *
     * @param message the whole message
     * @param status the HTTP status code, or 0 when no HTTP answer was involved
     * @param requestUri the URI concerned, or null
     * @param cause the underlying failure, or null
     */
    public AuthorizationException(String message, int status, URI requestUri, Throwable cause) {
        super(message, status, "", requestUri, null, cause);
    }
}
