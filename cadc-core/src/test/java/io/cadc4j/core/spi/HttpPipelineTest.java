// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

import io.cadc4j.core.AuthenticationException;
import io.cadc4j.core.AuthorizationException;
import io.cadc4j.core.CadcException;
import io.cadc4j.core.CadcInterruptedException;
import io.cadc4j.core.CadcTimeoutException;
import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.TransportException;
import io.cadc4j.core.internal.http.FormBody;
import io.cadc4j.core.internal.http.HttpPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import static io.cadc4j.core.spi.ScriptedTransport.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpPipelineTest {
    private static final URI SYNC = URI.create("https://ws.example.org/tap/sync");

    /** One try per request: these tests are about a single exchange; retries are HttpPipelineRetryTest's. */
    private static HttpPipeline pipeline(ScriptedTransport t) {
        return HttpPipeline.builder().transport(t).settings(TransportSettings.builder().retryPolicy(RetryPolicy.none())
                .build()).build();
    }

    @Test
    void followsSeeOtherAfterPostWithAGetWithoutBody() throws IOException {
        ScriptedTransport t = ScriptedTransport.answering(r -> r.uri().getPath().equals("/tap/sync")
                ? respond(r, 303, "", "Location", "/tap/results/1")
                : respond(r, 200, "rows"));
        HttpRequest post = HttpRequest.newBuilder(SYNC)
                .POST(FormBody.builder().add("QUERY", "select 1").build()).build();

        try (HttpResponse r = pipeline(t).send(post)) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.uri()).isEqualTo(URI.create("https://ws.example.org/tap/results/1"));
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("rows");
        }
        assertThat(t.sent).hasSize(2);
        assertThat(t.sent.get(0).request.method()).isEqualTo("POST");
        assertThat(t.sent.get(0).body).isEqualTo("QUERY=select+1");
        assertThat(t.sent.get(1).request.method()).isEqualTo("GET");
        assertThat(t.sent.get(1).request.body()).isEmpty();
    }

    @Test
    void temporaryRedirectResendsMethodAndBody() {
        ScriptedTransport t = ScriptedTransport.answering(r -> r.uri().getHost().equals("ws.example.org")
                ? respond(r, 307, "", "Location", "https://mirror.example.org/tap/sync")
                : respond(r, 200, "ok"));
        HttpRequest post = HttpRequest.newBuilder(SYNC).POST(RequestBody.ofString("abc", "text/plain")).build();

        pipeline(t).send(post).close();

        assertThat(t.sent.get(1).request.method()).isEqualTo("POST");
        assertThat(t.sent.get(1).body).isEqualTo("abc");
    }

    @Test
    void refusesToReplayABodyThatCannotBeRepeated() {
        ScriptedTransport t = ScriptedTransport.answering(r -> respond(r, 308, "", "Location", "/elsewhere"));
        HttpRequest post = HttpRequest.newBuilder(SYNC)
                .POST(RequestBody.ofWriter("text/plain", false, out -> out.write('x'))).build();

        assertThatThrownBy(() -> pipeline(t).send(post))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("cannot be repeated");
    }

    @Test
    void crossOriginRedirectDropsTheRequestsOwnCredentials() {
        ScriptedTransport t = ScriptedTransport.answering(r -> r.uri().getHost().equals("ws.example.org")
                ? respond(r, 302, "", "Location", "https://storage.elsewhere.net/file")
                : respond(r, 200, ""));
        HttpRequest get = HttpRequest.newBuilder(URI.create("https://ws.example.org/data/pub/x"))
                .header("Authorization", "Bearer secret-token").header("Cookie", "CADC_SSO=\"t\"")
                .header("Accept", "application/fits").build();

        pipeline(t).send(get).close();

        HttpHeaders first = t.sent.get(0).request.headers();
        HttpHeaders second = t.sent.get(1).request.headers();
        assertThat(first.firstValue("Authorization")).contains("Bearer secret-token");
        assertThat(second.contains("Authorization")).isFalse();
        assertThat(second.contains("Cookie")).isFalse();
        assertThat(second.firstValue("Accept")).contains("application/fits");
    }

    @Test
    void sameOriginRedirectKeepsCredentials() {
        ScriptedTransport t = ScriptedTransport.answering(r -> r.uri().getPath().startsWith("/data/pub")
                ? respond(r, 303, "", "Location", "/data/auth/x")
                : respond(r, 200, ""));
        HttpRequest get = HttpRequest.newBuilder(URI.create("https://ws.example.org/data/pub/x"))
                .header("Cookie", "CADC_SSO=\"t\"").build();

        pipeline(t).send(get).close();

        assertThat(t.sent.get(1).request.headers().firstValue("Cookie")).contains("CADC_SSO=\"t\"");
    }

    @Test
    void credentialPolicyIsAskedForEveryHop() {
        ScriptedTransport t = ScriptedTransport.answering(r -> r.uri().getHost().equals("ws.cadc.example")
                ? respond(r, 303, "", "Location", "https://outside.example.com/file")
                : respond(r, 200, ""));
        CredentialPolicy realmOnly = (target, headers) -> {
            if (target.getHost().endsWith("cadc.example")) {
                headers.set("Cookie", "CADC_SSO=\"token\"");
            }
        };
        HttpPipeline http = pipeline(t).withCredentials(realmOnly);

        http.send(HttpRequest.newBuilder(URI.create("https://ws.cadc.example/data")).build()).close();

        assertThat(t.sent.get(0).request.headers().firstValue("Cookie")).contains("CADC_SSO=\"token\"");
        assertThat(t.sent.get(1).request.headers().contains("Cookie")).isFalse();
    }

    @Test
    void answersA401ChallengeOnceWithTheHandlersCredentials() {
        ScriptedTransport t = ScriptedTransport.answering(r -> r.headers().contains("Authorization")
                ? respond(r, 200, "mine")
                : respond(r, 401, "who are you?", "WWW-Authenticate", "ivoa_bearer standard_id=\"ivo://ivoa.net/sso#token\""));
        int[] asked = {0};
        HttpPipeline http = pipeline(t).withChallengeHandler(unauthorized -> {
            asked[0]++;
            assertThat(unauthorized.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("ivoa_bearer"));
            return java.util.Optional.of((target, headers) -> headers.set("Authorization", "Bearer t0ken"));
        });

        try (HttpResponse r = http.send(HttpRequest.newBuilder(SYNC).POST(RequestBody.ofString("q", "text/plain")).build())) {
            assertThat(r.status()).isEqualTo(200);
        }
        assertThat(asked[0]).isEqualTo(1);
        assertThat(t.sent).hasSize(2);
        assertThat(t.sent.get(1).body).isEqualTo("q");
    }

    @Test
    void aSecond401IsReturnedNotRetriedAgain() {
        ScriptedTransport t = ScriptedTransport.answering(r -> respond(r, 401, "no", "WWW-Authenticate", "Bearer"));
        int[] asked = {0};
        HttpPipeline http = pipeline(t).withChallengeHandler(unauthorized -> {
            asked[0]++;
            return java.util.Optional.of((target, headers) -> headers.set("Authorization", "Bearer wrong"));
        });

        try (HttpResponse r = http.send(HttpRequest.newBuilder(SYNC).build())) {
            assertThat(r.status()).isEqualTo(401);
        }
        assertThat(asked[0]).isEqualTo(1);
        assertThat(t.sent).hasSize(2);
    }

    @Test
    void noRetryWhenTheHandlerDeclinesOrTheBodyCannotBeRepeated() {
        ScriptedTransport t = ScriptedTransport.answering(r -> respond(r, 401, "no", "WWW-Authenticate", "Bearer"));
        HttpPipeline declining = pipeline(t).withChallengeHandler(unauthorized -> java.util.Optional.empty());
        HttpPipeline eager = pipeline(t).withChallengeHandler(
                unauthorized -> java.util.Optional.of((target, headers) -> headers.set("Authorization", "Bearer x")));

        declining.send(HttpRequest.newBuilder(SYNC).build()).close();
        eager.send(HttpRequest.newBuilder(SYNC)
                .POST(RequestBody.ofWriter("text/plain", false, out -> out.write('x'))).build()).close();

        assertThat(t.sent).hasSize(2);
        assertThat(t.sent).allSatisfy(s -> assertThat(s.request.headers().contains("Authorization")).isFalse());
    }

    @Test
    void stopsARedirectLoop() {
        ScriptedTransport t = ScriptedTransport.answering(r -> r.uri().getPath().equals("/a")
                ? respond(r, 302, "", "Location", "/b")
                : respond(r, 302, "", "Location", "/a"));

        assertThatThrownBy(() -> pipeline(t).send(HttpRequest.newBuilder(URI.create("http://h.example/a")).build()))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("redirect loop")
                .hasMessageContaining("GET http://h.example/a -> GET http://h.example/b -> GET http://h.example/a");
        assertThat(t.sent).hasSize(2);
    }

    @Test
    void stopsAfterTooManyRedirects() {
        ScriptedTransport t = ScriptedTransport.answering(r -> {
            int n = Integer.parseInt(r.uri().getPath().substring(1));
            return respond(r, 301, "", "Location", "/" + (n + 1));
        });
        HttpPipeline http = HttpPipeline.builder().transport(t)
                .settings(TransportSettings.builder().maxRedirects(3).build()).build();

        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create("http://h.example/0")).build()))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("more than 3 redirects");
        assertThat(t.sent).hasSize(4);
    }

    @Test
    void doesNotFollowFromHttpsToHttpUnlessAllowed() {
        ScriptedTransport t = ScriptedTransport.answering(r -> "https".equals(r.uri().getScheme())
                ? respond(r, 302, "", "Location", "http://plain.example/x")
                : respond(r, 200, ""));
        URI secure = URI.create("https://s.example/x");

        try (HttpResponse r = pipeline(t).send(HttpRequest.newBuilder(secure).build())) {
            assertThat(r.status()).isEqualTo(302);
        }
        HttpPipeline always = HttpPipeline.builder().transport(t)
                .settings(TransportSettings.builder().redirectPolicy(RedirectPolicy.ALWAYS).build()).build();
        try (HttpResponse r = always.send(HttpRequest.newBuilder(secure).build())) {
            assertThat(r.status()).isEqualTo(200);
        }
    }

    @Test
    void neverPolicyReturnsTheRedirect() {
        ScriptedTransport t = ScriptedTransport.answering(r -> respond(r, 303, "", "Location", "/next"));
        HttpPipeline http = HttpPipeline.builder().transport(t)
                .settings(TransportSettings.builder().redirectPolicy(RedirectPolicy.NEVER).build()).build();

        try (HttpResponse r = http.send(HttpRequest.newBuilder(SYNC).build())) {
            assertThat(r.status()).isEqualTo(303);
        }
        assertThat(t.sent).hasSize(1);
    }

    @Test
    void rejectsARedirectToAnotherScheme() {
        ScriptedTransport t = ScriptedTransport.answering(r -> respond(r, 302, "", "Location", "ftp://files.example/x"));

        assertThatThrownBy(() -> pipeline(t).send(HttpRequest.newBuilder(SYNC).build()))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("ftp://files.example/x");
    }

    @Test
    void setsUserAgentUnlessTheRequestHasOne() {
        ScriptedTransport t = ScriptedTransport.answering(r -> respond(r, 200, ""));
        HttpPipeline http = HttpPipeline.builder().transport(t)
                .settings(TransportSettings.builder().userAgent("test-agent/1").build()).build();

        http.send(HttpRequest.newBuilder(SYNC).build()).close();
        http.send(HttpRequest.newBuilder(SYNC).header("User-Agent", "mine/2").build()).close();

        assertThat(t.sent.get(0).request.headers().allValues("User-Agent")).containsExactly("test-agent/1");
        assertThat(t.sent.get(1).request.headers().allValues("User-Agent")).containsExactly("mine/2");
    }

    @Test
    void defaultUserAgentNamesLibraryAndJava() {
        assertThat(TransportSettings.defaults().userAgent()).startsWith("cadc4j/").contains(" Java/");
    }

    @Test
    void ioFailureBecomesATransientTransportException() {
        ScriptedTransport t = new ScriptedTransport(r -> {
            throw new ConnectException("Connection refused");
        });

        assertThatThrownBy(() -> pipeline(t).send(HttpRequest.newBuilder(SYNC).build()))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.requestUri()).contains(SYNC);
                })
                .hasMessageContaining("GET " + SYNC)
                .hasMessageContaining("Connection refused")
                .hasCauseInstanceOf(ConnectException.class);
    }

    @Test
    void tlsFailureIsNotTransient() {
        ScriptedTransport t = new ScriptedTransport(r -> {
            throw new SSLHandshakeException("bad certificate");
        });

        assertThatThrownBy(() -> pipeline(t).send(HttpRequest.newBuilder(SYNC).build()))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.isTransient()).isFalse())
                .hasMessageContaining("TLS");
    }

    @Test
    void timeoutPassesThrough() {
        CadcTimeoutException timeout = new CadcTimeoutException("no headers after 1 s", SYNC, null);
        ScriptedTransport t = new ScriptedTransport(r -> {
            throw timeout;
        });

        assertThatThrownBy(() -> pipeline(t).send(HttpRequest.newBuilder(SYNC).build())).isSameAs(timeout);
    }

    @Test
    void interruptBecomesCadcInterruptedExceptionWithTheFlagRestored() {
        ScriptedTransport t = new ScriptedTransport(r -> {
            throw new InterruptedException();
        });
        try {
            assertThatThrownBy(() -> pipeline(t).send(HttpRequest.newBuilder(SYNC).build()))
                    .isInstanceOf(CadcInterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void errorStatusesMapToTheirExceptionsWithTheServerText() {
        assertThat(errorFor(401, "text/plain", "bad password")).isInstanceOf(AuthenticationException.class)
                .hasMessage("HTTP 401 from " + SYNC + ": bad password");
        assertThat(errorFor(403, "text/plain", "not yours")).isInstanceOf(AuthorizationException.class);
        assertThat(errorFor(404, "text/plain", "no such job")).isInstanceOf(NotFoundException.class);
        assertThat(errorFor(500, "text/plain", "boom")).isExactlyInstanceOf(ServiceException.class);
        assertThat(errorFor(503, "text/plain", "busy").isTransient()).isTrue();
        assertThat(errorFor(400, "text/plain", "bad ADQL").isTransient()).isFalse();
    }

    @Test
    void htmlErrorPagesLoseTheirMarkup() {
        String page = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>b{}</style></head>"
                + "<body><h1>Bad   Gateway</h1><p>The proxy &amp; its friends gave up.</p></body></html>";

        CadcException e = errorFor(502, "text/html; charset=utf-8", page);

        // the heading repeats the title and is not the page's first sentence
        assertThat(((ServiceException) e).serverMessage())
                .isEqualTo("502 Bad Gateway: The proxy & its friends gave up.");
    }

    @Test
    void htmlErrorPagesAreReducedToTheirTitleAndFirstSentence() {
        // DaCHS's 401 page, as it answers a download without credentials
        String page = "<html xmlns=\"http://www.w3.org/1999/xhtml\">\n\t<head><meta http-equiv=\"Content-type\" "
                + "content=\"text/html;charset=UTF-8\" /><script src=\"/static/js/gavo.js\"></script>\n"
                + "\t\t<title>Local CADC-like test DC -- Authentication Required</title>\n\t</head>\n\t<body>\n"
                + "\t<p>The resource you are trying to access is protected, and your browser\n\tdoes not provide valid "
                + "credentials for this site.</p>\n\n  <p>Please enter your credentials (by reloading this page), "
                + "contact\n    the data center staff or go back to \n    <a href=\"/\">the root page</a>.</p>\n"
                + "  <hr /><address><a href=\"mailto:invalid@example.com\">invalid@example.com</a></address>\n"
                + "  </body>\n</html>\n";

        CadcException e = errorFor(401, "text/html", page);

        assertThat(((ServiceException) e).serverMessage()).isEqualTo("Local CADC-like test DC -- Authentication "
                + "Required: The resource you are trying to access is protected, and your browser does not provide "
                + "valid credentials for this site.");
    }

    @Test
    void longErrorBodiesAreCutToAReadableLength() {
        String body = "x".repeat(100_000);

        ServiceException e = (ServiceException) errorFor(500, "text/plain", body);

        assertThat(e.serverMessage()).hasSize(603).endsWith("...");
    }

    @Test
    void retryAfterIsReadInSecondsOrAsADate() {
        HttpRequest req = HttpRequest.newBuilder(SYNC).build();
        ServiceException seconds = (ServiceException) HttpPipeline.errorFor(respond(req, 503, "", "Retry-After", "17"));
        ServiceException past = (ServiceException) HttpPipeline.errorFor(
                respond(req, 503, "", "Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"));
        ServiceException junk = (ServiceException) HttpPipeline.errorFor(respond(req, 503, "", "Retry-After", "soon"));

        assertThat(seconds.retryAfter()).contains(Duration.ofSeconds(17));
        assertThat(past.retryAfter()).contains(Duration.ZERO);
        assertThat(junk.retryAfter()).isEmpty();
    }

    @Test
    void sendExpectingSuccessClosesTheErrorResponse() {
        boolean[] closed = {false};
        ScriptedTransport t = ScriptedTransport.answering(r -> HttpResponse.of(r, 500, HttpHeaders.empty(),
                new InputStream() {
                    @Override
                    public int read() {
                        return -1;
                    }

                    @Override
                    public void close() {
                        closed[0] = true;
                    }
                }));

        assertThatThrownBy(() -> pipeline(t).sendExpectingSuccess(HttpRequest.newBuilder(SYNC).build()))
                .isInstanceOf(ServiceException.class);
        assertThat(closed[0]).isTrue();
    }

    @Test
    void pipelineClosesOnlyTheTransportItMade() {
        boolean[] closed = {false};
        HttpTransport mine = new HttpTransport() {
            @Override
            public HttpResponse send(HttpRequest request) {
                throw new AssertionError();
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };

        HttpPipeline.builder().transport(mine).build().close();

        assertThat(closed[0]).isFalse();
    }

    private static CadcException errorFor(int status, String contentType, String body) {
        return HttpPipeline.errorFor(respond(HttpRequest.newBuilder(SYNC).build(), status, body,
                "Content-Type", contentType));
    }
}
