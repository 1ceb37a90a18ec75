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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Damage put at hundreds of places of a document, read with the raw paths on and off and in chunks
 * of different sizes: the failure names the line, the column (in characters, as XML parsers count)
 * and the byte offset of the bad byte, and the row it spoils. A byte that cannot be UTF-8 (0xFF), in
 * each serialization; a character that is not base64 ({@code *}) in a BINARY or BINARY2 STREAM
 * (the row is the one whose bytes the character spoils, however far the decoder had read ahead);
 * a number cell that does not parse in TABLEDATA (the place is its first character that no number
 * could have);
 * decoded bytes that cannot be (a negative length prefix, null flags past the last column) behind
 * valid base64 text, at the character that encodes their first byte, in STREAM text laid out four
 * ways.
 */
class DamageLocationTest {
    private static final XMLInputFactory WOODSTOX = Reading.woodstox();
    private static final Pattern AT_BYTE = Pattern.compile("\\[at byte (\\d+) of the document\\]");
    private static final Pattern IN_ROW = Pattern.compile("\\[in row (\\d+) of the table");

    private static byte[] document(Serialization s) throws IOException {
        return document(s, 60);
    }

    private static byte[] document(Serialization s, int count) throws IOException {
        TableMetadata meta = TableMetadata.builder().name("t")
                .field(Field.builder("id", "long").build())
                .field(Field.builder("name", "unicodeChar").arraysize("*").build())
                .field(Field.builder("x", "double").build())
                .field(Field.builder("note", "char").arraysize("*").build())
                .build();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
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
            long[] place = lineAndColumn(doc, p);
            long line = place[0];
            long column = place[1];
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

    @ParameterizedTest
    @EnumSource(value = Serialization.class, names = {"BINARY", "BINARY2"})
    void aCharacterThatIsNotBase64IsReportedWhereItIsInTheRowItSpoils(Serialization s) throws IOException {
        byte[] doc = document(s);
        String text = new String(doc, StandardCharsets.ISO_8859_1);
        int from = text.indexOf('>', text.indexOf("<STREAM")) + 1;
        int to = text.indexOf("</STREAM>");
        List<Long> rowEnds = rowEnds(s, Base64.getMimeDecoder().decode(text.substring(from, to)));
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        int step = Math.max(1, (to - from) / 300);
        for (int p = from; p < to; p += step) {
            byte[] bad = doc.clone();
            bad[p] = '*';
            // the first decoded byte the character spoils: of its group of four, the first byte
            // for the first two characters, the second for the third, the third for the fourth
            long k = 0;
            for (int i = from; i < p; i++) {
                if (doc[i] > ' ') {
                    k++;
                }
            }
            long spoiled = k / 4 * 3 + new int[] {0, 0, 1, 2}[(int) (k % 4)];
            String row = "none";
            for (int r = 0; r < rowEnds.size(); r++) {
                if (spoiled < rowEnds.get(r)) {
                    row = Integer.toString(r + 1);
                    break;
                }
            }
            tried += check(s + " byte " + p, bad, p, row, "invalid base64 character '*'", false, wrong);
        }
        assertTrue(tried > 1000, "damaged readings: " + tried);
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + tried + " wrong:\n" + String.join("\n", wrong));
    }

    /** How the STREAM text of a test document is laid out. */
    enum Layout {
        /** as cadc4j writes it: lines of 76 characters ending in LF */
        WRITTEN,
        /** lines ending in CR LF */
        CRLF,
        /** every line indented by two spaces and a tab */
        INDENTED,
        /** a comment after the first line: the rest goes through the parser even on the raw path */
        COMMENT
    }

