// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.auth.AuthPort;
import io.cadc4j.core.auth.AuthSettings;
import io.cadc4j.core.auth.CertificateCredentials;
import io.cadc4j.core.auth.CredentialException;
import io.cadc4j.core.auth.CredentialException.Reason;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.testing.TestPki;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PemCredentialReaderTest {
    private static TestPki pki;
    private static AuthPort auth;

    @BeforeAll
    static void makeCertificates() {
        pki = TestPki.shared();
        auth = port(AuthSettings.defaults());
    }

    private static AuthPort port(AuthSettings settings) {
        return new CadcAuthAdapter(HttpPipeline.builder().transport(new RecordingTransport(r -> null)).build(),
                URI.create("https://ws-cadc.canfar.net/ac/login"), settings);
    }

    private static String cert(String alias) {
        return TestPki.certificatePem(pki.certificate(alias));
    }

    @Test
    void readsPkcs1RsaKeyAfterItsCertificate() {
        Path f = pki.write("pkcs1.pem", cert("user"), pki.pkcs1Pem("user"));

        CertificateCredentials c = auth.certificate(f);

        assertThat(c.subject()).isEqualTo("CN=alice,OU=users,O=cadc4j");
        assertThat(c.chain()).containsExactly(pki.certificate("user"));
        assertThat(c.securityMethods()).containsExactly(SecurityMethod.CERTIFICATE);
        assertThat(c.sslContext().getProtocol()).isEqualTo("TLS");
    }

    @Test
    void readsPkcs8KeyBeforeTheCertificateChain() {
        Path f = pki.write("pkcs8.pem", pki.pkcs8Pem("user"), cert("user"), cert("ca"));

        CertificateCredentials c = auth.certificate(f);

        assertThat(c.chain()).containsExactly(pki.certificate("user"), pki.certificate("ca"));
    }

    @Test
    void readsSec1EcKeyWithItsNamedCurve() {
        Path f = pki.write("ec.pem", cert("ec"), pki.sec1Pem("ec", true), cert("ca"));

        CertificateCredentials c = auth.certificate(f);

        assertThat(c.subject()).isEqualTo("CN=bob,OU=users,O=cadc4j");
        assertThat(c.chain()).containsExactly(pki.certificate("ec"), pki.certificate("ca"));
    }

    @Test
    void readsSec1EcKeyWithoutCurveByTakingTheCertificatesCurve() {
        Path f = pki.write("ec-nocurve.pem", "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n",
                pki.sec1Pem("ec", false), cert("ec"));

        assertThat(auth.certificate(f).subject()).isEqualTo("CN=bob,OU=users,O=cadc4j");
    }

    @Test
    void readsPkcs8EcKey() {
        Path f = pki.write("ec8.pem", cert("ec"), pki.pkcs8Pem("ec"));

        assertThat(auth.certificate(f).chain()).containsExactly(pki.certificate("ec"));
    }

    @Test
    void readsCadcProxyFileOrderedProxyKeyUserAndBuildsTheChainByIssuer() {
        // cadc-get-cert writes: proxy certificate, its PKCS#1 key, then the user's certificate chain.
        Path f = pki.write("cadcproxy.pem", cert("proxy"), pki.pkcs1Pem("proxy"), cert("ca"), cert("user"));

        CertificateCredentials c = auth.certificate(f);

        assertThat(c.subject()).isEqualTo("CN=1234567,CN=alice,OU=users,O=cadc4j");
        assertThat(c.chain()).containsExactly(pki.certificate("proxy"), pki.certificate("user"), pki.certificate("ca"));
        assertThat(c.notAfter()).isEqualTo(pki.certificate("proxy").getNotAfter().toInstant());
    }

    @Test
    void keyOfAnotherCertificateIsAMismatch() {
        Path f = pki.write("mismatch.pem", cert("user"), pki.pkcs8Pem("ec"));

        assertFails(() -> auth.certificate(f), Reason.KEY_MISMATCH, m -> assertThat(m).contains("belongs to none")
                .contains("CN=alice"));
    }

    @Test
    void rsaKeyOfAnotherRsaCertificateIsAMismatch() {
        Path f = pki.write("mismatch-rsa.pem", cert("user"), pki.pkcs1Pem("proxy"));

        assertFails(() -> auth.certificate(f), Reason.KEY_MISMATCH, m -> assertThat(m).contains("mismatch-rsa.pem"));
    }

    @Test
    void expiredCertificateFailsWithItsDates() {
        Path f = pki.write("expired.pem", cert("expired"), pki.pkcs8Pem("expired"));
        Instant notAfter = pki.certificate("expired").getNotAfter().toInstant();

        assertFails(() -> auth.certificate(f), Reason.EXPIRED, m -> assertThat(m).contains("CN=expired")
                .contains("expired at " + notAfter).contains("valid from " + pki.certificate("expired").getNotBefore().toInstant()));
    }

    @Test
    void notYetValidCertificateFailsWithItsDates() {
        Path f = pki.write("future.pem", pki.sec1Pem("future", true), cert("future"));
        Instant notBefore = pki.certificate("future").getNotBefore().toInstant();

        assertFails(() -> auth.certificate(f), Reason.NOT_YET_VALID, m -> assertThat(m).contains("not valid until " + notBefore));
    }

    @Test
    void certificateCloseToExpiryLoadsWithAWarning() {
        Path f = pki.write("soon.pem", cert("soon"), pki.pkcs8Pem("soon"));

        CertificateCredentials c;
        try (LogCapture log = new LogCapture()) {
            c = auth.certificate(f);
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("WARNING").contains("CN=soon")
                    .contains("expires at " + c.notAfter()));
        }
        assertThat(c.expiresWithin(Instant.now(), Duration.ofHours(24))).isTrue();
    }

    @Test
    void warningPeriodIsConfigurable() {
        Path f = pki.write("soon2.pem", cert("soon"), pki.pkcs8Pem("soon"));

        try (LogCapture log = new LogCapture()) {
            port(AuthSettings.builder().expiryWarning(Duration.ofHours(1)).build()).certificate(f);
            assertThat(log.lines()).noneMatch(line -> line.startsWith("WARNING"));
        }
    }

    @Test
    void validityIsCheckedAgainstTheConfiguredClock() {
        Path f = pki.write("user-later.pem", cert("user"), pki.pkcs8Pem("user"));
        Clock later = Clock.fixed(pki.certificate("user").getNotAfter().toInstant().plusSeconds(1), ZoneOffset.UTC);

        assertFails(() -> port(AuthSettings.builder().clock(later).build()).certificate(f), Reason.EXPIRED, m -> { });
    }

    @Test
    void encryptedPkcs8KeyIsRefused() {
        Path f = pki.write("enc8.pem", cert("user"), TestPki.pem("ENCRYPTED PRIVATE KEY", new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}));

        assertFails(() -> auth.certificate(f), Reason.ENCRYPTED_KEY, m -> assertThat(m).contains("encrypted"));
    }

    @Test
    void encryptedTraditionalOpensslKeyIsRefused() {
        Path f = pki.write("enc1.pem", cert("user"), "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                + "DEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF\n\n"
                + Base64.getEncoder().encodeToString(new byte[48]) + "\n-----END RSA PRIVATE KEY-----\n");

        assertFails(() -> auth.certificate(f), Reason.ENCRYPTED_KEY, m -> assertThat(m).contains("RSA PRIVATE KEY"));
    }

    @Test
    void fileWithoutKeyIsRefused() {
        Path f = pki.write("nokey.pem", cert("user"), cert("ca"));

        assertFails(() -> auth.certificate(f), Reason.NO_PRIVATE_KEY, m -> assertThat(m).contains("2 certificate(s) but no private key"));
    }

    @Test
    void fileWithoutCertificateIsRefused() {
        Path f = pki.write("nocert.pem", pki.pkcs8Pem("user"));

        assertFails(() -> auth.certificate(f), Reason.NO_CERTIFICATE, m -> assertThat(m).contains("no certificate"));
    }

    @Test
    void missingFileIsRefused() {
        Path f = pki.dir().resolve("absent.pem");

        assertFails(() -> auth.certificate(f), Reason.FILE_NOT_FOUND, m -> assertThat(m).contains(f.toString()));
    }

    @Test
    void fileWithoutPemBlocksIsMalformed() {
        Path f = pki.write("notpem.pem", "just some text\n");

        assertFails(() -> auth.certificate(f), Reason.MALFORMED, m -> assertThat(m).contains("not a PEM file"));
    }

    @Test
    void garbledKeyIsMalformedWithoutQuotingIt() {
        String garbage = Base64.getEncoder().encodeToString("not-a-key-at-all-but-secret-looking".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Path f = pki.write("garbled.pem", cert("user"), "-----BEGIN RSA PRIVATE KEY-----\n" + garbage + "\n-----END RSA PRIVATE KEY-----\n");

        assertFails(() -> auth.certificate(f), Reason.MALFORMED, m -> assertThat(m).doesNotContain(garbage).doesNotContain("secret-looking"));
    }

    @Test
    void messagesAndToStringNeverShowKeyMaterial() {
        String keyPem = pki.pkcs1Pem("user");
        String keyBase64Line = keyPem.split("\n")[3];
        Path f = pki.write("leak.pem", cert("user"), keyPem);

        CertificateCredentials c = auth.certificate(f);
        Path bad = pki.write("leak-mismatch.pem", cert("ec"), keyPem);

        assertThat(c.toString()).contains("CN=alice").doesNotContain(keyBase64Line);
        assertThatThrownBy(() -> auth.certificate(bad)).hasMessageNotContaining(keyBase64Line);
        c.destroy();
        assertThat(c.isDestroyed()).isTrue();
        assertThatThrownBy(c::sslContext).isInstanceOf(IllegalStateException.class).hasMessageContaining("destroyed");
    }

    private static void assertFails(ThrowableAssert.ThrowingCallable call, Reason reason, Consumer<String> message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CredentialException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            message.accept(e.getMessage());
        });
    }
}
