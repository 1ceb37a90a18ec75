// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cadc4j.core.auth.AuthPort;
import io.cadc4j.core.auth.AuthSettings;
import io.cadc4j.core.auth.BasicCredentials;
import io.cadc4j.core.auth.CookieCredentials;
import io.cadc4j.core.auth.CredentialSet;
import io.cadc4j.core.auth.Credentials;
import io.cadc4j.core.auth.Realm;
import io.cadc4j.core.auth.TokenCredentials;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same redirect leak check over real sockets: one loopback server reached under two names,
 * {@code 127.0.0.1} (in the realm) and {@code localhost} (outside it), which the pipeline treats as
 * different hosts.
 */
class LoopbackRedirectLeakTest {
    private static final Realm LOOPBACK = Realm.builder().host("127.0.0.1").httpAllowed(true).build();

    private HttpServer server;
    private int port;
    private final Map<String, List<String>> credentialHeadersByPath = new ConcurrentHashMap<>();
    private final AuthPort auth = new CadcAuthAdapter(HttpPipeline.builder().transport(new RecordingTransport(r -> null)).build(),
            URI.create("https://ws-cadc.canfar.net/ac/login"), AuthSettings.defaults());

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        port = server.getAddress().getPort();
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            List<String> seen = new java.util.ArrayList<>();
            ex.getRequestHeaders().getOrDefault("Cookie", List.of()).forEach(v -> seen.add("Cookie: " + v));
            ex.getRequestHeaders().getOrDefault("Authorization", List.of()).forEach(v -> seen.add("Authorization: " + v));
            credentialHeadersByPath.put(path, seen);
            switch (path) {
                case "/data/pub/file":
                    ex.getResponseHeaders().set("Location", "http://localhost:" + port + "/mirror/file");
                    ex.sendResponseHeaders(303, -1);
                    break;
                case "/mirror/file":
                    ex.getResponseHeaders().set("Location", "http://127.0.0.1:" + port + "/data/auth/file");
                    ex.sendResponseHeaders(302, -1);
                    break;
                default:
                    ex.sendResponseHeaders(204, -1);
            }
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void fetch(Credentials credentials) {
        try (HttpPipeline http = HttpPipeline.builder().transport(new UrlConnectionTransport())
                .credentials(auth.policyFor(credentials)).build();
             HttpResponse r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/data/pub/file")).GET().build())) {
            assertThat(r.status()).isEqualTo(204);
        }
    }

    @Test
    void cookieAndTokenReachOnlyTheRealmHostOverTheWire() {
        fetch(CredentialSet.of(CookieCredentials.of("wire-cookie".toCharArray(), LOOPBACK),
                TokenCredentials.of("wire-token".toCharArray(), LOOPBACK)));

        assertThat(credentialHeadersByPath.get("/data/pub/file"))
                .containsExactlyInAnyOrder("Cookie: CADC_SSO=\"wire-cookie\"", "Authorization: Bearer wire-token");
        assertThat(credentialHeadersByPath.get("/mirror/file")).isEmpty();
        assertThat(credentialHeadersByPath.get("/data/auth/file")).hasSize(2);
    }

    @Test
    void basicCredentialsReachOnlyTheRealmHostOverTheWire() {
        fetch(BasicCredentials.of("cadcauthtest1", "test-Passw0rd".toCharArray(), LOOPBACK));

        assertThat(credentialHeadersByPath.get("/data/pub/file")).singleElement().asString().startsWith("Authorization: Basic ");
        assertThat(credentialHeadersByPath.get("/mirror/file")).isEmpty();
        assertThat(credentialHeadersByPath.get("/data/auth/file")).hasSize(1);
    }
}
