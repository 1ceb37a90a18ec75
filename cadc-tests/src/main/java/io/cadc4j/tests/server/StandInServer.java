// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.cadc4j.core.spi.HttpHeaders;
import io.cadc4j.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * An in-process stand-in for a web service, on the loopback interface only, built on the JDK's
 * {@code com.sun.net.httpserver} (a test dependency, never one of the library). Tests route a
 * method and path to a {@link Responder}, send requests, and then look at what arrived.
 *
 * <ul>
 *   <li>Routing: {@link #route(String, String, Responder)} for an exact path,
 *       {@link #routeUnder(String, String, Responder)} for a subtree; an unrouted request gets a
 *       404.</li>
 *   <li>Recording: every request is kept as a {@link RecordedRequest} (method, URI, headers, body
 *       size, checksum and first bytes), in arrival order; {@link #awaitRequest} waits for one.
 *       Request bodies are read through, never kept whole.</li>
 *   <li>Two origins: the server listens on {@code 127.0.0.1}; {@link #uri} addresses it so, and
 *       {@link #localhostUri} as {@code localhost}, which a client treats as another host.</li>
 *   <li>Faults: any status and headers ({@link Reply}), delays, generated bodies of any size,
 *       truncated bodies and stalls ({@link Responders}), held until {@link #releaseStalls()} or
 *       {@link #close()}. Connection resets and unanswered connects need raw sockets:
 *       {@link RawSocketServer} and {@link SilentListener}.</li>
 *   <li>HTTPS, optionally demanding a client certificate: {@link #startHttps}, with a {@link TestPki};
 *       each request records the subject of the client certificate it came with
 *       ({@link RecordedRequest#clientCertificateSubject()}).</li>
 * </ul>
 *
 * <pre>{@code
 * try (StandInServer server = StandInServer.start()) {
 *     server.route("GET", "/hello", Reply.ok().text("hi"));
 *     ... send to server.uri("/hello") ...
 *     assertThat(server.requests()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class StandInServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.cadc4j.tests.server");
    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService executor;
    private final String scheme;
    private final Map<String, Responder> routes = new ConcurrentHashMap<>();
    private final Map<String, Responder> subtrees = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final CountDownLatch stallRelease = new CountDownLatch(1);

    private StandInServer(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        int id = SERVERS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stand-in-" + id + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a plain HTTP server on a free loopback port.
     *
     * @return the running server
     */
    public static StandInServer start() {
        try {
            return new StandInServer(HttpServer.create(loopback(), 64), "http");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stand-in server", e);
        }
    }

    /**
     * Starts an HTTPS server on a free loopback port, with the server certificate of {@code pki}.
     *
     * @param pki the test PKI
     * @param needClientCertificate true to refuse clients without a certificate signed by the PKI
     * @return the running server
     */
    public static StandInServer startHttps(TestPki pki, boolean needClientCertificate) {
        Objects.requireNonNull(pki, "pki");
        try {
            HttpsServer https = HttpsServer.create(loopback(), 64);
            SSLContext context = pki.serverContext();
            https.setHttpsConfigurator(new HttpsConfigurator(context) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters p = context.getDefaultSSLParameters();
                    p.setNeedClientAuth(needClientCertificate);
                    params.setSSLParameters(p);
                }
            });
            return new StandInServer(https, "https");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stand-in HTTPS server", e);
        }
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    /**
     * Routes requests with a method and an exact path to a responder, replacing any earlier route.
     *
     * @param method the method, e.g. {@code GET}, or {@code *} for any
     * @param path the exact path, e.g. {@code /tap/sync}
     * @param responder what answers
     * @return this server
     */
    public StandInServer route(String method, String path, Responder responder) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        routes.put(method + " " + path, Objects.requireNonNull(responder, "responder"));
        return this;
    }

    /**
     * Routes requests with a method and any path at or under a prefix to a responder, for
     * resources with ids in their paths (UWS jobs: {@code /async/123/phase}). An exact route wins;
     * among subtrees the longest prefix wins.
     *
     * @param method the method, e.g. {@code GET}, or {@code *} for any
     * @param prefix the path prefix without a trailing slash, e.g. {@code /async}
     * @param responder what answers
     * @return this server
     */
    public StandInServer routeUnder(String method, String prefix, Responder responder) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.startsWith("/") || prefix.length() > 1 && prefix.endsWith("/")) {
            throw new IllegalArgumentException("prefix must start with '/' and not end with one: " + prefix);
        }
        subtrees.put(method + " " + prefix, Objects.requireNonNull(responder, "responder"));
        return this;
    }

    /**
     * The port listened on.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The absolute URI of a path, with the host {@code 127.0.0.1}.
     *
     * @param pathAndQuery an absolute path, with a query if wanted
     * @return the URI
     */
    public URI uri(String pathAndQuery) {
        return URI.create(scheme + "://127.0.0.1:" + port() + pathAndQuery);
    }

    /**
     * The absolute URI of a path with the host {@code localhost}: the same server, another origin.
     *
     * @param pathAndQuery an absolute path, with a query if wanted
     * @return the URI
     */
    public URI localhostUri(String pathAndQuery) {
        return URI.create(scheme + "://localhost:" + port() + pathAndQuery);
    }

    /**
     * The requests received so far, in arrival order.
     *
     * @return a copy of the list
     */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /**
     * The requests received so far for one path.
     *
     * @param path the exact path
     * @return those requests, in arrival order
     */
    public List<RecordedRequest> requests(String path) {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest r : requests()) {
            if (r.path().equals(path)) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Waits until a request for a path has arrived (its body read) and returns the first one.
     *
     * @param path the exact path
     * @param timeout the longest wait
     * @return the request
     * @throws IllegalStateException if none arrives in time
     * @throws InterruptedException if interrupted while waiting
     */
    public RecordedRequest awaitRequest(String path, Duration timeout) throws InterruptedException {
        Predicate<RecordedRequest> wanted = r -> r.path().equals(path);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (requests) {
            while (true) {
                for (RecordedRequest r : requests) {
                    if (wanted.test(r)) {
                        return r;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no request for " + path + " within " + timeout + "; got " + requests);
                }
                TimeUnit.NANOSECONDS.timedWait(requests, left);
            }
        }
    }

    /** Lets every stalled responder go on (they then drop their connections). */
    public void releaseStalls() {
        stallRelease.countDown();
    }

    void awaitStallRelease() throws IOException {
        try {
            if (!stallRelease.await(60, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "a stall was never released; ending it after 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while stalling");
        }
    }

    /** Stops the server at once, releasing stalls and dropping open connections. Idempotent. */
    @Override
    public void close() {
        releaseStalls();
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "StandInServer[" + scheme + "://127.0.0.1:" + port() + "]";
    }

    private void handle(HttpExchange http) throws IOException {
        RecordedRequest recorded;
        try {
            recorded = record(http);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "the client went away while sending {0} {1}: {2}", http.getRequestMethod(),
                    http.getRequestURI(), e.toString());
            throw e;
        }
        synchronized (requests) {
            requests.add(recorded);
            requests.notifyAll();
        }
        Responder responder = find(recorded.method(), recorded.path());
        if (responder == null) {
            responder = Reply.status(404).text("no route for " + recorded.method() + " " + recorded.path());
        }
        Exchange exchange = new Exchange(http, recorded, this);
        boolean complete = false;
        try {
            responder.respond(exchange);
            complete = true;
        } catch (Exchange.AbortedConnection e) {
            // Rethrown below: com.sun.net.httpserver closes the connection of a failed handler.
            throw e;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "answering {0} ended early: {1}", recorded, e.toString());
            throw e;
        } finally {
            recorded.sent().complete(exchange.outcome(complete));
            if (complete) {
                http.close();
            }
        }
    }

    private Responder find(String method, String path) {
        for (String m : new String[] {method, "*"}) {
            Responder exact = routes.get(m + " " + path);
            if (exact != null) {
                return exact;
            }
        }
        for (String p = path; !p.isEmpty(); p = p.substring(0, Math.max(0, p.lastIndexOf('/')))) {
            for (String m : new String[] {method, "*"}) {
                Responder under = subtrees.get(m + " " + p);
                if (under != null) {
                    return under;
                }
            }
        }
        return subtrees.get(method + " /") != null ? subtrees.get(method + " /") : subtrees.get("* /");
    }

    private static RecordedRequest record(HttpExchange http) throws IOException {
        HttpHeaders.Builder headers = HttpHeaders.builder();
        http.getRequestHeaders().forEach((name, values) -> values.forEach(v -> headers.add(name, v)));
        CRC32 crc = new CRC32();
        ByteArrayOutputStream prefix = new ByteArrayOutputStream();
        long size = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = http.getRequestBody()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
                int keep = (int) Math.min(n, Math.max(0, RecordedRequest.PREFIX_LIMIT - size));
                prefix.write(buf, 0, keep);
                size += n;
            }
        }
        return new RecordedRequest(http.getRequestMethod(), http.getRequestURI(), headers.build(), size, crc.getValue(),
                prefix.toByteArray(), clientSubject(http));
    }

    /** The verified client certificate's subject on an HTTPS exchange, else null. */
    private static String clientSubject(HttpExchange http) {
        if (!(http instanceof HttpsExchange)) {
            return null;
        }
        SSLSession session = ((HttpsExchange) http).getSSLSession();
        if (session == null) {
            return null;
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate
                    ? ((X509Certificate) chain[0]).getSubjectX500Principal().getName() : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }
}
