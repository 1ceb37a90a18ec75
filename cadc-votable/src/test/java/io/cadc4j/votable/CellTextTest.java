// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link RowCursor#getCharSequence(int)}: the characters of every char and unicodeChar cell, the same as
 * {@code getString}, for rows far larger than the reader's buffers (the binary reader keeps a row's bytes in
 * place while the row lasts, so a string cell read before a 40 KB array is still intact after it), for
 * strings longer than a buffer, for multi-byte UTF-8 and for nulls.
 */
class CellTextTest {
    private static final URI SOURCE = URI.create("test:cell-text");
    private static final int ROWS = 300;

    private static TableMetadata metadata() {
        return TableMetadata.builder().name("text")
                .field(Field.builder("before", "char").arraysize("*").build())
                .field(Field.builder("big", "double").arraysize("*").build())
                .field(Field.builder("after", "char").arraysize("*").build())
                .field(Field.builder("fixed", "char").arraysize("8").build())
                .field(Field.builder("wide", "unicodeChar").arraysize("*").build())
                .field(Field.builder("n", "int").build())
                .build();
    }

    private static List<Object[]> rows() {
        Random r = new Random(20261122L);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            double[] big = new double[r.nextInt(4) == 0 ? 0 : r.nextInt(6000)];
            for (int k = 0; k < big.length; k++) {
                big[k] = r.nextGaussian();
            }
            rows.add(new Object[] {text(r, i), big.length == 0 ? null : big, text(r, i + 7),
                    r.nextInt(5) == 0 ? null : "f" + i, r.nextInt(5) == 0 ? null : "w\u00e9\u4e2d" + i, i});
        }
        return rows;
    }

    /**
     * ASCII, multi-byte UTF-8, now and then longer than the reader's 16 KB buffer, or null; or
     * shorter than eight bytes, or of any length up to 70, with or without one non-ASCII character
     * anywhere in it.
     */
    private static String text(Random r, int i) {
        switch (r.nextInt(8)) {
            case 6:
            case 7:
                char[] s = "abcdefg".substring(0, 1 + r.nextInt(6)).toCharArray();
                if (r.nextBoolean()) {
                    s[r.nextInt(s.length)] = r.nextBoolean() ? '\u00e9' : '\u0100';
                }
                return new String(s);
            case 5:
                // every length the ASCII check treats apart (up to 16, up to 48, longer)
                char[] m = new char[1 + r.nextInt(70)];
                for (int k = 0; k < m.length; k++) {
                    m[k] = (char) ('A' + r.nextInt(58));
                }
                if (r.nextBoolean()) {
                    m[r.nextInt(m.length)] = r.nextBoolean() ? '\u00e9' : '\u20ac';
                }
                return new String(m);
            case 0:
                return null;
            case 1:
                return "caf\u00e9 \u2713 " + i;
            case 2:
                char[] c = new char[17_000 + r.nextInt(3000)];
                Arrays.fill(c, (char) ('a' + i % 26));
                return new String(c) + i;
            default:
                return "ivo://cadc.nrc.ca/CFHT?" + (2_000_000 + i) + "/" + i + "o";
        }
    }

    private static byte[] write(Serialization s, List<Object[]> rows) throws IOException {
        List<Row> values = new ArrayList<>();
        rows.forEach(v -> values.add(Row.of(v)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VOTableWriter.of(s).write(metadata(), values, out);
        return out.toByteArray();
    }

    /** Hands the document over in pieces of a few hundred bytes, as a network does. */
    private static InputStream trickle(byte[] doc) {
        return new ByteArrayInputStream(doc) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 300));
            }
        };
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void givesTheCharactersOfEveryTextCellWhateverTheRowSize(Serialization s) throws IOException {
        List<Object[]> expected = rows();
        byte[] doc = write(s, expected);

        try (RowCursor rows = VOTableReader.builder().build().open(trickle(doc), SOURCE)) {
            int i = 0;
            while (rows.next()) {
                Object[] want = expected.get(i);
                for (int c : new int[] {0, 2, 3, 4}) {
                    CharSequence text = rows.getCharSequence(c);
                    String w = (String) want[c];
                    if (w == null) {
                        assertThat(text).as("row %d column %d", i, c).isNull();
                        assertThat(rows.isNull(c)).isTrue();
                        continue;
                    }
                    assertThat(text.length()).as("row %d column %d", i, c).isEqualTo(w.length());
                    StringBuilder copied = new StringBuilder();
                    for (int k = 0; k < text.length(); k++) {
                        copied.append(text.charAt(k));
                    }
                    assertThat(copied.toString()).as("row %d column %d", i, c).isEqualTo(w);
                    assertThat(text.toString()).isEqualTo(w).isEqualTo(rows.getString(c));
                    assertThat(w.contentEquals(text)).isTrue();
                    assertThat(text.subSequence(w.length() - 1, w.length()).toString())
                            .isEqualTo(w.substring(w.length() - 1));
                    assertThatThrownBy(() -> text.charAt(w.length())).isInstanceOf(IndexOutOfBoundsException.class);
                }
                // not a char column: its text form
                assertThat(rows.getCharSequence(5).toString()).isEqualTo(Integer.toString(i));
                assertThat(rows.getObject(1)).isEqualTo(want[1]);
                i++;
            }
            assertThat(i).isEqualTo(ROWS);
        }
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void keepsStringsMadeFromARowAfterTheCursorMovesOn(Serialization s) throws IOException {
        List<Object[]> expected = rows();
        List<String> kept = new ArrayList<>();

        try (RowCursor rows = VOTableReader.builder().build().open(trickle(write(s, expected)), SOURCE)) {
            while (rows.next()) {
                CharSequence after = rows.getCharSequence(2);
                kept.add(after == null ? null : after.toString());
            }
        }

        for (int i = 0; i < ROWS; i++) {
            assertThat(kept.get(i)).as("row %d", i).isEqualTo(expected.get(i)[2]);
        }
    }
}
