// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.http.jdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.CadcTimeoutException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StreamingBodySubscriberTest {
    private static final URI URI_ = URI.create("https://ws.example.org/tap/sync");

    private final AtomicLong requested = new AtomicLong();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Flow.Subscription subscription = new Flow.Subscription() {
        @Override
        public void request(long n) {
            requested.addAndGet(n);
        }

        @Override
        public void cancel() {
            cancelled.set(true);
        }
    };

    @Test
    void readsListsInOrderAskingForOneAtATime() throws IOException {
        StreamingBodySubscriber s = new StreamingBodySubscriber(URI_, Duration.ofSeconds(5));
        s.onSubscribe(subscription);
        assertThat(requested.get()).isEqualTo(1);
        s.onNext(List.of(bytes("ab"), bytes("c")));
        s.onNext(List.of(ByteBuffer.allocate(0)));
        s.onNext(List.of(bytes("de")));
        s.onComplete();

        InputStream in = body(s);

        assertThat(in.read()).isEqualTo('a');
        assertThat(requested.get()).as("nothing more asked while a list is unread").isEqualTo(1);
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("bcde");
        // The first request, then one more as each of the three lists was used up.
        assertThat(requested.get()).isEqualTo(4);
    }

    @Test
    void stalledBodyReadFailsWithCadcTimeoutException() {
        StreamingBodySubscriber s = new StreamingBodySubscriber(URI_, Duration.ofMillis(100));
        s.onSubscribe(subscription);
        s.onNext(List.of(bytes("partial")));
        InputStream in = body(s);

        assertThatThrownBy(in::readAllBytes).isInstanceOf(CadcTimeoutException.class)
                .hasMessageContaining(URI_.toString());
        assertThat(cancelled).isTrue();
    }

    @Test
    void upstreamErrorFailsTheReadWithIOException() {
        StreamingBodySubscriber s = new StreamingBodySubscriber(URI_, Duration.ofSeconds(5));
        s.onSubscribe(subscription);
        s.onNext(List.of(bytes("partial")));
        s.onError(new EOFException("EOF reached while reading"));
        InputStream in = body(s);

        assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("EOF reached");
    }

    @Test
    void closingBeforeTheEndCancelsTheSubscription() throws IOException {
        StreamingBodySubscriber s = new StreamingBodySubscriber(URI_, Duration.ofSeconds(5));
        s.onSubscribe(subscription);
        s.onNext(List.of(bytes("more to come")));
        InputStream in = body(s);
        in.read();

        in.close();
        in.close();

        assertThat(cancelled).isTrue();
        assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void closingFromAnotherThreadEndsAWaitingRead() throws Exception {
        StreamingBodySubscriber s = new StreamingBodySubscriber(URI_, Duration.ofSeconds(30));
        s.onSubscribe(subscription);
        InputStream in = body(s);
        CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
            try {
                in.read();
                return null;
            } catch (IOException | RuntimeException e) {
                return e;
            }
        });

        in.close();

        assertThat(reader.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class)
                .isNotInstanceOf(CadcTimeoutException.class);
    }

    @Test
    void closingAtTheEndDoesNotCancel() throws IOException {
        StreamingBodySubscriber s = new StreamingBodySubscriber(URI_, Duration.ofSeconds(5));
        s.onSubscribe(subscription);
        s.onComplete();
        InputStream in = body(s);

        assertThat(in.read()).isEqualTo(-1);
        in.close();

        assertThat(cancelled).isFalse();
    }

    private static InputStream body(StreamingBodySubscriber s) {
        return s.getBody().toCompletableFuture().join();
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }
}
