// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Objects;

/**
 * The answer to one HTTP exchange: status, header fields and a body stream that the caller reads
 * and then closes. The body arrives as it is read; nothing has buffered it whole.
 *
 * <p>Closing the response closes the body; closing it before the body is read to the end gives the
 * connection up rather than reading the rest. {@link #close()} is idempotent.
 *
 * <p>Call order: read {@link #status()} and {@link #headers()} at any time; read {@link #body()}
 * once, from one thread; then {@link #close()}. A response is single-threaded.
 */
public interface HttpResponse extends AutoCloseable {

    /**
     * The request this is the answer to (after redirects, the last one sent).
     *
     * @return the request
     */
    HttpRequest request();

    /**
     * The HTTP status code.
     *
     * @return e.g. 200, 303, 404
     */
    int status();

    /**
     * The response header fields. A transport that decoded a {@code Content-Encoding} has removed
     * that field and {@code Content-Length}, since neither describes the decoded body.
     *
     * @return the headers
     */
    HttpHeaders headers();

    /**
     * The URI that answered (the request URI, or after redirects, the last one).
     *
     * @return the URI
     */
    default URI uri() {
        return request().uri();
    }

    /**
     * The body, decoded from any {@code Content-Encoding}. A read that waits longer than the
     * request timeout throws {@link io.cadc4j.core.CadcTimeoutException}.
     *
     * @return the body stream; the same stream on every call
     */
    InputStream body();

    /**
     * Closes the body and gives up the connection if it was not read to the end. Idempotent;
     * throws nothing checked.
     */
    @Override
    void close();

    /**
     * Wraps a status, headers and a stream as a response (for transports and test doubles).
     *
     * @param request the request answered
     * @param status the status code
     * @param headers the header fields
     * @param body the body stream; closed by {@link #close()}
     * @return the response
     */
    static HttpResponse of(HttpRequest request, int status, HttpHeaders headers, InputStream body) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        return new HttpResponse() {
            private boolean closed;

            @Override
            public HttpRequest request() {
                return request;
            }

            @Override
            public int status() {
                return status;
            }

            @Override
            public HttpHeaders headers() {
                return headers;
            }

            @Override
            public InputStream body() {
                return body;
            }

            @Override
            public synchronized void close() {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    body.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("closing the response body of " + request, e);
                }
            }

            @Override
            public String toString() {
                return status + " " + request;
            }
        };
    }
}
