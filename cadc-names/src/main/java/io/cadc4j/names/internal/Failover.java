// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.names.internal;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.CadcTimeoutException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.TransportException;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks endpoints in order until one answers, as astropy does over Sesame's mirrors: a failed
 * connection, a timeout or a 5xx answer hands over to the next endpoint; any other answer (a
 * result, "not found", a 4xx) is the answer. When every endpoint failed, the failure names each
 * endpoint and what went wrong there.
 *
 * <p>Stateless and thread-safe.
 */
final class Failover {
    /** The largest answer read: a name resolver's answer is a few hundred bytes. */
    static final int MAX_ANSWER_BYTES = 256 * 1024;

    private static final System.Logger LOG = System.getLogger("io.cadc4j.names");

    private Failover() {
    }

    /** What one endpoint's answer becomes: a result, or an exception the caller throws. */
    @FunctionalInterface
    interface Reading<T> {
        /**
         * Reads an answer that is not a 5xx.
         *
         * @param url the URL asked
         * @param status the HTTP status
         * @param body the whole body, decoded as UTF-8
         * @return the result
         */
        T read(URI url, int status, String body);
    }

    /**
     * Asks the URLs in order.
     *
     * @param http the pipeline
     * @param urls the request URLs, one per endpoint, in order
     * @param timeout the longest wait for one endpoint
     * @param what what is asked, for the message when all fail (e.g. {@code Sesame for "M31"})
     * @param reading turns an answer into a result or throws
     * @param <T> the result type
     * @return the first answer's result
     * @throws CadcTimeoutException if every endpoint timed out
     * @throws CadcException if every endpoint failed, naming each and its failure
     */
    static <T> T ask(HttpPipeline http, List<URI> urls, Duration timeout, String what, Reading<T> reading) {
        List<String> failures = new ArrayList<>();
        CadcException last = null;
        boolean allTimeouts = true;
        for (URI url : urls) {
            try {
                return once(http, url, timeout, reading);
            } catch (CadcTimeoutException e) {
                last = e;
                failures.add(url + ": no answer within " + seconds(timeout) + " (" + e.getMessage() + ")");
            } catch (TransportException e) {
                last = e;
                allTimeouts = false;
                failures.add(url + ": " + e.getMessage());
            } catch (ServiceException e) {
                if (e.status() < 500) {
                    throw e;
                }
                last = e;
                allTimeouts = false;
                failures.add(url + ": HTTP " + e.status() + (e.serverMessage().isBlank() ? ""
                        : " " + e.serverMessage().strip()));
            }
            LOG.log(Level.DEBUG, "{0} failed ({1}); trying the next endpoint", url, last.getMessage());
        }
        String message = what + ": every endpoint failed: " + String.join("; ", failures);
        URI first = urls.get(0);
        if (allTimeouts) {
            throw new CadcTimeoutException(message, first, last);
        }
        throw new TransportException(message, first, true, last);
    }

    private static <T> T once(HttpPipeline http, URI url, Duration timeout, Reading<T> reading) {
        // sent once: failing over to the next endpoint is this adapter's retry
        HttpRequest request = HttpRequest.newBuilder(url).GET().timeout(timeout).sendOnce()
                .header("Accept", "text/plain").build();
        HttpResponse response = http.send(request);
        int status = response.status();
        if (status >= 500) {
            throw HttpPipeline.errorFor(response);
        }
        String body;
        try (response) {
            body = readAll(response.body(), url);
        } catch (IOException e) {
            throw new TransportException("reading the answer of " + url + " failed: " + e.getMessage(), url, true, e);
        }
        return reading.read(url, status, body);
    }

    private static String readAll(InputStream in, URI url) throws IOException {
        byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
        if (bytes.length > MAX_ANSWER_BYTES) {
            throw new ProtocolViolationException("the answer of " + url + " is longer than " + MAX_ANSWER_BYTES
                    + " bytes, which no name resolver's answer is", url, null);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The failure for an answer of a status the protocol does not use: a {@link ServiceException}
     * (never a "not found", which would be cached as the name's answer) with the start of the body.
     *
     * @param url the URL asked
     * @param status the status
     * @param body the body
     * @return the exception to throw
     */
    static ServiceException unexpected(URI url, int status, String body) {
        String text = body.strip().replaceAll("\\s+", " ");
        return new ServiceException(status, text.length() > 300 ? text.substring(0, 300) + "..." : text, url, null,
                null);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * Percent-encodes text for a URL's query as Python's {@code urllib.parse.quote} does (what
     * astropy sends to Sesame): every byte of the UTF-8 form but letters, digits and {@code -._~/}
     * becomes {@code %XX}, so a space is {@code %20}, never {@code +}.
     *
     * @param text the text
     * @return the encoded text
     */
    static String quote(String text) {
        StringBuilder b = new StringBuilder(text.length() * 3);
        for (byte x : text.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '/') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }
}
