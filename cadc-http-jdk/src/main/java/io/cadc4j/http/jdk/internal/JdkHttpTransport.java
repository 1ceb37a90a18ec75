// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.http.jdk.internal;

import io.cadc4j.core.CadcTimeoutException;
import io.cadc4j.core.spi.HttpHeaders;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.spi.HttpTransport;
import io.cadc4j.core.spi.RequestBody;
import io.cadc4j.core.spi.TransportSettings;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

/**
 * The {@link HttpTransport} on {@code java.net.http.HttpClient}.
 *
 * <ul>
 *   <li>HTTP/2, falling back to HTTP/1.1 when the server does not offer it (ALPN for https, the
 *       {@code h2c} upgrade for http);</li>
 *   <li>never follows redirects ({@code Redirect.NEVER}): the core's pipeline does;</li>
 *   <li>connect timeout, TLS context and proxy from the {@link TransportSettings}; the request
 *       timeout (or the request's own) bounds the wait for headers, and for each further piece of
 *       the body;</li>
 *   <li>request bodies are written by a transport thread into the client as it asks for them, fixed
 *       length when known and chunked otherwise, never held whole in memory;</li>
 *   <li>asks for {@code gzip, deflate} unless the request sets {@code Accept-Encoding}, and then
 *       decodes while the body streams, removing {@code Content-Encoding} and {@code Content-Length}
 *       from the headers; a request that sets {@code Accept-Encoding} itself gets the body as
 *       sent;</li>
 *   <li>no TLS is set up before the first {@code https} request: {@code http} requests go through a
 *       client whose TLS context is a placeholder that is never used, and the client for
 *       {@code https} (and with it the default trust store) is made on the first {@code https}
 *       request, unless the settings bring a TLS context of their own;</li>
 *   <li>headers that {@code java.net.http} manages itself ({@code Host}, {@code Connection},
 *       {@code Content-Length}, ...) are dropped from the request, with a DEBUG log line.</li>
 * </ul>
 *
 * <p>Thread-safe: one instance serves any number of concurrent requests.
 */
public final class JdkHttpTransport implements HttpTransport {
    private static final System.Logger LOG = System.getLogger("io.cadc4j.http.jdk");
    private static final String DECODABLE = "gzip, deflate";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /**
     * Headers the client sets itself or that HTTP/2 forbids (RFC 9113 section 8.2.2); a request
     * carrying them would make {@code java.net.http} throw.
     */
    private static final Set<String> DROPPED = caseInsensitive("connection", "content-length", "expect", "host",
            "upgrade", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "http2-settings");

    private final TransportSettings settings;
    private final ExecutorService executor;
    /** The client for http, and for https too when the settings bring a TLS context. */
    private final HttpClient client;
    /** The client for https when the settings bring no TLS context; made on first use. */
    private volatile HttpClient secureClient;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Makes a transport with its own client and threads.
     *
     * @param settings the client settings
     */
    public JdkHttpTransport(TransportSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executor = Executors.newCachedThreadPool(daemonThreads("cadc4j-http-" + CLIENTS.incrementAndGet()));
        HttpClient.Builder b = newClientBuilder();
        if (settings.sslContext().isPresent()) {
            b.sslContext(settings.sslContext().get());
        } else {
            // The JDK's client asks for the default TLS context (reading the trust store, 0.1-0.4 s
            // of a cold start) when it is made; a plain-HTTP command never needs it.
            b.sslContext(NoTls.CONTEXT).sslParameters(NoTls.parameters());
        }
        this.client = b.build();
    }

    private HttpClient.Builder newClientBuilder() {
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .executor(executor);
        Optional<ProxySelector> proxy = settings.proxy().or(() -> Optional.ofNullable(ProxySelector.getDefault()));
        proxy.ifPresent(b::proxy);
        return b;
    }

    /** The client for a request: for https without a TLS context of the settings, the one made on first use. */
    private HttpClient clientFor(java.net.URI uri) {
        if (settings.sslContext().isPresent() || !"https".equalsIgnoreCase(uri.getScheme())) {
            return client;
        }
        HttpClient c = secureClient;
        if (c == null) {
            synchronized (this) {
                c = secureClient;
                if (c == null) {
                    c = newClientBuilder().build();
                    secureClient = c;
                }
            }
        }
        return c;
    }

