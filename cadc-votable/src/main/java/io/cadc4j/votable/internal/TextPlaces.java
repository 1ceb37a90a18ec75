// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

/**
 * Where the recent characters of an inline base64 {@code STREAM} stand in the document, so that
 * damage found only in the decoded bytes (a length prefix that cannot be, null flags past the last
 * column, a byte that is no boolean) is placed at the base64 character that encodes its first
 * byte. Nothing is looked up until something fails.
 *
 * <p>Characters are counted as base64 digits only: whitespace and {@code '='} are not counted, so
 * that digit {@code k} encodes bits of decoded bytes {@code 3k/4} onwards. Three kinds of mark, in
 * the order of the text:
 * <ul>
 *   <li>a <em>run</em> mark, for text taken straight from the bytes ({@link Base64Text} with a
 *       {@link RawTap}): the digit at which a run of digits with nothing between them begins,
 *       with the line ends and characters taken before it and its byte offset. Every run, and
 *       every stretch of one taken by another call, gets its mark, so a digit's place is its run's
 *       mark plus its distance into the run;</li>
 *   <li>a <em>lines</em> mark, for the bulk the JDK's decoder takes: lines of one number of digits
 *       and one line end, from the start of a line, one mark for all of them;</li>
 *   <li>an <em>event</em> mark, for text the parser hands over: the digit count at the start of a
 *       text event and the parser's character offset of the event, from which the tap finds the
 *       digit again in the bytes it keeps ({@link FastPath#locateDigit}).</li>
 * </ul>
 * A ring of marks that grows to {@value #CAPACITY}: enough for the text the decoder reads ahead of
 * the rows (about 40 KB decoded) unless its runs are shorter than about 25 characters; a small
 * STREAM keeps a small ring. Single-threaded.
 */
final class TextPlaces {
    private static final int CAPACITY = 4096;
    private static final int FIRST = 64;

    private final FastPath fast;
    /** {line, column, byte offset} of the first byte taken raw; null until the tap is taken. */
    private long[] origin;
    private long[] digit;
    /** Run marks: the line ends taken before the run; event marks: -1. */
    private long[] lines;
    /** Run marks: the characters taken on the run's line before it (since the start tag if no line end yet). */
    private long[] column;
    /** Run marks: the byte offset of the run; event marks: the parser's character offset. */
    private long[] at;
    /** Line marks: the digits of each line times 256 plus the bytes of its line end; else 0. */
    private long[] lineShape;
    private int count;
    /** The oldest mark still kept. */
    private int floor;
    /** The ring's size less one (a power of two less one). */
    private int mask = -1;

    /** @param fast the fast path that finds an event's digit in the document */
    TextPlaces(FastPath fast) {
        this.fast = fast;
    }

    /**
     * The text is taken raw from here on.
     *
     * @param first {line, column, byte offset} of the first byte after the STREAM start tag
     */
    void takenRawFrom(long[] first) {
        origin = first;
    }

    /** @return the number of marks made, for {@link #rollback} */
    int marks() {
        return count;
    }

    /** Forgets the marks made since {@link #marks()} returned {@code mark}: their text was not taken. */
    void rollback(int mark) {
        count = mark;
        // the marks those overwrote are gone too: the floor went up as they were made
        floor = Math.min(floor, mark);
    }

    /**
     * A run of digits taken raw begins.
     *
     * @param k the digits before it in the STREAM
     * @param linesTaken the line ends taken raw before it
     * @param columnTaken the characters taken on its line before it
     * @param byteOffset its byte offset in the document
     */
    void run(long k, long linesTaken, long columnTaken, long byteOffset) {
        int i = slot();
        digit[i] = k;
        lines[i] = linesTaken;
        column[i] = columnTaken;
        at[i] = byteOffset;
        lineShape[i] = 0;
    }

    /**
     * Lines taken raw begin, each of the same number of digits and the same line end, starting
     * at the start of a line: one mark for all of them, up to the next mark.
     *
     * @param k the digits before the first
     * @param linesTaken the line ends taken raw before the first
     * @param byteOffset the byte offset of the first
     * @param digitsPerLine the digits of each line
     * @param lineEnd the bytes of each line end (1 for LF, 2 for CR LF)
     */
    void lines(long k, long linesTaken, long byteOffset, int digitsPerLine, int lineEnd) {
        int i = slot();
        digit[i] = k;
        lines[i] = linesTaken;
        column[i] = 0;
        at[i] = byteOffset;
        lineShape[i] = (long) digitsPerLine << 8 | lineEnd;
    }

    /**
     * A text event of the parser begins.
     *
     * @param k the digits before it in the STREAM
     * @param charOffset the parser's character offset of its first character
     */
    void event(long k, long charOffset) {
        int i = slot();
        digit[i] = k;
        lines[i] = -1;
        at[i] = charOffset;
        lineShape[i] = 0;
    }

    private int slot() {
        if (count - floor == mask + 1) {
            if (mask + 1 < CAPACITY) {
                grow();
            } else {
                floor++;
            }
        }
        return count++ & mask;
    }

    /** A ring twice the size (the first one at the first mark), the marks kept where they belong in it. */
    private void grow() {
        int size = digit == null ? FIRST : digit.length * 2;
        long[] d = new long[size];
        long[] l = new long[size];
        long[] c = new long[size];
        long[] a = new long[size];
        long[] sh = new long[size];
        for (int i = floor; i < count; i++) {
            int from = i & mask;
            int to = i & size - 1;
            d[to] = digit[from];
            l[to] = lines[from];
            c[to] = column[from];
            a[to] = at[from];
            sh[to] = lineShape[from];
        }
        digit = d;
        lines = l;
        column = c;
        at = a;
        lineShape = sh;
        mask = size - 1;
    }

    /**
     * The place of the base64 character that encodes the first bits of a decoded byte.
     *
     * @param decoded the byte's offset in the decoded stream
     * @return {line, column, byte offset} in the document, or null if no longer (or never) known
     */
    long[] placeOf(long decoded) {
        if (decoded < 0 || count == floor) {
            return null;
        }
        // byte 3g + j (j = 0, 1, 2) starts in digit 4g + j
        long k = decoded / 3 * 4 + decoded % 3;
        int lo = floor;
        int hi = count - 1;
        if (digit[lo & mask] > k) {
            return null;
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (digit[mid & mask] <= k) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        int m = lo & mask;
        long into = k - digit[m];
        if (lines[m] < 0) {
            return fast.locateDigit(at[m], into);
        }
        if (origin == null) {
            return null;
        }
        long linesBefore = lines[m];
        long byteOffset = at[m];
        long shape = lineShape[m];
        if (shape != 0) {
            // lines of one shape: the digit's line among them, then its place in that line
            long perLine = shape >>> 8;
            long line = into / perLine;
            into -= line * perLine;
            byteOffset += line * (perLine + (shape & 0xff));
            linesBefore += line;
            if (line > 0) {
                return new long[] {origin[0] + linesBefore, 1 + into, byteOffset + into};
            }
        }
        long line = origin[0] + linesBefore;
        long col = (linesBefore == 0 ? origin[1] : 1) + column[m] + into;
        return new long[] {line, col, byteOffset + into};
    }
}
