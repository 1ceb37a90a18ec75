// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A service answered with an HTTP error status (4xx or 5xx) that no more specific subtype covers.
 *
 * <p>Carries the status code, the server's own text (the start of the response body, trimmed to a
 * readable length), and the {@code Retry-After} delay when the server sent one. Status 408, 429,
 * 502, 503 and 504 are transient.
 *
 * <p>Immutable and thread-safe.
 */
public class ServiceException extends CadcException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String serverMessage;
    private final transient Duration retryAfter;

    /**
     * Creates an exception for an error status.
     *
     * @param status the HTTP status code
     * @param serverMessage the server's text (may be empty, never null)
     * @param requestUri the URI that answered with the status
     * @param retryAfter the server's {@code Retry-After} delay, or null when absent
     * @param cause the underlying failure, or null
     */
    public ServiceException(int status, String serverMessage, URI requestUri, Duration retryAfter, Throwable cause) {
        super(describe(status, serverMessage, requestUri), requestUri, isTransientStatus(status), cause);
        this.status = status;
        this.serverMessage = Objects.requireNonNull(serverMessage, "serverMessage");
        this.retryAfter = retryAfter;
    }

    /**
     * Creates an exception whose message is given in full (for subtypes that describe more).
     *
     * @param message the whole message
     * @param status the HTTP status code
     * @param serverMessage the server's text (may be empty, never null)
     * @param requestUri the URI that answered with the status
     * @param retryAfter the server's {@code Retry-After} delay, or null when absent
     * @param cause the underlying failure, or null
     */
    protected ServiceException(String message, int status, String serverMessage, URI requestUri,
            Duration retryAfter, Throwable cause) {
        super(message, requestUri, isTransientStatus(status), cause);
        this.status = status;
        this.serverMessage = Objects.requireNonNull(serverMessage, "serverMessage");
        this.retryAfter = retryAfter;
    }

    /**
     * The HTTP status code the service answered with.
     *
     * @return the status code
     */
    public int status() {
        return status;
    }

    /**
     * The server's own text: the start of the error body, or empty when it sent none.
     *
     * @return the server's message, never null
     */
    public String serverMessage() {
        return serverMessage;
    }

    /**
     * The delay the server asked for in a {@code Retry-After} header.
     *
     * @return the delay, or empty when the server sent none
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Whether an HTTP status means "try again later".
     *
     * @param status an HTTP status code
     * @return true for 408, 429, 502, 503 and 504
     */
    public static boolean isTransientStatus(int status) {
        return status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
    }

    static String describe(int status, String serverMessage, URI requestUri) {
        StringBuilder sb = new StringBuilder("HTTP ").append(status);
        if (requestUri != null) {
            sb.append(" from ").append(requestUri);
        }
        if (serverMessage != null && !serverMessage.isBlank()) {
            sb.append(": ").append(serverMessage.strip());
        }
        return sb.toString();
    }
}
