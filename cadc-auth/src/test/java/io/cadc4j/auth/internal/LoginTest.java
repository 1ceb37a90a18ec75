// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cadc4j.core.AuthenticationException;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.auth.AuthPort;
import io.cadc4j.core.auth.AuthSettings;
import io.cadc4j.core.auth.CookieCredentials;
import io.cadc4j.core.auth.Realm;
import io.cadc4j.core.spi.HttpHeaders;
import io.cadc4j.core.internal.http.HttpPipeline;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginTest {
    private static final String TOKEN = "dGVzdC10b2tlbg==.sig&expiry=1700000000";
    private static final String PASSWORD = "s3cret-Passw0rd";

    private HttpServer server;
    private URI loginUri;
    private final List<Map<String, String>> forms = new CopyOnWriteArrayList<>();
    private final List<com.sun.net.httpserver.Headers> headers = new CopyOnWriteArrayList<>();
    private HttpPipeline http;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ac/login", this::login);
        server.start();
        loginUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ac/login");
        http = HttpPipeline.builder().transport(new UrlConnectionTransport()).build();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    /** Behaves as CADC's /ac/login does (DIGEST §6.3), plus a user whose request breaks the server. */
    private void login(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        forms.add(form);
        headers.add(ex.getRequestHeaders());
        String user = form.getOrDefault("username", "");
        String password = form.getOrDefault("password", "");
        if (user.equals("boom")) {
            reply(ex, 500, "text/html", "<html><head><title>Internal Error</title></head><body><h1>Oops</h1>"
                    + "<p>the login service is down</p></body></html>");
        } else if (user.equals("echo")) {
            reply(ex, 401, "text/plain", "bad password '" + password + "' for echo (form was " + body + ")");
        } else if (user.isEmpty() || password.isEmpty()) {
            reply(ex, 400, "text/plain", "username and password are required");
        } else if (user.equals("alice") && password.equals(PASSWORD) || user.equals("bob") && password.equals("p@ss wörd&=+%")) {
            reply(ex, 200, "text/plain", TOKEN + "\n");
        } else {
            reply(ex, 401, "text/plain", "Login failed: invalid username or password");
        }
    }

    private static void reply(HttpExchange ex, int status, String type, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private AuthPort port() {
        return new CadcAuthAdapter(http, loginUri, AuthSettings.builder().httpLoginAllowed(true)
                .realm(Realm.builder().host("127.0.0.1").httpAllowed(true).build()).build());
    }

    @Test
    void logsInWithFormPostAndReturnsTheTokenAsQuotedCadcSsoCookie() {
        char[] password = PASSWORD.toCharArray();

        CookieCredentials cookie = port().login("alice", password);

        assertThat(forms).containsExactly(Map.of("username", "alice", "password", PASSWORD));
        assertThat(headers.get(0).getFirst("Accept")).isEqualTo("text/plain");
        assertThat(headers.get(0).getFirst("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(headers.get(0).containsKey("Cookie")).isFalse();
        assertThat(cookie.name()).isEqualTo("CADC_SSO");
        assertThat(new String(cookie.token())).isEqualTo(TOKEN);
        HttpHeaders.Builder applied = HttpHeaders.builder();
        port().policyFor(cookie).apply(URI.create("http://127.0.0.1:1/tap/sync"), applied);
        assertThat(applied.build().firstValue("Cookie")).hasValue("CADC_SSO=\"" + TOKEN + "\"");
        assertThat(password).containsOnly('\0');
    }

    @Test
    void encodesPasswordsWithReservedAndNonAsciiCharacters() {
        CookieCredentials cookie = port().login("bob", "p@ss wörd&=+%".toCharArray());

        assertThat(forms.get(0)).containsEntry("password", "p@ss wörd&=+%");
        assertThat(cookie.toString()).doesNotContain(TOKEN);
    }

    @Test
    void wrongPasswordIsAnAuthenticationErrorWithTheServersMessage() {
        char[] password = "wrong-password".toCharArray();

        assertThatThrownBy(() -> port().login("alice", password))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.serverMessage()).isEqualTo("Login failed: invalid username or password");
                    assertThat(e.requestUri()).hasValue(loginUri);
                })
                .hasMessageContaining("invalid username or password")
                .hasMessageNotContaining("wrong-password");
        assertThat(password).containsOnly('\0');
    }

    @Test
    void passwordAndTokenAppearInNoLogLine() {
        try (LogCapture log = new LogCapture()) {
            CookieCredentials cookie = port().login("alice", PASSWORD.toCharArray());
            assertThatThrownBy(() -> port().login("echo", PASSWORD.toCharArray())).isInstanceOf(AuthenticationException.class);

            assertThat(log.lines()).anySatisfy(l -> assertThat(l).contains("POST " + loginUri));
            assertThat(log.all()).doesNotContain(PASSWORD).doesNotContain(TOKEN);
            assertThat(cookie.toString()).doesNotContain(TOKEN);
        }
    }

    @Test
    void emptyPasswordIsAnAuthenticationErrorFromStatus400() {
        assertThatThrownBy(() -> port().login("alice", new char[0]))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("username and password are required");
    }

    @Test
    void serverErrorPageIsAServiceErrorWithReadableText() {
        assertThatThrownBy(() -> port().login("boom", PASSWORD.toCharArray()))
                .isInstanceOf(ServiceException.class)
                .isNotInstanceOf(AuthenticationException.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("the login service is down")
                .hasMessageNotContaining("<h1>")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void passwordEchoedByTheServerIsScrubbedFromTheMessage() {
        assertThatThrownBy(() -> port().login("echo", "echo-me-not!".toCharArray()))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("bad password '****'")
                .hasMessageNotContaining("echo-me-not")
                .satisfies(e -> assertThat(((AuthenticationException) e).serverMessage()).doesNotContain("echo-me-not"));
    }

    @Test
    void refusesToPostAPasswordOverPlainHttpByDefault() {
        char[] password = PASSWORD.toCharArray();
        AuthPort strict = new CadcAuthAdapter(http, loginUri, AuthSettings.defaults());

        assertThatThrownBy(() -> strict.login("alice", password))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("plain http");
        assertThat(forms).isEmpty();
        assertThat(password).containsOnly('\0');
    }

    @Test
    void cookieFromLoginGoesToDefaultCadcRealmHostsOverHttpsOnly() {
        CookieCredentials cookie = port().withSettings(AuthSettings.builder().httpLoginAllowed(true).build()).login("alice", PASSWORD.toCharArray());
        AuthPort auth = port();

        assertThat(applied(auth, cookie, "https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus/sync")).isTrue();
        assertThat(applied(auth, cookie, "https://ws-uv.canfar.net/caom2ops/pkg")).isTrue();
        assertThat(applied(auth, cookie, "https://canfar.net/")).isTrue();
        assertThat(applied(auth, cookie, "http://ws-uv.canfar.net/caom2ops/pkg")).isFalse();
        assertThat(applied(auth, cookie, "https://evilcanfar.net/")).isFalse();
        assertThat(applied(auth, cookie, "https://canfar.net.example.org/")).isFalse();
        assertThat(applied(auth, cookie, "http://127.0.0.1:8080/")).isFalse();
    }

    private static boolean applied(AuthPort auth, CookieCredentials cookie, String uri) {
        HttpHeaders.Builder b = HttpHeaders.builder();
        auth.policyFor(cookie).apply(URI.create(uri), b);
        return b.contains("Cookie");
    }
}