    @Override
    public HttpResponse send(HttpRequest request) throws IOException, InterruptedException {
        Objects.requireNonNull(request, "request");
        if (closed.get()) {
            throw new IllegalStateException("the transport is closed; cannot send " + request);
        }
        Duration timeout = request.timeout().orElse(settings.requestTimeout());
        boolean decode = !request.headers().contains("Accept-Encoding");
        java.net.http.HttpRequest jdkRequest = toJdk(request, timeout, decode);
        StreamingBodySubscriber[] subscriber = new StreamingBodySubscriber[1];
        CompletableFuture<java.net.http.HttpResponse<InputStream>> future = clientFor(request.uri()).sendAsync(jdkRequest, info -> {
            subscriber[0] = new StreamingBodySubscriber(request.uri(), timeout);
            return subscriber[0];
        });
        java.net.http.HttpResponse<InputStream> response;
        try {
            response = future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            future.thenAccept(r -> closeQuietly(r.body()));
            throw e;
        } catch (ExecutionException e) {
            throw translate(request, timeout, e.getCause());
        } catch (CancellationException e) {
            throw new IOException(request.method() + " " + request.uri() + " was cancelled", e);
        }
        return toResponse(request, response, decode);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            // HttpClient has no close() before Java 21; stopping its executor ends its work.
            executor.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "JdkHttpTransport[" + settings + "]";
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request, Duration timeout, boolean decode) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(request.uri()).timeout(timeout);
        for (Map.Entry<String, List<String>> field : request.headers().map().entrySet()) {
            String name = field.getKey();
            if (DROPPED.contains(name)) {
                LOG.log(Level.DEBUG, "not sending header {0} with {1}: the HTTP client manages it", name, request);
                continue;
            }
            for (String value : field.getValue()) {
                try {
                    b.header(name, value);
                } catch (IllegalArgumentException e) {
                    // java.net.http restricts a few more names on some JDK versions (Date, Via, ...).
                    LOG.log(Level.DEBUG, "not sending header {0} with {1}: {2}", name, request, e.getMessage());
                }
            }
        }
        if (decode) {
            b.header("Accept-Encoding", DECODABLE);
        }
        Optional<RequestBody> body = request.body();
        java.net.http.HttpRequest.BodyPublisher publisher;
        if (body.isEmpty()) {
            publisher = BodyPublishers.noBody();
        } else {
            if (!request.headers().contains("Content-Type")) {
                body.get().contentType().ifPresent(t -> b.header("Content-Type", t));
            }
            publisher = body.get().contentLength() == 0 ? BodyPublishers.noBody()
                    : new WriterPublisher(body.get(), executor);
        }
        return b.method(request.method(), publisher).build();
    }

    private static HttpResponse toResponse(HttpRequest request, java.net.http.HttpResponse<InputStream> response,
            boolean decode) {
        HttpHeaders.Builder headers = HttpHeaders.builder();
        response.headers().map().forEach((name, values) -> {
            // HTTP/2 pseudo-headers (":status") are not header fields.
            if (!name.startsWith(":")) {
                values.forEach(v -> headers.add(name, v));
            }
        });
        InputStream body = response.body();
        Optional<String> coding = decode
                ? response.headers().firstValue("Content-Encoding").flatMap(DecodingInputStream::decodable)
                : Optional.empty();
        if (coding.isPresent()) {
            body = DecodingInputStream.decode(body, coding.get());
            headers.remove("Content-Encoding").remove("Content-Length");
        }
        return HttpResponse.of(request, response.statusCode(), headers.build(), body);
    }

    /**
     * Turns the client's failure into what the SPI promises: a timeout becomes
     * {@link CadcTimeoutException} (thrown), misuse stays an {@link IllegalArgumentException}
     * (thrown), anything else becomes an {@link IOException} (returned) whose stack is the caller's
     * and whose cause is the client's.
     */
    private static IOException translate(HttpRequest request, Duration timeout, Throwable cause) {
        String what = request.method() + " " + request.uri();
        if (cause instanceof HttpConnectTimeoutException) {
            throw new CadcTimeoutException(what + ": no connection within the connect timeout", request.uri(), cause);
        }
        if (cause instanceof HttpTimeoutException) {
            throw new CadcTimeoutException(what + ": no response headers within " + timeout.toMillis() + " ms",
                    request.uri(), cause);
        }
        if (cause instanceof IllegalArgumentException) {
            throw new IllegalArgumentException(what + ": " + cause.getMessage(), cause);
        }
        if (cause instanceof SSLException) {
            String said = describe(request, cause);
            // TLS 1.3 servers may say so with an alert rather than just closing
            String hint = said.contains("certificate_required")
                    ? " (the server requires a client certificate and none it accepts was presented: log in with one)"
                    : "";
            return new SSLException(what + ": " + said + hint, cause);
        }
        if (cause instanceof IOException) {
            return new IOException(what + ": " + describe(request, cause) + closedOverTls(request, cause), cause);
        }
        return new IOException(what + " failed: " + describe(request, cause), cause);
    }

    /**
     * A readable reason: java.net.http often throws a ConnectException with no message whose
     * cause says what happened (an unresolvable host, a refused connection).
     */
    static String describe(HttpRequest request, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "unknown host " + request.uri().getHost() + " (no network, or a wrong name?)";
            }
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return cause.getClass().getSimpleName();
    }

    /**
     * With TLS 1.3 a client learns that the server refused its certificate (or its lack of one)
     * only when it reads the answer: a server that requires one, as CADC's certificate-only hosts
     * may, then just closes the connection, which the client sees as an end of stream or a reset
     * before any response header (this method is only called before headers arrive). A refused
     * connect is told apart: it is a ConnectException.
     */
    static String closedOverTls(HttpRequest request, Throwable cause) {
        if (!"https".equalsIgnoreCase(request.uri().getScheme())) {
            return "";
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.NoRouteToHostException) {
                return "";
            }
            // the JDK's client says "header parser received no bytes", with an EOFException as its
            // cause or, depending on when the close is seen, with none
            boolean noBytes = t.getMessage() != null && t.getMessage().contains("received no bytes");
            if (t instanceof java.io.EOFException || t instanceof java.net.SocketException || noBytes) {
                return " (the server closed the connection without answering; an https server that requires a "
                        + "client certificate does so when none it accepts was presented: log in with one)";
            }
        }
        return "";
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "ignoring a failure to close an abandoned body: {0}", e.toString());
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }
}
