// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A fault-injecting reverse proxy on the loopback interface, in front of any HTTP server (a
 * stand-in, or DaCHS): every request is forwarded to the upstream, and chosen ones are answered
 * the faulty way instead. The upstream's origin is rewritten to the proxy's in {@code Location}
 * and in text bodies (registry files, capabilities, UWS jobs, VOTables with access URLs), so a
 * client that follows what it is told stays behind the proxy.
 *
 * <p>Faults ({@link Mode}): 503 or 429 with {@code Retry-After}, a connection reset after the
 * headers or in the middle of the body, a body cut at half (the connection closed normally, short
 * of its {@code Content-Length}), an HTML 500 page, slow headers, a slow body. A fault is given to
 * the first <i>n</i> requests its filter matches ({@link #inject}), or at random to a share of all
 * requests ({@link #injectAtRandom}).
 *
 * <p>One request per connection ({@code Connection: close} both ways); answers are read whole
 * from the upstream before they are sent on, so it suits test-sized bodies.
 *
 * <p>Thread-safe.
 */
public final class FaultProxy implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.cadc4j.tests.server");
    private static final AtomicInteger PROXIES = new AtomicInteger();

    /** The faults. */
    public enum Mode {
        /** HTTP 503 with {@code Retry-After}; the upstream never sees the request. */
        BUSY_503,
        /** HTTP 429 with {@code Retry-After}; the upstream never sees the request. */
        TOO_MANY_429,
        /** The upstream's status line and headers, then a TCP reset (the upstream did the work). */
        RESET_AFTER_HEADERS,
        /** The upstream's headers and half its body, then a TCP reset. */
        RESET_MID_BODY,
        /** The upstream's headers (with the full {@code Content-Length}) and half its body, then a normal close. */
        TRUNCATE,
        /** An HTML page under HTTP 500; the upstream never sees the request. */
        HTML_500,
        /** The upstream's answer, after waiting {@link #delay(Duration)} before the headers. */
        SLOW_HEADERS,
        /** The upstream's headers at once, then its body in ten pieces over {@link #delay(Duration)}. */
        SLOW_BODY
    }

    private final ServerSocket socket;
    private final URI upstream;
    private final ExecutorService workers;
    private final Thread acceptor;
    private final List<Rule> rules = Collections.synchronizedList(new ArrayList<>());
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<String> ranges = Collections.synchronizedList(new ArrayList<>());
    private volatile Predicate<String> keepBodies = r -> false;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<Mode, AtomicInteger> injected = Collections.synchronizedMap(new EnumMap<>(Mode.class));
    private volatile int retryAfterSeconds = 1;
    private volatile Duration delay = Duration.ofSeconds(10);
    private volatile Random random;
    private volatile double rate;
    private volatile List<Mode> randomModes = List.of();
    private volatile Predicate<String> randomFilter = r -> true;

    private FaultProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        int n = PROXIES.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fault-proxy-" + n + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::accept, "fault-proxy-" + n + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Starts a proxy in front of a server.
     *
     * @param upstream the server's origin, e.g. {@code http://127.0.0.1:8089} (a path is ignored)
     * @return the running proxy
     */
    public static FaultProxy start(URI upstream) {
        Objects.requireNonNull(upstream, "upstream");
        if (!"http".equalsIgnoreCase(upstream.getScheme())) {
            throw new IllegalArgumentException("the proxy forwards plain http only: " + upstream);
        }
        try {
            return new FaultProxy(upstream);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot listen on loopback", e);
        }
    }

    /**
     * The proxy's address for a path.
     *
     * @param pathAndQuery e.g. {@code /tap}
     * @return {@code http://127.0.0.1:<port><pathAndQuery>}
     */
    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + pathAndQuery);
    }

    /**
     * The proxy's address for an upstream URI: the same path and query behind the proxy.
     *
     * @param upstreamUri a URI of the upstream
     * @return the URI through the proxy
     */
    public URI via(URI upstreamUri) {
        return URI.create(rewrite(upstreamUri.toString()));
    }

    /**
     * Gives a fault to the next {@code times} requests whose request line ({@code "GET /tap/sync"},
     * no query) the filter accepts. Rules apply in the order given; a request gets at most one fault.
     *
     * @param mode the fault
     * @param times how many requests get it
     * @param filter which requests, by request line
     * @return this proxy
     */
    public FaultProxy inject(Mode mode, int times, Predicate<String> filter) {
        rules.add(new Rule(mode, times, filter));
        return this;
    }

    /**
     * Gives a fault to the next {@code times} requests, whatever they are.
     *
     * @param mode the fault
     * @param times how many requests get it
     * @return this proxy
     */
    public FaultProxy inject(Mode mode, int times) {
        return inject(mode, times, r -> true);
    }

    /**
     * Gives one of the modes, chosen at random, to a share of the requests the filter accepts.
     *
     * @param share 0 to 1
     * @param seed the random seed (for a repeatable run)
     * @param filter which requests may get one
     * @param modes the faults to choose from
     * @return this proxy
     */
    public FaultProxy injectAtRandom(double share, long seed, Predicate<String> filter, Mode... modes) {
        this.randomModes = List.of(modes);
        this.randomFilter = filter;
        this.random = new Random(seed);
        this.rate = share;
        return this;
    }

    /**
     * Sets the {@code Retry-After} seconds of 503 and 429 (default 1).
     *
     * @param seconds the seconds
     * @return this proxy
     */
    public FaultProxy retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /**
     * Sets the delay of the slow modes (default 10 s).
     *
     * @param d the delay
     * @return this proxy
     */
    public FaultProxy delay(Duration d) {
        this.delay = Objects.requireNonNull(d, "d");
        return this;
    }

    /**
     * Passes the answers to the requests the filter accepts on byte for byte, their bodies not
     * rewritten: a result fetched in ranges must keep the upstream's byte offsets, which a
     * rewritten origin (of another length) would shift.
     *
     * @param filter which requests, by request line
     * @return this proxy
     */
    public FaultProxy keepBodies(Predicate<String> filter) {
        this.keepBodies = Objects.requireNonNull(filter, "filter");
        return this;
    }

    /** @return the requests that asked for a range, as {@code "GET /path bytes=100-"}, in order */
    public List<String> rangeRequests() {
        synchronized (ranges) {
            return List.copyOf(ranges);
        }
    }

    /** @return how many requests arrived */
    public int requests() {
        return requests.get();
    }

    /**
     * How many times a fault was given.
     *
     * @param mode the fault
     * @return the count
     */
    public int injected(Mode mode) {
        AtomicInteger n = injected.get(mode);
        return n == null ? 0 : n.get();
    }

    /** @return the faults given, all modes together */
    public int injected() {
        synchronized (injected) {
            return injected.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }

    /** @return every request line seen, with the fault it got ({@code "GET /tap/sync -> BUSY_503"}) */
    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the proxy socket: {0}", e.toString());
        }
        workers.shutdownNow();
    }

    @Override
    public String toString() {
        return "FaultProxy[" + uri("") + " -> " + upstream + "]";
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                workers.execute(() -> serve(client));
            } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
                if (!socket.isClosed()) {
                    LOG.log(Level.DEBUG, "proxy accept failed: {0}", e.toString());
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(60_000);
            InputStream in = new BufferedInputStream(client.getInputStream());
            Head head = Head.read(in);
            if (head == null) {
                return;
            }
            byte[] body = readBody(in, head);
            requests.incrementAndGet();
            String line = head.method + " " + head.path();
            Mode mode = choose(line);
            log.add(line + (mode == null ? "" : " -> " + mode));
            head.field("Range").ifPresent(r -> ranges.add(line + " " + r.strip()));
            if (mode != null) {
                injected.computeIfAbsent(mode, m -> new AtomicInteger()).incrementAndGet();
            }
            OutputStream out = client.getOutputStream();
            if (mode == Mode.BUSY_503 || mode == Mode.TOO_MANY_429 || mode == Mode.HTML_500) {
                answerDirectly(out, mode);
                return;
            }
            Answer answer = forward(head, body, !keepBodies.test(line));
            if (mode == Mode.SLOW_HEADERS) {
                Thread.sleep(delay.toMillis());
            }
            out.write(answer.head);
            out.flush();
            int half = answer.body.length / 2;
            switch (mode == null ? Mode.BUSY_503 : mode) {
                case RESET_AFTER_HEADERS:
                    reset(client);
                    return;
                case RESET_MID_BODY:
                    out.write(answer.body, 0, half);
                    out.flush();
                    reset(client);
                    return;
                case TRUNCATE:
                    out.write(answer.body, 0, half);
                    out.flush();
                    client.shutdownOutput();
                    return;
                case SLOW_BODY:
                    int piece = Math.max(1, (answer.body.length + 9) / 10);
                    for (int off = 0; off < answer.body.length; off += piece) {
                        Thread.sleep(delay.toMillis() / 10);
                        out.write(answer.body, off, Math.min(piece, answer.body.length - off));
                        out.flush();
                    }
                    break;
                default:
                    out.write(answer.body);
            }
            out.flush();
            client.shutdownOutput();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "proxy connection ended: {0}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Mode choose(String line) {
        synchronized (rules) {
            for (Rule r : rules) {
                if (r.left > 0 && r.filter.test(line)) {
                    r.left--;
                    return r.mode;
                }
            }
        }
        Random rnd = random;
        if (rnd != null && randomFilter.test(line)) {
            synchronized (rnd) {
                if (rnd.nextDouble() < rate) {
                    return randomModes.get(rnd.nextInt(randomModes.size()));
                }
            }
        }
        return null;
    }

    private void answerDirectly(OutputStream out, Mode mode) throws IOException {
        String status;
        String type;
        String text;
        if (mode == Mode.HTML_500) {
            status = "500 Internal Server Error";
            type = "text/html; charset=utf-8";
            text = "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body>"
                    + "<h1>Internal Server Error</h1><p>The proxy says the server failed.</p></body></html>";
        } else {
            status = mode == Mode.BUSY_503 ? "503 Service Unavailable" : "429 Too Many Requests";
            type = "text/plain; charset=utf-8";
            text = mode == Mode.BUSY_503 ? "busy, come back later" : "too many requests, slow down";
        }
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        String h = "HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: " + b.length
                + (mode == Mode.HTML_500 ? "" : "\r\nRetry-After: " + retryAfterSeconds) + "\r\nConnection: close\r\n\r\n";
        out.write(h.getBytes(StandardCharsets.ISO_8859_1));
        out.write(b);
        out.flush();
    }

    private static void reset(Socket s) throws IOException {
        s.setSoLinger(true, 0);
        s.close();
    }

    /** Sends the request upstream and reads its whole answer, the origin rewritten. */
    private Answer forward(Head head, byte[] body, boolean rewriteBody) throws IOException {
        int port = upstream.getPort() < 0 ? 80 : upstream.getPort();
        try (Socket up = new Socket(upstream.getHost(), port)) {
            up.setSoTimeout(120_000);
            StringBuilder sb = new StringBuilder(head.method).append(' ').append(head.target).append(" HTTP/1.1\r\n");
            for (String[] f : head.fields) {
                String n = f[0].toLowerCase(Locale.ROOT);
                if (n.equals("host") || n.equals("connection") || n.equals("accept-encoding") || n.equals("keep-alive")
                        || n.equals("transfer-encoding") || n.equals("content-length") || n.equals("upgrade")
                        || n.equals("http2-settings") || n.equals("te")) {
                    continue;
                }
                sb.append(f[0]).append(": ").append(f[1]).append("\r\n");
            }
            sb.append("Host: ").append(upstream.getHost()).append(':').append(port).append("\r\n");
            sb.append("Connection: close\r\nAccept-Encoding: identity\r\n");
            if (body.length > 0 || head.method.equals("POST") || head.method.equals("PUT")) {
                sb.append("Content-Length: ").append(body.length).append("\r\n");
            }
            sb.append("\r\n");
            OutputStream o = up.getOutputStream();
            o.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
            o.write(body);
            o.flush();
            InputStream in = new BufferedInputStream(up.getInputStream());
            Head answer = Head.readStatus(in);
            if (answer == null) {
                throw new IOException("the upstream closed without answering " + head.method + " " + head.target);
            }
            byte[] content = "HEAD".equals(head.method) || answer.status == 204 || answer.status == 304
                    ? new byte[0] : readBody(in, answer);
            String type = answer.field("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (rewriteBody && (type.isEmpty() || type.contains("xml") || type.contains("text") || type.contains("json")
                    || type.contains("votable"))) {
                content = rewrite(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
            StringBuilder h = new StringBuilder("HTTP/1.1 ").append(answer.statusLine).append("\r\n");
            for (String[] f : answer.fields) {
                String n = f[0].toLowerCase(Locale.ROOT);
                if (n.equals("content-length") || n.equals("transfer-encoding") || n.equals("connection")
                        || n.equals("keep-alive")) {
                    continue;
                }
                h.append(f[0]).append(": ").append(n.equals("location") || n.equals("content-location")
                        ? rewrite(f[1]) : f[1]).append("\r\n");
            }
            h.append("Content-Length: ").append(content.length).append("\r\nConnection: close\r\n\r\n");
            return new Answer(h.toString().getBytes(StandardCharsets.ISO_8859_1), content);
        }
    }

    private String rewrite(String s) {
        int up = upstream.getPort() < 0 ? 80 : upstream.getPort();
        int me = socket.getLocalPort();
        return s.replace("http://127.0.0.1:" + up, "http://127.0.0.1:" + me)
                .replace("http://localhost:" + up, "http://localhost:" + me);
    }

    private static byte[] readBody(InputStream in, Head head) throws IOException {
        if (head.field("Transfer-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (true) {
                String size = Head.line(in);
                if (size == null) {
                    throw new IOException("chunked body ended early");
                }
                int semi = size.indexOf(';');
                int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
                if (n == 0) {
                    while (true) {
                        String trailer = Head.line(in);
                        if (trailer == null || trailer.isEmpty()) {
                            return b.toByteArray();
                        }
                    }
                }
                b.write(in.readNBytes(n));
                Head.line(in);
            }
        }
        java.util.Optional<String> length = head.field("Content-Length");
        if (length.isPresent()) {
            return in.readNBytes(Integer.parseInt(length.get().strip()));
        }
        if (head.method != null) {
            return new byte[0];
        }
        return in.readAllBytes();
    }

    /** A rule: a fault for the next n matching requests. */
    private static final class Rule {
        final Mode mode;
        final Predicate<String> filter;
        int left;

        Rule(Mode mode, int times, Predicate<String> filter) {
            this.mode = mode;
            this.left = times;
            this.filter = filter;
        }
    }

    /** An answer read from the upstream, ready to send. */
    private static final class Answer {
        final byte[] head;
        final byte[] body;

        Answer(byte[] head, byte[] body) {
            this.head = head;
            this.body = body;
        }
    }

    /** A request or status line with its header fields. */
    private static final class Head {
        String method;
        String target;
        int status;
        String statusLine;
        final List<String[]> fields = new ArrayList<>();

        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        java.util.Optional<String> field(String name) {
            for (String[] f : fields) {
                if (f[0].equalsIgnoreCase(name)) {
                    return java.util.Optional.of(f[1]);
                }
            }
            return java.util.Optional.empty();
        }

        static Head read(InputStream in) throws IOException {
            String first = line(in);
            if (first == null || first.isBlank()) {
                return null;
            }
            String[] parts = first.split(" ");
            if (parts.length < 3) {
                throw new IOException("not a request line: " + first);
            }
            Head h = new Head();
            h.method = parts[0];
            h.target = parts[1];
            fields(in, h);
            return h;
        }

        static Head readStatus(InputStream in) throws IOException {
            String first = line(in);
            while (first != null && first.startsWith("HTTP/") && first.contains(" 100")) {
                fields(in, new Head());
                first = line(in);
            }
            if (first == null) {
                return null;
            }
            Head h = new Head();
            h.statusLine = first.substring(first.indexOf(' ') + 1);
            h.status = Integer.parseInt(h.statusLine.substring(0, 3));
            fields(in, h);
            return h;
        }

        private static void fields(InputStream in, Head h) throws IOException {
            while (true) {
                String l = line(in);
                if (l == null || l.isEmpty()) {
                    return;
                }
                int colon = l.indexOf(':');
                if (colon > 0) {
                    h.fields.add(new String[] {l.substring(0, colon).strip(), l.substring(colon + 1).strip()});
                }
            }
        }

        static String line(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    byte[] bytes = b.toByteArray();
                    int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
                }
                b.write(c);
            }
            return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
