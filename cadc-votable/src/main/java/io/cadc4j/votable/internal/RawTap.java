// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The stream the XML parser reads, able to keep the text of an inline base64 {@code STREAM}, or
 * the rows of a {@code TABLEDATA} element, away from the parser so that they are decoded straight
 * from the bytes (a StAX parser spends most of a read tokenizing them).
 *
 * <p>While scanning, it hands the parser bytes only up to the {@code >} of the next start tag
 * whose local name is {@code STREAM} or {@code TABLEDATA}, and then holds. If the parser asks for
 * more while held, the hold is dropped and nothing changes. If instead the parser reports that
 * very element (the cursor checks the character offset of the tag, {@link #heldAt}), the cursor
 * takes the bytes that follow with {@link #rawBuffer}/{@link #rawAdvance} for as long as it can
 * read them itself ({@link Base64Text}, {@link RawTableData}), and {@link #release releases}
 * the rest (normally from the {@code <} of the end tag, else from whatever the cursor does not
 * read itself) back to the parser, preceded by a line end and a space standing for what was
 * taken; the parser's line and column from there on are put right by {@link #documentLine} and
 * {@link #documentColumn}. The parser therefore sees a well-formed document in which what was
 * taken is replaced by whitespace, and reports anything unusual just as before.
 *
 * <p>Offsets are in UTF-16 units of the decoded document without a leading byte-order mark, as
 * Woodstox counts them; the cursor uses the tap only with Woodstox and a UTF-8 document.
 * Single-threaded.
 */
final class RawTap extends InputStream {
    private static final int SCAN = 0;
    private static final int HELD = 1;
    private static final int RAW = 2;
    private static final int PASS = 3;

    private static final byte[] STREAM = {'S', 'T', 'R', 'E', 'A', 'M'};
    private static final byte[] TABLEDATA = {'T', 'A', 'B', 'L', 'E', 'D', 'A', 'T', 'A'};

    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int lim;
    private int state = SCAN;
    /** Where the next candidate tag starts, or -1 when none is known in buf[pos, lim). */
    private int tagStart = -1;
    /** The index just after the '>' of the candidate tag. */
    private int tagEnd = -1;
    /** How far bytes may be handed over before a tag that is cut by the end of the buffer. */
    private int safeEnd = -1;
    /** UTF-16 units handed to the parser before buf[pos]. */
    private long chars;
    private long heldTagOffset = -1;
    private boolean started;
    private boolean eof;
    /** A line end and a space standing for what was taken raw, still to be handed to the parser. */
    private boolean pendingLine;
    private boolean pendingSpace;
    /** Line ends (CR LF, CR or LF) handed to the parser up to the '>' of the held tag. */
    private long linesBeforeHold;
    /** Line ends handed to the parser so far while scanning. */
    private long linesHanded;
    /** UTF-16 units handed to the parser after the last line end. */
    private long lineUnits;
    /** {@link #lineUnits} up to the '>' of the held tag. */
    private long columnAtHold;
    /** Whether the last byte handed to the parser was a CR. */
    private boolean afterCr;
    /** The parser's line number where it takes over again after a release (0 before one: no shift). */
    private long releaseLine;
    /** The parser's column of the first character after a release. */
    private long releaseColumn;
    private long lineShift;
    private long columnShift;
    /** The parser's character count and the ring's byte count at the last release; -1 before one. */
    private long charsAtRelease = -1;
    private long historyAtRelease;
    private long rawTaken;
    private final byte[] one = new byte[1];
    /** Bytes of the document before buf[0]. */
    private long bufBase;
    /** Whether the bytes handed to the parser are checked as UTF-8 (the document is in UTF-8). */
    private boolean validating = true;
    /** Continuation bytes still expected by the UTF-8 check. */
    private int utfNeed;
    /** The lowest and highest value allowed for the next continuation byte. */
    private int utfLow = 0x80;
    private int utfHigh = 0xBF;

    // The bytes last handed to the parser, to find the place in the document of a character the
    // parser reports at a character offset (a bad base64 character, a cell that does not parse):
    // a ring of the bytes and marks of where some of them are (a mark at least every MARK_EVERY
    // bytes, and one after anything taken raw, which the ring does not hold).
    private static final int HISTORY = 1 << 18;
    private static final int MARKS = 256;
    private static final int MARK_EVERY = 4096;
    private final byte[] history = new byte[HISTORY];
    /** Bytes put in the ring so far. */
    private long historyCount;
    private final long[] markChars = new long[MARKS];
    private final long[] markAt = new long[MARKS];
    private final long[] markByte = new long[MARKS];
    private final long[] markLine = new long[MARKS];
    private final long[] markColumn = new long[MARKS];
    private final boolean[] markCr = new boolean[MARKS];
    private int marks;
    private boolean markNext = true;

    /**
     * @param in the document's bytes
     * @param scan whether to look for STREAM and TABLEDATA tags to hold at; without, the tap only
     *        keeps the position of what it hands over and checks it as UTF-8
     */
    RawTap(InputStream in, boolean scan) {
        this.in = in;
        if (!scan) {
            state = PASS;
        }
    }

    /**
     * A byte that is not UTF-8 in a UTF-8 document, with its exact place: thrown to the parser
     * instead of handing the byte over, so that a failure is reported where the byte is, whatever
     * the parser had read ahead or the raw readers had taken.
     */
    static final class MalformedByte extends java.io.CharConversionException {
        private static final long serialVersionUID = 1L;
        final long line;
        final long column;
        final long offset;

        MalformedByte(String message, long line, long column, long offset) {
            super(message);
            this.line = line;
            this.column = column;
            this.offset = offset;
        }
    }

    /** Stops looking for STREAM and TABLEDATA tags: from now on the parser reads the bytes as they come. */
    void stopScanning() {
        if (state == SCAN || state == HELD) {
            state = PASS;
        }
    }

    /**
     * Whether the tap holds right after the start tag of a STREAM or TABLEDATA whose {@code <} the parser
     * reported at this character offset; if so the tap switches to raw reading.
     */
    boolean heldAt(long tagCharOffset) {
        if (state == HELD && tagCharOffset >= 0 && tagCharOffset == heldTagOffset) {
            state = RAW;
            return true;
        }
        return false;
    }

    /** @return the number of bytes taken raw so far */
    long rawTaken() {
        return rawTaken;
    }

    // ---------------------------------------------------------------- raw side (the cursor)

    /** The buffer holding raw bytes from {@link #rawStart()} to {@link #rawEnd()}. */
    byte[] rawBuffer() {
        return buf;
    }

    int rawStart() {
        return pos;
    }

    int rawEnd() {
        return lim;
    }

    /**
     * Makes at least {@code want} raw bytes available (at most the buffer's size), moving what is
     * left to the front of the buffer and reading on; fewer only at the end of the input.
     *
     * @return false at the end of the input with no byte left
     */
    boolean rawFill(int want) throws IOException {
        int need = Math.min(want, buf.length);
        if (lim - pos >= need) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            bufBase += pos;
            lim -= pos;
            pos = 0;
        }
        while (lim < need && !eof) {
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                eof = true;
            } else {
                lim += n;
            }
        }
        return lim > pos;
    }

    /** @return the byte offset in the document of buf[index] */
    long rawOffset(int index) {
        return bufBase + index;
    }

    /**
     * @return {line, column, byte offset} in the document of the first byte after the held tag,
     *         while nothing has been taken yet
     */
    long[] heldPlace() {
        long parserLine = 1 + linesBeforeHold;
        return new long[] {documentLine(parserLine), documentColumn(parserLine, columnAtHold + 1), bufBase + pos};
    }

    /** Marks raw bytes up to (not including) buf[to] as taken; they were base64 or whitespace. */
    void rawAdvance(int to) {
        rawTaken += to - pos;
        pos = to;
    }

    /**
     * Gives the parser the rest, from buf[rawStart()], after one line end if anything taken had
     * one and one space if anything was taken after the last line end. The parser's line and
     * column numbers of what follows are then off by what was taken: {@link #documentLine} and
     * {@link #documentColumn} put them right. (Whitespace standing for all that was taken would
     * keep the parser's numbers exact, but the parser would then scan as many characters as were
     * taken: a third of the time of a TABLEDATA written on one line.)
     *
     * @param lines the line ends taken (CR LF, CR or LF, each counted once as XML does)
     * @param afterLastLine the characters taken after the last line end
     * @return the number of characters the parser is given in place of what was taken
     */
    int release(long lines, long afterLastLine) {
        // a line end and a space where they were taken: the parser's line and column of what
        // follows then only need a shift (at the end of the input, Woodstox reports column 0 on a
        // line it has seen nothing of)
        pendingLine = lines > 0;
        pendingSpace = afterLastLine > 0;
        int lineEnds = pendingLine ? 1 : 0;
        int spaces = pendingSpace ? 1 : 0;
        releaseLine = 1 + linesBeforeHold + lineEnds;
        releaseColumn = pendingLine ? 1 : columnAtHold + 1;
        lineShift = lines - lineEnds;
        columnShift = afterLastLine - spaces;
        state = PASS;
        markNext = true;
        charsAtRelease = chars;
        historyAtRelease = historyCount;
        // what was taken is whole characters: the check starts afresh
        utfNeed = 0;
        return lineEnds + spaces;
    }

    /**
     * The line in the document of a location the parser reports: a line after the text taken
     * raw moves down by the line ends taken.
     */
    long documentLine(long parserLine) {
        return parserLine >= releaseLine ? parserLine + lineShift : parserLine;
    }

    /**
     * The column in the document of a location the parser reports: on the line where the parser
     * takes over again, a column from there on moves right by the characters taken after the
     * last line end.
     */
    long documentColumn(long parserLine, long parserColumn) {
        return parserLine == releaseLine && parserColumn >= releaseColumn ? parserColumn + columnShift : parserColumn;
    }

    // ---------------------------------------------------------------- parser side

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pendingLine) {
            markNext = true;
            b[off] = '\n';
            pendingLine = false;
            chars++;
            linesHanded++;
            lineUnits = 0;
            afterCr = false;
            return 1;
        }
        if (pendingSpace) {
            markNext = true;
            b[off] = ' ';
            pendingSpace = false;
            chars++;
            lineUnits++;
            afterCr = false;
            return 1;
        }
        if (state == RAW) {
            throw new IllegalStateException("the parser read while the tap was taken raw");
        }
        if (state == HELD) {
            // the parser wants what follows the tag before the cursor took it: read normally
            state = SCAN;
            tagStart = -1;
        }
        if (pos == lim) {
            if (!fillForScan()) {
                if (utfNeed > 0 && validating) {
                    throw malformed(String.format("the document ends inside a UTF-8 sequence"));
                }
                return -1;
            }
        }
        int end = lim;
        if (state == SCAN) {
            if (tagStart < 0 && safeEnd <= pos) {
                findTag();
            }
            if (tagStart >= 0) {
                end = tagEnd;
            } else if (state == SCAN) {
                end = safeEnd;
            }
        }
        int n = Math.min(len, end - pos);
        if (validating) {
            int ok = validUpTo(pos, pos + n);
            if (ok == pos) {
                throw malformed(String.format("byte 0x%02X is not UTF-8 here", buf[pos] & 0xff));
            }
            n = ok - pos;
        }
        System.arraycopy(buf, pos, b, off, n);
        remember(pos, n);
        count(buf, pos, pos + n);
        if (state == SCAN) {
            if (tagStart >= 0 && pos + n == tagEnd) {
                heldTagOffset = chars - utf16Units(buf, tagStart, tagEnd);
                linesBeforeHold = linesHanded;
                columnAtHold = lineUnits;
                state = HELD;
                tagStart = -1;
            }
        }
        pos += n;
        return n;
    }

    private boolean fillForScan() throws IOException {
        bufBase += lim;
        pos = 0;
        lim = 0;
        tagStart = -1;
        safeEnd = -1;
        int n = eof ? -1 : in.read(buf, 0, buf.length);
        if (n < 0) {
            eof = true;
            return false;
        }
        lim = n;
        if (!started) {
            started = true;
            skipBomInCount();
            sniffEncoding();
        }
        return true;
    }

    /**
     * Checks UTF-8 only in a document that is in UTF-8: not for a UTF-16 or UTF-32 one (a byte-order
     * mark or a NUL byte at the start) nor for an XML declaration naming another encoding.
     */
    private void sniffEncoding() throws IOException {
        while (lim < 256 && !eof) {
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                eof = true;
            } else {
                lim += n;
            }
        }
        int b0 = lim > 0 ? buf[0] & 0xff : -1;
        int b1 = lim > 1 ? buf[1] & 0xff : -1;
        if (b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE || b0 == 0 || b1 == 0) {
            validating = false;
            return;
        }
        String head = new String(buf, 0, Math.min(lim, 256), java.nio.charset.StandardCharsets.ISO_8859_1);
        int decl = head.indexOf("<?xml");
        int end = decl < 0 ? -1 : head.indexOf("?>", decl);
        if (decl < 0 || decl > 3 || end < 0) {
            return;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("encoding\\s*=\\s*[\"']([^\"']*)[\"']")
                .matcher(head.substring(decl, end));
        if (m.find()) {
            String e = m.group(1).strip().toUpperCase(java.util.Locale.ROOT);
            // a name with a byte that is not ASCII is no encoding name: the check reports that byte
            validating = !e.chars().allMatch(ch -> ch < 0x80) || e.equals("UTF-8") || e.equals("UTF8") || e.equals("US-ASCII") || e.equals("ASCII");
        }
    }

    /**
     * Checks buf[from, to) as UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above
     * U+10FFFF), going on from the state the last check left.
     *
     * @return the index of the first byte that cannot be UTF-8 here, or to
     */
    private int validUpTo(int from, int to) {
        int need = utfNeed;
        int low = utfLow;
        int high = utfHigh;
        byte[] b = buf;
        int i = from;
        for (; i < to; i++) {
            int c = b[i];
            if (need == 0) {
                if (c >= 0) {
                    continue;
                }
                c &= 0xff;
                low = 0x80;
                high = 0xBF;
                if (c >= 0xC2 && c <= 0xDF) {
                    need = 1;
                } else if (c >= 0xE0 && c <= 0xEF) {
                    need = 2;
                    if (c == 0xE0) {
                        low = 0xA0;
                    } else if (c == 0xED) {
                        high = 0x9F;
                    }
                } else if (c >= 0xF0 && c <= 0xF4) {
                    need = 3;
                    if (c == 0xF0) {
                        low = 0x90;
                    } else if (c == 0xF4) {
                        high = 0x8F;
                    }
                } else {
                    break;
                }
            } else {
                c &= 0xff;
                if (c < low || c > high) {
                    break;
                }
                need--;
                low = 0x80;
                high = 0xBF;
            }
        }
        utfNeed = need;
        utfLow = low;
        utfHigh = high;
        return i;
    }

    /** Keeps buf[from, from + n), about to be handed to the parser, in the ring, marking where it is. */
    private void remember(int from, int n) {
        if (markNext || historyCount - markAt[(marks - 1) & (MARKS - 1)] >= MARK_EVERY) {
            int m = marks++ & (MARKS - 1);
            long parserLine = 1 + linesHanded;
            markChars[m] = chars;
            markAt[m] = historyCount;
            markByte[m] = bufBase + from;
            markLine[m] = documentLine(parserLine);
            markColumn[m] = documentColumn(parserLine, lineUnits + 1);
            markCr[m] = afterCr;
            markNext = false;
        }
        int at = (int) (historyCount & (HISTORY - 1));
        int first = Math.min(n, HISTORY - at);
        System.arraycopy(buf, from, history, at, first);
        System.arraycopy(buf, from + first, history, 0, Math.min(n - first, HISTORY));
        historyCount += n;
    }

    /**
     * A walk through the bytes kept in the ring, from the last mark at or before a character
     * offset, keeping the place of the next byte: where a mark was made after text taken raw (the
     * parser had a line end and a space for it), the document goes on at the mark's place.
     */
    private final class Walk {
        long units;
        long line;
        long column;
        boolean cr;
        /** The index in the ring's bytes of the next byte. */
        long at;
        /** The byte offset in the document minus {@link #at}. */
        long base;
        /** The next mark to look for. */
        int next;

        /** @return whether a mark was made before this byte (then the walk is at its place) */
        boolean atMark() {
            if (next >= marks || at != markAt[next & (MARKS - 1)]) {
                return false;
            }
            int n = next++ & (MARKS - 1);
            if (markChars[n] != units) {
                units = markChars[n];
                line = markLine[n];
                column = markColumn[n];
                cr = markCr[n];
                base = markByte[n] - at;
            }
            return true;
        }

        /** @return the next byte, or {@link Integer#MIN_VALUE} at the end of what the ring holds */
        int peek() {
            return at < historyCount ? history[(int) (at & (HISTORY - 1))] : Integer.MIN_VALUE;
        }

        /** Goes past byte c, counting it as the parser does (CR LF one line end, UTF-16 units). */
        void step(int c) {
            at++;
            if (c == '\n') {
                if (!cr) {
                    line++;
                }
                column = 1;
                cr = false;
                units++;
            } else if (c == '\r') {
                line++;
                column = 1;
                cr = true;
                units++;
            } else {
                cr = false;
                int u = utf16Units(c);
                units += u;
                column += u;
            }
        }

        long[] place() {
            return new long[] {line, column, base + at};
        }
    }

    /** @return a walk from the last mark at or before a character offset, or null if the ring no longer holds it */
    private Walk walkFrom(long offset) {
        if (!validating || offset < 0) {
            return null;
        }
        int lowest = Math.max(0, marks - MARKS);
        int k = marks - 1;
        while (k >= lowest && markChars[k & (MARKS - 1)] > offset) {
            k--;
        }
        if (k < lowest || historyCount - markAt[k & (MARKS - 1)] > HISTORY) {
            return null;
        }
        int m = k & (MARKS - 1);
        Walk w = new Walk();
        w.units = markChars[m];
        w.line = markLine[m];
        w.column = markColumn[m];
        w.cr = markCr[m];
        w.at = markAt[m];
        w.base = markByte[m] - w.at;
        w.next = k + 1;
        return w;
    }

    /**
     * Finds a character the parser reported in the document: the character at index {@code index}
     * of a text event whose characters start at {@code from} in {@code text} and at the parser's
     * character offset {@code offset}. The parser turned CR LF and CR into LF; a reference in the
     * text before the character makes the place unknown.
     *
     * @return {line, column, byte offset} in the document, or null if the place is not known
     *         (too long ago, a reference, a document not in UTF-8)
     */
    long[] locate(long offset, char[] text, int from, int index) {
        Walk w = walkFrom(offset);
        if (w == null) {
            return null;
        }
        boolean inText = false;
        int t = from;
        while (true) {
            long before = w.units;
            if (w.atMark()) {
                if (w.units != before && (inText || w.units > offset)) {
                    // what was taken raw: the parser's text had a line end and a space for it
                    t += (int) (w.units - (inText ? before : offset));
                    inText = true;
                }
                continue;
            }
            if (!inText && w.units >= offset) {
                if (w.units != offset) {
                    return null; // the offset falls inside a character
                }
                inText = true;
            }
            if (inText && t >= index) {
                return t == index ? w.place() : null;
            }
            int c = w.peek();
            if (c == Integer.MIN_VALUE) {
                return null;
            }
            if (!inText) {
                w.step(c);
                continue;
            }
            // one character of the text, in which the parser turned CR LF and CR into LF
            char want = text[t];
            if (want == '\n') {
                w.at++;
                w.units++;
                if (c == '\r' && w.peek() == '\n') {
                    w.at++;
                    w.units++;
                } else if (c != '\r' && c != '\n') {
                    return null; // a reference, or not the text the parser reported
                }
                w.line++;
                w.column = 1;
                t++;
            } else if (c >= 0) {
                if (c != want) {
                    return null;
                }
                w.at++;
                w.units++;
                w.column++;
                t++;
            } else {
                int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
                int u = len == 4 ? 2 : 1;
                w.at += len;
                w.units += u;
                w.column += u;
                t += u;
            }
            w.cr = false;
        }
    }

    /**
     * Finds the character at a parser's character offset in the document: where the parser says
     * a tag begins or a failure is.
     *
     * @return {line, column, byte offset} in the document, or null if the place is not known (too
     *         long ago, inside a character, a document not in UTF-8)
     */
    long[] locateOffset(long offset) {
        Walk w = walkFrom(offset);
        if (w == null) {
            return null;
        }
        while (true) {
            if (w.atMark()) {
                continue;
            }
            if (w.units >= offset) {
                return w.units == offset ? w.place() : null;
            }
            int c = w.peek();
            if (c == Integer.MIN_VALUE) {
                return null;
            }
            w.step(c);
        }
    }

    /**
     * Finds the value of an attribute in a start tag the ring still holds: the character after
     * the quote that opens it.
     *
     * @param tagOffset the parser's character offset of the tag's {@code <}
     * @param name the attribute's name, as written (no prefix)
     * @return {line, column, byte offset} in the document, or null if not known (too long ago, no
     *         such attribute, a document not in UTF-8)
     */
    long[] locateAttribute(long tagOffset, String name) {
        Walk w = walkFrom(tagOffset);
        if (w == null) {
            return null;
        }
        while (w.units < tagOffset) {
            if (w.atMark()) {
                continue;
            }
            int c = w.peek();
            if (c == Integer.MIN_VALUE) {
                return null;
            }
            w.step(c);
        }
        if (w.units != tagOffset || w.peek() != '<') {
            return null;
        }
        // the element's name, then name="value" pairs up to the end of the tag
        w.step('<');
        while (!tagSpace(w.peek()) && w.peek() != '>' && w.peek() != '/' && w.peek() != Integer.MIN_VALUE) {
            w.step(w.peek());
        }
        StringBuilder attr = new StringBuilder();
        while (true) {
            while (tagSpace(w.peek())) {
                w.step(w.peek());
            }
            int c = w.peek();
            if (c == Integer.MIN_VALUE || c == '>' || c == '/') {
                return null;
            }
            attr.setLength(0);
            while (!tagSpace(w.peek()) && w.peek() != '=' && w.peek() != '>' && w.peek() != Integer.MIN_VALUE) {
                attr.append((char) w.peek());
                w.step(w.peek());
            }
            while (tagSpace(w.peek())) {
                w.step(w.peek());
            }
            if (w.peek() != '=') {
                return null;
            }
            w.step('=');
            while (tagSpace(w.peek())) {
                w.step(w.peek());
            }
            int quote = w.peek();
            if (quote != '"' && quote != '\'') {
                return null;
            }
            w.step(quote);
            if (name.contentEquals(attr)) {
                return w.place();
            }
            while (w.peek() != quote) {
                if (w.peek() == Integer.MIN_VALUE) {
                    return null;
                }
                w.step(w.peek());
            }
            w.step(quote);
        }
    }

    private static boolean tagSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /**
     * The byte for a character offset in the line end and space that stand for the text taken raw,
     * when nothing was handed over after them (the input ended there, and the ring has no mark
     * after that text): counted back from the end as the offset is from the parser's last
     * character, so that the end of the input is the end of the document (Woodstox places an
     * unexpected end at its last character).
     *
     * @return the byte offset, or -1 if the offset is not there
     */
    long tailByte(long offset) {
        boolean nothingAfter = charsAtRelease >= 0 && historyCount == historyAtRelease;
        if (!nothingAfter || offset < charsAtRelease || offset > chars) {
            return -1;
        }
        return Math.max(0, bufBase + pos - (chars - offset));
    }

    /**
     * Finds a base64 digit of a STREAM text event in the document: the digit that {@code nth}
     * other digits of the event precede (whitespace and {@code '='} are not digits), the event
     * starting at the parser's character offset {@code offset}. The text must be as written from
     * there: a reference, markup or any other byte makes the place unknown.
     *
     * @return {line, column, byte offset} in the document, or null if the place is not known
     *         (too long ago, not plain base64 text, a document not in UTF-8)
     */
    long[] locateDigit(long offset, long nth) {
        Walk w = nth < 0 ? null : walkFrom(offset);
        if (w == null) {
            return null;
        }
        long seen = 0;
        while (true) {
            if (w.atMark()) {
                continue;
            }
            int c = w.peek();
            if (c == Integer.MIN_VALUE) {
                return null;
            }
            if (w.units >= offset) {
                boolean digit = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+'
                        || c == '/';
                if (digit) {
                    if (seen == nth) {
                        return w.place();
                    }
                    seen++;
                } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '=') {
                    return null;
                }
            }
            w.step(c);
        }
    }

    /** The failure for buf[pos], placed in the document. */
    private MalformedByte malformed(String what) {
        long parserLine = 1 + linesHanded;
        long parserColumn = lineUnits + 1;
        long line = documentLine(parserLine);
        long column = documentColumn(parserLine, parserColumn);
        return new MalformedByte(what, line, column, bufBase + pos);
    }

    /** @return the number of bytes of the document before the next one handed to the parser */
    long documentOffset() {
        return bufBase + pos;
    }

    private void skipBomInCount() throws IOException {
        // Woodstox does not count a UTF-8 byte-order mark; it decodes to one UTF-16 unit
        while (lim < 3 && !eof) {
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                eof = true;
            } else {
                lim += n;
            }
        }
        if (lim >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            chars = -1;
            lineUnits = -1;
        }
    }

    /**
     * Looks for the next start tag named {@code STREAM} or {@code TABLEDATA} (any prefix) that is not empty, in
     * buf[pos, lim); moves a tag cut by the end of the buffer to the front and reads on. A tag
     * longer than the buffer stops the scanning (it is only slower, never wrong).
     */
    private void findTag() throws IOException {
        int from = pos;
        while (true) {
            int i = from;
            while (i < lim && buf[i] != '<') {
                i++;
            }
            safeEnd = i;
            if (i == lim) {
                return;
            }
            int r = matchTag(i);
            if (r >= 0) {
                tagStart = i;
                tagEnd = r;
                return;
            }
            if (r == -1) {
                from = i + 1;
                continue;
            }
            safeEnd = i;
            // cut by the end of the buffer: hand over what precedes it first, then read on
            if (i > pos) {
                return;
            }
            if (pos == 0 && lim == buf.length || eof) {
                // a tag longer than the buffer, or the end of the input: nothing raw here
                safeEnd = lim;
                if (!eof) {
                    state = PASS;
                }
                return;
            }
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            bufBase += pos;
            lim -= pos;
            pos = 0;
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                eof = true;
            } else {
                lim += n;
            }
            from = 0;
        }
    }

    /** @return the index after the tag's '>', -1 if not such a start tag, -2 if cut off */
    private int matchTag(int lt) {
        int i = lt + 1;
        int nameStart = i;
        int localStart = i;
        while (i < lim) {
            byte c = buf[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' || c == '/') {
                break;
            }
            if (c == ':') {
                localStart = i + 1;
            }
            i++;
        }
        if (i == lim) {
            return -2;
        }
        if (i == nameStart || !(Arrays.equals(buf, localStart, i, STREAM, 0, STREAM.length)
                || Arrays.equals(buf, localStart, i, TABLEDATA, 0, TABLEDATA.length))) {
            return -1;
        }
        byte quote = 0;
        for (; i < lim; i++) {
            byte c = buf[i];
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '<') {
                return -1;
            } else if (c == '>') {
                return buf[i - 1] == '/' ? -1 : i + 1;
            }
        }
        return -2;
    }

    /** Counts the UTF-16 units and the line ends of bytes handed to the parser. */
    private void count(byte[] b, int from, int to) {
        long units = 0;
        long lines = 0;
        long onLine = lineUnits;
        boolean cr = afterCr;
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c == '\n') {
                if (!cr) {
                    lines++;
                }
                cr = false;
                onLine = 0;
                units++;
            } else if (c == '\r') {
                lines++;
                cr = true;
                onLine = 0;
                units++;
            } else {
                cr = false;
                int u = utf16Units(c);
                units += u;
                onLine += u;
            }
        }
        chars += units;
        linesHanded += lines;
        lineUnits = onLine;
        afterCr = cr;
    }

    /** UTF-16 units of UTF-8 bytes: one per lead byte, two for a four-byte sequence. */
    private static int utf16Units(byte[] b, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += utf16Units(b[i]);
        }
        return n;
    }

    /** UTF-16 units of one UTF-8 byte: none for a continuation byte, two for a four-byte lead, else one. */
    private static int utf16Units(int b) {
        return (b & 0xC0) == 0x80 ? 0 : (b & 0xF8) == 0xF0 ? 2 : 1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
