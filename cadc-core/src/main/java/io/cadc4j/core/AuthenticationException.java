// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core;

import java.net.URI;
import java.time.Duration;

/**
 * The service did not accept the credentials, or wanted some and got none (HTTP 401, a failed login).
 *
 * <p>Typical causes: a wrong password, an expired token or certificate, a login endpoint answering 400 or 401.
 *
 * <p>Immutable and thread-safe.
 */
public class AuthenticationException extends ServiceException {
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
    public AuthenticationException(int status, String serverMessage, URI requestUri, Duration retryAfter, Throwable cause) {
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
    public AuthenticationException(String message, int status, URI requestUri, Throwable cause) {
        super(message, status, "", requestUri, null, cause);
    }
}
