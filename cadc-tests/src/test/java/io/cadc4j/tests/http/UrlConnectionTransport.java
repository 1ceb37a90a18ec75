// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.http;

import io.cadc4j.core.CadcTimeoutException;
import io.cadc4j.core.spi.HttpHeaders;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.spi.HttpTransport;
import io.cadc4j.core.spi.RequestBody;
import io.cadc4j.core.spi.TransportSettings;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLConnection;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import javax.net.ssl.HttpsURLConnection;

/**
 * A minimal second transport, on {@code java.net.HttpURLConnection}, written the way a user who
 * brings their own transport would: it shows that the SPI can be met without {@code java.net.http},
 * and it is held to the same {@link HttpTransportContract}.
 *
 * <p>{@code HttpURLConnection} blocks in socket reads that an interrupt does not reach, so each
 * exchange runs on a worker thread while the caller waits interruptibly, and an interrupt
 * disconnects the connection. Its read timeout serves as the request timeout (headers and each
 * body read). Thread-safe.
 */
final class UrlConnectionTransport implements HttpTransport {
    private static final Set<String> MANAGED = Set.of("host", "connection", "content-length", "transfer-encoding",
            "keep-alive", "te", "upgrade", "expect");

    private final TransportSettings settings;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "url-connection-transport");
        t.setDaemon(true);
        return t;
    });

    UrlConnectionTransport(TransportSettings settings) {
        this.settings = settings;
    }

    @Override
    public HttpResponse send(HttpRequest request) throws IOException, InterruptedException {
        Duration timeout = request.timeout().orElse(settings.requestTimeout());
        HttpURLConnection c = open(request.uri());
        c.setConnectTimeout(millis(settings.connectTimeout()));
        c.setReadTimeout(millis(timeout));
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        c.setRequestMethod(request.method());
        if (c instanceof HttpsURLConnection && settings.sslContext().isPresent()) {
            ((HttpsURLConnection) c).setSSLSocketFactory(settings.sslContext().get().getSocketFactory());
        }
        request.headers().map().forEach((name, values) -> {
            if (!MANAGED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> c.addRequestProperty(name, v));
            }
        });
        boolean decode = !request.headers().contains("Accept-Encoding");
        if (decode) {
            c.setRequestProperty("Accept-Encoding", "gzip, deflate");
        }
        Optional<RequestBody> body = request.body();
        if (body.isPresent()) {
            c.setDoOutput(true);
            if (!request.headers().contains("Content-Type")) {
                body.get().contentType().ifPresent(t -> c.setRequestProperty("Content-Type", t));
            }
            if (body.get().contentLength() >= 0) {
                c.setFixedLengthStreamingMode(body.get().contentLength());
            } else {
                c.setChunkedStreamingMode(64 * 1024);
            }
        }
        Future<Integer> exchange = workers.submit(() -> {
            try {
                c.connect();
            } catch (SocketTimeoutException e) {
                throw new CadcTimeoutException(request + ": no connection within the connect timeout", request.uri(), e);
            }
            if (body.isPresent()) {
                try (OutputStream out = c.getOutputStream()) {
                    body.get().writeTo(out);
                }
            }
            return c.getResponseCode();
        });
        int status;
        try {
            status = exchange.get();
        } catch (InterruptedException e) {
            c.disconnect();
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            c.disconnect();
            Throwable cause = e.getCause();
            if (cause instanceof SocketTimeoutException) {
                throw new CadcTimeoutException(request + ": no response within " + timeout.toMillis() + " ms",
                        request.uri(), cause);
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IOException(request + ": " + cause.getMessage(), cause);
        }
        return toResponse(request, c, status, decode);
    }

    private HttpURLConnection open(URI uri) throws IOException {
        URLConnection c;
        if (settings.proxy().isPresent()) {
            List<Proxy> proxies = settings.proxy().get().select(uri);
            c = uri.toURL().openConnection(proxies.isEmpty() ? Proxy.NO_PROXY : proxies.get(0));
        } else {
            c = uri.toURL().openConnection();
        }
        return (HttpURLConnection) c;
    }

    private static HttpResponse toResponse(HttpRequest request, HttpURLConnection c, int status, boolean decode)
            throws IOException {
        HttpHeaders.Builder headers = HttpHeaders.builder();
        for (Map.Entry<String, List<String>> field : c.getHeaderFields().entrySet()) {
            if (field.getKey() != null) {
                field.getValue().forEach(v -> headers.add(field.getKey(), v));
            }
        }
        InputStream raw = status >= 400 ? c.getErrorStream() : c.getInputStream();
        if (raw == null) {
            raw = InputStream.nullInputStream();
        }
        InputStream body = new Guarded(raw, c, request, c.getContentLengthLong());
        String coding = decode ? c.getHeaderField("Content-Encoding") : null;
        if (coding != null && (coding.equalsIgnoreCase("gzip") || coding.equalsIgnoreCase("deflate"))) {
            body = decoding(body, coding.equalsIgnoreCase("gzip"));
            headers.remove("Content-Encoding").remove("Content-Length");
        }
        return HttpResponse.of(request, status, headers.build(), body);
    }

    /** Decodes gzip or zlib lazily, so that an empty body stays empty. */
    private static InputStream decoding(InputStream raw, boolean gzip) {
        return new InputStream() {
            private InputStream decoded;

            @Override
            public int read() throws IOException {
                return decoder().read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return decoder().read(b, off, len);
            }

            @Override
            public void close() throws IOException {
                raw.close();
            }

            private InputStream decoder() throws IOException {
                if (decoded == null) {
                    PushbackInputStream in = new PushbackInputStream(raw, 1);
                    int first = in.read();
                    if (first < 0) {
                        decoded = InputStream.nullInputStream();
                    } else {
                        in.unread(first);
                        decoded = gzip ? new GZIPInputStream(in, 16 * 1024) : new InflaterInputStream(in);
                    }
                }
                return decoded;
            }
        };
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    /**
     * The raw body: a read timeout becomes {@link CadcTimeoutException}, a body shorter than its
     * {@code Content-Length} an {@link IOException}, and closing before the end drops the
     * connection instead of reading the rest.
     */
    private static final class Guarded extends FilterInputStream {
        private final HttpURLConnection connection;
        private final HttpRequest request;
        private final long expected;
        private long count;
        private boolean ended;

        Guarded(InputStream in, HttpURLConnection connection, HttpRequest request, long expected) {
            super(in);
            this.connection = connection;
            this.request = request;
            this.expected = "HEAD".equals(request.method()) ? -1 : expected;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = in.read(b, off, len);
            } catch (SocketTimeoutException e) {
                throw new CadcTimeoutException("the response body of " + request + " stalled", request.uri(), e);
            }
            if (n < 0) {
                if (expected >= 0 && count < expected) {
                    throw new IOException("the response body of " + request + " ended after " + count + " of "
                            + expected + " bytes");
                }
                ended = true;
            } else {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Through read, so that the count stays right.
            byte[] buf = new byte[8192];
            long done = 0;
            while (done < n) {
                int r = read(buf, 0, (int) Math.min(buf.length, n - done));
                if (r < 0) {
                    break;
                }
                done += r;
            }
            return done;
        }

        @Override
        public void close() throws IOException {
            if (!ended) {
                connection.disconnect();
            }
            in.close();
        }
    }
}
