// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;

/**
 * The one seam of the fast path: the bytes the parser reads pass through a {@link RawTap}, which
 * always keeps their place (and checks them as UTF-8, so that a bad byte is reported exactly where
 * it is), and, with Woodstox only, holds at a {@code STREAM} or {@code TABLEDATA} start tag so that
 * what follows is read straight from the bytes ({@link Base64Text}, {@link RawTableData}). Whether
 * it may is decided here and nowhere else ({@link #takesRaw}). Single-threaded.
 */
final class FastPath {
    private final RawTap tap;

    private FastPath(RawTap tap) {
        this.tap = tap;
    }

    /**
     * Whether a parser made by this factory can have text taken away from it: the tap relies on
     * Woodstox's character offsets (checked against its own count before any byte is taken); any
     * other parser reads the whole document.
     *
     * @param factory the factory the parser comes from
     * @return true for Woodstox
     */
    static boolean takesRaw(XMLInputFactory factory) {
        return factory.getClass().getName().startsWith("com.ctc.wstx.");
    }

    /**
     * Puts the tap in front of a document.
     *
     * @param in the document's (decompressed) bytes
     * @param factory the factory the parser will come from
     * @param wanted whether rows and STREAM text may be read raw at all (false for metadata only
     *        and for tests that compare the two paths)
     * @return the fast path; its {@link #parserInput()} is what the parser must read
     */
    static FastPath over(InputStream in, XMLInputFactory factory, boolean wanted) {
        return new FastPath(new RawTap(in, wanted && takesRaw(factory)));
    }

    /** @return the stream the parser reads */
    InputStream parserInput() {
        return tap;
    }

    /**
     * A raw reader of TABLEDATA rows, if the tap holds right after this TABLEDATA start tag; else
     * null, and the tap stops looking (the parser reads every row).
     *
     * @param r the parser, on the TABLEDATA start tag
     * @param roomForRows whether TR and TD, two levels deeper, stay within the depth limit
     * @param maxCell the most characters a cell may have
     * @return the raw row reader, or null
     */
    RawTableData tableData(XMLStreamReader r, boolean roomForRows, int maxCell) {
        String prefix = r.getPrefix() == null ? "" : r.getPrefix();
        if (roomForRows && RawTableData.usablePrefix(prefix) && heldHere(r)) {
            return new RawTableData(tap, prefix, maxCell);
        }
        tap.stopScanning();
        return null;
    }

    /**
     * Lets a STREAM's text be taken raw if the tap holds right after this STREAM start tag.
     *
     * @param text the decoder of the STREAM text
     * @param r the parser, on the STREAM start tag
     */
    void streamText(Base64Text text, XMLStreamReader r) {
        if (heldHere(r)) {
            text.takeRaw(tap);
        }
    }

    /**
     * Whether the tap holds right after the start tag the parser is at, and may take what follows
     * (the tap then reads raw): the document must be UTF-8 (or its ASCII subset), the one encoding
     * the tap counts in, and XML 1.0 (1.1 has more line ends and other characters).
     */
    private boolean heldHere(XMLStreamReader r) {
        String e = r.getEncoding();
        String version = r.getVersion();
        boolean readable = (e == null || "UTF-8".equalsIgnoreCase(e) || "UTF8".equalsIgnoreCase(e)
                || "US-ASCII".equalsIgnoreCase(e) || "ASCII".equalsIgnoreCase(e))
                && (version == null || "1.0".equals(version));
        return readable && tap.heldAt(r.getLocation().getCharacterOffset());
    }

    /** @return the line in the document of a line the parser reports */
    long documentLine(long parserLine) {
        return tap.documentLine(parserLine);
    }

    /** @return the column in the document of a line and column the parser reports */
    long documentColumn(long parserLine, long parserColumn) {
        return tap.documentColumn(parserLine, parserColumn);
    }

    /** @return the bytes taken raw so far */
    long rawTaken() {
        return tap.rawTaken();
    }
}
