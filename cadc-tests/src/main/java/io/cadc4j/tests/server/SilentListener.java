// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port where connecting hangs, for connect-timeout tests without leaving the machine: a
 * listening socket that never accepts, whose accept queue is filled first, so that the kernel
 * drops further connection attempts and the client waits (Linux behaviour with the default
 * {@code tcp_abort_on_overflow=0}).
 *
 * <p>Thread-safe.
 */
public final class SilentListener implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.cadc4j.tests.server");

    private final ServerSocket socket;
    private final List<Socket> fillers = new ArrayList<>();

    private SilentListener() throws IOException {
        socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
        for (int i = 0; i < 16; i++) {
            Socket s = new Socket();
            try {
                s.connect(address, 200);
                fillers.add(s);
            } catch (SocketTimeoutException e) {
                s.close();
                return;
            }
        }
        close();
        throw new IllegalStateException("the accept queue never filled: this system accepts connects without "
                + "a listener taking them, so a connect timeout cannot be provoked here");
    }

    /**
     * Opens the listener and fills its queue.
     *
     * @return the listener
     */
    public static SilentListener open() {
        try {
            return new SilentListener();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a silent listener", e);
        }
    }

    /**
     * A URI on the silent port.
     *
     * @param path an absolute path
     * @return {@code http://127.0.0.1:port/path}
     */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    /** Closes the listener and its fillers. Idempotent. */
    @Override
    public void close() {
        for (Socket s : fillers) {
            closeQuietly(s);
        }
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing a silent listener: {0}", e.toString());
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing a filler socket: {0}", e.toString());
        }
    }
}
