// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.concurrent.ScheduledFuture;

/**
 * A response body as the pipeline hands it out: it counts the bytes read, turns a connection that
 * breaks into one readable sentence ("the connection to 127.0.0.1:9001 closed after 24,925 of
 * 49,851 bytes", a {@link BrokenBodyException}), reports a body shorter than its
 * {@code Content-Length}, and is closed when the client's overall deadline passes, which ends a
 * read blocked on a slow server with a {@link io.cadc4j.core.CadcTimeoutException}.
 *
 * <p>Not thread-safe (one reader), except that the deadline may close it from another thread.
 */
public final class GuardedBody extends FilterInputStream {
    private final URI uri;
    private final long expected;
    private final Deadline deadline;
    private final ScheduledFuture<?> watchdog;
    private long count;
    private volatile boolean expired;
    private boolean closed;

    /**
     * Wraps a body.
     *
     * @param in the transport's body
     * @param uri where it comes from
     * @param expected its announced length, or -1
     * @param deadline the overall deadline, or null
     */
    public GuardedBody(InputStream in, URI uri, long expected, Deadline deadline) {
        super(in);
        this.uri = uri;
        this.expected = expected;
        this.deadline = deadline;
        this.watchdog = deadline == null ? null : deadline.schedule(this::expire);
    }

    /**
     * How many bytes were read so far.
     *
     * @return the count
     */
    public long count() {
        return count;
    }

    private void expire() {
        expired = true;
        try {
            in.close();
        } catch (IOException | RuntimeException e) {
            // the read that is waiting fails either way
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkDeadline(null);
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            checkDeadline(e);
            throw new BrokenBodyException(describe(e), e);
        } catch (RuntimeException e) {
            checkDeadline(e);
            throw e;
        }
        if (n > 0) {
            count += n;
        } else if (n < 0 && expected >= 0 && count < expected && len > 0) {
            throw new BrokenBodyException(describe(null), null);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(8192, Math.max(0, n))];
        long done = 0;
        while (done < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        in.close();
    }

    private void checkDeadline(Throwable cause) {
        if (deadline != null && (expired || deadline.passed())) {
            expired = true;
            throw deadline.exceeded("reading the answer of " + uri + " (" + Durations.count(count) + " bytes read)",
                    uri, cause);
        }
    }

    private String describe(IOException e) {
        String where = uri.getHost() + ":" + (uri.getPort() >= 0 ? uri.getPort()
                : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        String how = e != null && e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT)
                .contains("reset") ? " was reset after " : " closed after ";
        return "the connection to " + where + how + Durations.count(count)
                + (expected >= 0 ? " of " + Durations.count(expected) : "") + " bytes";
    }

    /**
     * A body that ended early. Its {@link #toString()} is its message alone, so that code which
     * writes {@code "... failed: " + e} still makes a sentence a person can read.
     */
    public static final class BrokenBodyException extends IOException {
        private static final long serialVersionUID = 1L;

        BrokenBodyException(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
