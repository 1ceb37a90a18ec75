// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A fixed answer: status, headers, a body, optionally gzip- or deflate-encoded, chunked, or sent
 * after a delay. Each change returns a new reply.
 *
 * <pre>{@code
 * server.route("GET", "/busy", Reply.status(503).header("Retry-After", "120").text("try later"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Reply implements Responder {
    private final int status;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;
    private final String coding;
    private final boolean chunked;
    private final Duration delay;

    private Reply(int status, List<Map.Entry<String, String>> headers, byte[] body, String coding, boolean chunked,
            Duration delay) {
        this.status = status;
        this.headers = List.copyOf(headers);
        this.body = body;
        this.coding = coding;
        this.chunked = chunked;
        this.delay = delay;
    }

    /**
     * An answer with a status and no body.
     *
     * @param status the status code
     * @return the reply
     */
    public static Reply status(int status) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("not a status: " + status);
        }
        return new Reply(status, List.of(), new byte[0], null, false, Duration.ZERO);
    }

    /**
     * A 200 answer with no body yet.
     *
     * @return the reply
     */
    public static Reply ok() {
        return status(200);
    }

    /**
     * Adds a response header.
     *
     * @param name the field name
     * @param value the value
     * @return a new reply
     */
    public Reply header(String name, String value) {
        List<Map.Entry<String, String>> h = new ArrayList<>(headers);
        h.add(Map.entry(name, value));
        return new Reply(status, h, body, coding, chunked, delay);
    }

    /**
     * Sets a body of bytes and its {@code Content-Type}.
     *
     * @param contentType the media type
     * @param bytes the body
     * @return a new reply
     */
    public Reply body(String contentType, byte[] bytes) {
        return new Reply(status, headers, bytes.clone(), coding, chunked, delay).header("Content-Type", contentType);
    }

    /**
     * Sets a UTF-8 text body ({@code text/plain; charset=utf-8}).
     *
     * @param text the body
     * @return a new reply
     */
    public Reply text(String text) {
        return body("text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends the body gzip-encoded, with {@code Content-Encoding: gzip}.
     *
     * @return a new reply
     */
    public Reply gzip() {
        return new Reply(status, headers, body, "gzip", chunked, delay);
    }

    /**
     * Sends the body deflate-encoded (zlib, RFC 1950), with {@code Content-Encoding: deflate}.
     *
     * @return a new reply
     */
    public Reply deflate() {
        return new Reply(status, headers, body, "deflate", chunked, delay);
    }

    /**
     * Sends the body chunked, without {@code Content-Length}.
     *
     * @return a new reply
     */
    public Reply chunked() {
        return new Reply(status, headers, body, coding, true, delay);
    }

    /**
     * Waits before answering.
     *
     * @param delay how long
     * @return a new reply
     */
    public Reply after(Duration delay) {
        return new Reply(status, headers, body, coding, chunked, Objects.requireNonNull(delay, "delay"));
    }

    @Override
    public void respond(Exchange exchange) throws IOException {
        if (!delay.isZero()) {
            try {
                // Fault injection: a slow server, not a test waiting for something.
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while delaying " + exchange.request());
            }
        }
        headers.forEach(h -> exchange.header(h.getKey(), h.getValue()));
        byte[] bytes = body;
        if (coding != null) {
            exchange.header("Content-Encoding", coding);
            bytes = encode(body, coding);
        }
        if (bytes.length == 0 && !chunked) {
            exchange.sendHeaders(status, 0).close();
            return;
        }
        try (OutputStream out = exchange.sendHeaders(status, chunked ? -1 : bytes.length)) {
            out.write(bytes);
        }
    }

    private static byte[] encode(byte[] bytes, String coding) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (OutputStream z = "gzip".equals(coding) ? new GZIPOutputStream(buf) : new DeflaterOutputStream(buf)) {
            z.write(bytes);
        }
        return buf.toByteArray();
    }

    @Override
    public String toString() {
        return "Reply[" + status + ", " + body.length + " bytes" + (coding == null ? "" : ", " + coding) + "]";
    }
}
