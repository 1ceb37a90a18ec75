// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * One request being answered by the {@link StandInServer}: the request as recorded, and the means
 * to send headers and stream a body, with the faults tests need (abort mid-body, stall).
 *
 * <p>Single-threaded: used by the thread that runs the {@link Responder}.
 */
public final class Exchange {
    private final HttpExchange exchange;
    private final RecordedRequest request;
    private final StandInServer server;
    private final CRC32 crc = new CRC32();
    private int status;
    private long written;
    private OutputStream body;

    Exchange(HttpExchange exchange, RecordedRequest request, StandInServer server) {
        this.exchange = exchange;
        this.request = request;
        this.server = server;
    }

    /**
     * The request as received.
     *
     * @return the recorded request
     */
    public RecordedRequest request() {
        return request;
    }

    /**
     * The server answering, for building URIs (redirect targets) or waiting on its stall latch.
     *
     * @return the server
     */
    public StandInServer server() {
        return server;
    }

    /**
     * Adds a response header; call before {@link #sendHeaders}.
     *
     * @param name the field name
     * @param value the value
     * @return this exchange
     */
    public Exchange header(String name, String value) {
        exchange.getResponseHeaders().add(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Sends the status line and headers.
     *
     * @param status the status code
     * @param contentLength the body length: {@code >= 0} sends {@code Content-Length}, -1 streams a
     *     chunked body of unknown length
     * @return the body stream (counted and checksummed); close it when done
     * @throws IOException if the client went away
     */
    public OutputStream sendHeaders(int status, long contentLength) throws IOException {
        if (body != null) {
            throw new IllegalStateException("headers already sent for " + request);
        }
        this.status = status;
        // com.sun.net.httpserver: 0 means chunked, -1 means no body.
        long length = contentLength < 0 ? 0 : contentLength == 0 ? -1 : contentLength;
        if (status == 204 || status == 304 || "HEAD".equals(request.method())) {
            length = -1;
        }
        exchange.sendResponseHeaders(status, length);
        body = new CountingStream(exchange.getResponseBody());
        return body;
    }

    /**
     * Sends a whole body of bytes with its length.
     *
     * @param status the status code
     * @param bytes the body
     * @throws IOException if the client went away
     */
    public void send(int status, byte[] bytes) throws IOException {
        try (OutputStream out = sendHeaders(status, bytes.length)) {
            out.write(bytes);
        }
    }

    /**
     * Flushes what was written and drops the connection without finishing the answer: the client
     * sees a body shorter than announced (or, before any headers, no answer at all).
     *
     * @throws AbortedConnection always, which the server turns into closing the connection
     */
    public void abortConnection() {
        try {
            if (body != null) {
                body.flush();
            }
        } catch (IOException e) {
            // The client is already gone: the abort happens anyway.
        }
        throw new AbortedConnection();
    }

    /**
     * Blocks until the server releases its stalled requests (when it closes, or on
     * {@link StandInServer#releaseStalls()}), at most a minute.
     *
     * @throws IOException if interrupted
     */
    public void stall() throws IOException {
        server.awaitStallRelease();
    }

    /**
     * The absolute URI of a path on this server, addressed as {@code 127.0.0.1}.
     *
     * @param path an absolute path, e.g. {@code /target}
     * @return the URI
     */
    public URI uri(String path) {
        return server.uri(path);
    }

    SentBody outcome(boolean complete) {
        return new SentBody(status, written, crc.getValue(), complete);
    }

    /**
     * Thrown by {@link #abortConnection()}; the server closes the connection when it sees it.
     * Immutable.
     */
    public static final class AbortedConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AbortedConnection() {
            super("connection aborted on purpose by the stand-in server", null, false, false);
        }
    }

    /** Counts and checksums what a responder writes. */
    private final class CountingStream extends FilterOutputStream {
        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            crc.update(b);
            written++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            crc.update(b, off, len);
            written += len;
        }
    }
}
