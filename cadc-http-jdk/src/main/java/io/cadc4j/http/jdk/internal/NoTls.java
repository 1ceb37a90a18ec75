// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.http.jdk.internal;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * A TLS context for the client that sends only {@code http} requests: {@code java.net.http} wants
 * one when the client is made, and the default one reads the trust store. This one sets nothing up
 * and refuses every use, which never comes (the transport sends {@code https} through another
 * client); a use would be a bug, reported as such rather than as a TLS failure.
 *
 * <p>Stateless and thread-safe.
 */
final class NoTls extends SSLContextSpi {
    /** The placeholder context. */
    static final SSLContext CONTEXT = new SSLContext(new NoTls(), null, "none") { };

    private NoTls() {
    }

    /** @return empty parameters, so that the client does not ask the context for its defaults */
    static SSLParameters parameters() {
        return new SSLParameters();
    }

    private static IllegalStateException refused() {
        return new IllegalStateException("cadc4j bug: the plain-HTTP client was asked for TLS");
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
        throw refused();
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
        throw refused();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
        throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
        throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
        throw refused();
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
        throw refused();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
        throw refused();
    }
}
