// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.auth.internal.RecordingTransport.Answer;
import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.auth.AuthPort;
import io.cadc4j.core.auth.AuthSettings;
import io.cadc4j.core.internal.http.ChallengeRetry;
import io.cadc4j.core.auth.CookieCredentials;
import io.cadc4j.core.auth.CredentialSet;
import io.cadc4j.core.auth.Credentials;
import io.cadc4j.core.auth.Realm;
import io.cadc4j.core.auth.TokenCredentials;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.spi.RequestBody;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChallengeRetryTest {
    private static final Realm LOOPBACK = Realm.builder().host("127.0.0.1").httpAllowed(true).build();
    private static final URI TAP = URI.create("http://127.0.0.1:8001/tap/sync");
    private static final String BEARER_CHALLENGE = "ivoa_bearer standard_id=\"ivo://ivoa.net/sso#token\", "
            + "access_url=\"http://127.0.0.1:8001/cred/token\"";

    private final AuthPort auth = new CadcAuthAdapter(HttpPipeline.builder().transport(new RecordingTransport(r -> null)).build(),
            URI.create("https://ws-cadc.canfar.net/ac/login"), AuthSettings.defaults());
    private final Credentials held = CredentialSet.of(CookieCredentials.of("c00kie".toCharArray(), LOOPBACK),
            TokenCredentials.of("t0ken".toCharArray(), LOOPBACK));

    /** Answers 401 with a challenge unless the request carries the token. */
    private static RecordingTransport wantsToken(String challenge) {
        return new RecordingTransport(r -> r.headers().firstValue("Authorization").orElse("").equals("Bearer t0ken")
                ? Answer.ok("rows") : Answer.status(401, "WWW-Authenticate", challenge));
    }

    private HttpResponse send(RecordingTransport transport, Credentials credentials, SecurityMethod first, HttpRequest request) {
        HttpPipeline http = HttpPipeline.builder().transport(transport).credentials(auth.policyFor(credentials, first)).build();
        return ChallengeRetry.of(auth, credentials).send(http, request, first);
    }

    @Test
    void retriesOnceWithTheChallengedMethod() {
        RecordingTransport transport = wantsToken(BEARER_CHALLENGE);

        try (HttpResponse r = send(transport, held, SecurityMethod.COOKIE, HttpRequest.newBuilder(TAP).GET().build())) {
            assertThat(r.status()).isEqualTo(200);
        }
        List<HttpRequest> sent = transport.requests();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).headers().firstValue("Cookie")).hasValue("CADC_SSO=\"c00kie\"");
        assertThat(sent.get(0).headers().contains("Authorization")).isFalse();
        assertThat(sent.get(1).headers().firstValue("Authorization")).hasValue("Bearer t0ken");
    }

    @Test
    void plainBearerSchemeIsUnderstoodToo() {
        RecordingTransport transport = wantsToken("Bearer realm=\"cadc\", error=\"invalid_token\"");

        try (HttpResponse r = send(transport, held, SecurityMethod.ANONYMOUS, HttpRequest.newBuilder(TAP).GET().build())) {
            assertThat(r.status()).isEqualTo(200);
        }
    }

    @Test
    void doesNotRetryWhenTheChallengeNamesNothingHeld() {
        RecordingTransport transport = wantsToken("ivoa_x509 standard_id=\"ivo://ivoa.net/sso#tls-with-certificate\"");

        try (HttpResponse r = send(transport, held, SecurityMethod.COOKIE, HttpRequest.newBuilder(TAP).GET().build())) {
            assertThat(r.status()).isEqualTo(401);
        }
        assertThat(transport.requests()).hasSize(1);
    }

    @Test
    void retriesAtMostOnce() {
        RecordingTransport transport = new RecordingTransport(r -> Answer.status(401, "WWW-Authenticate", BEARER_CHALLENGE));

        try (HttpResponse r = send(transport, held, SecurityMethod.ANONYMOUS, HttpRequest.newBuilder(TAP).GET().build())) {
            assertThat(r.status()).isEqualTo(401);
        }
        assertThat(transport.requests()).hasSize(2);
    }

    @Test
    void neverAnswersAChallengeFromOutsideTheRealm() {
        URI outside = URI.create("http://localhost:8002/tap/sync");
        RecordingTransport transport = wantsToken(BEARER_CHALLENGE);

        try (HttpResponse r = send(transport, held, SecurityMethod.ANONYMOUS, HttpRequest.newBuilder(outside).GET().build())) {
            assertThat(r.status()).isEqualTo(401);
        }
        assertThat(transport.requests()).hasSize(1);
        assertThat(transport.requests().get(0).headers().contains("Authorization")).isFalse();
    }

    @Test
    void doesNotResendABodyThatCannotBeRepeated() {
        RecordingTransport transport = wantsToken(BEARER_CHALLENGE);
        RequestBody once = RequestBody.ofWriter("text/plain", false, out -> out.write('x'));

        try (HttpResponse r = send(transport, held, SecurityMethod.ANONYMOUS, HttpRequest.newBuilder(TAP).POST(once).build())) {
            assertThat(r.status()).isEqualTo(401);
        }
        assertThat(transport.requests()).hasSize(1);
    }

    @Test
    void negotiationFallsBackToAnonymousAndSaysSoAtDebug() {
        List<List<SecurityMethod>> interfaces = List.of(List.of(SecurityMethod.CERTIFICATE), List.of());

        try (LogCapture log = new LogCapture()) {
            var choice = auth.settings().preference().choose(interfaces, m -> m, held);

            assertThat(choice).hasValueSatisfying(c -> {
                assertThat(c.method()).isEqualTo(SecurityMethod.ANONYMOUS);
                assertThat(c.candidate()).isEmpty();
            });
            assertThat(log.lines()).anySatisfy(l -> assertThat(l).startsWith("FINE").contains("anonymous"));
            assertThat(log.all()).doesNotContain("c00kie").doesNotContain("t0ken");
        }
    }
}
