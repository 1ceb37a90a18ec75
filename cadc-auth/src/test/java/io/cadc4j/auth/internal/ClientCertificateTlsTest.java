// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.cadc4j.core.CadcException;
import io.cadc4j.core.auth.AuthPort;
import io.cadc4j.core.auth.AuthSettings;
import io.cadc4j.core.auth.CertificateCredentials;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.testing.TestPki;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real TLS handshake against a loopback server that requires a client certificate issued by the test CA. */
class ClientCertificateTlsTest {
    private static TestPki pki;
    private static HttpsServer server;
    private static URI whoami;

    @BeforeAll
    static void startServer() throws IOException {
        pki = TestPki.shared();
        SSLContext serverTls = pki.serverContext();

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = serverTls.getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        server.createContext("/whoami", ex -> {
            String who;
            try {
                who = ((X509Certificate) ((HttpsExchange) ex).getSSLSession().getPeerCertificates()[0])
                        .getSubjectX500Principal().getName();
            } catch (SSLPeerUnverifiedException e) {
                who = "anonymous";
            }
            byte[] b = who.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        });
        server.start();
        whoami = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/whoami");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static AuthPort port() {
        return new CadcAuthAdapter(HttpPipeline.builder().transport(new RecordingTransport(r -> null)).build(),
                URI.create("https://ws-cadc.canfar.net/ac/login"), AuthSettings.builder().trustStore(pki.trustStore()).build());
    }

    private static String get(SSLContext tls) throws IOException {
        try (HttpPipeline http = HttpPipeline.builder().transport(new UrlConnectionTransport(tls)).build();
             HttpResponse r = http.sendExpectingSuccess(HttpRequest.newBuilder(whoami).GET().build())) {
            return new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void serverSeesTheClientCertificateFromAPkcs1PemFile() throws IOException {
        Path f = pki.write("tls-user.pem", TestPki.certificatePem(pki.certificate("user")), pki.pkcs1Pem("user"),
                TestPki.certificatePem(pki.certificate("ca")));
        CertificateCredentials c = port().certificate(f);

        assertThat(get(c.sslContext())).isEqualTo("CN=alice,OU=users,O=cadc4j");
    }

    @Test
    void serverSeesTheClientCertificateFromAnEcPemFile() throws IOException {
        Path f = pki.write("tls-ec.pem", pki.sec1Pem("ec", true), TestPki.certificatePem(pki.certificate("ec")));
        CertificateCredentials c = port().certificate(f);

        assertThat(get(c.sslContext())).isEqualTo("CN=bob,OU=users,O=cadc4j");
    }

    @Test
    void handshakeFailsWithoutAClientCertificate() {
        SSLContext trustOnly = pki.anonymousClientContext();

        assertThatThrownBy(() -> get(trustOnly)).isInstanceOf(CadcException.class)
                .hasMessageContaining(whoami.toString());
    }
}