    /**
     * Damage in the decoded bytes of a STREAM whose text is valid base64: a negative length prefix
     * in a {@code unicodeChar*} or {@code char*} cell, and (BINARY2) a null flag for a fifth column
     * of four. The failure names the row, and the line, column and byte of the base64 character
     * that encodes the first byte of the failed cell (or of the flags): rows across the whole
     * document, so both the JDK's block decoding and the character-by-character one are met.
     */
    @ParameterizedTest
    @EnumSource(value = Serialization.class, names = {"BINARY", "BINARY2"})
    void damageInTheDecodedBytesIsReportedAtTheCharacterThatEncodesIt(Serialization s) throws IOException {
        byte[] written = document(s, 1200);
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (Layout layout : Layout.values()) {
            String text = laidOut(new String(written, StandardCharsets.ISO_8859_1), layout);
            int from = text.indexOf('>', text.indexOf("<STREAM")) + 1;
            int to = text.indexOf("</STREAM>");
            String stream = text.substring(from, to);
            byte[] data = Base64.getMimeDecoder().decode(stream.replaceAll("<!--[^>]*-->", ""));
            List<Long> ends = rowEnds(s, data);
            boolean binary2 = s == Serialization.BINARY2;
            for (int r = 3; r < ends.size(); r += 23) {
                int start = (int) (r == 0 ? 0 : ends.get(r - 1));
                int name = start + (binary2 ? 1 : 0) + 8;
                int units = ByteBuffer.wrap(data, name, 4).getInt();
                int note = name + 4 + 2 * units + 8;
                List<int[]> damages = new ArrayList<>();
                damages.add(new int[] {name, name});
                damages.add(new int[] {note, note});
                if (binary2) {
                    damages.add(new int[] {start, start});
                }
                for (int[] d : damages) {
                    byte[] bad = data.clone();
                    String says;
                    if (d[0] == start) {
                        bad[start] |= 0x01; // four columns: the low four bits of the flags byte are no column's
                        says = "null mask";
                    } else {
                        ByteBuffer.wrap(bad, d[0], 4).putInt(-5 - r);
                        says = "negative length prefix " + (-5 - r);
                    }
                    String damaged = text.substring(0, from) + spliced(stream, bad) + text.substring(to);
                    long k = (long) d[1] / 3 * 4 + d[1] % 3;
                    int at = digit(damaged, from, k);
                    tried += check(s + " " + layout + " row " + (r + 1) + " byte " + d[0] + " of the data",
                            damaged.getBytes(StandardCharsets.ISO_8859_1), at, Integer.toString(r + 1), says, true,
                            wrong);
                }
            }
        }
        assertTrue(tried > 500, "damaged readings: " + tried);
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + tried + " wrong:\n" + String.join("\n", wrong));
    }

    /**
     * A bit flipped at 200 places of the compressed data of a gzip STREAM. Deflate carries its
     * check only at its end, so the place cannot be exact: the failure must come (never a silent
     * end), blame the STREAM and not a column when the inflater finds the damage, at a place at or
     * after the character that encodes the damaged byte, with the line and column of that byte
     * offset; a row that does not decode first gets no layout hint.
     */
    @Test
    void gzipDamageIsTheStreamsNeverUnnoticedAndPlacedAtOrAfterIt() throws IOException {
        byte[] written = document(Serialization.BINARY2, 1200);
        String text = new String(written, StandardCharsets.ISO_8859_1);
        int from = text.indexOf('>', text.indexOf("<STREAM")) + 1;
        int to = text.indexOf("</STREAM>");
        byte[] data = Base64.getMimeDecoder().decode(text.substring(from, to));
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream g = new java.util.zip.GZIPOutputStream(z)) {
            g.write(data);
        }
        byte[] gz = z.toByteArray();
        String head = text.substring(0, from).replace("encoding=\"base64\"", "encoding=\"gzip\"");
        int streamFrom = head.length();
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        int found = 0;
        for (int p = 10; p < gz.length; p += gz.length / 200) {
            byte[] bad = gz.clone();
            bad[p] ^= 0x20;
            String doc = head + Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(bad) + text.substring(to);
            int damagedAt = digit(doc, streamFrom, (long) p / 3 * 4 + p % 3);
            int streamTo = doc.indexOf("</STREAM>");
            byte[] bytes = doc.getBytes(StandardCharsets.ISO_8859_1);
            for (boolean raw : new boolean[] {true, false}) {
                for (int chunk : new int[] {1 << 20, 7}) {
                    tried++;
                    String where = "compressed byte " + p + " raw " + raw + " chunk " + chunk + ": ";
                    ProtocolViolationException e = failure(bytes, raw, chunk);
                    if (e == null) {
                        wrong.add(where + "read without failing");
                        continue;
                    }
                    String msg = e.getMessage();
                    if (msg.contains("Binary2Layout") || msg.contains("mis-sized")) {
                        wrong.add(where + "a layout hint: " + msg);
                    }
                    if (!msg.contains("corrupt compressed data")) {
                        if (!msg.contains("gzip")) {
                            wrong.add(where + "no word of gzip: " + msg);
                        }
                        continue; // a row the damaged data did not decode to: where the inflater could not tell
                    }
                    found++;
                    Matcher m = AT_BYTE.matcher(msg);
                    if (msg.contains("in column") || !m.find()) {
                        wrong.add(where + "a column blamed or no place: " + msg);
                        continue;
                    }
                    int at = Integer.parseInt(m.group(1));
                    long[] place = lineAndColumn(bytes, at);
                    long line = place[0];
                    long column = place[1];
                    if (at < damagedAt || at >= streamTo || e.line().orElse(-1) != line
                            || e.column().orElse(-1) != column) {
                        wrong.add(where + "damage at byte " + damagedAt + ", reported at line " + e.line().orElse(-1)
                                + " column " + e.column().orElse(-1) + " (byte " + at + " is at line " + line
                                + " column " + column + "): " + msg);
                    }
                }
            }
        }
        assertTrue(found > tried / 4, "found by the inflater: " + found + " of " + tried);
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + tried + " wrong:\n" + String.join("\n", wrong));
    }

    /**
     * A byte that is no VOTable boolean inside a {@code boolean[5]} cell (or a scalar boolean):
     * placed at the character that encodes that very byte, not the cell's first.
     */
    @ParameterizedTest
    @EnumSource(value = Serialization.class, names = {"BINARY", "BINARY2"})
    void aByteThatIsNoBooleanIsReportedWhereItIs(Serialization s) throws IOException {
        TableMetadata meta = TableMetadata.builder().name("t")
                .field(Field.builder("id", "long").build())
                .field(Field.builder("flags", "boolean").arraysize("5").build())
                .field(Field.builder("b", "boolean").build())
                .build();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            rows.add(Row.of((long) i, new boolean[] {i % 2 == 0, i % 3 == 0, true, false, i % 5 == 0}, i % 7 == 0));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VOTableWriter.of(s).write(meta, rows, out);
        String text = new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
        int from = text.indexOf('>', text.indexOf("<STREAM")) + 1;
        int to = text.indexOf("</STREAM>");
        String stream = text.substring(from, to);
        byte[] data = Base64.getMimeDecoder().decode(stream);
        int rowBytes = (s == Serialization.BINARY2 ? 1 : 0) + 8 + 5 + 1;
        assertTrue(data.length == 400 * rowBytes, "row size " + data.length);
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (int r = 0; r < 400; r += 7) {
            int cell = r * rowBytes + (s == Serialization.BINARY2 ? 1 : 0) + 8;
            int j = r % 6; // the five elements, then the scalar after them
            byte[] bad = data.clone();
            bad[cell + j] = 'x';
            String damaged = text.substring(0, from) + spliced(stream, bad) + text.substring(to);
            long k = (long) (cell + j) / 3 * 4 + (cell + j) % 3;
            tried += check(s + " row " + (r + 1) + " byte " + j + " of the flags", damaged.getBytes(
                    StandardCharsets.ISO_8859_1), digit(damaged, from, k), Integer.toString(r + 1),
                    "byte 0x78 is not a VOTable boolean", true, wrong);
        }
        assertTrue(tried > 200, "damaged readings: " + tried);
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + tried + " wrong:\n" + String.join("\n", wrong));
    }

    /** The document with its STREAM text laid out another way (the same base64 characters). */
    private static String laidOut(String doc, Layout layout) {
        int from = doc.indexOf('>', doc.indexOf("<STREAM")) + 1;
        int to = doc.indexOf("</STREAM>");
        String stream = doc.substring(from, to);
        switch (layout) {
            case CRLF:
                stream = stream.replace("\n", "\r\n");
                break;
            case INDENTED:
                stream = stream.replace("\n", "\n  \t");
                break;
            case COMMENT:
                int second = stream.indexOf('\n', 1);
                stream = stream.substring(0, second) + "<!-- a comment -->" + stream.substring(second);
                break;
            default:
                break;
        }
        return doc.substring(0, from) + stream + doc.substring(to);
    }

    /** The STREAM text with its base64 characters replaced by those of other data of the same length. */
    private static String spliced(String stream, byte[] data) {
        String digits = Base64.getEncoder().encodeToString(data);
        StringBuilder sb = new StringBuilder(stream.length());
        int d = 0;
        boolean inComment = false;
        for (int i = 0; i < stream.length(); i++) {
            char c = stream.charAt(i);
            if (stream.startsWith("<!--", i)) {
                inComment = true;
            }
            if (!inComment && c > ' ') {
                c = digits.charAt(d++);
            }
            if (inComment && c == '>') {
                inComment = false;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The index in doc of the k-th (0-based) base64 digit of the STREAM text that starts at from. */
    private static int digit(String doc, int from, long k) {
        long seen = 0;
        boolean inComment = false;
        for (int i = from;; i++) {
            char c = doc.charAt(i);
            if (doc.startsWith("<!--", i)) {
                inComment = true;
            }
            if (!inComment && c > ' ' && c != '=') {
                if (seen++ == k) {
                    return i;
                }
            }
            if (inComment && c == '>') {
                inComment = false;
            }
        }
    }

    /**
     * An element where the table has none (a fifth TD for four FIELDs, an unknown element in a TR):
     * found by the reader at the parser's start tag, and placed at its {@code <} with the exact byte
     * (the parser's place found again in the bytes the tap keeps), whether the rows before were read
     * raw or by the parser.
     */
    @Test
    void anElementOutOfPlaceIsReportedAtItsStartTag() throws IOException {
        String text = new String(document(Serialization.TABLEDATA), StandardCharsets.ISO_8859_1);
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        int row = 0;
        for (int end = text.indexOf("</TR>"); end >= 0; end = text.indexOf("</TR>", end + 1)) {
            row++;
            String[][] inserts = {{"<TD>9</TD>", "more TD cells than the 4 FIELDs"}, {"<XX/>", "unexpected <XX> in TR"}};
            for (String[] insert : inserts) {
                byte[] bad = (text.substring(0, end) + insert[0] + text.substring(end)).getBytes(
                        StandardCharsets.ISO_8859_1);
                tried += check("TABLEDATA row " + row + " " + insert[0], bad, end, Integer.toString(row), insert[1],
                        false, wrong);
            }
        }
        assertTrue(tried > 400, "damaged readings: " + tried);
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + tried + " wrong:\n" + String.join("\n", wrong));
    }

    /**
     * A FIELD whose datatype or arraysize is no VOTable one: placed at the first character of the
     * attribute's value (the start tag found again in the bytes the tap keeps), in each
     * serialization, whether the value is quoted with {@code "} or {@code '}.
     */
    @ParameterizedTest
    @EnumSource(Serialization.class)
    void aFieldThatIsNoVoTableOneIsReportedAtTheValueAtFault(Serialization s) throws IOException {
        String text = new String(document(s), StandardCharsets.ISO_8859_1);
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (int field = text.indexOf("<FIELD"); field >= 0; field = text.indexOf("<FIELD", field + 1)) {
            int tagEnd = text.indexOf('>', field);
            for (String attr : new String[] {"datatype", "arraysize"}) {
                int a = text.indexOf(" " + attr + "=\"", field);
                if (a < 0 || a > tagEnd) {
                    continue;
                }
                int value = a + attr.length() + 3;
                for (boolean single : new boolean[] {false, true}) {
                    String damaged = text.substring(0, value) + "x" + text.substring(value);
                    if (single) {
                        int close = damaged.indexOf('"', value);
                        damaged = damaged.substring(0, value - 1) + "'" + damaged.substring(value, close) + "'"
                                + damaged.substring(close + 1);
                    }
                    String says = attr.equals("datatype") ? "not a VOTable datatype" : "not a valid arraysize";
                    tried += check(s + " " + attr + " of FIELD at " + field + (single ? " in '" : ""),
                            damaged.getBytes(StandardCharsets.ISO_8859_1), value, "none", says, false, wrong);
                }
            }
        }
        assertTrue(tried >= 48, "damaged readings: " + tried);
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + tried + " wrong:\n" + String.join("\n", wrong));
    }

    @Test
    void aNumberCellThatDoesNotParseIsReportedAtItsFirstCharacterThatCanBeInNoNumber() throws IOException {
        byte[] doc = document(Serialization.TABLEDATA);
        String text = new String(doc, StandardCharsets.ISO_8859_1);
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        int row = 0;
        for (int tr = text.indexOf("<TR>"); tr >= 0; tr = text.indexOf("<TR>", tr + 1)) {
            row++;
            int td = tr;
            for (int c = 0; c < 4; c++) {
                td = text.indexOf("<TD", td + 1);
                int start = text.indexOf('>', td) + 1;
                int end = text.indexOf("</TD>", start);
                if (c != 0 && c != 2 || end < start) {
                    continue; // the number columns: id (long) and x (double)
                }
                for (int p = start; p < end; p++) {
                    byte[] bad = doc.clone();
                    bad[p] = (byte) (p % 2 == 0 ? '*' : 'x'); // 'x' would be right after a leading 0
                    if (bad[p] == 'x' && p == start + 1 && doc[start] == '0' && c == 0) {
                        continue;
                    }
                    String column = c == 0 ? "column 1 'id'" : "column 3 'x'";
                    tried += check("TABLEDATA row " + row + " byte " + p, bad, p, Integer.toString(row), column,
                            false, wrong);
                }
            }
        }
        assertTrue(tried > 1000, "damaged readings: " + tried);
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + tried + " wrong:\n" + String.join("\n", wrong));
    }

    /**
     * Reads a damaged document every way and checks the place of the failure.
     *
     * @param at the byte the failure must name
     * @param row the row it must name, "none" for none
     * @param says what the message must say
     * @param hints whether it may give a layout hint (never for damage of the text itself)
     * @return the readings made
     */
    private static int check(String what, byte[] bad, int at, String row, String says, boolean hints,
            List<String> wrong) {
        long[] place = lineAndColumn(bad, at);
        String expected = "line " + place[0] + " column " + place[1] + " byte " + at + " row " + row;
        int tried = 0;
        for (boolean raw : new boolean[] {true, false}) {
            for (int chunk : new int[] {1 << 20, 7}) {
                tried++;
                String where = what + " raw " + raw + " chunk " + chunk + ": ";
                ProtocolViolationException e = failure(bad, raw, chunk);
                if (e == null) {
                    wrong.add(where + "read without failing");
                    continue;
                }
                Matcher m = AT_BYTE.matcher(e.getMessage());
                Matcher r = IN_ROW.matcher(e.getMessage());
                String got = "line " + e.line().orElse(-1) + " column " + e.column().orElse(-1) + " byte "
                        + (m.find() ? m.group(1) : "?") + " row " + (r.find() ? r.group(1) : "none");
                // damage of the text is no layout matter: no hint about layouts or column sizes
                boolean hinted = e.getMessage().contains("Binary2Layout") || e.getMessage().contains("mis-sized");
                if (!got.equals(expected) || !e.getMessage().contains(says) || hinted && !hints) {
                    wrong.add(where + "expected " + expected + " (" + says + "), got " + got + " in: " + e.getMessage());
                }
            }
        }
        return tried;
    }

    /**
     * The line and column (in UTF-16 units, as XML parsers count) of a byte of a UTF-8 document
     * whose lines end in LF (a CR counts as a character of the line it ends).
     */
    private static long[] lineAndColumn(byte[] doc, int at) {
        long line = 1;
        long column = 1;
        for (int i = 0; i < at; i++) {
            int c = doc[i] & 0xff;
            if (c == '\n') {
                line++;
                column = 1;
            } else if ((c & 0xC0) != 0x80) {
                column += c >= 0xF0 ? 2 : 1;
            }
        }
        return new long[] {line, column};
    }

    /** Where each row of the decoded BINARY or BINARY2 stream of {@link #document} ends. */
    private static List<Long> rowEnds(Serialization s, byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data);
        List<Long> ends = new ArrayList<>();
        while (b.hasRemaining()) {
            if (s == Serialization.BINARY2) {
                b.get(); // the null flags of four columns
            }
            b.getLong();
            int units = b.getInt();
            b.position(b.position() + 2 * units);
            b.getDouble();
            int chars = b.getInt();
            b.position(b.position() + chars);
            ends.add((long) b.position());
        }
        return ends;
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
