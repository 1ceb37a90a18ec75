// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.http.jdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.spi.HttpRequest;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The hint that an https server which requires a client certificate closes the connection without
 * answering: given for each way the JDK's client reports that close before any header (an end of
 * stream, a reset, "header parser received no bytes" with or without a cause), never for a refused
 * connection or plain http. (FacadeCertificateTest met the no-cause form in a CI run: the hint was
 * missing from the message after the last retry.)
 */
class ClosedOverTlsTest {
    private static final HttpRequest HTTPS = HttpRequest.newBuilder(URI.create("https://ws.example.org/tap/sync"))
            .GET().build();
    private static final HttpRequest HTTP = HttpRequest.newBuilder(URI.create("http://ws.example.org/tap/sync"))
            .GET().build();

    @Test
    void everyFormOfACloseBeforeTheHeadersOverHttpsGetsTheHint() {
        IOException[] closes = {
            new IOException("HTTP/1.1 header parser received no bytes"),
            new IOException("HTTP/1.1 header parser received no bytes", new EOFException("EOF reached while reading")),
            new IOException("Connection reset", new java.net.SocketException("Connection reset")),
            new EOFException("EOF reached while reading"),
        };
        for (IOException close : closes) {
            assertThat(JdkHttpTransport.closedOverTls(HTTPS, close)).as(close.toString())
                    .contains("the server closed the connection without answering")
                    .contains("requires a client certificate");
        }
    }

    @Test
    void aRefusedConnectionOrPlainHttpGetsNone() {
        assertThat(JdkHttpTransport.closedOverTls(HTTPS, new IOException("x", new ConnectException("Connection refused"))))
                .isEmpty();
        assertThat(JdkHttpTransport.closedOverTls(HTTP, new IOException("HTTP/1.1 header parser received no bytes")))
                .isEmpty();
        assertThat(JdkHttpTransport.closedOverTls(HTTPS, new IOException("something else"))).isEmpty();
    }
}
