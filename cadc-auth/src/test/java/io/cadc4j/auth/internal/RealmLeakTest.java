// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.auth.internal.RecordingTransport.Answer;
import io.cadc4j.core.auth.AuthPort;
import io.cadc4j.core.auth.AuthSettings;
import io.cadc4j.core.auth.BasicCredentials;
import io.cadc4j.core.auth.CookieCredentials;
import io.cadc4j.core.auth.CredentialSet;
import io.cadc4j.core.auth.Credentials;
import io.cadc4j.core.auth.Realm;
import io.cadc4j.core.auth.TokenCredentials;
import io.cadc4j.core.spi.HttpHeaders;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Credentials through the core's {@link HttpPipeline}: the realm is {@code 127.0.0.1} (plain http
 * allowed, as on loopback), and {@code localhost} stands for a host outside it.
 */
class RealmLeakTest {
    private static final String COOKIE_SECRET = "cookie-SECRET-1234";
    private static final String TOKEN_SECRET = "bearer-SECRET-5678";
    private static final String PASSWORD_SECRET = "basic-SECRET-9012";
    private static final Realm LOOPBACK = Realm.builder().host("127.0.0.1").httpAllowed(true).build();

    private static final URI INSIDE = URI.create("http://127.0.0.1:8001/data/pub/CFHT/123");
    private static final URI OUTSIDE = URI.create("http://localhost:8002/elsewhere/123");
    private static final URI BACK_INSIDE = URI.create("http://127.0.0.1:8003/data/auth/CFHT/123");

    private final AuthPort auth = new CadcAuthAdapter(HttpPipeline.builder().transport(new RecordingTransport(r -> null)).build(),
            URI.create("https://ws-cadc.canfar.net/ac/login"), AuthSettings.defaults());

    private static RecordingTransport outAndBack() {
        return new RecordingTransport(r -> {
            if (r.uri().equals(INSIDE)) {
                return Answer.redirect(303, OUTSIDE);
            }
            if (r.uri().equals(OUTSIDE)) {
                return Answer.redirect(302, BACK_INSIDE);
            }
            return Answer.ok("data");
        });
    }

    private static List<HttpRequest> send(Credentials credentials, AuthPort auth, HttpRequest request) {
        RecordingTransport transport = outAndBack();
        try (HttpPipeline http = HttpPipeline.builder().transport(transport).credentials(auth.policyFor(credentials)).build();
             HttpResponse r = http.send(request)) {
            assertThat(r.status()).isEqualTo(200);
        }
        return transport.requests();
    }

    @Test
    void cookieGoesToRealmHostsOnlyAcrossRedirects() {
        CookieCredentials cookie = CookieCredentials.of(COOKIE_SECRET.toCharArray(), LOOPBACK);

        List<HttpRequest> sent = send(cookie, auth, HttpRequest.newBuilder(INSIDE).GET().build());

        assertThat(sent).extracting(HttpRequest::uri).containsExactly(INSIDE, OUTSIDE, BACK_INSIDE);
        assertThat(sent.get(0).headers().firstValue("Cookie")).hasValue("CADC_SSO=\"" + COOKIE_SECRET + "\"");
        assertThat(sent.get(1).headers().contains("Cookie")).isFalse();
        assertThat(sent.get(2).headers().firstValue("Cookie")).hasValue("CADC_SSO=\"" + COOKIE_SECRET + "\"");
    }

    @Test
    void bearerTokenGoesToRealmHostsOnlyAcrossRedirects() {
        TokenCredentials token = TokenCredentials.of(TOKEN_SECRET.toCharArray(), LOOPBACK);

        List<HttpRequest> sent = send(token, auth, HttpRequest.newBuilder(INSIDE).GET().build());

        assertThat(sent.get(0).headers().firstValue("Authorization")).hasValue("Bearer " + TOKEN_SECRET);
        assertThat(sent.get(1).headers().contains("Authorization")).isFalse();
        assertThat(sent.get(2).headers().firstValue("Authorization")).hasValue("Bearer " + TOKEN_SECRET);
    }

    @Test
    void basicCredentialsGoToRealmHostsOnlyAcrossRedirects() {
        BasicCredentials basic = BasicCredentials.of("cadcauthtest1", PASSWORD_SECRET.toCharArray(), LOOPBACK);
        String expected = "Basic " + Base64.getEncoder().encodeToString(("cadcauthtest1:" + PASSWORD_SECRET).getBytes(StandardCharsets.UTF_8));

        List<HttpRequest> sent = send(basic, auth, HttpRequest.newBuilder(INSIDE).GET().build());

        assertThat(sent.get(0).headers().firstValue("Authorization")).hasValue(expected);
        assertThat(sent.get(1).headers().contains("Authorization")).isFalse();
        assertThat(sent.get(2).headers().firstValue("Authorization")).hasValue(expected);
    }

