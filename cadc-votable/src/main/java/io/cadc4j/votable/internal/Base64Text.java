// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The bytes of an inline {@code STREAM encoding="base64"}, decoded as the parser hands over the
 * characters, or, with a {@link RawTap}, straight from the document's bytes: whitespace anywhere is
 * skipped, nothing is gathered into a String (VOTable 1.4 section 5.1; RFC 4648 section 4). From
 * the tap, the bulk is decoded in blocks of {@link #STAGE} characters by the JDK's decoder, so the
 * first bytes of a block are handed on once the whole block (about 16 KB of text) has arrived or the
 * input has ended. The stream ends at {@code </STREAM>}. Where its recent text stands in the
 * document is kept in {@link TextPlaces}, for damage the decoded bytes show ({@link #placeOf}).
 * Single-threaded.
 */
final class Base64Text extends InputStream {
    /** Pulls the next parser event, with the reader's depth and limit checks. */
    interface EventPump {
        int next() throws XMLStreamException;
    }

    private static final byte WS = -1;
    private static final byte PAD = -2;
    private static final byte BAD = -3;
    private static final byte[] DECODE = new byte[128];
    /** Base64 characters handed to the JDK's decoder at once: whole groups, so a multiple of 4. */
    private static final int STAGE = 16 * 1024;
    /** The JDK's decoder: on most current JVMs an intrinsic several times faster than any loop here. */
    private static final Base64.Decoder BLOCK_DECODER = Base64.getDecoder();

    static {
        java.util.Arrays.fill(DECODE, BAD);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            DECODE[alphabet.charAt(i)] = (byte) i;
        }
        DECODE[' '] = WS;
        DECODE['\n'] = WS;
        DECODE['\r'] = WS;
        DECODE['\t'] = WS;
        DECODE['='] = PAD;
    }

    private final XMLStreamReader reader;
    private final EventPump pump;
    private final byte[] out = new byte[24 * 1024];
    /** Base64 characters taken from the tap with the whitespace left out, a whole block. */
    private byte[] stage;
    /** The length of the STREAM's lines as last seen, 0 before a whole line was. */
    private int lineLength;
    private int outPos;
    private int outLim;
    private char[] text;
    private int textPos;
    private int textEnd;
    private int acc;
    private int nacc;
    private boolean padded;
    private boolean ended;
    private long charsSeen;
    /** The tap the STREAM text is taken from without the parser, while it lasts. */
    private RawTap tap;
    private long rawLines;
    private long rawColumn;
    private boolean rawAfterCr;

    /** Finds a bad character in the document; null where no place is known (tests). */
    private final FastPath places;
    /** The parser's character offset of the current text event, and where its characters start in text. */
    private long textOffset = -1;
    private int textFrom;
    /** A bad character met after some good ones: thrown once the bytes before it have been read. */
    private CellException failure;
    /** Where the recent text is in the document; null where no place is known (tests). */
    private final TextPlaces where;
    /** Bytes decoded into earlier fillings of {@link #out}. */
    private long decodedBefore;

    Base64Text(XMLStreamReader reader, EventPump pump, FastPath places) {
        this.reader = reader;
        this.pump = pump;
        this.places = places;
        this.where = places == null ? null : new TextPlaces(places);
    }

    /**
     * Takes the STREAM text straight from the bytes of the tap, which holds right after the
     * STREAM start tag, for as long as it is base64 and whitespace; the rest goes back to the
     * parser (see {@link RawTap}).
     */
    void takeRaw(RawTap rawTap) {
        this.tap = rawTap;
        if (where != null) {
            where.takenRawFrom(rawTap.heldPlace());
        }
    }

    /**
     * The place in the document of the base64 character that encodes the first bits of a decoded
     * byte, for damage found in the decoded bytes; looked up only then.
     *
     * @param decoded the byte's offset in the decoded stream
     * @return {line, column, byte offset}, or null if not known (long past, or no place is kept)
     */
    long[] placeOf(long decoded) {
        return where == null ? null : where.placeOf(decoded);
    }

    /** @return the number of decoded bytes handed out so far */
    long handedOut() {
        return decodedBefore + outPos;
    }

    /** @return true once {@code </STREAM>} has been read */
    boolean ended() {
        return ended;
    }

    @Override
    public int read() throws IOException {
        if (outPos == outLim && !refill()) {
            return -1;
        }
        return out[outPos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (outPos == outLim && !refill()) {
            return -1;
        }
        int n = Math.min(len, outLim - outPos);
        System.arraycopy(out, outPos, b, off, n);
        outPos += n;
        return n;
    }

    private boolean refill() throws IOException {
        decodedBefore += outLim;
        outPos = 0;
        outLim = 0;
        while (outLim == 0) {
            if (failure != null) {
                throw failure;
            }
            if (tap != null) {
                decodeRaw();
                continue;
            }
            if (textPos < textEnd) {
                decode();
                continue;
            }
            if (ended) {
                return false;
            }
            int ev;
            try {
                ev = pump.next();
            } catch (XMLStreamException e) {
                throw new XmlFailure(e);
            }
            if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                    || ev == XMLStreamConstants.SPACE) {
                text = reader.getTextCharacters();
                textPos = reader.getTextStart();
                textEnd = textPos + reader.getTextLength();
                textFrom = textPos;
                textOffset = places == null ? -1 : reader.getLocation().getCharacterOffset();
                if (where != null && !padded) {
                    where.event(decodedBefore / 3 * 4 + nacc, textOffset);
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                ended = true;
                if (nacc != 0 && !padded) {
                    throw new CellException("the base64 STREAM ends with an incomplete group of " + nacc
                            + " characters (truncated or not base64)", true);
                }
            } else if (ev == XMLStreamConstants.START_ELEMENT) {
                throw new CellException("unexpected element <" + reader.getLocalName() + "> inside STREAM", true);
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new CellException("the document ended inside STREAM", true);
            }
        }
        return true;
    }

    /**
     * Decodes base64 characters and whitespace straight from the tap's bytes until the output
     * buffer is nearly full or a byte comes that the parser must see (normally the {@code <} of
     * {@code </STREAM>}; also the end of the input, a reference, a comment, CDATA, misplaced
     * padding or anything not base64): from that byte on the tap hands the document back to the
     * parser and decoding goes on from its text events with the same state, so every case ends
     * exactly as it would have without the tap.
     */
    private void decodeRaw() throws IOException {
        RawTap tp = tap;
        try {
            if (!tp.rawFill(1)) {
                releaseTap();
                return;
            }
        } catch (IOException e) {
            // as the parser would have: a failure of the underlying input, not of the document
            throw new XmlFailure(new XMLStreamException(e.getMessage(), e));
        }
        byte[] t = tp.rawBuffer();
        int start = tp.rawStart();
        int p = start;
        int end = tp.rawEnd();
        if (nacc == 0 && !padded && outLim == 0) {
            int taken;
            try {
                taken = decodeBlock(tp);
            } catch (IOException e) {
                throw new XmlFailure(new XMLStreamException(e.getMessage(), e));
            }
            if (taken > 0) {
                charsSeen += taken;
                return;
            }
            // not a whole block of plain base64 here: the byte-by-byte loop below takes it
            t = tp.rawBuffer();
            start = tp.rawStart();
            p = start;
            end = tp.rawEnd();
        }
        byte[] o = out;
        int w = outLim;
        int limit = o.length - 3;
        int a = acc;
        int n = nacc;
        long col = rawColumn;
        boolean stop = false;
        TextPlaces marks = where;
        long base = tp.rawOffset(0);
        // whether the digit before was taken in this call with no whitespace since: a run goes on
        boolean inRun = false;
        while (p < end && w <= limit) {
            if (n == 0 && !padded) {
                int stopAt = p + (Math.min((end - p) >> 2, (o.length - w) / 3) << 2);
                int groupStart = p;
                int groupOut = w;
                while (p < stopAt) {
                    // bytes >= 128 are negative and index nothing: test them first
                    int b0 = t[p];
                    int b1 = t[p + 1];
                    int b2 = t[p + 2];
                    int b3 = t[p + 3];
                    if ((b0 | b1 | b2 | b3) < 0) {
                        break;
                    }
                    int v = DECODE[b0] << 18 | DECODE[b1] << 12 | DECODE[b2] << 6 | DECODE[b3];
                    if (v < 0) {
                        break;
                    }
                    o[w] = (byte) (v >> 16);
                    o[w + 1] = (byte) (v >> 8);
                    o[w + 2] = (byte) v;
                    w += 3;
                    p += 4;
                }
                if (p > groupStart) {
                    if (!inRun && marks != null) {
                        marks.run((decodedBefore + groupOut) / 3 * 4, rawLines, col, base + groupStart);
                    }
                    inRun = true;
                    col += p - groupStart;
                    rawAfterCr = false;
                }
                if (p == end || w > limit) {
                    break;
                }
            }
            int c = t[p];
            int d = c >= 0 ? DECODE[c] : BAD;
            if (d >= 0 && !padded) {
                if (!inRun && marks != null) {
                    marks.run((decodedBefore + w) / 3 * 4 + n, rawLines, col, base + p);
                }
                inRun = true;
                a = a << 6 | d;
                if (++n == 4) {
                    o[w] = (byte) (a >> 16);
                    o[w + 1] = (byte) (a >> 8);
                    o[w + 2] = (byte) a;
                    w += 3;
                    n = 0;
                    a = 0;
                }
                col++;
                rawAfterCr = false;
            } else if (d == WS) {
                inRun = false;
                if (c == '\n') {
                    if (!rawAfterCr) {
                        rawLines++;
                    }
                    col = 0;
                    rawAfterCr = false;
                } else if (c == '\r') {
                    rawLines++;
                    col = 0;
                    rawAfterCr = true;
                } else {
                    col++;
                    rawAfterCr = false;
                }
            } else if (d == PAD && (padded || n >= 2)) {
                if (!padded) {
                    if (n == 2) {
                        o[w++] = (byte) (a >> 4);
                    } else {
                        o[w++] = (byte) (a >> 10);
                        o[w++] = (byte) (a >> 2);
                    }
                    padded = true;
                    n = 0;
                    a = 0;
                }
                col++;
                rawAfterCr = false;
            } else {
                stop = true;
                break;
            }
            p++;
        }
        charsSeen += p - start;
        tp.rawAdvance(p);
        acc = a;
        nacc = n;
        outLim = w;
        rawColumn = col;
        if (stop) {
            releaseTap();
        }
    }

    /**
     * The bulk of a STREAM: strips the line breaks from the next {@link #STAGE} base64 characters
     * and hands them to the JDK's decoder at once. Nothing is taken unless the whole block is plain
     * base64 (the decoder checks each character); anything else (the end of the STREAM, padding, a
     * reference, a comment, a bad byte, too much whitespace) leaves the tap and the line count as
     * they were, for the byte-by-byte loop.
     *
     * @return the number of raw bytes taken, 0 when none
     */
    private int decodeBlock(RawTap tp) throws IOException {
        for (int attempt = 0; attempt < 2; attempt++) {
            if (!tp.rawFill(attempt == 0 ? STAGE + STAGE / 4 : Integer.MAX_VALUE)) {
                return 0;
            }
            byte[] t = tp.rawBuffer();
            int start = tp.rawStart();
            int end = tp.rawEnd();
            if (stage == null) {
                stage = new byte[STAGE];
            }
            byte[] st = stage;
            int s = 0;
            int p = start;
            TextPlaces marks = where;
            int marksBefore = marks == null ? 0 : marks.marks();
            // no padding yet and no group begun: the digits before are four for every three bytes
            long digits = decodedBefore / 3 * 4;
            long base = tp.rawOffset(0);
            long lines = rawLines;
            long col = rawColumn;
            boolean afterCr = rawAfterCr;
            int len = lineLength;
            // where the next line of the lines marked last would begin, and their line end's length
            int linesGoOn = -1;
            int linesEol = 0;
            while (p < end && s < STAGE) {
                if (len > 0 && col == 0 && s + len <= STAGE) {
                    // Lines of one length: check only the line end and copy the line unseen. The
                    // decoder rejects the block if that was wrong, and then nothing is taken.
                    int e = p + len;
                    int eol = e < end && t[e] == '\n' ? 1 : e + 1 < end && t[e] == '\r' && t[e + 1] == '\n' ? 2 : 0;
                    if (eol > 0) {
                        if (marks != null && (p != linesGoOn || eol != linesEol)) {
                            // one mark for lines of one length and one line end, not one a line
                            marks.lines(digits + s, lines, base + p, len, eol);
                            linesEol = eol;
                        }
                        System.arraycopy(t, p, st, s, len);
                        s += len;
                        p = e + eol;
                        linesGoOn = p;
                        lines++;
                        afterCr = false;
                        continue;
                    }
                }
                // a run of printable bytes; the decoder rejects any of them that is not base64
                int runEnd = Math.min(end, p + STAGE - s);
                int q = p;
                while (q < runEnd && t[q] > ' ') {
                    q++;
                }
                if (q < end && col == 0 && q > p && (t[q] == '\n' || t[q] == '\r')) {
                    len = q - p;
                }
                if (q > p) {
                    if (marks != null) {
                        marks.run(digits + s, lines, col, base + p);
                    }
                    System.arraycopy(t, p, st, s, q - p);
                    s += q - p;
                    col += q - p;
                    afterCr = false;
                    p = q;
                }
                if (p == end || s == STAGE) {
                    break;
                }
                int c = t[p];
                if (c == '\n') {
                    if (!afterCr) {
                        lines++;
                    }
                    col = 0;
                    afterCr = false;
                } else if (c == '\r') {
                    lines++;
                    col = 0;
                    afterCr = true;
                } else if (c == ' ' || c == '\t') {
                    col++;
                    afterCr = false;
                } else {
                    return notTaken(marksBefore);
                }
                p++;
            }
            if (s < STAGE) {
                if (marks != null) {
                    marks.rollback(marksBefore);
                }
                if (p == end && attempt == 0) {
                    continue; // much whitespace: once more with the tap's buffer full
                }
                return 0;
            }
            int n;
            try {
                n = BLOCK_DECODER.decode(st, out);
            } catch (IllegalArgumentException e) {
                return notTaken(marksBefore);
            }
            if (n != STAGE / 4 * 3) {
                // padding at the very end of the block: the byte-by-byte loop keeps that state
                return notTaken(marksBefore);
            }
            outLim = n;
            lineLength = len;
            rawLines = lines;
            rawColumn = col;
            rawAfterCr = afterCr;
            tp.rawAdvance(p);
            return p - start;
        }
        return 0;
    }

    /** A block not taken after all: its marks go. */
    private int notTaken(int marksBefore) {
        if (where != null) {
            where.rollback(marksBefore);
        }
        return 0;
    }

    private void releaseTap() {
        // the parser now reads the whitespace standing for what was taken; it must not count twice
        charsSeen -= tap.release(rawLines, rawColumn);
        tap = null;
    }

    /**
     * Decodes characters from the current text event until it is used up, the buffer is nearly full
     * or a character is not base64 (the failure is then kept for after the bytes before it).
     */
    private void decode() {
        char[] t = text;
        int p = textPos;
        int end = textEnd;
        byte[] o = out;
        int w = outLim;
        int limit = o.length - 3;
        int a = acc;
        int n = nacc;
        while (p < end && w <= limit) {
            // fast path: whole groups of four alphabet characters (the bulk of any base64 text)
            if (n == 0 && !padded) {
                // as many groups as both the text and the output buffer hold, so the loop tests one bound
                int stop = p + (Math.min((end - p) >> 2, (o.length - w) / 3) << 2);
                while (p < stop) {
                    char c0 = t[p];
                    char c1 = t[p + 1];
                    char c2 = t[p + 2];
                    char c3 = t[p + 3];
                    if ((c0 | c1 | c2 | c3) >= 128) {
                        break;
                    }
                    // a whitespace, padding or bad character decodes negative, and a negative value shifted
                    // left stays negative: one test covers the four
                    int v = DECODE[c0] << 18 | DECODE[c1] << 12 | DECODE[c2] << 6 | DECODE[c3];
                    if (v < 0) {
                        break;
                    }
                    o[w] = (byte) (v >> 16);
                    o[w + 1] = (byte) (v >> 8);
                    o[w + 2] = (byte) v;
                    w += 3;
                    p += 4;
                }
                if (p == end || w > limit) {
                    break;
                }
            }
            char c = t[p++];
            int d = c < 128 ? DECODE[c] : BAD;
            if (d >= 0) {
                if (padded) {
                    failure = badChar(c, p);
                    break;
                }
                a = a << 6 | d;
                if (++n == 4) {
                    o[w] = (byte) (a >> 16);
                    o[w + 1] = (byte) (a >> 8);
                    o[w + 2] = (byte) a;
                    w += 3;
                    n = 0;
                    a = 0;
                }
            } else if (d == WS) {
                continue;
            } else if (d == PAD) {
                if (!padded) {
                    if (n == 2) {
                        o[w++] = (byte) (a >> 4);
                    } else if (n == 3) {
                        o[w++] = (byte) (a >> 10);
                        o[w++] = (byte) (a >> 2);
                    } else {
                        failure = new CellException("misplaced base64 padding '=' after " + (charsSeen + p - textPos)
                                + " characters of the STREAM", true, place(p - 1));
                        break;
                    }
                    padded = true;
                    n = 0;
                    a = 0;
                }
            } else {
                failure = badChar(c, p);
                break;
            }
        }
        if (failure != null) {
            // the bytes before the bad character are read first, so that the failure falls in
            // the row whose bytes it spoils: those of a group cut short too
            if (n == 2) {
                o[w++] = (byte) (a >> 4);
            } else if (n == 3) {
                o[w++] = (byte) (a >> 10);
                o[w++] = (byte) (a >> 2);
            }
            n = 0;
            a = 0;
            p--;
        }
        charsSeen += p - textPos;
        textPos = p;
        acc = a;
        nacc = n;
        outLim = w;
    }

    private CellException badChar(char c, int p) {
        String shown = c >= 32 && c < 127 ? "'" + c + "'" : String.format("U+%04X", (int) c);
        return new CellException("invalid base64 character " + shown + " in STREAM after "
                + (charsSeen + p - 1 - textPos) + " characters" + (padded ? " (data after the '=' padding)" : ""), true,
                place(p - 1));
    }

    /** @return the place in the document of text[i] of the current event, or null */
    private long[] place(int i) {
        return places == null || textOffset < 0 ? null : places.locate(textOffset, text, textFrom, i);
    }

    /** Decodes one whole base64 cell ({@code TD encoding="base64"}). */
    static byte[] decodeCell(char[] b, int off, int len) {
        byte[] o = new byte[len / 4 * 3 + 3];
        int w = 0;
        int a = 0;
        int n = 0;
        boolean padded = false;
        for (int i = off; i < off + len; i++) {
            char c = b[i];
            int d = c < 128 ? DECODE[c] : BAD;
            if (d >= 0 && !padded) {
                a = a << 6 | d;
                if (++n == 4) {
                    o[w++] = (byte) (a >> 16);
                    o[w++] = (byte) (a >> 8);
                    o[w++] = (byte) a;
                    n = 0;
                }
            } else if (d == WS) {
                continue;
            } else if (d == PAD && (padded || n >= 2)) {
                if (!padded) {
                    if (n == 2) {
                        o[w++] = (byte) (a >> 4);
                    } else {
                        o[w++] = (byte) (a >> 10);
                        o[w++] = (byte) (a >> 2);
                    }
                    padded = true;
                    n = 0;
                }
            } else {
                throw new CellException("the base64 cell is not valid base64");
            }
        }
        if (n != 0) {
            throw new CellException("the base64 cell ends with an incomplete group");
        }
        return java.util.Arrays.copyOf(o, w);
    }

    /** Carries an XMLStreamException through the InputStream API. */
    static final class XmlFailure extends IOException {
        private static final long serialVersionUID = 1L;

        XmlFailure(XMLStreamException cause) {
            super(cause.getMessage(), cause);
        }

        XMLStreamException xml() {
            return (XMLStreamException) getCause();
        }
    }
}
