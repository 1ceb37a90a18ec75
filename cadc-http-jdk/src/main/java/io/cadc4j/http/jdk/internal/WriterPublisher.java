// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.http.jdk.internal;

import io.cadc4j.core.spi.RequestBody;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * Publishes a {@link RequestBody} to {@code java.net.http} as it is written: a thread of the
 * transport runs {@link RequestBody#writeTo}, and each full buffer waits for the client's demand
 * before it is handed on, so at most a few buffers are ever in memory whatever the body's size.
 *
 * <p>Thread-safe: each subscription has its own writer thread and state.
 */
final class WriterPublisher implements BodyPublisher {
    /** The size of the pieces handed to the client. */
    static final int CHUNK = 64 * 1024;

    private final RequestBody body;
    private final Executor executor;

    WriterPublisher(RequestBody body, Executor executor) {
        this.body = Objects.requireNonNull(body, "body");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public long contentLength() {
        return body.contentLength() < 0 ? -1 : body.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        subscriber.onSubscribe(new WriterSubscription(subscriber));
    }

    /** One attempt at sending the body: its demand counter and the thread that writes it. */
    private final class WriterSubscription implements Flow.Subscription {
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final Object lock = new Object();
        private long demand;
        private boolean cancelled;
        private boolean started;

        WriterSubscription(Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            boolean start = false;
            synchronized (lock) {
                if (cancelled) {
                    return;
                }
                if (n <= 0) {
                    // Reactive Streams rule 3.9: signal the error instead of throwing.
                    cancelled = true;
                    lock.notifyAll();
                    subscriber.onError(new IllegalArgumentException("non-positive demand: " + n));
                    return;
                }
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                lock.notifyAll();
                if (!started) {
                    started = true;
                    start = true;
                }
            }
            if (start) {
                executor.execute(this::write);
            }
        }

        @Override
        public void cancel() {
            synchronized (lock) {
                cancelled = true;
                lock.notifyAll();
            }
        }

        private void write() {
            try (OutputStream out = new PublishingStream()) {
                body.writeTo(out);
            } catch (IOException | RuntimeException e) {
                if (!isCancelled()) {
                    cancel();
                    subscriber.onError(e);
                }
                return;
            }
            if (!isCancelled()) {
                subscriber.onComplete();
            }
        }

        private boolean isCancelled() {
            synchronized (lock) {
                return cancelled;
            }
        }

        /** Hands a full buffer on when the client asks for one; blocks the writer until then. */
        private void emit(byte[] bytes, int length) throws IOException {
            synchronized (lock) {
                while (demand == 0 && !cancelled) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while sending the request body");
                    }
                }
                if (cancelled) {
                    throw new IOException("the request was abandoned while its body was being sent");
                }
                demand--;
            }
            subscriber.onNext(ByteBuffer.wrap(bytes, 0, length));
        }

        /** The stream {@link RequestBody#writeTo} writes to; each buffer is handed on, never reused. */
        private final class PublishingStream extends OutputStream {
            private byte[] buffer = new byte[CHUNK];
            private int count;
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                ensureOpen();
                if (count == buffer.length) {
                    push();
                }
                buffer[count++] = (byte) b;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                Objects.checkFromIndexSize(off, len, b.length);
                ensureOpen();
                while (len > 0) {
                    if (count == buffer.length) {
                        push();
                    }
                    int n = Math.min(len, buffer.length - count);
                    System.arraycopy(b, off, buffer, count, n);
                    count += n;
                    off += n;
                    len -= n;
                }
            }

            @Override
            public void flush() throws IOException {
                ensureOpen();
                if (count > 0) {
                    push();
                }
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                if (count > 0) {
                    push();
                }
                closed = true;
            }

            private void push() throws IOException {
                byte[] full = buffer;
                int n = count;
                // The client may keep the buffer until it is written out, so it is never reused.
                buffer = new byte[CHUNK];
                count = 0;
                emit(full, n);
            }

            private void ensureOpen() throws IOException {
                if (closed) {
                    throw new IOException("request body stream closed");
                }
            }
        }
    }
}
