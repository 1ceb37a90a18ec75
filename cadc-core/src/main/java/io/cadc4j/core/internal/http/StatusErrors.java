// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.http;

import io.cadc4j.core.AuthenticationException;
import io.cadc4j.core.AuthorizationException;
import io.cadc4j.core.CadcException;
import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.spi.HttpHeaders;
import io.cadc4j.core.spi.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table that turns an HTTP error status into an exception, with the server's text.
 * Stateless and thread-safe.
 */
public final class StatusErrors {
    /** How much of an error body is read: enough for any message, never a whole result. */
    static final int SNIPPET_BYTES = 8192;
    /** How much of the server's text goes into a message. */
    static final int MESSAGE_CHARS = 600;

    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)");

    private StatusErrors() {
    }

    /**
     * Makes the exception for a response with an error status, reading the start of its body and
     * closing it.
     *
     * @param response a response whose status is not a success
     * @return the exception to throw
     */
    public static CadcException toException(HttpResponse response) {
        String text;
        try (response) {
            text = readableText(response.headers(), readSnippet(response.body()));
        } catch (IOException | RuntimeException e) {
            text = "(the error body could not be read: " + e.getMessage() + ")";
        }
        return forStatus(response.status(), text, response.uri(), retryAfter(response.headers()));
    }

    /**
     * Makes the exception for a status and the server's text.
     *
     * @param status the HTTP status
     * @param serverText the server's text, already made readable
     * @param uri the URI that answered
     * @param retryAfter the Retry-After delay, or null
     * @return the exception
     */
    public static ServiceException forStatus(int status, String serverText, URI uri, Duration retryAfter) {
        switch (status) {
            case 401:
                return new AuthenticationException(status, serverText, uri, retryAfter, null);
            case 403:
                return new AuthorizationException(status, serverText, uri, retryAfter, null);
            case 404:
            case 410:
                return new NotFoundException(status, serverText, uri, retryAfter, null);
            default:
                return new ServiceException(status, serverText, uri, retryAfter, null);
        }
    }

    /**
     * Reads a {@code Retry-After} header: delay seconds or an HTTP date.
     *
     * @param headers response headers
     * @return the delay (never negative), or null when absent or unreadable
     */
    public static Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("Retry-After").map(String::strip).orElse("");
        if (value.isEmpty()) {
            return null;
        }
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            Instant when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(Instant.now(), when);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The message of an XML error document: the text of a VOTable's {@code QUERY_STATUS} INFO (or
     * its value when it has no text), else a UWS {@code errorSummary} message, else the document's
     * text without its markup.
     */
    static String xmlMessage(String xml) {
        return ErrorText.errorDocument(xml);
    }

    static byte[] readSnippet(InputStream in) throws IOException {
        byte[] buf = new byte[SNIPPET_BYTES];
        int n = 0;
        while (n < buf.length) {
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return java.util.Arrays.copyOf(buf, n);
    }

    /**
     * Turns the start of an error body into one readable line: an HTML page becomes its title and
     * the first sentence of its text.
     */
    static String readableText(HttpHeaders headers, byte[] bytes) {
        String contentType = headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        Charset charset = StandardCharsets.UTF_8;
        Matcher m = CHARSET.matcher(contentType);
        if (m.find()) {
            try {
                charset = Charset.forName(m.group(1));
            } catch (RuntimeException e) {
                charset = StandardCharsets.UTF_8;
            }
        }
        String text = new String(bytes, charset);
        String head = text.stripLeading().toLowerCase(Locale.ROOT);
        if (contentType.contains("html") || head.startsWith("<!doctype html") || head.startsWith("<html")) {
            text = ErrorText.htmlPage(text);
        } else if (contentType.contains("xml") || head.startsWith("<?xml") || head.startsWith("<votable")
                || head.startsWith("<uws") || head.startsWith("<vosi")) {
            text = xmlMessage(text);
        }
        text = text.replaceAll("\\s+", " ").strip();
        if (text.length() > MESSAGE_CHARS) {
            text = text.substring(0, MESSAGE_CHARS) + "...";
        }
        return text;
    }
}
