// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.votable.Binary2Layout;
import io.cadc4j.votable.ParserLimits;
import io.cadc4j.votable.Serialization;
import io.cadc4j.votable.VOTableWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A byte that cannot be UTF-8 (0xFF) put at hundreds of places of a document, in each
 * serialization, read with the raw paths on and off and in chunks of different sizes: the failure
 * names the line, the column (in characters, as XML parsers count) and the byte offset of that
 * very byte, and, inside a TABLEDATA row, that row.
 */
class DamageLocationTest {
    private static final XMLInputFactory WOODSTOX = Reading.woodstox();
    private static final Pattern AT_BYTE = Pattern.compile("\\[at byte (\\d+) of the document\\]");
    private static final Pattern IN_ROW = Pattern.compile("\\[in row (\\d+) of the table");

    private static byte[] document(Serialization s) throws IOException {
        TableMetadata meta = TableMetadata.builder().name("t")
                .field(Field.builder("id", "long").build())
                .field(Field.builder("name", "unicodeChar").arraysize("*").build())
                .field(Field.builder("x", "double").build())
                .field(Field.builder("note", "char").arraysize("*").build())
                .build();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rows.add(Row.of((long) i * 7919, "caf\u00e9 \u20ac \ud83d\ude00 " + i, i / 3.0,
                    i % 5 == 0 ? null : "note & <" + i + ">"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VOTableWriter.of(s).write(meta, rows, out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void aBadByteIsReportedWhereItIs(Serialization s) throws IOException {
        byte[] doc = document(s);
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        int step = Math.max(1, doc.length / 300);
        for (int p = 0; p < doc.length; p += step) {
            if ((doc[p] & 0xC0) == 0x80) {
                continue; // a continuation byte: the sequence's lead byte comes first
            }
            byte[] bad = doc.clone();
            bad[p] = (byte) 0xFF;
            long line = 1;
            long column = 1;
            for (int i = 0; i < p; i++) {
                int c = doc[i] & 0xff;
                if (c == '\n') {
                    line++;
                    column = 1;
                } else if ((c & 0xC0) != 0x80) {
                    column += c >= 0xF0 ? 2 : 1;
                }
            }
            long row = tableDataRow(s, doc, p);
            for (boolean raw : new boolean[] {true, false}) {
                for (int chunk : new int[] {1 << 20, 7}) {
                    tried++;
                    String where = s + " byte " + p + " raw " + raw + " chunk " + chunk + ": ";
                    ProtocolViolationException e = failure(bad, raw, chunk);
                    if (e == null) {
                        wrong.add(where + "read without failing");
                        continue;
                    }
                    Matcher m = AT_BYTE.matcher(e.getMessage());
                    String got = "line " + e.line().orElse(-1) + " column " + e.column().orElse(-1) + " byte "
                            + (m.find() ? m.group(1) : "?");
                    String expected = "line " + line + " column " + column + " byte " + p;
                    if (!got.equals(expected)) {
                        wrong.add(where + "expected " + expected + ", got " + got + " in: " + e.getMessage());
                    }
                    if (row > 0) {
                        Matcher r = IN_ROW.matcher(e.getMessage());
                        String gotRow = r.find() ? r.group(1) : "none";
                        if (!gotRow.equals(Long.toString(row))) {
                            wrong.add(where + "expected row " + row + ", got " + gotRow + " in: " + e.getMessage());
                        }
                    }
                }
            }
        }
        assertTrue(tried > 1000, "damaged readings: " + tried);
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + tried + " wrong:\n" + String.join("\n", wrong));
    }

    /** The 1-based row whose TR holds byte p of a TABLEDATA document, or 0. */
    private static long tableDataRow(Serialization s, byte[] doc, int p) {
        if (s != Serialization.TABLEDATA) {
            return 0;
        }
        String text = new String(doc, 0, doc.length, java.nio.charset.StandardCharsets.ISO_8859_1);
        long row = 0;
        int at = text.indexOf("<TR>");
        while (at >= 0 && at <= p) {
            row++;
            int end = text.indexOf("</TR>", at) + "</TR>".length();
            if (p < end) {
                return row;
            }
            at = text.indexOf("<TR>", end);
        }
        return 0;
    }

    private static ProtocolViolationException failure(byte[] doc, boolean raw, int chunk) {
        VOTableCursor c = null;
        try {
            c = new VOTableCursor(WOODSTOX, chunked(doc, chunk), null, ParserLimits.defaults(),
                    Binary2Layout.STANDARD, null, false, raw);
            while (c.next()) {
                for (int i = 0; i < c.columnCount(); i++) {
                    c.getString(i);
                }
            }
            return null;
        } catch (ProtocolViolationException e) {
            return e;
        } catch (CadcException e) {
            throw new AssertionError("not a ProtocolViolationException: " + e, e);
        } finally {
            if (c != null) {
                c.close();
            }
        }
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
