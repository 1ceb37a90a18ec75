// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The bytes of the text inside the first {@code <STREAM ...>} element of a document, found by a plain byte scan
 * (no XML parsing: this is the input of the bare base64 limits, which must not pay for a parser). Ends at the
 * {@code <} of {@code </STREAM>}; the rest of the document is read and dropped on {@link #drain()}.
 * Single-threaded.
 */
final class StreamContent extends InputStream {
    private static final byte[] START = {'<', 'S', 'T', 'R', 'E', 'A', 'M'};

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean started;
    private boolean ended;

    StreamContent(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (!started) {
            skipToContent();
        }
        if (ended) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        if (pos == limit && !fill()) {
            throw new IOException("the document ends inside <STREAM>");
        }
        int n = Math.min(len, limit - pos);
        for (int i = 0; i < n; i++) {
            byte c = buf[pos + i];
            if (c == '<') {
                ended = true;
                if (i == 0) {
                    return -1;
                }
                n = i;
                break;
            }
            b[off + i] = c;
        }
        pos += n;
        return n;
    }

    /**
     * Like {@link #read(byte[], int, int)}, but leaves out XML whitespace (XML 1.0 production S), which is all
     * VOTable allows between base64 characters: one pass over the bytes instead of a copy and then a strip.
     *
     * @return the number of bytes stored, 0 only when {@code len} is 0, or -1 at the end of the STREAM text
     */
    int readStripped(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (!started) {
            skipToContent();
        }
        int stored = 0;
        while (stored < len && !ended) {
            if (pos == limit && !fill()) {
                throw new IOException("the document ends inside <STREAM>");
            }
            int p = pos;
            int end = limit;
            int o = off + stored;
            int room = off + len;
            while (p < end && o < room) {
                // Copy a run of base64 characters at once: every one of them is above ' ', none is '<'.
                int run = p;
                int runEnd = Math.min(end, p + room - o);
                while (run < runEnd && buf[run] > ' ' && buf[run] != '<') {
                    run++;
                }
                System.arraycopy(buf, p, b, o, run - p);
                o += run - p;
                p = run;
                if (p < end && o < room) {
                    byte c = buf[p];
                    if (c == '<') {
                        ended = true;
                        break;
                    }
                    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                        throw new IOException("a byte that is neither base64 nor XML whitespace in <STREAM>: 0x"
                                + Integer.toHexString(c & 0xff));
                    }
                    p++;
                }
            }
            pos = p;
            stored = o - off;
        }
        return stored == 0 && ended ? -1 : stored;
    }

    /** Reads and drops the rest of the document, so that every consumer reads its input to the end. */
    void drain() throws IOException {
        pos = limit;
        while (fill()) {
            pos = limit;
        }
    }

    private void skipToContent() throws IOException {
        started = true;
        int matched = 0;
        while (true) {
            if (pos == limit && !fill()) {
                throw new IOException("the document has no <STREAM> element");
            }
            byte c = buf[pos++];
            if (matched < START.length) {
                matched = c == START[matched] ? matched + 1 : c == '<' ? 1 : 0;
            } else if (c == '>') {
                return;
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
