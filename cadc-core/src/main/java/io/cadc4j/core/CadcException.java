// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core;

import java.net.URI;
import java.util.Optional;

/**
 * The root of every failure cadc4j reports; unchecked.
 *
 * <p>A caller catches a subtype to act on one kind of failure ({@link ServiceException} for an HTTP
 * error status, {@link QueryException} for a rejected query, {@link AuthenticationException},
 * {@link CadcTimeoutException}, ...) or this type to handle them all. Every instance carries, when
 * known, the URI of the request that failed, and says whether trying again later may succeed
 * ({@link #isTransient()}), which is what a retry policy reads.
 *
 * <p>Messages say what was asked, of which URL, and what came back. They never contain a password,
 * token, cookie or key: code that builds one of these exceptions must not put secrets in it.
 *
 * <p>Instances are immutable once thrown and safe to share between threads.
 */
public class CadcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The URI of the failed request, or null when the failure happened before any request. */
    private final transient URI requestUri;
    private final boolean transientFailure;

    /**
     * Creates an exception.
     *
     * @param message what failed, readable by a person; never null
     * @param requestUri the request the failure belongs to, or null when there is none
     * @param transientFailure whether the same request may succeed if tried again later
     * @param cause the underlying failure, or null
     */
    public CadcException(String message, URI requestUri, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.requestUri = requestUri;
        this.transientFailure = transientFailure;
    }

    /**
     * Creates a non-transient exception with no request URI.
     *
     * @param message what failed, readable by a person
     */
    public CadcException(String message) {
        this(message, null, false, null);
    }

    /**
     * The URI of the request that failed.
     *
     * @return the request URI, or empty when the failure happened before any request was sent
     */
    public Optional<URI> requestUri() {
        return Optional.ofNullable(requestUri);
    }

    /**
     * Whether the same request may succeed if it is tried again later (a busy server, a reset
     * connection, a timeout). A retry policy reads this flag; a caller that does not retry can
     * ignore it.
     *
     * @return true when a later retry may succeed
     */
    public boolean isTransient() {
        return transientFailure;
    }
}
