// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.QueryException;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.TransportException;
import io.cadc4j.core.spi.HttpHeaders;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.votable.VOTableReader;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Turns TAP answers into rows or exceptions: a VOTable (whatever the status, since DaCHS answers
 * query errors with HTTP 200 and CADC with 400, both carrying {@code QUERY_STATUS=ERROR}), or a
 * plain-text or HTML error body.
 *
 * <p>Stateless and thread-safe.
 */
final class Responses {
    /** How much of a body is looked at to tell a VOTable from an error text. */
    static final int SNIFF_BYTES = 8192;
    /** How much of the server's text goes into a message. */
    static final int MESSAGE_CHARS = 600;

    private Responses() {
    }

    /**
     * The response's body, buffered so its start can be looked at and then read again.
     *
     * @param response the response
     * @return the body
     */
    static BufferedInputStream buffered(HttpResponse response) {
        return new BufferedInputStream(response.body(), 64 * 1024);
    }

    /**
     * The first bytes of a buffered body, leaving the stream where it was.
     *
     * @param in the body
     * @param uri where it came from, for the message of a failure
     * @return up to {@link #SNIFF_BYTES} bytes
     */
    static byte[] peek(BufferedInputStream in, URI uri) {
        try {
            in.mark(SNIFF_BYTES + 1);
            byte[] head = in.readNBytes(SNIFF_BYTES);
            in.reset();
            return head;
        } catch (IOException e) {
            throw new TransportException("reading the answer of " + uri + " failed: " + e, uri, true, e);
        }
    }

    /**
     * Whether a body starts like an XML document (after a BOM and white space), or gzip data.
     *
     * @param head the first bytes
     * @return true if it may be a VOTable
     */
    static boolean looksLikeXml(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return true;
        }
        String t = new String(head, StandardCharsets.UTF_8);
        if (t.startsWith("\uFEFF")) {
            t = t.substring(1);
        }
        t = t.stripLeading();
        if (!t.startsWith("<")) {
            return false;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        return !(lower.startsWith("<!doctype html") || lower.startsWith("<html"));
    }

    /**
     * The exception for an answer with an error status: the VOTable's error text when the body is
     * a VOTable with {@code QUERY_STATUS=ERROR} (a {@link QueryException}), the matching
     * {@link ServiceException} subtype with the server's text otherwise. A 400 is a
     * refused query and so a {@link QueryException} whatever its body.
     *
     * @param response the response, closed here
     * @param reader the VOTable reader
     * @param jobId the job id, or null outside a job
     * @return the exception
     */
    static CadcException errorFor(HttpResponse response, VOTableReader reader, String jobId) {
        URI uri = response.uri();
        byte[] body;
        try (response; InputStream in = response.body()) {
            body = in.readNBytes(SNIFF_BYTES * 8);
        } catch (IOException | RuntimeException e) {
            body = new byte[0];
        }
        if (looksLikeXml(body)) {
            QueryException q = votableError(body, uri, reader, jobId);
            if (q != null) {
                return q;
            }
        }
        CadcException status = HttpPipeline.errorFor(replay(response, body));
        if (response.status() == 400) {
            String text = status instanceof ServiceException
                    ? ((ServiceException) status).serverMessage() : status.getMessage();
            return new QueryException(text, uri, jobId, status);
        }
        return status;
    }

    /** The query error a VOTable body reports, or null if it reports none. */
    static QueryException votableError(byte[] body, URI uri, VOTableReader reader, String jobId) {
        try (var rows = reader.open(new ByteArrayInputStream(body), uri)) {
            while (rows.next()) {
                // the error may follow the rows
            }
            return null;
        } catch (QueryException e) {
            return jobId == null || e.jobId().isPresent() ? e
                    : new QueryException(e.serverMessage(), uri, jobId, e);
        } catch (CadcException e) {
            return null;
        }
    }

    /**
     * The exception for a success status whose body is not a VOTable: the server's text, made
     * readable, as a {@link QueryException} (services answer refused queries this way too).
     *
     * @param head the start of the body
     * @param contentType the body's media type
     * @param uri where it came from
     * @param jobId the job id, or null
     * @return the exception
     */
    static CadcException notVotable(byte[] head, String contentType, URI uri, String jobId) {
        String text = readable(head, contentType);
        if (contentType.toLowerCase(Locale.ROOT).contains("html")) {
            return new ProtocolViolationException("expected a VOTable from " + uri + " but got an HTML page"
                    + (text.isEmpty() ? "" : ": " + text), uri, null);
        }
        return new QueryException(text.isEmpty() ? "(an empty " + contentType + " answer instead of a VOTable)" : text,
                uri, jobId, null);
    }

    /** One readable line from the start of a body: HTML loses its markup. */
    static String readable(byte[] head, String contentType) {
        String s = new String(head, StandardCharsets.UTF_8);
        if (contentType.toLowerCase(Locale.ROOT).contains("html") || s.stripLeading().startsWith("<")) {
            s = s.replaceAll("(?is)<(script|style|head)[^>]*>.*?</\\1>", " ").replaceAll("(?s)<[^>]*>", " ");
        }
        s = s.replaceAll("\\s+", " ").strip();
        return s.length() > MESSAGE_CHARS ? s.substring(0, MESSAGE_CHARS) + "..." : s;
    }

    private static HttpResponse replay(HttpResponse original, byte[] body) {
        byte[] copy = Arrays.copyOf(body, body.length);
        return new HttpResponse() {
            @Override
            public HttpRequest request() {
                return original.request();
            }

            @Override
            public int status() {
                return original.status();
            }

            @Override
            public HttpHeaders headers() {
                return original.headers();
            }

            @Override
            public InputStream body() {
                return new ByteArrayInputStream(copy);
            }

            @Override
            public URI uri() {
                return original.uri();
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
