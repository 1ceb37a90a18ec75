// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.http.jdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Decodes a {@code gzip} or {@code deflate} content coding (RFC 9110 section 8.4.1) while the body
 * streams. The decoder is made on the first read, not when the response arrives, so that reading
 * the gzip header never blocks {@code send}, and an empty body stays empty instead of failing.
 * {@code deflate} is meant to be zlib-wrapped (RFC 1950), but some servers send raw deflate
 * (RFC 1951); the first two bytes tell which.
 *
 * <p>Single-threaded.
 */
final class DecodingInputStream extends InputStream {
    private static final int BUFFER = 16 * 1024;

    private final PushbackInputStream raw;
    private final boolean gzip;
    private InputStream decoded;
    private Inflater inflater;

    private DecodingInputStream(InputStream raw, boolean gzip) {
        this.raw = new PushbackInputStream(raw, 2);
        this.gzip = gzip;
    }

    /**
     * Whether a content coding is one this stream decodes.
     *
     * @param contentEncoding the {@code Content-Encoding} value
     * @return the canonical coding ({@code gzip} or {@code deflate}), or empty
     */
    static Optional<String> decodable(String contentEncoding) {
        String c = contentEncoding.strip().toLowerCase(Locale.ROOT);
        if (c.equals("gzip") || c.equals("x-gzip")) {
            return Optional.of("gzip");
        }
        if (c.equals("deflate")) {
            return Optional.of("deflate");
        }
        return Optional.empty();
    }

    /**
     * Wraps a body in a decoder.
     *
     * @param raw the encoded body
     * @param coding {@code gzip} or {@code deflate}, as {@link #decodable} returned
     * @return the decoded body
     */
    static InputStream decode(InputStream raw, String coding) {
        Objects.requireNonNull(raw, "raw");
        return new DecodingInputStream(raw, "gzip".equals(coding));
    }

    @Override
    public int read() throws IOException {
        InputStream in = decoder();
        return in == null ? -1 : in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        InputStream in = decoder();
        return in == null ? -1 : in.read(b, off, len);
    }

    @Override
    public int available() throws IOException {
        return decoded == null ? 0 : decoded.available();
    }

    @Override
    public void close() throws IOException {
        try {
            raw.close();
        } finally {
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    /** The decoder, made on first use; null when the body is empty. */
    private InputStream decoder() throws IOException {
        if (decoded != null) {
            return decoded;
        }
        int b0 = raw.read();
        if (b0 < 0) {
            return null;
        }
        int b1 = raw.read();
        if (b1 >= 0) {
            raw.unread(b1);
        }
        raw.unread(b0);
        if (gzip) {
            decoded = new GZIPInputStream(raw, BUFFER);
        } else {
            // A zlib header: compression method 8, and the first 16 bits are a multiple of 31.
            boolean zlib = b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
            inflater = new Inflater(!zlib);
            decoded = new StrictInflaterInputStream(raw, inflater);
        }
        return decoded;
    }

    /** An inflater stream that reports a stream cut short instead of ending early. */
    private static final class StrictInflaterInputStream extends InflaterInputStream {
        StrictInflaterInputStream(InputStream in, Inflater inflater) {
            super(in, inflater, BUFFER);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0 && !inf.finished()) {
                throw new java.io.EOFException("the deflate stream ended before its end marker");
            }
            return n;
        }
    }
}
