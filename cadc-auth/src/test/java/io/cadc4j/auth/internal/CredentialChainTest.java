// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.auth.AuthPort;
import io.cadc4j.core.auth.AuthSettings;
import io.cadc4j.core.auth.BasicCredentials;
import io.cadc4j.core.auth.CertificateCredentials;
import io.cadc4j.core.auth.CredentialChain;
import io.cadc4j.core.auth.CredentialException;
import io.cadc4j.core.auth.Credentials;
import io.cadc4j.core.auth.TokenCredentials;
import io.cadc4j.core.auth.Realm;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.testing.TestPki;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialChainTest {
    private static TestPki pki;
    private final AuthPort auth = new CadcAuthAdapter(HttpPipeline.builder().transport(new RecordingTransport(r -> null)).build(),
            URI.create("https://ws-cadc.canfar.net/ac/login"), AuthSettings.defaults());

    @TempDir
    Path home;

    @BeforeAll
    static void makeCertificates() {
        pki = TestPki.shared();
    }

    private void proxyCertificate(String alias) throws IOException {
        Files.createDirectories(home.resolve(".ssl"));
        Files.writeString(home.resolve(".ssl/cadcproxy.pem"), TestPki.certificatePem(pki.certificate(alias)) + pki.pkcs8Pem(alias));
    }

    @Test
    void explicitCredentialsWinOverEverything() throws IOException {
        Files.writeString(home.resolve(".netrc"), "machine ws-cadc.canfar.net login alice password pw\n");
        TokenCredentials token = TokenCredentials.of("tok".toCharArray(), Realm.cadc());

        Credentials c = CredentialChain.builder().explicit(token).home(home).netrc(true).proxyCertificate(true).build()
                .resolve("ws-cadc.canfar.net", auth);

        assertThat(c).isSameAs(token);
    }

    @Test
    void netrcInHomeGivesBasicCredentialsForThatHostOnly() throws IOException {
        Files.writeString(home.resolve(".netrc"), "machine ws-cadc.canfar.net login alice password pw\n");
        proxyCertificate("user");

        Credentials c = CredentialChain.builder().home(home).netrc(true).proxyCertificate(true).build()
                .resolve("ws-cadc.canfar.net", auth);

        assertThat(c).isInstanceOfSatisfying(BasicCredentials.class, b -> {
            assertThat(b.user()).isEqualTo("alice");
            assertThat(b.realm().containsHost("ws-cadc.canfar.net")).isTrue();
            assertThat(b.realm().containsHost("ws-uv.canfar.net")).isFalse();
        });
    }

    @Test
    void netrcEnvironmentVariableOverridesTheHomeFile() throws IOException {
        Files.writeString(home.resolve(".netrc"), "machine h login fromhome password a\n");
        Path other = Files.writeString(home.resolve("other-netrc"), "machine h login fromenv password b\n");

        Credentials c = CredentialChain.builder().home(home).environment(Map.of("NETRC", other.toString())).netrc(true).build()
                .resolve("h", auth);

        assertThat(((BasicCredentials) c).user()).isEqualTo("fromenv");
    }

    @Test
    void proxyCertificateIsUsedWhenNetrcHasNoEntryForTheHost() throws IOException {
        Files.writeString(home.resolve(".netrc"), "machine elsewhere.example login bob password pw\n");
        proxyCertificate("user");

        Credentials c = CredentialChain.builder().home(home).netrc(true).proxyCertificate(true).build()
                .resolve("ws-cadc.canfar.net", auth);

        assertThat(c).isInstanceOfSatisfying(CertificateCredentials.class,
                cert -> assertThat(cert.subject()).isEqualTo("CN=alice,OU=users,O=cadc4j"));
    }

    @Test
    void nothingFoundIsAnonymous() {
        Credentials c = CredentialChain.builder().home(home).netrc(true).proxyCertificate(true).build()
                .resolve("ws-cadc.canfar.net", auth);

        assertThat(c.isAnonymous()).isTrue();
    }

    @Test
    void stepsNotAskedForAreNotTaken() throws IOException {
        Files.writeString(home.resolve(".netrc"), "default login alice password pw\n");
        proxyCertificate("user");

        assertThat(CredentialChain.builder().home(home).build().resolve("h", auth)).isSameAs(Credentials.ANONYMOUS);
    }

    @Test
    void expiredProxyCertificateIsReportedNotSilentlyIgnored() throws IOException {
        proxyCertificate("expired");

        assertThatThrownBy(() -> CredentialChain.builder().home(home).proxyCertificate(true).build().resolve("h", auth))
                .isInstanceOfSatisfying(CredentialException.class,
                        e -> assertThat(e.reason()).isEqualTo(CredentialException.Reason.EXPIRED));
    }
}
