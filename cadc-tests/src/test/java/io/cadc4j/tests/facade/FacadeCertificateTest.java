// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.ServiceLocation;
import io.cadc4j.core.TransportException;
import io.cadc4j.core.auth.AuthSettings;
import io.cadc4j.core.auth.CredentialException;
import io.cadc4j.core.auth.Realm;
import io.cadc4j.core.datalink.DownloadOutcome;
import io.cadc4j.core.datalink.LinkSet;
import io.cadc4j.core.spi.TransportSettings;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.tests.server.RecordedRequest;
import io.cadc4j.tests.server.StandInServer;
import io.cadc4j.tests.server.TestPki;
import io.cadc4j.tests.server.datalink.DataLinkStandIn;
import io.cadc4j.tests.server.tap.TapStandIn;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificate login through the facade, end to end: {@code Cadc.login(Path)} reads a PEM file as
 * {@code cadc-get-cert} writes it, and the TAP and DataLink stand-ins on an HTTPS server at
 * {@code 127.0.0.1} that refuses clients without a certificate of the test CA then answer; without
 * the certificate (never logged in, or logged out) the server refuses the TLS session (with TLS 1.3
 * the client sees the connection closed before any answer) and the call fails with a
 * {@link TransportException} naming the request and that likely reason. Broken files fail
 * at login with {@link CredentialException} and their own reason. As {@code Credentials} documents,
 * the certificate is offered only to a server that asks for one, so neither a plain http server
 * nor an https one that does not ask ever receives it; no key material appears in a message, a
 * {@code toString()} or a log line.
 */
class FacadeCertificateTest {
    private static final String ID = "ivo://cadc.nrc.ca/CFHT?1000001/1000001p";
    private static final String QUERY = "select * from caom2.Plane";

    @TempDir
    Path dir;

    private final TestPki pki = TestPki.shared();
    private StandInServer server;
    private TapStandIn tap;
    private DataLinkStandIn dataLink;
    private Path pem;
    private final LogCapture log = new LogCapture();

    @BeforeEach
    void start() throws IOException {
        server = StandInServer.startHttps(pki, true);
        tap = TapStandIn.on(server);
        dataLink = DataLinkStandIn.on(server).install();
        pem = write("cadcproxy.pem", pki.clientPem());
        log.attach();
    }

