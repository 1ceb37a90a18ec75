// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.datalink.internal;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.function.LongConsumer;

/** Streams used while a body is read. Each is single-threaded. */
final class BodyStreams {
    private BodyStreams() {
    }

    /**
     * A failure reading the response body (the connection), as opposed to writing the file: the
     * first is a transport failure that a resume can repair, the second is not.
     */
    static final class BodyReadException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyReadException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Reads a body, feeding a digest, counting bytes, reporting progress every 64 KiB, and marking
     * its own read failures as {@link BodyReadException}.
     */
    static final class Counting extends FilterInputStream {
        static final int STEP = 64 * 1024;
        private final MessageDigest digest;
        private final LongConsumer progress;
        private long count;
        private long reported;

        Counting(InputStream in, MessageDigest digest, long start, LongConsumer progress) {
            super(in);
            this.digest = digest;
            this.progress = progress;
            this.count = start;
            this.reported = start;
        }

        long count() {
            return count;
        }

        void reportNow() {
            reported = count;
            progress.accept(count);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = in.read(b, off, len);
            } catch (BodyReadException e) {
                throw e;
            } catch (IOException e) {
                throw new BodyReadException(e);
            }
            if (n > 0) {
                if (digest != null) {
                    digest.update(b, off, n);
                }
                count += n;
                if (count - reported >= STEP) {
                    reportNow();
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes must still reach the digest.
            byte[] buf = new byte[(int) Math.min(n, 8192)];
            int r = read(buf, 0, buf.length);
            return Math.max(r, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** Keeps a copy of every byte read, so that bytes inspected first can still be written. */
    static final class Recording extends FilterInputStream {
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        Recording(InputStream in) {
            super(in);
        }

        byte[] recorded() {
            return copy.toByteArray();
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                copy.write(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[(int) Math.min(n, 8192)];
            int r = read(buf, 0, buf.length);
            return Math.max(r, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
