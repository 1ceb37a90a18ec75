// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The body of a result fetched with GET that carries on where it broke: when the connection
 * fails (or the body ends short of its {@code Content-Length}) and the service advertised
 * {@code Accept-Ranges: bytes} with a validator ({@code ETag}, else {@code Last-Modified}), it asks
 * for the rest with {@code Range} and {@code If-Range}, up to {@link #ATTEMPTS} times, and goes on
 * reading as if nothing happened; the bytes delivered are exactly the document's. When the
 * service cannot resume (no ranges, no validator, the document changed: a 200 instead of a 206,
 * or a range that starts elsewhere) the break is thrown as it came, and the caller starts again.
 *
 * <p>Not thread-safe, as any stream.
 */
final class ResumingBody extends InputStream {
    /** How many times one body resumes at most. */
    static final int ATTEMPTS = 3;
    private static final System.Logger LOG = System.getLogger("io.cadc4j.tap.internal.ResumingBody");

    private final HttpPipeline http;
    private final URI uri;
    private final String validator;
    private final long length;
    private HttpResponse current;
    private InputStream in;
    private long delivered;
    private int resumed;

    private ResumingBody(HttpPipeline http, HttpResponse first, String validator, long length) {
        this.http = http;
        this.uri = first.uri();
        this.validator = validator;
        this.length = length;
        this.current = first;
        this.in = first.body();
    }

    /**
     * The response itself when it cannot be resumed (not a GET, not 200, no ranges or validator),
     * else the same response with a body that resumes.
     *
     * @param http the pipeline to ask for the rest with
     * @param response the response
     * @return the response to read
     */
    static HttpResponse wrap(HttpPipeline http, HttpResponse response) {
        if (response.status() != 200 || !"GET".equals(response.request().method())) {
            return response;
        }
        boolean ranges = response.headers().firstValue("Accept-Ranges")
                .map(v -> v.toLowerCase(Locale.ROOT).contains("bytes")).orElse(false);
        Optional<String> etag = response.headers().firstValue("ETag").filter(v -> !v.startsWith("W/"));
        Optional<String> validator = etag.or(() -> response.headers().firstValue("Last-Modified"));
        if (!ranges || validator.isEmpty()) {
            return response;
        }
        OptionalLong length = contentLength(response);
        ResumingBody body = new ResumingBody(http, response, validator.get(), length.orElse(-1));
        return HttpResponse.of(response.request(), response.status(), response.headers(), body);
    }

    /** @return how many times the body resumed */
    int resumed() {
        return resumed;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (true) {
            try {
                int n = in.read(b, off, len);
                if (n < 0 && length >= 0 && delivered < length) {
                    throw new IOException("the body ended after " + delivered + " of " + length + " bytes");
                }
                if (n > 0) {
                    delivered += n;
                }
                return n;
            } catch (IOException e) {
                if (resumed >= ATTEMPTS) {
                    throw e;
                }
                resume(e);
            }
        }
    }

    private void resume(IOException broke) throws IOException {
        resumed++;
        closeQuietly();
        LOG.log(Level.DEBUG, "{0} broke after {1} bytes ({2}); asking for the rest", uri, delivered, broke.toString());
        HttpResponse next;
        try {
            next = http.send(HttpRequest.newBuilder(uri).GET().header("Range", "bytes=" + delivered + "-")
                    .header("If-Range", validator).build());
        } catch (RuntimeException e) {
            broke.addSuppressed(e);
            throw broke;
        }
        String range = next.headers().firstValue("Content-Range").orElse("");
        if (next.status() != 206 || !range.startsWith("bytes " + delivered + "-")) {
            next.close();
            IOException e = new IOException("the result broke off after " + delivered + " bytes and the service "
                    + "cannot send the rest (HTTP " + next.status() + (range.isEmpty() ? "" : ", " + range) + ")", broke);
            throw e;
        }
        current = next;
        in = next.body();
    }

    private static OptionalLong contentLength(HttpResponse r) {
        try {
            return r.headers().firstValue("Content-Length").map(v -> OptionalLong.of(Long.parseLong(v.strip())))
                    .orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private void closeQuietly() {
        try {
            current.close();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "closing a broken body of {0}: {1}", uri, e.toString());
        }
    }

    @Override
    public void close() {
        current.close();
    }
}