    @Test
    void callersOwnCredentialHeadersAreDroppedOnTheHopOutOfOrigin() {
        List<HttpRequest> sent = send(Credentials.ANONYMOUS, auth, HttpRequest.newBuilder(INSIDE).GET()
                .header("Authorization", "Bearer " + TOKEN_SECRET).header("Cookie", "a=" + COOKIE_SECRET).build());

        assertThat(sent.get(0).headers().contains("Authorization")).isTrue();
        assertThat(sent.get(1).headers().contains("Authorization")).isFalse();
        assertThat(sent.get(1).headers().contains("Cookie")).isFalse();
    }

    @Test
    void everythingHeldGoesTogetherButNeverOutside() {
        Credentials all = CredentialSet.of(CookieCredentials.of(COOKIE_SECRET.toCharArray(), LOOPBACK),
                TokenCredentials.of(TOKEN_SECRET.toCharArray(), LOOPBACK),
                BasicCredentials.of("u", PASSWORD_SECRET.toCharArray(), LOOPBACK));

        List<HttpRequest> sent = send(all, auth, HttpRequest.newBuilder(INSIDE).GET().build());

        assertThat(sent.get(0).headers().firstValue("Cookie")).hasValue("CADC_SSO=\"" + COOKIE_SECRET + "\"");
        // One Authorization only: the bearer token outranks basic in the default preference.
        assertThat(sent.get(0).headers().allValues("Authorization")).containsExactly("Bearer " + TOKEN_SECRET);
        assertThat(sent.get(1).headers().map()).doesNotContainKeys("Cookie", "Authorization");
    }

    @Test
    void realmWithoutHttpSendsNothingOverPlainHttp() {
        Credentials https = CookieCredentials.of(COOKIE_SECRET.toCharArray(), Realm.ofHost("127.0.0.1"));

        List<HttpRequest> sent = send(https, auth, HttpRequest.newBuilder(INSIDE).GET().build());

        assertThat(sent).allSatisfy(r -> assertThat(r.headers().contains("Cookie")).isFalse());
    }

    @Test
    void destroyedCredentialsAreNoLongerSent() {
        Credentials all = CredentialSet.of(CookieCredentials.of(COOKIE_SECRET.toCharArray(), LOOPBACK),
                TokenCredentials.of(TOKEN_SECRET.toCharArray(), LOOPBACK));
        all.destroy();

        List<HttpRequest> sent = send(all, auth, HttpRequest.newBuilder(INSIDE).GET().build());

        assertThat(all.isDestroyed()).isTrue();
        assertThat(sent).allSatisfy(r -> assertThat(r.headers().map()).doesNotContainKeys("Cookie", "Authorization"));
    }

    @Test
    void secretsAppearInNoLogLineToStringOrErrorMessage() {
        Credentials all = CredentialSet.of(CookieCredentials.of(COOKIE_SECRET.toCharArray(), LOOPBACK),
                TokenCredentials.of(TOKEN_SECRET.toCharArray(), LOOPBACK),
                BasicCredentials.of("u", PASSWORD_SECRET.toCharArray(), LOOPBACK));
        RecordingTransport refusing = new RecordingTransport(r -> r.uri().equals(INSIDE) ? Answer.redirect(307, BACK_INSIDE)
                : Answer.status(401, "WWW-Authenticate", "ivoa_bearer standard_id=\"ivo://ivoa.net/sso#token\""));
        StringBuilder seen = new StringBuilder();
        try (LogCapture log = new LogCapture();
             HttpPipeline http = HttpPipeline.builder().transport(refusing).credentials(auth.policyFor(all)).build()) {
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                    () -> http.sendExpectingSuccess(HttpRequest.newBuilder(INSIDE).GET().build()));
            seen.append(failure).append('\n');
            List<HttpRequest> sent = refusing.requests();
            seen.append(sent).append(sent.get(0).headers()).append('\n');
            seen.append(all).append(all.parts()).append(auth.policyFor(all)).append(auth).append('\n');
            seen.append(log.all());
            assertThat(log.lines()).isNotEmpty();
            assertThat(sent.get(0).headers().contains("Cookie")).isTrue();
        }
        String text = seen.toString();
        assertThat(text).contains("HTTP 401").contains("127.0.0.1");
        assertThat(text).doesNotContain(COOKIE_SECRET).doesNotContain(TOKEN_SECRET).doesNotContain(PASSWORD_SECRET)
                .doesNotContain(Base64.getEncoder().encodeToString(("u:" + PASSWORD_SECRET).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void policyAddsNothingOutsideTheDefaultCadcRealm() {
        Credentials cookie = CookieCredentials.of(COOKIE_SECRET.toCharArray(), Realm.cadc());
        HttpHeaders.Builder b = HttpHeaders.builder();

        auth.policyFor(cookie).apply(URI.create("https://www.cadc-ccda.hia-iha.nrc-cnrc.gc.ca.evil.example/x"), b);

        assertThat(b.build().map()).isEmpty();
    }
}
