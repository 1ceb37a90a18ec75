// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The ring of places of a STREAM's text: a digit is placed by the mark of its run, the ring grows
 * to its full size and then forgets the oldest marks (their digits have no place any more), and the
 * marks of a block not taken go without losing the ones before.
 */
class TextPlacesTest {
    /** Lines of 76 digits ending in LF, the STREAM start tag ending at line 3, column 21, byte 200. */
    private static TextPlaces lines(int count) {
        TextPlaces p = new TextPlaces(null);
        p.takenRawFrom(new long[] {3, 21, 200});
        for (int i = 0; i < count; i++) {
            // the text begins with a line end after the tag: line i + 1 of the text is document line 4 + i
            p.run(76L * i, i + 1, 0, 200 + 1 + 77L * i);
        }
        return p;
    }

    /** The place of the first digit of decoded byte d, from the layout of {@link #lines}. */
    private static long[] expected(long d) {
        long k = d / 3 * 4 + d % 3;
        long line = k / 76;
        long col = k % 76;
        return new long[] {4 + line, 1 + col, 201 + 77 * line + col};
    }

    @Test
    void aDigitIsPlacedByItsRunsMark() {
        TextPlaces p = lines(50);
        for (long d = 0; d < 50 * 57; d += 7) {
            assertThat(p.placeOf(d)).as("byte %d", d).containsExactly(expected(d));
        }
    }

    @Test
    void beforeAnyLineEndTheColumnGoesOnFromTheStartTag() {
        TextPlaces p = new TextPlaces(null);
        p.takenRawFrom(new long[] {3, 21, 200});
        p.run(0, 0, 0, 200);
        assertThat(p.placeOf(0)).containsExactly(3, 21, 200);
        assertThat(p.placeOf(4)).containsExactly(3, 26, 205); // byte 4 starts in digit 5 (4 / 3 * 4 + 4 % 3)
    }

    @Test
    void theRingForgetsTheOldestMarksOnceFull() {
        TextPlaces p = lines(10_000);
        long last = 10_000L * 57 - 1;
        assertThat(p.placeOf(last)).containsExactly(expected(last));
        long oldestKept = (10_000L - 4096) * 57;
        assertThat(p.placeOf(oldestKept)).containsExactly(expected(oldestKept));
        assertThat(p.placeOf(oldestKept - 57)).isNull();
        assertThat(p.placeOf(0)).isNull();
    }

    @Test
    void aBlockNotTakenTakesItsMarksAlongButNotTheOnesBefore() {
        TextPlaces p = lines(100);
        int mark = p.marks();
        for (int i = 0; i < 5000; i++) {
            p.run(76L * (100 + i), 9999, 0, 0); // wrong places, as of text that was then not taken
        }
        p.rollback(mark);
        long d = 99 * 57 + 10;
        assertThat(p.placeOf(d)).as("a mark made before the block").isNull(); // overwritten by the block's marks
        TextPlaces q = lines(100);
        int m = q.marks();
        for (int i = 0; i < 30; i++) {
            q.run(76L * (100 + i), 9999, 0, 0);
        }
        q.rollback(m);
        assertThat(q.placeOf(d)).containsExactly(expected(d));
        assertThat(q.placeOf(0)).containsExactly(expected(0));
    }

    @Test
    void oneMarkPlacesEveryDigitOfLinesOfOneShape() {
        TextPlaces p = new TextPlaces(null);
        p.takenRawFrom(new long[] {3, 21, 200});
        // after a LF right after the tag: 5,000 lines of 76 digits ending in CR LF, from byte 201
        p.lines(0, 1, 201, 76, 2);
        for (long d = 0; d < 5000 * 57; d += 13) {
            long k = d / 3 * 4 + d % 3;
            assertThat(p.placeOf(d)).as("byte %d", d).containsExactly(4 + k / 76, 1 + k % 76, 201 + 78 * (k / 76) + k % 76);
        }
        // lines that begin right after the tag: the first line's columns go on from the tag's end
        TextPlaces q = new TextPlaces(null);
        q.takenRawFrom(new long[] {3, 21, 200});
        q.lines(0, 0, 200, 76, 1);
        assertThat(q.placeOf(0)).containsExactly(3, 21, 200);
        assertThat(q.placeOf(57)).containsExactly(4, 1, 277); // digit 76: the second line's first
    }
}
