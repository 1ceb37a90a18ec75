// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.http.jdk.internal;

import io.cadc4j.core.CadcTimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Receives a response body and offers it as an {@link InputStream} whose reads wait at most the
 * idle timeout for the next bytes ({@code BodyHandlers.ofInputStream()} would wait for ever when a
 * server stalls mid-body). Demand is one list of buffers at a time, so memory stays bounded.
 * Closing the stream before the end cancels the subscription, which makes the client give up the
 * connection instead of reading the rest.
 *
 * <p>The subscriber side is called by the client's threads; the stream is single-threaded, as
 * {@link io.cadc4j.core.spi.HttpResponse#body()} says, except that {@code close()} may come from
 * another thread to abandon a read that is waiting.
 */
final class StreamingBodySubscriber implements BodySubscriber<InputStream> {
    /** Marks the end of the body in the queue. */
    private static final Object END = new Object();

    private final URI uri;
    private final long idleNanos;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final CompletableFuture<InputStream> body = new CompletableFuture<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();

    StreamingBodySubscriber(URI uri, Duration idleTimeout) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.idleNanos = idleTimeout.toNanos();
        body.complete(new Stream(idleTimeout));
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (!subscription.complete(Objects.requireNonNull(s, "subscription"))) {
            s.cancel();
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        queue.add(throwable);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    private void cancelUpstream() {
        subscription.thenAccept(Flow.Subscription::cancel);
    }

    private void requestMore() {
        subscription.thenAccept(s -> s.request(1));
    }

    /** The body as the caller reads it. */
    private final class Stream extends InputStream {
        private final Duration idleTimeout;
        private Iterator<ByteBuffer> buffers = Collections.emptyIterator();
        private ByteBuffer current;
        private boolean ended;
        private volatile boolean closed;
        private IOException failure;

        Stream(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            ByteBuffer buf = nextBuffer();
            if (buf == null) {
                return -1;
            }
            int n = Math.min(len, buf.remaining());
            buf.get(b, off, n);
            return n;
        }

        @Override
        public int available() throws IOException {
            if (closed) {
                throw new IOException("response body of " + uri + " closed");
            }
            return current == null ? 0 : current.remaining();
        }

        /** The buffer to read from next, waiting for one if need be; null at the end. */
        private ByteBuffer nextBuffer() throws IOException {
            if (closed) {
                throw new IOException("response body of " + uri + " closed");
            }
            if (failure != null) {
                throw failure;
            }
            while (current == null || !current.hasRemaining()) {
                if (buffers.hasNext()) {
                    current = buffers.next();
                    continue;
                }
                if (ended) {
                    return null;
                }
                if (current != null) {
                    // The previous list is used up: ask for the next one only now, to bound memory.
                    current = null;
                    requestMore();
                }
                Object item;
                try {
                    item = queue.poll(idleNanos, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading the response body of " + uri);
                }
                if (item == null) {
                    cancelUpstream();
                    throw new CadcTimeoutException("no bytes of the response body of " + uri + " arrived for "
                            + idleTimeout.toMillis() + " ms", uri, null);
                }
                if (closed) {
                    throw new IOException("response body of " + uri + " closed");
                }
                if (item instanceof Throwable) {
                    Throwable t = (Throwable) item;
                    failure = t instanceof IOException
                            ? new IOException("reading the response body of " + uri + " failed: " + t.getMessage(), t)
                            : new IOException("reading the response body of " + uri + " failed: " + t, t);
                    throw failure;
                }
                if (item == END) {
                    ended = true;
                    return null;
                }
                @SuppressWarnings("unchecked")
                List<ByteBuffer> list = (List<ByteBuffer>) item;
                buffers = list.iterator();
                current = ByteBuffer.allocate(0);
            }
            return current;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (!ended) {
                cancelUpstream();
            }
            queue.clear();
            // Wakes a read blocked on another thread, which then reports the stream closed.
            queue.add(new IOException("closed"));
        }
    }
}
