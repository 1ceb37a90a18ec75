// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.security.KeyFactory;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

class TestPkiTest {
    private final TestPki pki = TestPki.shared();

    @Test
    void theCaIssuesTheServerUserAndClientAndTheUserIssuesTheProxy() throws Exception {
        X509Certificate ca = pki.certificate("ca");
        for (String issued : List.of("server", "user", "ec")) {
            X509Certificate c = pki.certificate(issued);
            c.verify(ca.getPublicKey());
            c.checkValidity();
            assertThat(c.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        }
        pki.certificate("proxy").verify(pki.certificate("user").getPublicKey());
        assertThat(pki.certificate("server").getSubjectAlternativeNames())
                .extracting(n -> (Object) n.get(1)).contains("127.0.0.1", "localhost");
        assertThat(pki.clientSubject()).isEqualTo("CN=bob,OU=users,O=cadc4j").isEqualTo(pki.subject("ec"));
        assertThat(pki.key("user").getAlgorithm()).isEqualTo("RSA");
        assertThat(pki.key("ec").getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void theBadlyDatedOnesAreExpiredNotYetValidAndExpiringSoon() throws Exception {
        assertThatThrownBy(() -> pki.certificate("expired").checkValidity()).isInstanceOf(CertificateExpiredException.class);
        assertThatThrownBy(() -> pki.certificate("future").checkValidity())
                .isInstanceOf(CertificateNotYetValidException.class);
        pki.certificate("soon").checkValidity();
        assertThat(Duration.between(Instant.now(), pki.certificate("soon").getNotAfter().toInstant()))
                .isBetween(Duration.ofHours(1), Duration.ofHours(24));
    }

    @Test
    void pemFilesHoldTheCertificatesAndAKeyThatReadsBack() throws Exception {
        String pem = pki.clientPem();
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").contains("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("-----END CERTIFICATE-----\n");
        String key = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + 28, pem.indexOf("-----END PRIVATE KEY-----"));
        byte[] der = Base64.getMimeDecoder().decode(key);
        assertThat(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der))).isEqualTo(pki.key("ec"));
        assertThat(pki.clientCertificatesPem()).doesNotContain("PRIVATE KEY");
        assertThat(pki.mismatchedPem()).endsWith(pki.pkcs8Pem("server"));
        assertThat(pki.expiredPem()).startsWith(TestPki.certificatePem(pki.certificate("expired")));
        assertThat(pki.pkcs1Pem("user")).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
        assertThat(pki.sec1Pem("ec", true)).startsWith("-----BEGIN EC PRIVATE KEY-----\n");
        assertThat(pki.write("x.pem", "a", "b")).hasContent("ab").startsWith(pki.dir());
    }

    @Test
    void anUnknownAliasSaysWhichThereAre() {
        assertThatThrownBy(() -> pki.certificate("nobody")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nobody").hasMessageContaining("server");
    }

    @Test
    void aServerAskingForAClientCertificateSeesTheClient() throws Exception {
        try (SSLServerSocket server = (SSLServerSocket) pki.serverContext().getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setNeedClientAuth(true);
            CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket s = (SSLSocket) server.accept(); OutputStream out = s.getOutputStream()) {
                    String who = ((X509Certificate) s.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
                    out.write(1);
                    return who;
                } catch (Exception e) {
                    return "failed: " + e;
                }
            });
            try (SSLSocket client = (SSLSocket) pki.clientContext().getSocketFactory().createSocket("127.0.0.1",
                    server.getLocalPort()); InputStream in = client.getInputStream()) {
                client.startHandshake();
                assertThat(in.read()).isEqualTo(1);
            }
            assertThat(seen.get(30, TimeUnit.SECONDS)).isEqualTo(pki.clientSubject());
        }
    }
}
