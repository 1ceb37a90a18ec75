// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.http.jdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.spi.RequestBody;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WriterPublisherTest {
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void announcesKnownLengthAndUnknownAsChunked() {
        assertThat(new WriterPublisher(RequestBody.ofString("abc", "text/plain"), executor).contentLength()).isEqualTo(3);
        assertThat(new WriterPublisher(RequestBody.ofWriter("text/plain", false, out -> out.write(1)), executor)
                .contentLength()).isEqualTo(-1);
    }

    @Test
    void writesOnlyAsFastAsTheSubscriberAsks() throws Exception {
        AtomicLong written = new AtomicLong();
        RequestBody endless = RequestBody.ofWriter("application/octet-stream", false, out -> {
            byte[] block = new byte[1000];
            for (int i = 0; i < 100_000; i++) {
                out.write(block);
                written.addAndGet(block.length);
            }
        });
        Recorder recorder = new Recorder();
        new WriterPublisher(endless, executor).subscribe(recorder);

        recorder.subscription.get(5, TimeUnit.SECONDS).request(2);
        ByteBuffer first = recorder.items.poll(5, TimeUnit.SECONDS);
        ByteBuffer second = recorder.items.poll(5, TimeUnit.SECONDS);

        assertThat(first.remaining()).isEqualTo(WriterPublisher.CHUNK);
        assertThat(second.remaining()).isEqualTo(WriterPublisher.CHUNK);
        // Without more demand the writer is parked on its third buffer: memory stays bounded.
        assertThat(recorder.items.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(written.get()).isLessThanOrEqualTo(3L * WriterPublisher.CHUNK);
        recorder.subscription.get().cancel();
    }

    @Test
    void deliversEveryByteThenCompletes() throws Exception {
        RequestBody body = RequestBody.ofWriter("application/octet-stream", false, out -> {
            for (int i = 0; i < 200_000; i++) {
                out.write(i & 0xff);
            }
        });
        Recorder recorder = new Recorder();
        new WriterPublisher(body, executor).subscribe(recorder);
        recorder.subscription.get(5, TimeUnit.SECONDS).request(Long.MAX_VALUE);

        assertThat(recorder.done.get(5, TimeUnit.SECONDS)).isNull();
        long total = 0;
        long index = 0;
        for (ByteBuffer b : recorder.items) {
            while (b.hasRemaining()) {
                assertThat(b.get() & 0xff).isEqualTo((int) (index++ & 0xff));
                total++;
            }
        }
        assertThat(total).isEqualTo(200_000);
    }

    @Test
    void writerFailureIsSignalledAsError() throws Exception {
        RequestBody failing = RequestBody.ofWriter("text/plain", false, out -> {
            throw new IOException("the upload file vanished");
        });
        Recorder recorder = new Recorder();
        new WriterPublisher(failing, executor).subscribe(recorder);
        recorder.subscription.get(5, TimeUnit.SECONDS).request(1);

        assertThat(recorder.done.get(5, TimeUnit.SECONDS)).isInstanceOf(IOException.class)
                .hasMessageContaining("vanished");
    }

    @Test
    void cancellingStopsTheWriterWithAnIOException() throws Exception {
        CompletableFuture<Throwable> writerOutcome = new CompletableFuture<>();
        RequestBody endless = RequestBody.ofWriter("application/octet-stream", false, out -> {
            try {
                while (true) {
                    out.write(new byte[1000]);
                }
            } catch (IOException e) {
                writerOutcome.complete(e);
                throw e;
            }
        });
        Recorder recorder = new Recorder();
        new WriterPublisher(endless, executor).subscribe(recorder);
        Flow.Subscription s = recorder.subscription.get(5, TimeUnit.SECONDS);
        s.request(1);
        recorder.items.poll(5, TimeUnit.SECONDS);

        s.cancel();

        assertThat(writerOutcome.get(5, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
        assertThat(recorder.done.isDone()).as("no signal after cancel").isFalse();
    }

    /** A subscriber that records what it is given. */
    private static final class Recorder implements Flow.Subscriber<ByteBuffer> {
        final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
        final BlockingQueue<ByteBuffer> items = new LinkedBlockingQueue<>();
        /** Completes with null on completion, with the error on error. */
        final CompletableFuture<Throwable> done = new CompletableFuture<>();

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription.complete(s);
        }

        @Override
        public void onNext(ByteBuffer item) {
            items.add(item);
        }

        @Override
        public void onError(Throwable throwable) {
            done.complete(throwable);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
    }
}
