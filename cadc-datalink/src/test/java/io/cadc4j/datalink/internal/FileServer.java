// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.datalink.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP server for download tests: each path serves a {@link Resource} with the headers
 * the test chose, answers byte ranges ({@code Range}, checked with {@code If-Range} against the
 * ETag or Last-Modified), can drop the connection part-way through a body, and records the
 * request headers it received.
 */
final class FileServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    /** What one path serves. Fields are read by the server's threads, so they are volatile. */
    static final class Resource {
        volatile byte[] body = new byte[0];
        volatile int status = 200;
        volatile String contentDisposition;
        volatile String etag;
        volatile String lastModified;
        volatile boolean acceptRanges;
        final Map<String, String> extraHeaders = new ConcurrentHashMap<>();
        /** Drop the connection after this many body bytes on the next full (non-ranged) answer; -1 never. */
        volatile int dropAfter = -1;

        Resource body(byte[] b) {
            this.body = b.clone();
            return this;
        }

        Resource status(int s) {
            this.status = s;
            return this;
        }

        Resource disposition(String d) {
            this.contentDisposition = d;
            return this;
        }

        Resource etag(String e) {
            this.etag = e;
            return this;
        }

        Resource lastModified(String l) {
            this.lastModified = l;
            return this;
        }

        Resource ranges() {
            this.acceptRanges = true;
            return this;
        }

        Resource header(String name, String value) {
            extraHeaders.put(name, value);
            return this;
        }

        Resource dropAfter(int bytes) {
            this.dropAfter = bytes;
            return this;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final List<Headers> requests = Collections.synchronizedList(new ArrayList<>());

    FileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    Resource serve(String path, byte[] body) {
        Resource r = new Resource().body(body);
        resources.put(path, r);
        return r;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort()
                + pathAndQuery);
    }

    List<Headers> requests() {
        synchronized (requests) {
            return new ArrayList<>(requests);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            requests.add(ex.getRequestHeaders());
            ex.getRequestBody().readAllBytes();
            Resource r = resources.get(ex.getRequestURI().getPath());
            if (r == null) {
                byte[] msg = ("no such file: " + ex.getRequestURI().getPath()).getBytes();
                ex.getResponseHeaders().set("Content-Type", "text/plain");
                ex.sendResponseHeaders(404, msg.length);
                ex.getResponseBody().write(msg);
                return;
            }
            Headers h = ex.getResponseHeaders();
            r.extraHeaders.forEach(h::set);
            if (r.contentDisposition != null) {
                h.set("Content-Disposition", r.contentDisposition);
            }
            if (r.etag != null) {
                h.set("ETag", r.etag);
            }
            if (r.lastModified != null) {
                h.set("Last-Modified", r.lastModified);
            }
            if (r.acceptRanges) {
                h.set("Accept-Ranges", "bytes");
            }
            byte[] body = r.body;
            if (r.status != 200) {
                ex.sendResponseHeaders(r.status, body.length == 0 ? -1 : body.length);
                ex.getResponseBody().write(body);
                return;
            }
            String range = ex.getRequestHeaders().getFirst("Range");
            String ifRange = ex.getRequestHeaders().getFirst("If-Range");
            Matcher m = range == null ? null : RANGE.matcher(range);
            boolean validatorHolds = ifRange == null || ifRange.equals(r.etag) || ifRange.equals(r.lastModified);
            if (r.acceptRanges && m != null && m.matches() && validatorHolds) {
                int start = Integer.parseInt(m.group(1));
                if (start >= body.length) {
                    h.set("Content-Range", "bytes */" + body.length);
                    ex.sendResponseHeaders(416, -1);
                    return;
                }
                h.set("Content-Range", "bytes " + start + "-" + (body.length - 1) + "/" + body.length);
                ex.sendResponseHeaders(206, body.length - start);
                ex.getResponseBody().write(body, start, body.length - start);
                return;
            }
            ex.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            OutputStream out = ex.getResponseBody();
            int drop = r.dropAfter;
            if (drop >= 0) {
                r.dropAfter = -1;
                out.write(body, 0, drop);
                out.flush();
                // Closing the exchange before the declared length is written drops the connection.
                return;
            }
            out.write(body);
        } finally {
            try {
                ex.close();
            } catch (RuntimeException e) {
                // The dropped-connection case: the server refuses to finish a short body, as intended.
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
