// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.server;

import io.cadc4j.core.spi.HttpHeaders;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A request as the {@link StandInServer} received it: method, URI, headers, and its body reduced to
 * a size, a CRC-32 computed while it was read, and its first {@link #PREFIX_LIMIT} bytes. Whatever the
 * size of an upload, only that prefix is kept.
 *
 * <p>Over HTTPS it also keeps the subject of the client certificate the TLS session verified, if
 * any, so a test can tell which requests presented one.
 *
 * <p>Also carries the outcome of the answer ({@link #sent()}), known once the responder is done.
 *
 * <p>Thread-safe: immutable apart from the outcome future.
 */
public final class RecordedRequest {
    /** How many leading body bytes are kept for assertions. */
    public static final int PREFIX_LIMIT = 256 * 1024;

    private final String method;
    private final URI uri;
    private final HttpHeaders headers;
    private final long bodySize;
    private final long bodyCrc32;
    private final byte[] bodyPrefix;
    private final String clientSubject;
    private final CompletableFuture<SentBody> sent = new CompletableFuture<>();

    RecordedRequest(String method, URI uri, HttpHeaders headers, long bodySize, long bodyCrc32, byte[] bodyPrefix,
            String clientSubject) {
        this.method = Objects.requireNonNull(method, "method");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.headers = Objects.requireNonNull(headers, "headers");
        this.bodySize = bodySize;
        this.bodyCrc32 = bodyCrc32;
        this.bodyPrefix = bodyPrefix.clone();
        this.clientSubject = clientSubject;
    }

    /**
     * The subject of the client certificate presented on the TLS connection this request came on.
     *
     * @return the distinguished name (RFC 2253), or empty over plain HTTP or when the client
     *     presented none
     */
    public Optional<String> clientCertificateSubject() {
        return Optional.ofNullable(clientSubject);
    }

    /**
     * The request method.
     *
     * @return e.g. {@code GET}
     */
    public String method() {
        return method;
    }

    /**
     * The request URI as the server saw it: path and query, no scheme or host.
     *
     * @return the request URI
     */
    public URI uri() {
        return uri;
    }

    /**
     * The path of the request URI.
     *
     * @return the path
     */
    public String path() {
        return uri.getPath();
    }

    /**
     * The header fields received.
     *
     * @return the headers
     */
    public HttpHeaders headers() {
        return headers;
    }

    /**
     * How many body bytes arrived (after any chunked transfer coding was removed).
     *
     * @return the size; 0 for no body
     */
    public long bodySize() {
        return bodySize;
    }

    /**
     * The CRC-32 of the whole body, computed while it was read.
     *
     * @return the checksum value
     */
    public long bodyCrc32() {
        return bodyCrc32;
    }

    /**
     * The first {@link #PREFIX_LIMIT} bytes of the body (all of it when smaller).
     *
     * @return a copy of the bytes
     */
    public byte[] bodyPrefix() {
        return bodyPrefix.clone();
    }

    /**
     * Whether the whole body was kept ({@link #bodyPrefix()} is all of it).
     *
     * @return true when the body is at most {@link #PREFIX_LIMIT} bytes
     */
    public boolean isBodyComplete() {
        return bodySize == bodyPrefix.length;
    }

    /**
     * The body as UTF-8 text, for small bodies.
     *
     * @return the text
     * @throws IllegalStateException if the body was larger than {@link #PREFIX_LIMIT}
     */
    public String bodyText() {
        if (!isBodyComplete()) {
            throw new IllegalStateException("the body of " + this + " was " + bodySize + " bytes; only "
                    + bodyPrefix.length + " were kept");
        }
        return new String(bodyPrefix, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * What the server sent back, once the responder has finished (completed or aborted).
     *
     * @return a future of the outcome
     */
    public CompletableFuture<SentBody> sent() {
        return sent;
    }

    /**
     * Waits for {@link #sent()}.
     *
     * @param seconds the longest wait
     * @return the outcome
     * @throws IllegalStateException if it does not come in time
     * @throws InterruptedException if interrupted while waiting
     */
    public SentBody awaitSent(long seconds) throws InterruptedException {
        try {
            return sent.get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the responder of " + this + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the responder of " + this + " did not finish within " + seconds + " s", e);
        }
    }

    @Override
    public String toString() {
        return method + " " + uri + " (" + bodySize + " body bytes)";
    }
}
