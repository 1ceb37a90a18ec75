// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench.internal;

import io.cadc4j.bench.TableConsumer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The practical limit of a BINARY2 reader: find the STREAM text with a byte scan, strip its whitespace, and decode
 * whole blocks of 4-byte groups with {@link Base64#getDecoder()} (the JDK's intrinsic decode loop), summing every
 * decoded byte. No row is walked. Single-threaded (it reuses its buffers).
 */
public final class BlockBase64Decode implements TableConsumer {
    /** Base64 characters decoded at once: a multiple of 4. */
    private static final int BLOCK = 1 << 16;

    private final byte[] text = new byte[BLOCK];
    private final byte[] decoded = new byte[BLOCK / 4 * 3];

    @Override
    public long consume(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        StreamContent content = new StreamContent(in);
        Base64.Decoder decoder = Base64.getDecoder();
        long sum = 0;
        long bytes = 0;
        int filled = 0;
        int n;
        while ((n = content.readStripped(text, filled, BLOCK - filled)) >= 0) {
            filled += n;
            if (filled == BLOCK) {
                int m = decode(decoder, text, decoded);
                sum += sum(decoded, m);
                bytes += m;
                filled = 0;
            }
        }
        if (filled > 0) {
            byte[] last = decoder.decode(Arrays.copyOf(text, filled));
            sum += sum(last, last.length);
            bytes += last.length;
        }
        content.drain();
        return Checksum.mix(sum, bytes);
    }

    private static int decode(Base64.Decoder decoder, byte[] src, byte[] dst) throws IOException {
        try {
            return decoder.decode(src, dst);
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid base64 in STREAM: " + e.getMessage(), e);
        }
    }

    /** Sum of the first {@code n} bytes; an int accumulator, which the JIT can vectorize, cannot overflow below 2^24. */
    static long sum(byte[] b, int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += b[i];
        }
        return s;
    }
}
