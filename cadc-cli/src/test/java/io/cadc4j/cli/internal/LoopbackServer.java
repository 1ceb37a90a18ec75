// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cadc4j.testing.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A server on loopback for the command's process tests, answering as the archive's servers do:
 * {@code /public/NAME?bytes=N&ms=T} sends N bytes over about T ms; {@code /private/NAME} wants HTTP
 * basic {@code alice}/{@code s3cret} and otherwise answers 401 with DaCHS's captured HTML page;
 * {@code /tap/sync} sends the first rows of a VOTable, then hangs until the server stops (a query
 * that is still streaming when the user presses Ctrl-C); {@code /links} is a DataLink service that
 * answers each call after 300 ms with one {@code #this} link, {@code /public/N.fits}, per
 * identifier {@code ivo://example.org/obs?N} asked (form or query {@code ID}s); anything else is 404.
 */
final class LoopbackServer implements AutoCloseable {
    static final String USER = "alice";
    static final String PASSWORD = "s3cret";
    private final HttpServer server;
    /** "METHOD path" of every request, in order. */
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** Counted down once {@code /tap/sync} has sent its first rows. */
    final CountDownLatch streaming = new CountDownLatch(1);
    private final CountDownLatch stopping = new CountDownLatch(1);

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** @return {@code http://127.0.0.1:PORT} */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
        try {
            if (path.startsWith("/public/")) {
                send(ex, param(ex, "bytes", 2880), param(ex, "ms", 0));
            } else if (path.startsWith("/private/")) {
                String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8));
                if (expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                    send(ex, 2880, 0);
                } else {
                    byte[] page = Files.readAllBytes(Fixtures.path("dachs/getproduct_private_anon.html"));
                    ex.getResponseHeaders().add("Content-Type", "text/html;charset=utf-8");
                    ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"Local CADC-like test DC\"");
                    ex.sendResponseHeaders(401, page.length);
                    ex.getResponseBody().write(page);
                }
            } else if (path.equals("/links")) {
                links(ex);
            } else if (path.equals("/tap/sync")) {
                ex.getRequestBody().readAllBytes();
                streamForever(ex);
            } else {
                byte[] text = "not here".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "text/plain");
                ex.sendResponseHeaders(404, text.length);
                ex.getResponseBody().write(text);
            }
        } finally {
            ex.close();
        }
    }

    private void links(HttpExchange ex) throws IOException {
        String form = "POST".equals(ex.getRequestMethod())
                ? new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) : ex.getRequestURI().getRawQuery();
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?>\n<VOTABLE version=\"1.4\" "
                + "xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE type=\"results\"><TABLE>"
                + "<FIELD name=\"ID\" datatype=\"char\" arraysize=\"*\"/>"
                + "<FIELD name=\"access_url\" datatype=\"char\" arraysize=\"*\"/>"
                + "<FIELD name=\"service_def\" datatype=\"char\" arraysize=\"*\"/>"
                + "<FIELD name=\"error_message\" datatype=\"char\" arraysize=\"*\"/>"
                + "<FIELD name=\"semantics\" datatype=\"char\" arraysize=\"*\"/>"
                + "<FIELD name=\"description\" datatype=\"char\" arraysize=\"*\"/>"
                + "<FIELD name=\"content_type\" datatype=\"char\" arraysize=\"*\"/>"
                + "<FIELD name=\"content_length\" datatype=\"long\"/><DATA><TABLEDATA>\n");
        for (String kv : (form == null ? "" : form).split("&")) {
            if (kv.startsWith("ID=")) {
                String id = java.net.URLDecoder.decode(kv.substring(3), StandardCharsets.UTF_8);
                doc.append("<TR><TD>").append(id).append("</TD><TD>").append(url()).append("/public/")
                        .append(id.substring(id.indexOf('?') + 1)).append(".fits</TD><TD/><TD/><TD>#this</TD>"
                        + "<TD/><TD>application/fits</TD><TD>2880</TD></TR>\n");
            }
        }
        doc.append("</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>\n");
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        byte[] body = doc.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/x-votable+xml;content=datalink");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
    }

    private static int param(HttpExchange ex, String name, int otherwise) {
        String q = ex.getRequestURI().getQuery();
        if (q != null) {
            for (String kv : q.split("&")) {
                if (kv.startsWith(name + "=")) {
                    return Integer.parseInt(kv.substring(name.length() + 1));
                }
            }
        }
        return otherwise;
    }

    private static void send(HttpExchange ex, int bytes, int ms) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
        ex.sendResponseHeaders(200, bytes);
        OutputStream o = ex.getResponseBody();
        int chunks = ms > 0 ? 20 : 1;
        byte[] chunk = new byte[(bytes + chunks - 1) / chunks];
        int left = bytes;
        for (int i = 0; i < chunks && left > 0; i++) {
            int n = Math.min(chunk.length, left);
            o.write(chunk, 0, n);
            o.flush();
            left -= n;
            if (ms > 0) {
                try {
                    Thread.sleep(ms / chunks);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void streamForever(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/x-votable+xml");
        ex.sendResponseHeaders(200, 0);
        OutputStream o = ex.getResponseBody();
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?>\n<VOTABLE version=\"1.4\" "
                + "xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE type=\"results\">"
                + "<INFO name=\"QUERY_STATUS\" value=\"OK\"/><TABLE><FIELD name=\"id\" datatype=\"int\"/>"
                + "<FIELD name=\"name\" datatype=\"char\" arraysize=\"*\"/><DATA><TABLEDATA>\n");
        for (int i = 0; i < 5000; i++) {
            doc.append("<TR><TD>").append(i).append("</TD><TD>row number ").append(i).append("</TD></TR>\n");
        }
        o.write(doc.toString().getBytes(StandardCharsets.UTF_8));
        o.flush();
        streaming.countDown();
        try {
            stopping.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopping.countDown();
        server.stop(0);
    }
}
