// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads TABLEDATA rows straight from the bytes of the document, without the XML parser, for as
 * long as they are written the plain way; the parser reads whatever is not.
 *
 * <p>The tap ({@link RawTap}) holds right after the {@code <TABLEDATA>} start tag. A row is
 * taken raw only if all of it is whitespace, {@code <TR>}, {@code <TD>}, {@code <TD/>},
 * {@code </TD>} and {@code </TR>} tags with the TABLEDATA element's own prefix and no
 * attribute, and cell text of XML 1.0 characters in UTF-8 with the five predefined entities and
 * character references; and only if every cell decodes. Anything else in a row (a comment, a
 * CDATA section, an attribute such as {@code encoding="base64"}, another element, a cell that
 * does not decode, the end of the input, a row longer than the tap's buffer) and the end of the
 * TABLEDATA element itself stop the raw reading at the start of that row: the row and all that
 * follows go back to the parser (see {@link RawTap#release}), which reads them, and fails on
 * them, exactly as if nothing had been taken. A row is therefore either taken whole or not at
 * all, and any failure is reported by the parser with its usual message and location.
 *
 * <p>Cell text is handed to the columns as the parser would: line ends normalized to LF,
 * references replaced, nothing trimmed. Single-threaded.
 */
final class RawTableData {
    /** parseRow: the row needs bytes beyond the end of the buffer. */
    private static final int MORE = -1;
    /** parseRow: the row is not plain; the parser must read it. */
    private static final int NOT_PLAIN = -2;

    /** Byte classes of cell text: 0 is a plain character, copied as it is. */
    private static final byte[] TEXT = new byte[256];

    static {
        for (int i = 0; i < 0x20; i++) {
            TEXT[i] = 1;
        }
        for (int i = 0x80; i < 0x100; i++) {
            TEXT[i] = 1;
        }
        TEXT['<'] = 1;
        TEXT['&'] = 1;
        TEXT[']'] = 1;
    }

    private static final byte[] LT = {'l', 't'};
    private static final byte[] GT = {'g', 't'};
    private static final byte[] AMP = {'a', 'm', 'p'};
    private static final byte[] QUOT = {'q', 'u', 'o', 't'};
    private static final byte[] APOS = {'a', 'p', 'o', 's'};

    private final RawTap tap;
    /** "TR" and "TD" with the prefix, e.g. {@code vot:TR}, as bytes. */
    private final byte[] tr;
    private final byte[] td;
    private final int maxCell;
    private char[] cell = new char[1024];

    /** Line ends taken so far (CR LF, CR or LF each counted once). */
    private long lines;
    /** UTF-16 units taken after the last line end. */
    private long column;
    private long rows;
    /** Whether the rest has gone back to the parser. */
    private boolean released;

    // the row being parsed: committed only once it has been read whole (a row ends with '>', so
    // the next one starts after no CR)
    private int rowLines;
    /** The index just after the last line end in the row, or -1 if the row has none. */
    private int rowLineStart;
    /** Bytes beyond one per UTF-16 unit after {@link #rowLineStart} (multi-byte UTF-8). */
    private int rowExtra;
    private boolean rowAfterCr;

    /**
     * @param tap the tap, holding right after the {@code <TABLEDATA>} start tag
     * @param prefix the TABLEDATA element's namespace prefix, "" for none; ASCII
     * @param maxCell the most characters a cell may have
     */
    RawTableData(RawTap tap, String prefix, int maxCell) {
        this.tap = tap;
        this.tr = (prefix.isEmpty() ? "TR" : prefix + ":TR").getBytes(StandardCharsets.US_ASCII);
        this.td = (prefix.isEmpty() ? "TD" : prefix + ":TD").getBytes(StandardCharsets.US_ASCII);
        this.maxCell = maxCell;
    }

    /** Whether a prefix can be matched byte for byte (the tag names then are ASCII). */
    static boolean usablePrefix(String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (prefix.charAt(i) >= 0x80) {
                return false;
            }
        }
        return prefix.length() < 64;
    }

    /** @return the rows taken raw so far */
    long rows() {
        return rows;
    }

    /**
     * Reads the next row into the columns.
     *
     * @return true if a row was read; false once the rest (from the start of the row, or the end
     *         of the TABLEDATA element) has been given back to the parser
     * @throws IOException if reading the input fails
     */
    boolean next(Column[] cols) throws IOException {
        if (released) {
            return false;
        }
        int retries = 0;
        while (true) {
            byte[] b = tap.rawBuffer();
            int start = tap.rawStart();
            int end = tap.rawEnd();
            int p = start < end ? parseRow(cols, b, start, end) : MORE;
            if (p >= 0) {
                commit(start, p);
                tap.rawAdvance(p);
                rows++;
                return true;
            }
            if (p == MORE) {
                int have = end - start;
                if (have >= b.length) {
                    break; // a row longer than the buffer
                }
                // At first whatever the input has; then twice as much each time, so that a row
                // arriving a few bytes at a time is parsed again only a few times.
                int want = retries++ == 0 ? have + 1 : Math.min(b.length, Math.max(have + 1, have * 2));
                if (!tap.rawFill(want) || tap.rawEnd() - tap.rawStart() == have) {
                    break; // the input ends inside the row: the parser says so
                }
                continue;
            }
            break;
        }
        tap.release(lines, column);
        released = true;
        return false;
    }

    private void commit(int start, int end) {
        lines += rowLines;
        if (rowLineStart >= 0) {
            column = end - rowLineStart - rowExtra;
        } else {
            column += end - start - rowExtra;
        }
    }

    /** @return the index after the row's {@code </TR>}, or {@link #MORE} or {@link #NOT_PLAIN} */
    private int parseRow(Column[] cols, byte[] b, int start, int end) {
        rowLines = 0;
        rowLineStart = -1;
        rowExtra = 0;
        rowAfterCr = false;
        int p = whitespace(b, start, end);
        if (p < 0) {
            return p;
        }
        // <TR> or <TR >
        p = startTag(b, p, end, tr);
        if (p < 0) {
            return p;
        }
        if (b[p - 2] == '/') {
            return NOT_PLAIN; // <TR/>: rare; the parser reads it
        }
        int c = 0;
        while (true) {
            p = whitespace(b, p, end);
            if (p < 0) {
                return p;
            }
            if (p + 1 >= end) {
                return MORE;
            }
            if (b[p + 1] == '/') {
                p = endTag(b, p, end, tr);
                if (p < 0) {
                    return p;
                }
                for (int i = c; i < cols.length; i++) {
                    cols[i].setNull();
                }
                return p;
            }
            p = startTag(b, p, end, td);
            if (p < 0) {
                return p;
            }
            if (c >= cols.length) {
                return NOT_PLAIN; // the parser reports the extra cell
            }
            int len = 0;
            if (b[p - 2] != '/') {
                len = text(b, p, end);
                if (len < 0) {
                    return len;
                }
                p = endTag(b, textEnd, end, td);
                if (p < 0) {
                    return p;
                }
            }
            try {
                Column.parseText(cols[c], cell, 0, len);
            } catch (CellException e) {
                return NOT_PLAIN; // the parser reports it with its location
            }
            c++;
        }
    }

    /**
     * Skips whitespace, counting line ends.
     *
     * @return the index of the first other byte, which must be '<' (else NOT_PLAIN), or MORE
     */
    private int whitespace(byte[] b, int p, int end) {
        while (p < end) {
            byte c = b[p];
            if (c == '<') {
                return p;
            }
            if (c == ' ' || c == '\t') {
                rowAfterCr = false;
            } else if (c == '\n') {
                if (!rowAfterCr) {
                    rowLines++;
                }
                rowAfterCr = false;
                newLineAt(p + 1);
            } else if (c == '\r') {
                rowLines++;
                rowAfterCr = true;
                newLineAt(p + 1);
            } else {
                return NOT_PLAIN;
            }
            p++;
        }
        return MORE;
    }

    private void newLineAt(int next) {
        rowLineStart = next;
        rowExtra = 0;
    }

    /**
     * Matches {@code <name>}, {@code <name >}, {@code <name/>} or {@code <name />} at b[p] ('<').
     *
     * @return the index after the '>' (the byte before it is '/' for an empty element), or MORE or NOT_PLAIN
     */
    private int startTag(byte[] b, int p, int end, byte[] name) {
        int i = name(b, p + 1, end, name);
        if (i < 0) {
            return i;
        }
        if (b[i] == '>') {
            rowAfterCr = false;
            return i + 1;
        }
        if (b[i] == '/') {
            if (i + 1 >= end) {
                return MORE;
            }
            if (b[i + 1] == '>') {
                rowAfterCr = false;
                return i + 2;
            }
        }
        return NOT_PLAIN; // an attribute, a line end in the tag, another name
    }

    /** Matches {@code </name>} or {@code </name >} at b[p] ('<'). */
    private int endTag(byte[] b, int p, int end, byte[] name) {
        if (p + 1 >= end) {
            return MORE;
        }
        if (b[p + 1] != '/') {
            return NOT_PLAIN;
        }
        int i = name(b, p + 2, end, name);
        if (i < 0) {
            return i;
        }
        if (b[i] != '>') {
            return NOT_PLAIN;
        }
        rowAfterCr = false;
        return i + 1;
    }

    /**
     * Matches a tag name at b[i] and the spaces and tabs after it.
     *
     * @return the index of the byte after them, or MORE if the buffer ends first, or NOT_PLAIN
     */
    private static int name(byte[] b, int i, int end, byte[] name) {
        int n = name.length;
        if (i + n >= end) {
            return MORE;
        }
        if (!Arrays.equals(b, i, i + n, name, 0, n)) {
            return NOT_PLAIN;
        }
        i += n;
        while (i < end && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i < end ? i : MORE;
    }

    /** Where {@link #text} stopped: the '<' after the cell text. */
    private int textEnd;

    /**
     * Decodes cell text from b[p] up to the next '<' into {@link #cell}.
     *
     * @return the number of characters, or MORE or NOT_PLAIN; {@link #textEnd} is the '<'
     */
    private int text(byte[] b, int p, int end) {
        char[] out = cell;
        if (out.length < end - p + 2) {
            // a byte gives at most one character (four give two); room for the whole buffer
            out = cell = new char[Math.max(end - p + 2, out.length * 2)];
        }
        byte[] cls = TEXT;
        int n = 0;
        while (true) {
            while (p < end && cls[b[p] & 0xff] == 0) {
                out[n++] = (char) b[p++];
            }
            if (p >= end) {
                return MORE;
            }
            int c = b[p] & 0xff;
            if (c == '<') {
                if (n > maxCell) {
                    return NOT_PLAIN;
                }
                textEnd = p;
                rowAfterCr = false;
                return n;
            }
            if (c == '\n') {
                if (!rowAfterCr) {
                    rowLines++;
                }
                rowAfterCr = false;
                out[n++] = '\n';
                newLineAt(++p);
                continue;
            }
            rowAfterCr = false;
            if (c == '\r') {
                // CR LF and CR alone are one line end, read as LF
                rowLines++;
                out[n++] = '\n';
                p++;
                if (p >= end) {
                    return MORE;
                }
                if (b[p] == '\n') {
                    p++;
                }
                newLineAt(p);
            } else if (c == '\t') {
                out[n++] = '\t';
                p++;
            } else if (c == ']') {
                if (p + 2 >= end) {
                    return MORE;
                }
                if (b[p + 1] == ']' && b[p + 2] == '>') {
                    return NOT_PLAIN; // "]]>" is not allowed in text: the parser says so
                }
                out[n++] = ']';
                p++;
            } else if (c == '&') {
                int q = reference(b, p, end, out, n);
                if (q < 0) {
                    return q;
                }
                n = refChars;
                p = q;
            } else if (c >= 0x80) {
                int q = utf8(b, p, end, out, n);
                if (q < 0) {
                    return q;
                }
                rowExtra += q - p - (refChars - n);
                n = refChars;
                p = q;
            } else {
                return NOT_PLAIN; // a control character: not XML
            }
        }
    }

    /** The character count after {@link #reference} or {@link #utf8} wrote to the cell. */
    private int refChars;

    /** Decodes {@code &name;} or a character reference at b[p] ('&'); @return the index after ';' */
    private int reference(byte[] b, int p, int end, char[] out, int n) {
        int semi = -1;
        for (int i = p + 1; i < end && i < p + 12; i++) {
            if (b[i] == ';') {
                semi = i;
                break;
            }
        }
        if (semi < 0) {
            return end - p < 12 ? MORE : NOT_PLAIN;
        }
        int len = semi - p - 1;
        int cp;
        if (len >= 2 && b[p + 1] == '#') {
            cp = 0;
            int i = p + 2;
            int radix = 10;
            if (b[i] == 'x') {
                radix = 16;
                i++;
            }
            if (i == semi) {
                return NOT_PLAIN;
            }
            for (; i < semi; i++) {
                int d = Character.digit(b[i], radix);
                if (d < 0 || b[i] >= 0x80) {
                    return NOT_PLAIN;
                }
                cp = cp * radix + d;
            }
            boolean xmlChar = cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
                    || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
            if (!xmlChar) {
                return NOT_PLAIN;
            }
        } else if (Arrays.equals(b, p + 1, semi, LT, 0, LT.length)) {
            cp = '<';
        } else if (Arrays.equals(b, p + 1, semi, GT, 0, GT.length)) {
            cp = '>';
        } else if (Arrays.equals(b, p + 1, semi, AMP, 0, AMP.length)) {
            cp = '&';
        } else if (Arrays.equals(b, p + 1, semi, QUOT, 0, QUOT.length)) {
            cp = '"';
        } else if (Arrays.equals(b, p + 1, semi, APOS, 0, APOS.length)) {
            cp = '\'';
        } else {
            return NOT_PLAIN;
        }
        refChars = put(out, n, cp);
        return semi + 1;
    }

    private static int put(char[] out, int n, int cp) {
        if (cp >= 0x10000) {
            out[n++] = Character.highSurrogate(cp);
            out[n++] = Character.lowSurrogate(cp);
        } else {
            out[n++] = (char) cp;
        }
        return n;
    }

    /** Decodes one well-formed UTF-8 sequence of an XML 1.0 character at b[p]; @return the index after it */
    private int utf8(byte[] b, int p, int end, char[] out, int n) {
        int c = b[p] & 0xff;
        int cp;
        int len;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return NOT_PLAIN;
        }
        if (p + len > end) {
            return MORE;
        }
        for (int i = 1; i < len; i++) {
            int d = b[p + i] & 0xff;
            if ((d & 0xC0) != 0x80) {
                return NOT_PLAIN;
            }
            cp = cp << 6 | d & 0x3F;
        }
        boolean ok = len == 2 || len == 3 && cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF) && cp != 0xFFFE
                && cp != 0xFFFF || len == 4 && cp >= 0x10000 && cp <= 0x10FFFF;
        if (!ok) {
            return NOT_PLAIN;
        }
        refChars = put(out, n, cp);
        return p + len;
    }
}