    @AfterEach
    void stop() {
        log.detach();
        if (tap != null) {
            tap.close();
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
    }

    /**
     * A facade on the stand-ins. The anonymous transport trusts the test CA (so that a refusal is
     * about the missing client certificate, not the server's), and so does the TLS context made
     * from a certificate file, through the auth settings' trust store.
     */
    private Cadc facade(URI linksUrl) {
        AuthSettings auth = AuthSettings.builder().realm(Realm.ofHost("127.0.0.1")).trustStore(pki.trustStore()).build();
        return Cadc.builder().tap(ServiceLocation.at(tap.base())).dataLink(ServiceLocation.at(linksUrl))
                .transportSettings(TransportSettings.builder().sslContext(pki.anonymousClientContext()).build())
                .authSettings(auth).build();
    }

    private static int drain(RowCursor rows) {
        int n = 0;
        try (RowCursor r = rows) {
            while (r.next()) {
                r.snapshot();
                n++;
            }
        }
        return n;
    }

    private List<RecordedRequest> since(StandInServer s, int from) {
        List<RecordedRequest> all = s.requests();
        return all.subList(from, all.size());
    }

    /**
     * Pieces of the base64 of the PEM's private key, past the algorithm header that every P-256 key
     * shares: what must never be shown.
     */
    private static List<String> keyPieces(String pemText) {
        Matcher m = Pattern.compile("-----BEGIN PRIVATE KEY-----\\n(.*?)-----END PRIVATE KEY-----", Pattern.DOTALL)
                .matcher(pemText);
        assertThat(m.find()).as("the PEM holds a key").isTrue();
        String key = m.group(1).replaceAll("\\s", "");
        List<String> pieces = new ArrayList<>();
        for (int i = 48; i + 12 <= key.length(); i += 12) {
            pieces.add(key.substring(i, i + 12));
        }
        assertThat(pieces).isNotEmpty();
        return pieces;
    }

    @Test
    void afterCertificateLoginTheQueryAndDataLinkAnswerAndTheServerSawTheCertificate() {
        try (Cadc cadc = facade(dataLink.linksUrl())) {
            cadc.login(pem);
            assertThat(cadc.isAnonymous()).isFalse();
            int from = server.requests().size();
            List<String> ids = new ArrayList<>();
            try (RowCursor rows = cadc.execSync(QUERY)) {
                int id = rows.columnIndex("publisherID");
                while (rows.next()) {
                    ids.add(rows.getString(id));
                }
            }
            assertThat(ids).containsExactlyElementsOf(TapStandIn.PLANES.stream().map(r -> r.get(0))::iterator);
            LinkSet links = cadc.getDataUrls(List.of(ID), false);
            assertThat(links.links()).hasSize(1);

            List<RecordedRequest> sent = since(server, from);
            assertThat(sent).extracting(RecordedRequest::path).contains("/tap/sync", DataLinkStandIn.LINKS_PATH);
            assertThat(sent).allSatisfy(r -> assertThat(r.clientCertificateSubject()).as("subject seen on %s", r)
                    .hasValue(pki.clientSubject()));
            // A certificate adds no header: it is presented in the TLS handshake only.
            assertThat(sent).noneSatisfy(r -> assertThat(r.headers().contains("Authorization")
                    || r.headers().contains("Cookie")).isTrue());
        }
    }

    @Test
    void withoutLoginTheServerClosesTheConnectionAndTheTransportExceptionSaysWhy() {
        try (Cadc cadc = facade(dataLink.linksUrl())) {
            // TLS 1.3: the refusal reaches the client as a closed connection when it reads the answer
            assertThatThrownBy(() -> drain(cadc.execSync(QUERY)))
                    .isInstanceOf(TransportException.class)
                    .hasMessageStartingWith("GET " + server.uri("/tap/capabilities"))
                    .hasMessageContaining("the server closed the connection without answering")
                    .hasMessageContaining("requires a client certificate");
            assertThatThrownBy(() -> cadc.getDataUrls(List.of(ID), false))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining(server.uri(DataLinkStandIn.LINKS_PATH).toString())
                    .hasMessageContaining("requires a client certificate");
            assertThat(server.requests()).as("no request got through").isEmpty();
        }
    }

    @Test
    void expiredCertificateIsRefusedAtLoginWithItsDates() throws IOException {
        Path expired = write("expired.pem", pki.expiredPem());
        try (Cadc cadc = facade(dataLink.linksUrl())) {
            assertThatThrownBy(() -> cadc.login(expired))
                    .isInstanceOfSatisfying(CredentialException.class,
                            e -> assertThat(e.reason()).isEqualTo(CredentialException.Reason.EXPIRED))
                    .hasMessageContaining("CN=cadc4j expired user").hasMessageContaining(expired.toString())
                    .hasMessageContaining("expired at");
            assertThat(cadc.isAnonymous()).isTrue();
        }
    }

    @Test
    void pemWithoutAKeyIsRefusedAtLogin() throws IOException {
        Path noKey = write("nokey.pem", pki.clientCertificatesPem());
        try (Cadc cadc = facade(dataLink.linksUrl())) {
            assertThatThrownBy(() -> cadc.login(noKey))
                    .isInstanceOfSatisfying(CredentialException.class,
                            e -> assertThat(e.reason()).isEqualTo(CredentialException.Reason.NO_PRIVATE_KEY))
                    .hasMessageContaining(noKey.toString()).hasMessageContaining("no private key");
            assertThat(cadc.isAnonymous()).isTrue();
        }
    }

    @Test
    void keyOfAnotherPartyIsRefusedAtLoginNamingTheCertificates() throws IOException {
        Path mismatched = write("mismatched.pem", pki.mismatchedPem());
        try (Cadc cadc = facade(dataLink.linksUrl())) {
            assertThatThrownBy(() -> cadc.login(mismatched))
                    .isInstanceOfSatisfying(CredentialException.class,
                            e -> assertThat(e.reason()).isEqualTo(CredentialException.Reason.KEY_MISMATCH))
                    .hasMessageContaining(mismatched.toString()).hasMessageContaining("belongs to none")
                    .hasMessageContaining(pki.clientSubject());
            assertThat(cadc.isAnonymous()).isTrue();
        }
    }

    @Test
    void missingFileIsRefusedAtLoginNamingIt() {
        Path missing = dir.resolve("no-such-dir").resolve("cadcproxy.pem");
        try (Cadc cadc = facade(dataLink.linksUrl())) {
            assertThatThrownBy(() -> cadc.login(missing))
                    .isInstanceOfSatisfying(CredentialException.class,
                            e -> assertThat(e.reason()).isEqualTo(CredentialException.Reason.FILE_NOT_FOUND))
                    .hasMessage("no certificate file at " + missing);
            assertThat(cadc.isAnonymous()).isTrue();
        }
    }

    @Test
    void certificateIsNeverOfferedOverPlainHttp() {
        try (StandInServer plain = StandInServer.start(); Cadc cadc = facade(plainLinks(plain))) {
            DataLinkStandIn.on(plain).install();
            cadc.login(pem);
            drain(cadc.execSync(QUERY));
            assertThat(cadc.getDataUrls(List.of(ID), false).links()).hasSize(1);
            List<DownloadOutcome> got = cadc.download(List.of(plain.uri(DataLinkStandIn.FILES_PATH + "a.fits")), dir);
            assertThat(got).allSatisfy(o -> assertThat(o.failure()).isEmpty());

            assertThat(plain.requests()).extracting(RecordedRequest::path)
                    .contains(DataLinkStandIn.LINKS_PATH, DataLinkStandIn.FILES_PATH + "a.fits");
            assertThat(plain.requests()).allSatisfy(r -> {
                assertThat(r.clientCertificateSubject()).isEmpty();
                // nor smuggled in a header, as some proxies forward a certificate
                assertThat(r.headers().contains("Authorization") || r.headers().contains("Cookie")).isFalse();
                assertThat(r.headers().map().toString()).doesNotContain("cadc4j test user").doesNotContain("CERTIFICATE");
            });
        }
    }

    private static URI plainLinks(StandInServer plain) {
        return plain.uri(DataLinkStandIn.LINKS_PATH);
    }

    @Test
    void certificateIsOfferedOnlyToAnHttpsServerThatAsksForOne() {
        try (StandInServer notAsking = StandInServer.startHttps(pki, false);
                Cadc cadc = facade(notAsking.uri(DataLinkStandIn.LINKS_PATH))) {
            DataLinkStandIn.on(notAsking).install();
            cadc.login(pem);
            drain(cadc.execSync(QUERY));
            assertThat(cadc.getDataUrls(List.of(ID), false).links()).hasSize(1);
            List<DownloadOutcome> got = cadc.download(List.of(notAsking.uri(DataLinkStandIn.FILES_PATH + "a.fits")), dir);
            assertThat(got).allSatisfy(o -> assertThat(o.failure()).isEmpty());

            assertThat(server.requests("/tap/sync"))
                    .isNotEmpty().allSatisfy(r -> assertThat(r.clientCertificateSubject()).hasValue(pki.clientSubject()));
            assertThat(notAsking.requests()).extracting(RecordedRequest::path)
                    .contains(DataLinkStandIn.LINKS_PATH, DataLinkStandIn.FILES_PATH + "a.fits");
            assertThat(notAsking.requests()).allSatisfy(r -> assertThat(r.clientCertificateSubject()).isEmpty());
        }
    }

    @Test
    void logoutStopsTheCertificateBeingPresented() {
        try (Cadc cadc = facade(dataLink.linksUrl())) {
            cadc.login(pem);
            assertThat(drain(cadc.execSync(QUERY))).isEqualTo(TapStandIn.PLANES.size());
            cadc.logout();
            assertThat(cadc.isAnonymous()).isTrue();
            int from = server.requests().size();
            assertThatThrownBy(() -> drain(cadc.execSync(QUERY))).isInstanceOf(TransportException.class)
                    .hasMessageContaining("requires a client certificate");
            assertThatThrownBy(() -> cadc.getDataUrls(List.of(ID), false)).isInstanceOf(TransportException.class);
            assertThat(since(server, from)).as("nothing got through after logout").isEmpty();
        }
    }

    @Test
    void noKeyMaterialOrFileContentAppearsInMessagesToStringsOrLogLines() throws IOException {
        String pemText = pki.clientPem();
        List<String> texts = new ArrayList<>();
        Path noKey = write("nokey.pem", pki.clientCertificatesPem());
        Path mismatched = write("mismatched.pem", pki.mismatchedPem());
        Path expired = write("expired.pem", pki.expiredPem());
        try (Cadc cadc = facade(dataLink.linksUrl())) {
            for (Path bad : List.of(noKey, mismatched, expired, dir.resolve("missing.pem"))) {
                assertThatThrownBy(() -> cadc.login(bad)).isInstanceOf(CredentialException.class)
                        .satisfies(e -> texts.add(String.valueOf(e)));
            }
            assertThatThrownBy(() -> drain(cadc.execSync(QUERY))).satisfies(e -> texts.add(String.valueOf(e)));
            cadc.login(pem);
            texts.add(cadc.toString());
            drain(cadc.execSync(QUERY));
            texts.add(cadc.getDataUrls(List.of(ID), false).toString());
            cadc.logout();
            texts.add(cadc.toString());
        }
        texts.addAll(log.lines());
        List<String> secrets = new ArrayList<>(keyPieces(pemText));
        secrets.addAll(keyPieces(pki.mismatchedPem()));
        secrets.addAll(keyPieces(pki.expiredPem()));
        assertThat(texts).isNotEmpty().noneSatisfy(t -> assertThat(t).containsAnyOf(secrets.toArray(new String[0])));
        // a quoted block would end so; naming the labels to look for is fine
        assertThat(texts).noneSatisfy(t -> assertThat(t).contains("-----END"));
    }
}
