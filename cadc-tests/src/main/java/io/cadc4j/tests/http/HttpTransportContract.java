// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.AuthenticationException;
import io.cadc4j.core.AuthorizationException;
import io.cadc4j.core.CadcInterruptedException;
import io.cadc4j.core.CadcTimeoutException;
import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.TransportException;
import io.cadc4j.core.spi.CredentialPolicy;
import io.cadc4j.core.internal.http.FormBody;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.spi.HttpTransport;
import io.cadc4j.core.internal.http.MultipartBody;
import io.cadc4j.core.spi.RequestBody;
import io.cadc4j.core.spi.RetryPolicy;
import io.cadc4j.core.spi.TransportSettings;
import io.cadc4j.testing.TestPki;
import io.cadc4j.tests.server.PatternBytes;
import io.cadc4j.tests.server.RawSocketServer;
import io.cadc4j.tests.server.RecordedRequest;
import io.cadc4j.tests.server.Reply;
import io.cadc4j.tests.server.Responders;
import io.cadc4j.tests.server.SentBody;
import io.cadc4j.tests.server.SilentListener;
import io.cadc4j.tests.server.StandInServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link HttpTransport} must do, checked against a {@link StandInServer} on loopback.
 * A transport passes by extending this class and making {@link #createTransport} return a new
 * instance; everything else is inherited:
 *
 * <pre>{@code
 * class MyTransportContractTest extends HttpTransportContract {
 *     @Override
 *     protected HttpTransport createTransport(TransportSettings settings) {
 *         return new MyTransport(settings);
 *     }
 * }
 * }</pre>
 *
 * <p>Most checks send through {@link HttpPipeline}, as the library does, so that they also prove
 * the transport and the core's redirect, credential and error handling work together. Two checks
 * move big bodies (a 200 MB upload, a 1 GB download) and are tagged {@value #LARGE_BODY}: run them
 * in a JVM whose heap is far smaller (e.g. {@code -Xmx64m}) to prove neither body is held in memory.
 *
 * <p>Not thread-safe; JUnit makes one instance per test.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class HttpTransportContract {
    /** The JUnit tag of the big-transfer checks. */
    public static final String LARGE_BODY = "large-body";

    /** A timeout that is the thing under test: short, so the suite stays fast. */
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final long MIB = 1024 * 1024;

    private StandInServer server;
    private HttpTransport transport;
    private HttpPipeline http;

    /** For subclasses. */
    protected HttpTransportContract() {
    }

    /**
     * Makes the transport under test. Called once per check, sometimes more with other settings;
     * the contract closes every transport it makes.
     *
     * @param settings the settings to apply
     * @return a new transport
     */
    protected abstract HttpTransport createTransport(TransportSettings settings);

    @BeforeEach
    void startServer() {
        server = StandInServer.start();
        transport = createTransport(settings().build());
        http = HttpPipeline.builder().transport(transport).settings(settings().build()).build();
    }

    @AfterEach
    void stopServer() {
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Settings generous enough never to fire unless a check means them to. */
    private static TransportSettings.Builder settings() {
        // one exchange per send: the pipeline's retries have their own tests (HttpPipelineRetryTest)
        return TransportSettings.builder().connectTimeout(Duration.ofSeconds(10)).requestTimeout(Duration.ofSeconds(20))
                .retryPolicy(RetryPolicy.none());
    }

    // ---------------------------------------------------------------- requests and responses

    @Test
    void getsStatusHeadersAndBodyAndSendsRequestHeaders() throws IOException {
        server.route("GET", "/hello", Reply.ok().header("X-Answer", "42").text("hello, world"));

        try (HttpResponse r = http.send(HttpRequest.newBuilder(server.uri("/hello?x=1")).header("X-Question", "life")
                .header("X-Many", "a").header("X-Many", "b").build())) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.headers().firstValue("x-answer")).hasValue("42");
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello, world");
        }
        RecordedRequest got = server.requests("/hello").get(0);
        assertThat(got.method()).isEqualTo("GET");
        assertThat(got.uri().getQuery()).isEqualTo("x=1");
        assertThat(got.headers().firstValue("X-Question")).hasValue("life");
        assertThat(String.join(",", got.headers().allValues("X-Many")).replace(" ", "")).isEqualTo("a,b");
        assertThat(got.headers().firstValue("User-Agent")).hasValue(TransportSettings.defaults().userAgent());
        assertThat(got.bodySize()).isZero();
    }

    @Test
    void postsBytesWithTheirLengthAndType() throws IOException {
        server.route("POST", "/bytes", Responders.bodySummary());
        byte[] content = "<VOTABLE/>".getBytes(StandardCharsets.UTF_8);

        String summary = sendForText(HttpRequest.newBuilder(server.uri("/bytes"))
                .POST(RequestBody.ofBytes(content, "application/x-votable+xml")).build());

        RecordedRequest got = server.requests("/bytes").get(0);
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.bodyPrefix()).isEqualTo(content);
        assertThat(got.headers().firstValue("Content-Type")).hasValue("application/x-votable+xml");
        assertThat(got.headers().firstValue("Content-Length")).hasValue(String.valueOf(content.length));
        assertThat(summary).startsWith(content.length + " ");
    }

    @Test
    void postsUrlEncodedForm() throws IOException {
        server.route("POST", "/sync", Responders.bodySummary());
        FormBody form = FormBody.builder().add("LANG", "ADQL").add("QUERY", "select * from t where a < 1 & b = 'é'")
                .add("ID", "a").add("ID", "b").build();

        sendForText(HttpRequest.newBuilder(server.uri("/sync")).POST(form).build());

        RecordedRequest got = server.requests("/sync").get(0);
        assertThat(got.bodyText()).isEqualTo(form.encoded());
        assertThat(got.headers().firstValue("Content-Type")).hasValue(FormBody.MEDIA_TYPE);
    }

    @Test
    void streamsFileBodyFromDisk(@TempDir Path dir) throws IOException {
        server.route("PUT", "/file", Responders.bodySummary());
        Path file = dir.resolve("upload.bin");
        long size = 3 * MIB + 17;
        long crc;
        try (CheckedOutputStream out = new CheckedOutputStream(Files.newOutputStream(file), new CRC32())) {
            PatternBytes.write(out, size);
            crc = out.getChecksum().getValue();
        }

        sendForText(HttpRequest.newBuilder(server.uri("/file"))
                .method("PUT", RequestBody.ofFile(file, "application/octet-stream")).build());

        RecordedRequest got = server.requests("/file").get(0);
        assertThat(got.method()).isEqualTo("PUT");
        assertThat(got.bodySize()).isEqualTo(size);
        assertThat(got.bodyCrc32()).isEqualTo(crc);
        assertThat(got.headers().firstValue("Content-Length")).hasValue(String.valueOf(size));
    }

    @Test
    void streamsWriterBodyOfUnknownLengthChunked() throws IOException {
        server.route("POST", "/chunked", Responders.bodySummary());
        long size = 5 * MIB + 3;
        CRC32 crc = new CRC32();

        sendForText(HttpRequest.newBuilder(server.uri("/chunked")).POST(RequestBody.ofWriter("application/octet-stream",
                false, out -> PatternBytes.write(new CheckedOutputStream(out, crc), size))).build());

        RecordedRequest got = server.requests("/chunked").get(0);
        assertThat(got.bodySize()).isEqualTo(size);
        assertThat(got.bodyCrc32()).isEqualTo(crc.getValue());
        assertThat(got.headers().contains("Content-Length")).as("no Content-Length for a body of unknown length").isFalse();
    }

    @Test
    void sendsMultipartWithFieldsFilePartsAndWriterParts(@TempDir Path dir) throws IOException {
        server.route("POST", "/async", Responders.bodySummary());
        Path table = dir.resolve("table.xml");
        Files.write(table, "<VOTABLE>from disk</VOTABLE>".getBytes(StandardCharsets.UTF_8));
        MultipartBody body = MultipartBody.builder()
                .field("LANG", "ADQL")
                .field("UPLOAD", "t1,param:t1;t2,param:t2")
                .file("t1", "t1.xml", "application/x-votable+xml", table)
                .stream("t2", "t2.xml", "application/x-votable+xml", true,
                        out -> out.write("<VOTABLE>from a writer</VOTABLE>".getBytes(StandardCharsets.UTF_8)))
                .build();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        body.writeTo(expected);

        sendForText(HttpRequest.newBuilder(server.uri("/async")).POST(body).build());

        RecordedRequest got = server.requests("/async").get(0);
        assertThat(got.bodyPrefix()).isEqualTo(expected.toByteArray());
        assertThat(got.headers().firstValue("Content-Type")).hasValue("multipart/form-data; boundary=" + body.boundary());
        assertThat(got.bodyText()).contains("from disk", "from a writer", "filename=\"t2.xml\"", "param:t2");
    }

    @Test
    void decodesGzipResponseWhileStreaming() throws IOException {
        String text = "gzip ".repeat(10_000);
        server.route("GET", "/gz", Reply.ok().text(text).gzip());

        try (HttpResponse r = http.send(HttpRequest.newBuilder(server.uri("/gz")).build())) {
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
            assertThat(r.headers().contains("Content-Encoding")).isFalse();
            assertThat(r.headers().contains("Content-Length")).isFalse();
        }
        assertThat(server.requests("/gz").get(0).headers().firstValue("Accept-Encoding").orElse(""))
                .contains("gzip").contains("deflate");
    }

    @Test
    void decodesDeflateResponse() throws IOException {
        String text = "deflate ".repeat(10_000);
        server.route("GET", "/deflate", Reply.ok().text(text).deflate().chunked());

        try (HttpResponse r = http.send(HttpRequest.newBuilder(server.uri("/deflate")).build())) {
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
            assertThat(r.headers().contains("Content-Encoding")).isFalse();
        }
    }

    @Test
    void decodesLargeGzipStreamChunked() throws IOException {
        long size = 8 * MIB;
        server.route("GET", "/gz-big", Responders.generatedGzip(size));

        try (HttpResponse r = http.send(HttpRequest.newBuilder(server.uri("/gz-big")).build())) {
            CheckedInputStream in = new CheckedInputStream(r.body(), new CRC32());
            assertThat(in.transferTo(OutputStream.nullOutputStream())).isEqualTo(size);
            assertThat(in.getChecksum().getValue()).isEqualTo(patternCrc(size));
        }
    }

    @Test
    void ignoresHeadersTheTransportManagesItself() throws IOException {
        server.route("POST", "/managed", Responders.bodySummary());

        String summary = sendForText(HttpRequest.newBuilder(server.uri("/managed"))
                .header("Host", "example.org").header("Connection", "close").header("Content-Length", "999")
                .POST(RequestBody.ofString("abc", "text/plain")).build());

        assertThat(summary).startsWith("3 ");
    }

    // ---------------------------------------------------------------- error statuses

    @Test
    void errorStatusBodiesAreReadableAndMappedToExceptions() {
        server.route("GET", "/missing", Reply.status(404).text("no such table: ivoa.nothing"));
        server.route("GET", "/login", Reply.status(401).text("log in first"));
        server.route("GET", "/forbidden", Reply.status(403).text("not in group"));
        server.route("GET", "/busy", Reply.status(503).header("Retry-After", "120").text("overloaded, try later"));
        server.route("GET", "/broken", Reply.status(500).body("text/html",
                "<html><head><title>Oops</title></head><body><h1>Internal error</h1><p>disk full</p></body></html>"
                        .getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> http.sendExpectingSuccess(get("/missing"))).isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(((ServiceException) e).serverMessage()).contains("no such table"));
        assertThatThrownBy(() -> http.sendExpectingSuccess(get("/login"))).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("log in first");
        assertThatThrownBy(() -> http.sendExpectingSuccess(get("/forbidden"))).isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("not in group");
        assertThatThrownBy(() -> http.sendExpectingSuccess(get("/busy"))).isExactlyInstanceOf(ServiceException.class)
                .satisfies(e -> {
                    ServiceException se = (ServiceException) e;
                    assertThat(se.status()).isEqualTo(503);
                    assertThat(se.retryAfter()).hasValue(Duration.ofSeconds(120));
                    assertThat(se.serverMessage()).contains("overloaded");
                    assertThat(se.isTransient()).isTrue();
                });
        assertThatThrownBy(() -> http.sendExpectingSuccess(get("/broken"))).isExactlyInstanceOf(ServiceException.class)
                .satisfies(e -> assertThat(((ServiceException) e).serverMessage()).contains("disk full")
                        .doesNotContain("<p>"));
    }

    @Test
    void errorResponseIsReturnedWithItsBodyBySend() throws IOException {
        server.route("POST", "/bad", Reply.status(400).text("QUERY is missing"));

        try (HttpResponse r = http.send(HttpRequest.newBuilder(server.uri("/bad"))
                .POST(FormBody.builder().add("LANG", "ADQL").build()).build())) {
            assertThat(r.status()).isEqualTo(400);
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("QUERY is missing");
        }
    }

    // ---------------------------------------------------------------- redirects

    @Test
    void redirect303AfterPostBecomesGet() throws IOException {
        server.route("POST", "/submit", Responders.redirect(303, "/result?job=1"));
        server.route("GET", "/result", Reply.ok().text("done"));

        try (HttpResponse r = http.send(HttpRequest.newBuilder(server.uri("/submit"))
                .POST(FormBody.builder().add("QUERY", "select 1").build()).build())) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.uri()).isEqualTo(server.uri("/result?job=1"));
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("done");
        }
        RecordedRequest second = server.requests("/result").get(0);
        assertThat(second.method()).isEqualTo("GET");
        assertThat(second.bodySize()).isZero();
        assertThat(second.headers().contains("Content-Type")).isFalse();
    }

    @Test
    void redirect307ResendsMethodAndBody() throws IOException {
        server.route("POST", "/old", Responders.redirect(307, "/new"));
        server.route("POST", "/new", Responders.bodySummary());

        sendForText(HttpRequest.newBuilder(server.uri("/old")).POST(RequestBody.ofString("payload", "text/plain")).build());

        RecordedRequest second = server.requests("/new").get(0);
        assertThat(second.method()).isEqualTo("POST");
        assertThat(second.bodyText()).isEqualTo("payload");
    }

    @Test
    void crossHostRedirectDropsAuthorizationAndCookie() throws IOException {
        server.route("GET", "/start", Responders.redirect(302, server.localhostUri("/elsewhere").toString()));
        server.route("GET", "/elsewhere", Reply.ok().text("there"));

        sendForText(HttpRequest.newBuilder(server.uri("/start")).header("Authorization", "Bearer secret")
                .header("Cookie", "CADC_SSO=secret").build());

        RecordedRequest first = server.requests("/start").get(0);
        RecordedRequest second = server.requests("/elsewhere").get(0);
        assertThat(first.headers().firstValue("Authorization")).hasValue("Bearer secret");
        assertThat(first.headers().firstValue("Cookie")).hasValue("CADC_SSO=secret");
        assertThat(second.headers().contains("Authorization")).isFalse();
        assertThat(second.headers().contains("Cookie")).isFalse();
        assertThat(second.headers().firstValue("Host").orElse("")).startsWith("localhost");
    }

    @Test
    void sameOriginRedirectKeepsAuthorizationAndCookie() throws IOException {
        server.route("GET", "/start", Responders.redirect(302, "/same"));
        server.route("GET", "/same", Reply.ok().text("here"));

        sendForText(HttpRequest.newBuilder(server.uri("/start")).header("Authorization", "Bearer secret")
                .header("Cookie", "CADC_SSO=secret").build());

        RecordedRequest second = server.requests("/same").get(0);
        assertThat(second.headers().firstValue("Authorization")).hasValue("Bearer secret");
        assertThat(second.headers().firstValue("Cookie")).hasValue("CADC_SSO=secret");
    }

    @Test
    void credentialPolicyIsAskedAgainForEveryHop() throws IOException {
        server.route("GET", "/start", Responders.redirect(302, server.localhostUri("/other").toString()));
        server.route("GET", "/other", Reply.ok().text("ok"));
        // A policy whose realm names the redirect's target (another host) explicitly.
        CredentialPolicy policy = new CredentialPolicy() {
            @Override
            public void apply(URI target, io.cadc4j.core.spi.HttpHeaders.Builder headers) {
                if (target.getHost().equals("127.0.0.1")) {
                    headers.set("Cookie", "CADC_SSO=for-127");
                } else if (target.getHost().equals("localhost")) {
                    headers.set("Authorization", "Bearer for-localhost");
                }
            }

            @Override
            public void applyAfterRedirect(URI origin, URI target, io.cadc4j.core.spi.HttpHeaders.Builder headers) {
                apply(target, headers);
            }
        };

        try (HttpResponse r = http.withCredentials(policy).send(get("/start"))) {
            assertThat(r.status()).isEqualTo(200);
        }

        RecordedRequest first = server.requests("/start").get(0);
        RecordedRequest second = server.requests("/other").get(0);
        assertThat(first.headers().firstValue("Cookie")).hasValue("CADC_SSO=for-127");
        assertThat(first.headers().contains("Authorization")).isFalse();
        assertThat(second.headers().firstValue("Authorization")).hasValue("Bearer for-localhost");
        assertThat(second.headers().contains("Cookie")).isFalse();
    }

    @Test
    void aPolicyThatNamesNoOtherOriginSendsNothingAcrossARedirect() throws IOException {
        server.route("GET", "/start", Responders.redirect(302, server.localhostUri("/other").toString()));
        server.route("GET", "/other", Reply.ok().text("ok"));
        CredentialPolicy everywhere = (target, headers) -> headers.set("Authorization", "Bearer secret");

        try (HttpResponse r = http.withCredentials(everywhere).send(get("/start"))) {
            assertThat(r.status()).isEqualTo(200);
        }

        assertThat(server.requests("/start").get(0).headers().firstValue("Authorization")).hasValue("Bearer secret");
        assertThat(server.requests("/other").get(0).headers().contains("Authorization")).isFalse();
    }

    @Test
    void redirectLoopIsStopped() {
        server.route("GET", "/a", Responders.redirect(302, "/b"));
        server.route("GET", "/b", Responders.redirect(302, "/a"));

        assertThatThrownBy(() -> http.send(get("/a"))).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("loop");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void tooManyRedirectsAreStopped() {
        for (int i = 0; i < 10; i++) {
            server.route("GET", "/hop" + i, Responders.redirect(307, "/hop" + (i + 1)));
        }
        HttpPipeline limited = HttpPipeline.builder().transport(transport)
                .settings(settings().maxRedirects(3).build()).build();

        assertThatThrownBy(() -> limited.send(get("/hop0"))).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("more than 3 redirects");
        assertThat(server.requests()).hasSize(4);
    }

    @Test
    void httpsToHttpRedirectIsNotFollowedByDefault() throws IOException {
        TestPki pki = TestPki.shared();
        try (StandInServer https = StandInServer.startHttps(pki, false);
                HttpTransport tls = createTransport(settings().sslContext(pki.anonymousClientContext()).build())) {
            https.route("GET", "/secure", Responders.redirect(302, server.uri("/plain").toString()));
            server.route("GET", "/plain", Reply.ok().text("plain"));
            HttpPipeline pipeline = HttpPipeline.builder().transport(tls).build();

            try (HttpResponse r = pipeline.send(HttpRequest.newBuilder(https.uri("/secure")).build())) {
                assertThat(r.status()).isEqualTo(302);
            }
            assertThat(server.requests("/plain")).isEmpty();
        }
    }

    // ---------------------------------------------------------------- timeouts and failures

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void connectTimeoutBecomesCadcTimeoutException() {
        // The request timeout is longer than the JUnit timeout: only the connect timeout can end this in time.
        try (SilentListener silent = SilentListener.open(); HttpTransport quick = createTransport(
                settings().connectTimeout(SHORT).requestTimeout(Duration.ofSeconds(30)).build())) {
            HttpPipeline pipeline = HttpPipeline.builder().transport(quick).build();

            assertThatThrownBy(() -> pipeline.send(HttpRequest.newBuilder(silent.uri("/x")).build()))
                    .isInstanceOf(CadcTimeoutException.class);
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void waitingTooLongForHeadersBecomesCadcTimeoutException() {
        server.route("GET", "/slow", Responders.stallBeforeHeaders());

        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(server.uri("/slow")).timeout(SHORT).build()))
                .isInstanceOf(CadcTimeoutException.class)
                .satisfies(e -> assertThat(((CadcTimeoutException) e).isTransient()).isTrue());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void serverStallingMidBodyBecomesCadcTimeoutExceptionFromRead() {
        server.route("GET", "/stall", Responders.stallMidBody(10 * MIB, 100_000));
        try (HttpTransport quick = createTransport(settings().requestTimeout(SHORT).build())) {
            HttpPipeline pipeline = HttpPipeline.builder().transport(quick).build();

            try (HttpResponse r = pipeline.send(get("/stall"))) {
                assertThat(r.status()).isEqualTo(200);
                assertThatThrownBy(() -> r.body().transferTo(OutputStream.nullOutputStream()))
                        .isInstanceOf(CadcTimeoutException.class);
            }
        }
    }

    @Test
    void refusedConnectionBecomesTransportException() throws IOException {
        URI closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + s.getLocalPort() + "/x");
        }

        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(closed).build())).isInstanceOf(TransportException.class)
                .hasMessageContaining(closed.toString());
    }

    @Test
    void connectionResetBecomesTransportException() {
        try (RawSocketServer raw = RawSocketServer.start(RawSocketServer.resetAfterRequest())) {
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(raw.uri("/x")).build()))
                    .isInstanceOf(TransportException.class);
        }
    }

    @Test
    void connectionResetMidBodyFailsTheRead() throws IOException {
        try (RawSocketServer raw = RawSocketServer.start(RawSocketServer.resetMidBody(MIB, 1000));
                HttpResponse r = http.send(HttpRequest.newBuilder(raw.uri("/x")).build())) {
            assertThat(r.status()).isEqualTo(200);
            assertThatThrownBy(() -> r.body().transferTo(OutputStream.nullOutputStream()))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void truncatedBodyFailsTheReadInsteadOfEndingShort() throws IOException {
        server.route("GET", "/short", Responders.truncated(100_000, 40_000));

        try (HttpResponse r = http.send(get("/short"))) {
            assertThat(r.status()).isEqualTo(200);
            assertThatThrownBy(() -> r.body().transferTo(OutputStream.nullOutputStream()))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void closingHalfReadBodyGivesUpTheConnectionAndTransportStaysUsable() throws Exception {
        long size = 1024 * MIB;
        server.route("GET", "/huge", Responders.generated(size, false));
        server.route("GET", "/after", Reply.ok().text("still here"));

        try (HttpResponse r = http.send(get("/huge"))) {
            assertThat(r.body().readNBytes((int) MIB)).hasSize((int) MIB);
        }
        SentBody sent = server.awaitRequest("/huge", Duration.ofSeconds(5)).awaitSent(30);
        assertThat(sent.isComplete()).as("the server was cut off, not read to the end").isFalse();
        assertThat(sent.bytes()).isLessThan(size);

        assertThat(sendForText(get("/after"))).isEqualTo("still here");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void interruptWhileWaitingForHeadersBecomesCadcInterruptedException() throws Exception {
        server.route("GET", "/forever", Responders.stallBeforeHeaders());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try (HttpResponse r = http.send(get("/forever"))) {
                failure.set(new AssertionError("answered with " + r.status()));
            } catch (RuntimeException e) {
                failure.set(e);
            }
            flagAfter.set(Thread.currentThread().isInterrupted());
        }, "contract-interrupted-caller");
        caller.start();
        server.awaitRequest("/forever", Duration.ofSeconds(10));

        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(caller.isAlive()).as("the caller returned after the interrupt").isFalse();
        assertThat(failure.get()).isInstanceOf(CadcInterruptedException.class);
        assertThat(flagAfter.get()).as("interrupt flag restored").isTrue();
    }

    // ---------------------------------------------------------------- TLS

    @Test
    void clientCertificateIsPresentedWhenTheServerAsksForIt() throws IOException {
        TestPki pki = TestPki.shared();
        try (StandInServer https = StandInServer.startHttps(pki, true);
                HttpTransport tls = createTransport(settings().sslContext(pki.clientContext()).build())) {
            https.route("GET", "/whoami", Reply.ok().text("hello, certified user"));
            HttpPipeline pipeline = HttpPipeline.builder().transport(tls).build();

            try (HttpResponse r = pipeline.sendExpectingSuccess(HttpRequest.newBuilder(https.uri("/whoami")).build())) {
                assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello, certified user");
            }
        }
    }

    @Test
    void serverDemandingClientCertificateRefusesClientWithout() {
        TestPki pki = TestPki.shared();
        try (StandInServer https = StandInServer.startHttps(pki, true);
                HttpTransport tls = createTransport(settings().sslContext(pki.anonymousClientContext()).build())) {
            https.route("GET", "/whoami", Reply.ok().text("hello"));
            HttpPipeline pipeline = HttpPipeline.builder().transport(tls).build();

            assertThatThrownBy(() -> {
                try (HttpResponse r = pipeline.send(HttpRequest.newBuilder(https.uri("/whoami")).build())) {
                    r.body().readAllBytes();
                }
            }).isInstanceOf(TransportException.class);
            assertThat(https.requests()).isEmpty();
        }
    }

    // ---------------------------------------------------------------- big bodies

    @Test
    @Tag(LARGE_BODY)
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void uploads200MegabytesStreamedWithoutHoldingThem() throws IOException {
        long size = 200 * MIB;
        server.route("PUT", "/big-upload", Responders.bodySummary());
        CRC32 crc = new CRC32();
        RequestBody body = new RequestBody() {
            @Override
            public Optional<String> contentType() {
                return Optional.of("application/octet-stream");
            }

            @Override
            public long contentLength() {
                return size;
            }

            @Override
            public boolean isRepeatable() {
                return false;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                PatternBytes.write(new CheckedOutputStream(out, crc), size);
            }
        };

        String summary = sendForText(HttpRequest.newBuilder(server.uri("/big-upload")).method("PUT", body).build());

        assertThat(summary).isEqualTo(size + " " + Long.toHexString(crc.getValue()));
        assertThat(crc.getValue()).isEqualTo(patternCrc(size));
    }

    @Test
    @Tag(LARGE_BODY)
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void downloadsOneGigabyteStreamedWithoutHoldingIt() throws Exception {
        long size = 1024 * MIB;
        server.route("GET", "/big-download", Responders.generated(size, false));

        long read;
        long crc;
        try (HttpResponse r = http.sendExpectingSuccess(get("/big-download"))) {
            CheckedInputStream in = new CheckedInputStream(r.body(), new CRC32());
            read = in.transferTo(OutputStream.nullOutputStream());
            crc = in.getChecksum().getValue();
        }

        SentBody sent = server.awaitRequest("/big-download", Duration.ofSeconds(5)).awaitSent(30);
        assertThat(sent.isComplete()).isTrue();
        assertThat(read).isEqualTo(size).isEqualTo(sent.bytes());
        assertThat(crc).isEqualTo(sent.crc32());
    }

    // ---------------------------------------------------------------- helpers

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(server.uri(path)).build();
    }

    /** Sends through the pipeline, expecting success, and returns the body as text. */
    private String sendForText(HttpRequest request) throws IOException {
        try (HttpResponse r = http.sendExpectingSuccess(request); InputStream in = r.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long patternCrc(long size) throws IOException {
        CRC32 crc = new CRC32();
        PatternBytes.write(new CheckedOutputStream(OutputStream.nullOutputStream(), crc), size);
        return crc.getValue();
    }
}
