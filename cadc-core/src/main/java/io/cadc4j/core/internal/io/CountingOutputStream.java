// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream that counts the bytes written through it (to say how much of a result reached
 * a file). Not thread-safe: one writer at a time, as for any stream.
 */
public final class CountingOutputStream extends FilterOutputStream {
    private long count;

    /**
     * @param out where the bytes go
     */
    public CountingOutputStream(OutputStream out) {
        super(out);
    }

    /** @return the bytes written so far */
    public long count() {
        return count;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count += len;
    }
}
