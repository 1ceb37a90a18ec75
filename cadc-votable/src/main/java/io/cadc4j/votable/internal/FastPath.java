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
    /** Whether the parser's character offsets are the tap's (Woodstox). */
    private final boolean sameOffsets;

    private FastPath(RawTap tap, boolean sameOffsets) {
        this.tap = tap;
        this.sameOffsets = sameOffsets;
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
        boolean woodstox = takesRaw(factory);
        return new FastPath(new RawTap(in, wanted && woodstox), woodstox);
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

    /**
     * Finds a character of a text event in the document (see {@link RawTap#locate}).
     *
     * @param offset the parser's character offset of the text event
     * @param text the event's characters
     * @param from where they start in text
     * @param index the index in text of the character wanted
     * @return {line, column, byte offset}, or null if not known (or the parser is not Woodstox)
     */
    long[] locate(long offset, char[] text, int from, int index) {
        return sameOffsets ? tap.locate(offset, text, from, index) : null;
    }

    /**
     * Finds a character of a cell's text in the document, if the text is as it was written (no
     * reference, no CR LF): then it ends where the parser's end tag begins.
     *
     * @param endTag the parser's character offset of the cell's end tag
     * @param cell the cell's text
     * @param len its length
     * @param index the index of the character wanted
     * @return {line, column, byte offset} of the character, or null if not known
     */
    long[] locateCell(long endTag, char[] cell, int len, int index) {
        if (!sameOffsets || endTag < len || tap.locate(endTag - len, cell, 0, len) == null) {
            return null;
        }
        return tap.locate(endTag - len, cell, 0, index);
    }

    /**
     * Finds the character at one of the parser's character offsets in the document (see
     * {@link RawTap#locateOffset}).
     *
     * @param offset the parser's character offset
     * @return {line, column, byte offset}, or null if not known (or the parser is not Woodstox)
     */
    long[] locateOffset(long offset) {
        return sameOffsets ? tap.locateOffset(offset) : null;
    }

    /**
     * Finds the value of an attribute of a start tag in the document (see
     * {@link RawTap#locateAttribute}).
     *
     * @param tagOffset the parser's character offset of the start tag's {@code <}
     * @param name the attribute's name
     * @return {line, column, byte offset} of the value's first character, or null if not known
     */
    long[] locateAttribute(long tagOffset, String name) {
        return sameOffsets ? tap.locateAttribute(tagOffset, name) : null;
    }

    /**
     * The byte of a parser's character offset that falls in the line end and space standing for
     * text taken raw at the very end of what the parser was given (the input ended there), counted
     * back from the end.
     *
     * @param offset the parser's character offset
     * @return the byte offset, or -1 if the offset is not there
     */
    long tailByte(long offset) {
        return sameOffsets ? tap.tailByte(offset) : -1;
    }

    /**
     * Finds a base64 digit of a STREAM's text event in the document (see {@link RawTap#locateDigit}).
     *
     * @param offset the parser's character offset of the text event
     * @param nth how many digits of the event come before the one wanted
     * @return {line, column, byte offset}, or null if not known (or the parser is not Woodstox)
     */
    long[] locateDigit(long offset, long nth) {
        return sameOffsets ? tap.locateDigit(offset, nth) : null;
    }

    /** @return the bytes taken raw so far */
    long rawTaken() {
        return tap.rawTaken();
    }
}
