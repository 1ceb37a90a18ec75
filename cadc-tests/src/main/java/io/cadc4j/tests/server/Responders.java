// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.server;

import java.io.OutputStream;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Ready-made {@link Responder}s: redirects, generated bodies of any size, and faults (truncated
 * bodies, stalls before headers or mid-body). Fixed answers are {@link Reply}s.
 *
 * <p>Every responder returned is immutable and thread-safe.
 */
public final class Responders {
    private Responders() {
    }

    /**
     * A redirect.
     *
     * @param status 301, 302, 303, 307 or 308
     * @param location the {@code Location} value, absolute or relative
     * @return the responder
     */
    public static Responder redirect(int status, String location) {
        Objects.requireNonNull(location, "location");
        return Reply.status(status).header("Location", location).text("see " + location);
    }

    /**
     * A 200 answer whose body is the first {@code size} bytes of {@link PatternBytes}, generated
     * while it is sent, never held in memory.
     *
     * @param size the body size
     * @param chunked true to send it chunked, false with {@code Content-Length}
     * @return the responder
     */
    public static Responder generated(long size, boolean chunked) {
        return exchange -> {
            exchange.header("Content-Type", "application/octet-stream");
            try (OutputStream out = exchange.sendHeaders(200, chunked ? -1 : size)) {
                PatternBytes.write(out, size);
            }
        };
    }

    /**
     * A 200 answer whose body is {@link PatternBytes} gzip-encoded while it is sent.
     *
     * @param size the decoded body size
     * @return the responder
     */
    public static Responder generatedGzip(long size) {
        return exchange -> {
            exchange.header("Content-Type", "application/octet-stream").header("Content-Encoding", "gzip");
            try (OutputStream out = new GZIPOutputStream(exchange.sendHeaders(200, -1), 64 * 1024)) {
                PatternBytes.write(out, size);
            }
        };
    }

    /**
     * A 200 answer that announces {@code declared} bytes, sends {@code sent} of them, then closes
     * the connection.
     *
     * @param declared the {@code Content-Length} sent
     * @param sent the bytes actually sent, fewer than declared
     * @return the responder
     */
    public static Responder truncated(long declared, long sent) {
        if (sent >= declared) {
            throw new IllegalArgumentException("sent must be less than declared");
        }
        return exchange -> {
            OutputStream out = exchange.sendHeaders(200, declared);
            PatternBytes.write(out, sent);
            exchange.abortConnection();
        };
    }

    /**
     * Receives the request and never answers (until the server releases its stalls), so that the
     * client waits for headers.
     *
     * @return the responder
     */
    public static Responder stallBeforeHeaders() {
        return exchange -> {
            exchange.stall();
            exchange.abortConnection();
        };
    }

    /**
     * Sends headers announcing {@code declared} bytes and the first {@code sent} of them, then stops
     * sending (until the server releases its stalls), so that the client waits mid-body.
     *
     * @param declared the {@code Content-Length} sent
     * @param sent the bytes sent before the stall
     * @return the responder
     */
    public static Responder stallMidBody(long declared, long sent) {
        return exchange -> {
            OutputStream out = exchange.sendHeaders(200, declared);
            PatternBytes.write(out, sent);
            out.flush();
            exchange.stall();
            exchange.abortConnection();
        };
    }

    /**
     * Answers 200 with a text summary of the request body: {@code <size> <crc32 in hex>}.
     *
     * @return the responder
     */
    public static Responder bodySummary() {
        return exchange -> Reply.ok()
                .text(exchange.request().bodySize() + " " + Long.toHexString(exchange.request().bodyCrc32()))
                .respond(exchange);
    }

    /**
     * Answers with a status and the request method and path as text.
     *
     * @param status the status code
     * @return the responder
     */
    public static Responder describe(int status) {
        return exchange -> Reply.status(status)
                .text(exchange.request().method() + " " + exchange.request().path())
                .respond(exchange);
    }

    /**
     * Fails the connection as soon as the request has arrived, before any answer.
     *
     * @return the responder
     */
    public static Responder closeWithoutAnswer() {
        return exchange -> exchange.abortConnection();
    }
}
