// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench.internal;

import io.cadc4j.bench.TableConsumer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Objects;

/**
 * For reference: the obvious way to decode a STREAM, {@link Base64#getMimeDecoder()}{@code .wrap(...)} over the
 * STREAM text (it skips the line breaks itself), summing every decoded byte. Its per-character path is much slower
 * than {@link BlockBase64Decode}. Single-threaded (it reuses its buffer).
 */
public final class MimeBase64Decode implements TableConsumer {
    private final byte[] decoded = new byte[1 << 16];

    @Override
    public long consume(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        StreamContent content = new StreamContent(in);
        InputStream base64 = Base64.getMimeDecoder().wrap(content);
        long sum = 0;
        long bytes = 0;
        int n;
        while ((n = base64.read(decoded, 0, decoded.length)) >= 0) {
            sum += BlockBase64Decode.sum(decoded, n);
            bytes += n;
        }
        content.drain();
        return Checksum.mix(sum, bytes);
    }
}
