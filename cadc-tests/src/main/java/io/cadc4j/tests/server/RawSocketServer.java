// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that answers every connection with a script written against the raw socket,
 * for faults {@code com.sun.net.httpserver} cannot produce: a connection reset (TCP RST), or bytes
 * that break HTTP framing. It reads the request head (up to the blank line) before running the
 * script.
 *
 * <p>Thread-safe.
 */
public final class RawSocketServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.cadc4j.tests.server");

    private final ServerSocket socket;
    private final Script script;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    /**
     * What to do with one connection once its request head is read. Implementations must be
     * thread-safe: connections are served on threads of their own.
     */
    @FunctionalInterface
    public interface Script {
        /**
         * Acts on the connection.
         *
         * @param socket the connection; the server closes it afterwards unless the script did
         * @param requestHead the request line and headers, as text
         * @throws IOException if the client went away
         */
        void run(Socket socket, String requestHead) throws IOException;
    }

    private RawSocketServer(Script script) throws IOException {
        this.script = script;
        this.socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "raw-socket-server-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Starts a server running a script for each connection.
     *
     * @param script the script
     * @return the running server
     */
    public static RawSocketServer start(Script script) {
        Objects.requireNonNull(script, "script");
        try {
            return new RawSocketServer(script);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a raw socket server", e);
        }
    }

    /**
     * A script that resets the connection (RST, through a zero linger time) once the request head
     * has arrived, before any answer.
     *
     * @return the script
     */
    public static Script resetAfterRequest() {
        return (s, head) -> reset(s);
    }

    /**
     * A script that sends a status line, headers and part of a body, then resets the connection.
     *
     * @param declaredLength the {@code Content-Length} announced
     * @param sent the body bytes sent before the reset
     * @return the script
     */
    public static Script resetMidBody(long declaredLength, long sent) {
        return (s, head) -> {
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + declaredLength
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            PatternBytes.write(out, sent);
            out.flush();
            reset(s);
        };
    }

    private static void reset(Socket s) throws IOException {
        s.setSoLinger(true, 0);
        s.close();
    }

    /**
     * The URI of a path on this server.
     *
     * @param path an absolute path
     * @return {@code http://127.0.0.1:port/path}
     */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    /**
     * How many connections were accepted.
     *
     * @return the count
     */
    public int connections() {
        return connections.get();
    }

    /** Stops accepting. Idempotent. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing a raw socket server: {0}", e.toString());
        }
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            Socket s;
            try {
                s = socket.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            Thread t = new Thread(() -> serve(s), "raw-socket-connection");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket s) {
        try (s) {
            script.run(s, readHead(s.getInputStream()));
        } catch (SocketException e) {
            LOG.log(Level.DEBUG, "raw connection ended: {0}", e.toString());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "raw script failed: {0}", e.toString());
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length && head.size() < 64 * 1024) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
