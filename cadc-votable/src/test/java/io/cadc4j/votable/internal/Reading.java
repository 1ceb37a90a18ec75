// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.internal.xml.Stax;
import io.cadc4j.votable.Binary2Layout;
import io.cadc4j.votable.ParserLimits;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;

/**
 * One reading of a document by the cursor, with or without the raw paths (RawTap): every cell as
 * a String, the overflow flag and the document metadata, or the failure with its line and column.
 * Two readings of a document are compared as text.
 */
final class Reading {
    private static final XMLInputFactory WOODSTOX = woodstox();

    /** @return the factory the reader makes (Woodstox, hardened, with the default limits) */
    static XMLInputFactory woodstox() {
        ParserLimits l = ParserLimits.defaults();
        return Stax.hardenedFactory(l.maxDepth() + 1, l.maxAttributeLength() + 1);
    }

    final String text;
    /** Bytes read without the parser. */
    final long rawBytes;
    /** TABLEDATA rows read without the parser. */
    final long rawRows;

    private Reading(String text, long rawBytes, long rawRows) {
        this.text = text;
        this.rawBytes = rawBytes;
        this.rawRows = rawRows;
    }

    /**
     * @param raw whether the cursor may take STREAM text and TABLEDATA rows without the parser
     * @param chunk the most bytes a read of the input returns
     */
    static Reading of(byte[] doc, boolean raw, int chunk) {
        return of(doc, raw, chunk, ParserLimits.defaults());
    }

    static Reading of(byte[] doc, boolean raw, int chunk, ParserLimits limits) {
        StringBuilder sb = new StringBuilder();
        long rawBytes = 0;
        long rawRows = 0;
        VOTableCursor c = null;
        try {
            c = new VOTableCursor(WOODSTOX, chunked(doc, chunk), null, limits, Binary2Layout.STANDARD, null, false,
                    raw);
            while (c.next()) {
                for (int i = 0; i < c.columnCount(); i++) {
                    sb.append(c.getString(i)).append('|');
                }
                sb.append('\n');
            }
            sb.append(c.isOverflow()).append(c.document());
        } catch (ProtocolViolationException e) {
            sb.append(e.getClass().getSimpleName()).append(": ").append(e.getMessage().replaceAll(
                    " \\[about \\d+ bytes into the document\\]", "")).append(" @").append(e.line()).append(':')
                    .append(e.column());
        } catch (CadcException e) {
            sb.append(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        } finally {
            if (c != null) {
                rawBytes = c.rawBytesTaken();
                rawRows = c.rawRowsTaken();
                c.close();
            }
        }
        return new Reading(sb.toString(), rawBytes, rawRows);
    }

    private static InputStream chunked(byte[] doc, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(doc)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }
}
