// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

import static io.cadc4j.core.spi.ScriptedTransport.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.CadcTimeoutException;
import io.cadc4j.core.internal.http.FormBody;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The pipeline's {@link RetryPolicy}: what is retried, how long it waits, what it says when it gives up. */
class HttpPipelineRetryTest {
    private static final URI CAPS = URI.create("https://ws.example.org/tap/capabilities");
    private static final URI SYNC = URI.create("https://ws.example.org/tap/sync");
    private static final URI ASYNC = URI.create("https://ws.example.org/tap/async");
    private static final RetryPolicy QUICK = RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(20))
            .maxDelay(Duration.ofSeconds(2)).jitter(0).build();

    private static HttpPipeline pipeline(ScriptedTransport t, RetryPolicy policy) {
        return HttpPipeline.builder().transport(t).settings(TransportSettings.builder().retryPolicy(policy).build())
                .build();
    }

    private static ScriptedTransport busyThen(int busy, int status, String retryAfter) {
        AtomicInteger n = new AtomicInteger();
        return ScriptedTransport.answering(r -> n.incrementAndGet() <= busy
                ? respond(r, status, "busy, come back later", "Retry-After", retryAfter)
                : respond(r, 200, "ok"));
    }

    @Test
    void busyAnswersAreRetriedHonouringRetryAfterAndCounted() throws IOException {
        ScriptedTransport t = busyThen(2, 503, "1");
        HttpPipeline http = pipeline(t, QUICK);
        long start = System.nanoTime();
        try (HttpResponse r = http.send(HttpRequest.newBuilder(CAPS).build())) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ok");
        }
        // two waits of Retry-After 1 s each (not the 20 ms base delay)
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(t.sent).hasSize(3);
        assertThat(http.retryCount()).isEqualTo(2);
        assertThat(http.withCredentials(CredentialPolicy.NONE).retryCount()).isEqualTo(2);
    }

    @Test
    void eachRetryableStatusIsRetriedAndOtherErrorsAreNot() {
        for (int status : new int[] {429, 502, 503, 504}) {
            ScriptedTransport t = busyThen(1, status, "0");
            try (HttpResponse r = pipeline(t, QUICK).send(HttpRequest.newBuilder(CAPS).build())) {
                assertThat(r.status()).as("after %s", status).isEqualTo(200);
            }
            assertThat(t.sent).as("after %s", status).hasSize(2);
        }
        for (int status : new int[] {400, 401, 403, 404, 408, 500}) {
            ScriptedTransport t = busyThen(1, status, "0");
            try (HttpResponse r = pipeline(t, QUICK).send(HttpRequest.newBuilder(CAPS).build())) {
                assertThat(r.status()).isEqualTo(status);
            }
            assertThat(t.sent).as("after %s", status).hasSize(1);
        }
    }

    @Test
    void anHttpDateRetryAfterIsWaitedFor() {
        ScriptedTransport t = busyThen(1, 503,
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2)));
        long start = System.nanoTime();
        pipeline(t, QUICK).send(HttpRequest.newBuilder(CAPS).build()).close();
        // the date has one-second resolution: at least one second, at most the 2 s cap
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), Duration.ofMillis(2900));
        assertThat(t.sent).hasSize(2);
    }

    @Test
    void givingUpSaysHowOftenAndHowLongInOneSentence() {
        ScriptedTransport t = busyThen(10, 503, "1");
        assertThatThrownBy(() -> pipeline(t, QUICK).send(HttpRequest.newBuilder(CAPS).build()))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.status()).isEqualTo(503))
                .hasMessageStartingWith("HTTP 503 from " + CAPS + ": busy, come back later; still busy after 3 tries over ")
                .hasMessageEndingWith(" (503, Retry-After 1)")
                .hasMessageNotContaining("Exception");
        assertThat(t.sent).hasSize(3);
    }

    @Test
    void aRetryAfterBeyondTheOverallTimeoutIsNotWaitedFor() {
        ScriptedTransport t = busyThen(10, 503, "1");
        HttpPipeline http = HttpPipeline.builder().transport(t).settings(TransportSettings.builder().retryPolicy(QUICK)
                .overallTimeout(Duration.ofMillis(1500)).build()).build();
        long start = System.nanoTime();
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(CAPS).build()))
                .isInstanceOf(ServiceException.class).hasMessageContaining("still busy after 2 tries");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10)); // a hang guard; the tries prove no wait
    }

    @Test
    void failuresBeforeAnyAnswerAreRetriedForSafeRequests() {
        AtomicInteger n = new AtomicInteger();
        ScriptedTransport t = new ScriptedTransport(r -> {
            if (n.incrementAndGet() == 1) {
                throw new ConnectException("Connection refused");
            }
            if (n.get() == 2) {
                throw new CadcTimeoutException("GET " + r.uri() + ": no response headers within 100 ms", r.uri(), null);
            }
            return respond(r, 200, "ok");
        });
        HttpPipeline http = pipeline(t, QUICK);
        http.send(HttpRequest.newBuilder(CAPS).build()).close();
        assertThat(t.sent).hasSize(3);
        assertThat(http.retryCount()).isEqualTo(2);
    }

    @Test
    void aMarkedQueryPostIsRetriedButAJobCreationNeverIs() {
        ScriptedTransport t = busyThen(1, 503, "0");
        pipeline(t, QUICK).send(HttpRequest.newBuilder(SYNC).POST(FormBody.builder().add("QUERY", "select 1").build())
                .safeToRepeat().build()).close();
        assertThat(t.sent).hasSize(2);
        assertThat(t.sent.get(1).body).isEqualTo("QUERY=select+1");

        ScriptedTransport creation = busyThen(1, 503, "0");
        try (HttpResponse r = pipeline(creation, QUICK).send(HttpRequest.newBuilder(ASYNC)
                .POST(FormBody.builder().add("QUERY", "select 1").build()).build())) {
            assertThat(r.status()).isEqualTo(503);
        }
        assertThat(creation.sent).hasSize(1);

        AtomicInteger refused = new AtomicInteger();
        ScriptedTransport reset = new ScriptedTransport(r -> {
            refused.incrementAndGet();
            throw new IOException("Connection reset");
        });
        assertThatThrownBy(() -> pipeline(reset, QUICK).send(HttpRequest.newBuilder(ASYNC)
                .POST(FormBody.builder().add("QUERY", "select 1").build()).build()))
                .isInstanceOf(TransportException.class).hasMessageNotContaining("still failing");
        assertThat(refused).hasValue(1);
    }

    @Test
    void aBodyThatCannotBeReplayedIsNeverRetriedEvenWhenMarked() {
        ScriptedTransport t = busyThen(1, 503, "0");
        RequestBody once = RequestBody.ofWriter("text/plain", false, out -> out.write(1));
        HttpRequest request = HttpRequest.newBuilder(SYNC).POST(once).safeToRepeat().build();
        assertThat(request.isSafeToRepeat()).isFalse();
        pipeline(t, QUICK).send(request).close();
        assertThat(t.sent).hasSize(1);
    }

    @Test
    void noneSendsOnce() {
        ScriptedTransport t = busyThen(1, 503, "0");
        try (HttpResponse r = pipeline(t, RetryPolicy.none()).send(HttpRequest.newBuilder(CAPS).build())) {
            assertThat(r.status()).isEqualTo(503);
        }
        assertThat(t.sent).hasSize(1);
    }

    @Test
    void aDocumentWhoseBodyBreaksIsFetchedAgain() {
        AtomicInteger n = new AtomicInteger();
        ScriptedTransport t = ScriptedTransport.answering(r -> {
            if (n.incrementAndGet() == 1) {
                InputStream broken = new InputStream() {
                    private int left = 5;

                    @Override
                    public int read() throws IOException {
                        if (left-- > 0) {
                            return 'x';
                        }
                        throw new IOException("fixed content-length: 10, bytes received: 5");
                    }
                };
                return HttpResponse.of(r, 200, HttpHeaders.builder().add("Content-Length", "10").build(), broken);
            }
            return respond(r, 200, "0123456789", "Content-Length", "10");
        });
        HttpPipeline http = pipeline(t, QUICK);
        String text = http.fetch(HttpRequest.newBuilder(CAPS).build(),
                (in, r) -> new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        assertThat(text).isEqualTo("0123456789");
        assertThat(t.sent).hasSize(2);
        assertThat(http.retryCount()).isEqualTo(1);
    }

    @Test
    void aBrokenBodyReadsAsOneSentenceNamingHostPortAndBytes() {
        ScriptedTransport t = ScriptedTransport.answering(r -> HttpResponse.of(r, 200,
                HttpHeaders.builder().add("Content-Length", "49851").build(), new java.io.ByteArrayInputStream(
                        new byte[24925])));
        HttpPipeline http = pipeline(t, RetryPolicy.none());
        assertThatThrownBy(() -> http.fetch(HttpRequest.newBuilder(URI.create("http://127.0.0.1:9001/tap/sync/1"))
                .build(), (in, r) -> in.readAllBytes()))
                .isInstanceOf(TransportException.class)
                .hasMessageEndingWith("the connection to 127.0.0.1:9001 closed after 24,925 of 49,851 bytes")
                .hasMessageNotContaining("java.").hasMessageNotContaining("Exception");
    }

    @Test
    void theOverallTimeoutEndsABodyThatTrickles() {
        // a byte every 200 ms, for ever; closing it ends a waiting read, as a real transport's body does
        InputStream slow = new InputStream() {
            private volatile boolean closed;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                for (int i = 0; i < 20 && !closed; i++) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        throw new java.io.InterruptedIOException();
                    }
                }
                if (closed) {
                    throw new IOException("closed");
                }
                b[off] = 'x';
                return 1;
            }

            @Override
            public void close() {
                closed = true;
            }
        };
        ScriptedTransport t = ScriptedTransport.answering(r -> HttpResponse.of(r, 200, HttpHeaders.builder().build(), slow));
        HttpPipeline http = HttpPipeline.builder().transport(t).settings(TransportSettings.builder()
                .overallTimeout(Duration.ofSeconds(1)).build()).build();
        long start = System.nanoTime();
        assertThatThrownBy(() -> http.fetch(HttpRequest.newBuilder(CAPS).build(), (in, r) -> in.readAllBytes()))
                .isInstanceOf(CadcTimeoutException.class).hasMessageContaining("the overall timeout of 1 s ran out");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10)); // a hang guard: without the deadline the body never ends
    }

    @Test
    void delaysDoubleUpToTheCapAndRetryAfterIsAFloor() {
        RetryPolicy p = RetryPolicy.builder().baseDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(5)).jitter(0)
                .build();
        assertThat(p.delayBefore(1, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.delayBefore(2, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.delayBefore(3, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(p.delayBefore(4, null)).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.delayBefore(1, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.delayBefore(1, Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(5));
        RetryPolicy jittered = p.toBuilder().jitter(0.5).build();
        for (int i = 0; i < 100; i++) {
            assertThat(jittered.delayBefore(1, null)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
            assertThat(jittered.delayBefore(1, Duration.ofSeconds(2))).isBetween(Duration.ofSeconds(2),
                    Duration.ofSeconds(3));
        }
        assertThat(RetryPolicy.ofRetries(0).retries()).isFalse();
        assertThat(RetryPolicy.ofRetries(3).maxAttempts()).isEqualTo(4);
        assertThatThrownBy(() -> RetryPolicy.ofRetries(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
