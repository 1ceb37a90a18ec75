// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.testing.Fixtures;
import io.cadc4j.votable.GeneratedTables;
import io.cadc4j.votable.ParserLimits;
import io.cadc4j.votable.Serialization;
import io.cadc4j.votable.VOTableWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * TABLEDATA rows taken straight from the bytes (RawTableData) read exactly as the parser reads
 * them: the same cells, the same failures at the same row, line and column, at any chunking of
 * the input; and whatever the raw reading does not handle goes back to the parser from the start
 * of its row.
 */
class RawTableDataTest {
    private static final int[] CHUNKS = {Integer.MAX_VALUE, 8192, 1000, 77, 7, 1};

    /** The raw reading equals the parser's at every chunking; returns the unchunked raw reading. */
    private static Reading assertSameAsParser(byte[] doc) {
        String expected = Reading.of(doc, false, Integer.MAX_VALUE).text;
        Reading whole = null;
        for (int chunk : CHUNKS) {
            Reading r = Reading.of(doc, true, chunk);
            assertThat(r.text).as("chunks of %d bytes", chunk).isEqualTo(expected);
            if (whole == null) {
                whole = r;
            }
        }
        return whole;
    }

    /** A reading with the location of a failure left out: line, column and the parser's own offsets. */
    private static String withoutLocation(String reading) {
        return reading.replaceAll("at char #\\d+, byte #\\d+", "").replaceAll(" \\[at byte \\d+ of the document\\]", "")
                .replaceAll(" \\(line \\d+, column \\d+\\) @.*", "");
    }

    /** The failure of a reading without its location and row, or "no failure". */
    private static String reason(String reading) {
        int e = reading.lastIndexOf("Exception: ");
        if (e < 0) {
            return "no failure";
        }
        return withoutLocation(reading.substring(reading.lastIndexOf('\n', e) + 1)).replaceAll(" \\[in row.*", "");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A small table of three columns (char*, double, int) with the rows given as TABLEDATA body text. */
    private static String doc(String prefixDecl, String p, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + p + "VOTABLE version=\"1.4\"" + prefixDecl + ">\n<" + p
                + "RESOURCE type=\"results\">\n<" + p + "TABLE>\n<" + p + "FIELD name=\"s\" datatype=\"char\" arraysize=\"*\"/>\n<"
                + p + "FIELD name=\"d\" datatype=\"double\"/>\n<" + p + "FIELD name=\"i\" datatype=\"int\"/>\n<" + p + "DATA><"
                + p + "TABLEDATA>" + body + "</" + p + "TABLEDATA></" + p + "DATA>\n</" + p + "TABLE>\n<" + p
                + "INFO name=\"QUERY_STATUS\" value=\"OK\"/>\n</" + p + "RESOURCE>\n</" + p + "VOTABLE>\n";
    }

    private static String doc(String body) {
        return doc("", "", body);
    }

    private static byte[] generated(Serialization s, long seed, int count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VOTableWriter.of(s).write(GeneratedTables.metadata(), GeneratedTables.asRows(GeneratedTables.rows(seed, count)),
                out);
        return out.toByteArray();
    }

    @Test
    void takesEveryRowOfAGeneratedTableRawAndReadsTheSameCellsAtAnyChunking() throws IOException {
        byte[] doc = generated(Serialization.TABLEDATA, 7, 1500);

        Reading r = assertSameAsParser(doc);

        assertThat(r.rawRows).isEqualTo(1500);
        assertThat(r.text).doesNotContain("Exception");
        assertThat(r.text.lines().count()).isEqualTo(1501);
    }

    @Test
    void keepsTheParserOnTheRowsWhenNotAskedTo() throws IOException {
        assertThat(Reading.of(generated(Serialization.TABLEDATA, 7, 10), false, Integer.MAX_VALUE).rawRows).isZero();
    }

    @Test
    void readsEveryFixtureDocumentAsTheParserDoes() throws IOException {
        List<Path> docs;
        try (Stream<Path> files = Files.walk(Fixtures.dir())) {
            docs = files.filter(f -> f.toString().endsWith(".xml")).sorted().collect(Collectors.toList());
        }
        long taken = 0;
        int withRows = 0;
        for (Path f : docs) {
            byte[] doc = Files.readAllBytes(f);
            // a failure inside a base64 STREAM is located only at the parser's text event (RawStreamTest)
            boolean stream = text(doc).contains("STREAM");
            String expected = Reading.of(doc, false, Integer.MAX_VALUE).text;
            for (int chunk : new int[] {Integer.MAX_VALUE, 333, 1}) {
                Reading r = Reading.of(doc, true, chunk);
                assertThat(stream ? withoutLocation(r.text) : r.text).as("%s in chunks of %d bytes", f.getFileName(),
                        chunk).isEqualTo(stream ? withoutLocation(expected) : expected);
                if (chunk == 1) {
                    taken += r.rawRows;
                    withRows += r.rawRows > 0 ? 1 : 0;
                }
            }
        }
        // the fixtures hold TABLEDATA results from DaCHS, CADC and pyvo: most rows are taken raw
        assertThat(withRows).isGreaterThan(10);
        assertThat(taken).isGreaterThan(100);
    }

    @Test
    void takesPrefixedTagsLineEndsReferencesAndMultiByteTextRaw() {
        String rows = "\r\n  <vot:TR >\r\n    <vot:TD>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;</vot:TD>"
                + "<vot:TD>1.5</vot:TD><vot:TD>3</vot:TD></vot:TR>\r"
                + "<vot:TR><vot:TD>\u00e9\u20ac\ud83d\ude00 &#233;&#x20AC;&#x1F600; x]y]]z > \u007f</vot:TD>"
                + "<vot:TD\t/><vot:TD /></vot:TR>\n"
                + "<vot:TR><vot:TD>line\r\nbreaks\rand\ttabs\n</vot:TD><vot:TD> -2e3 </vot:TD></vot:TR>"
                + "<vot:TR><vot:TD></vot:TD><vot:TD>NaN</vot:TD><vot:TD>\n7\n</vot:TD ></vot:TR>";
        byte[] doc = bytes(doc(" xmlns:vot=\"http://www.ivoa.net/xml/VOTable/v1.3\"", "vot:", rows));

        Reading r = assertSameAsParser(doc);

        assertThat(r.rawRows).isEqualTo(4);
        assertThat(r.text).startsWith("a & b <c> \"d\" 'e'|1.5|3|\n"
                + "\u00e9\u20ac\ud83d\ude00 \u00e9\u20ac\ud83d\ude00 x]y]]z > \u007f|null|null|\n"
                + "line\nbreaks\nand\ttabs\n|-2000.0|null|\n"
                + "null|null|7|\n");
    }

    @Test
    void handsOddRowsBackToTheParserFromTheirStart() {
        String plain = "<TR><TD>a</TD><TD>1</TD><TD>1</TD></TR>\n";
        String[] odd = {
            "<!-- a comment --><TR><TD>b</TD></TR>",
            "<TR><TD><![CDATA[b<>]]></TD></TR>",
            "<TR><TD encoding=\"base64\">AAAAAWI=</TD></TR>",
            "<TR ID=\"r2\"><TD>b</TD></TR>",
            "<TR/>",
            "<TR><TD>b</TD><?pi x?></TR>",
            "<TR><TD\n>b</TD></TR>",
            "<TR>text<TD>b</TD></TR>",
            "<TR><TD>&#65;&#x42;&#1114111;&#x10FFFF;</TD><TD>&#x20;2</TD></TR>",
        };
        for (String o : odd) {
            byte[] doc = bytes(doc(plain + plain + o + "\n" + plain));

            Reading r = assertSameAsParser(doc);

            assertThat(r.text).as(o).doesNotContain("Exception");
            assertThat(r.rawRows).as(o).isEqualTo(o.startsWith("<TR><TD>&#65;") ? 4 : 2);
        }
    }

    @Test
    void failsAtTheSameRowLineAndColumnAsTheParser() {
        // rows with line ends, and all on one line with multi-byte text (columns count UTF-16 units)
        failsAsTheParserAfter("<TR><TD>a</TD><TD>1</TD><TD>1</TD></TR>\n  ");
        failsAsTheParserAfter("<TR><TD>a\u00e9\u20ac\ud83d\ude00&amp;</TD><TD>1</TD><TD>1</TD></TR>");
    }

    private static void failsAsTheParserAfter(String plain) {
        String[] bad = {
            "<TR><TD>b</TD><TD>1.2.3</TD></TR>",
            "<TR><TD>b</TD><TD>1</TD><TD>99999999999</TD></TR>",
            "<TR><TD>b</TD><TD>1</TD><TD>2</TD><TD>3</TD></TR>",
            "<TR><TD>b]]>c</TD></TR>",
            "<TR><TD>b\u0001c</TD></TR>",
            "<TR><TD>b&undeclared;c</TD></TR>",
            "<TR><TD>b&#0;c</TD></TR>",
            "<TR><TD>b&#xFFFE;c</TD></TR>",
            "<TR><TD>b&amp c</TD></TR>",
            "<TR><TD>b</TR>",
            "<TR><TD>b</TD><X/></TR>",
            "<TR><TD>b<X/></TD></TR>",
            "<XR><TD>b</TD></XR>",
        };
        for (String b : bad) {
            byte[] doc = bytes(doc(plain + plain + b + "\n" + plain));

            Reading r = assertSameAsParser(doc);

            assertThat(r.text).as(b).contains("Exception");
            assertThat(r.rawRows).as(b).isEqualTo(2);
        }
    }

    @Test
    void keepsLineAndColumnWhenTheTagSpansLinesOrTheDocumentIsOneLine() {
        String rows = "<TR><TD>a</TD><TD>1</TD></TR>\n<TR><TD>\u00e9</TD></TR><TR><TD>b</TD><TD>x</TD></TR>";
        String multiLineTag = doc(rows).replace("<TABLEDATA>", "<TABLEDATA\r\n   \n>");
        String oneLine = "\ufeff" + doc(rows.replace("\n", "")).replace("\n", "");
        String endsAfterRows = doc(rows.substring(0, rows.indexOf("<TR><TD>b"))).replace("</TABLEDATA>", "");

        for (String d : new String[] {multiLineTag, oneLine, endsAfterRows}) {
            Reading r = assertSameAsParser(bytes(d));

            assertThat(r.text).contains("Exception");
            assertThat(r.rawRows).isEqualTo(2);
        }
    }

    @Test
    void handsMalformedUtf8BackToTheParser() {
        String head = doc("<TR><TD>a</TD></TR>\n<TR><TD>@</TD></TR>");
        int at = head.indexOf('@');
        byte[][] bad = {{(byte) 0xC3}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xFF}, {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF}};
        for (byte[] seq : bad) {
            byte[] prefix = bytes(head.substring(0, at));
            byte[] suffix = bytes(head.substring(at + 1));
            byte[] doc = new byte[prefix.length + seq.length + suffix.length];
            System.arraycopy(prefix, 0, doc, 0, prefix.length);
            System.arraycopy(seq, 0, doc, prefix.length, seq.length);
            System.arraycopy(suffix, 0, doc, prefix.length + seq.length, suffix.length);

            // Woodstox decodes a buffer ahead, so the parser alone may fail before the first row:
            // the reason is the same, the rows before it may not be
            String expected = reason(Reading.of(doc, false, Integer.MAX_VALUE).text);
            for (int chunk : CHUNKS) {
                Reading r = Reading.of(doc, true, chunk);
                assertThat(reason(r.text)).as("chunks of %d", chunk).isEqualTo(expected);
                assertThat(r.rawRows).isEqualTo(1);
            }
        }
    }

    @Test
    void failsAsTheParserWhenTheDocumentEndsInsideARow() throws IOException {
        String doc = text(generated(Serialization.TABLEDATA, 3, 300));
        int end = doc.indexOf("</TABLEDATA>");
        for (int cut : new int[] {end - 1, end - 6, end - 300, end - 3000, doc.indexOf("<TABLEDATA>") + 11}) {
            Reading r = assertSameAsParser(bytes(doc.substring(0, cut)));

            assertThat(r.text).contains("ProtocolViolationException");
        }
        assertThat(assertSameAsParser(bytes(doc.substring(0, end - 3000))).rawRows).isPositive();
    }

    @Test
    void reportsAFailureOfTheInputMidRowsAsATransportFailureAfterTheRowsRead() throws IOException {
        for (Serialization s : new Serialization[] {Serialization.TABLEDATA, Serialization.BINARY2}) {
            byte[] doc = generated(s, 11, 400);
            List<String> whole = new ArrayList<>();
            readRows(doc, doc.length + 1, true, whole);
            for (boolean raw : new boolean[] {true, false}) {
                for (int failAt : new int[] {doc.length / 3, doc.length - 200}) {
                    List<String> got = new ArrayList<>();

                    Throwable t = readRows(doc, failAt, raw, got);

                    assertThat(t).as("%s raw=%s", s, raw).isInstanceOf(io.cadc4j.core.TransportException.class)
                            .hasMessageContaining("reading the VOTable from test:failing failed after row "
                                    + got.size() + ": connection reset")
                            .hasRootCauseMessage("connection reset");
                    // the rows before the failure are the table's first rows, whole
                    assertThat(got).isNotEmpty().isEqualTo(whole.subList(0, got.size()));
                }
            }
        }
    }

    /** Reads rows as text into out until the input fails at byte failAt; returns the failure, or null. */
    private static Throwable readRows(byte[] doc, int failAt, boolean raw, List<String> out) {
        java.io.InputStream failing = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(doc)) {
            private int pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= failAt) {
                    throw new IOException("connection reset");
                }
                int n = super.read(b, off, Math.min(len, Math.min(500, failAt - pos)));
                pos += Math.max(n, 0);
                return n;
            }
        };
        try (VOTableCursor c = new VOTableCursor(Reading.woodstox(), failing,
                java.net.URI.create("test:failing"), ParserLimits.defaults(), io.cadc4j.votable.Binary2Layout.STANDARD,
                null, false, raw)) {
            while (c.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 0; i < c.columnCount(); i++) {
                    row.append(c.getString(i)).append('|');
                }
                out.add(row.toString());
            }
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void readsRowsLongerThanItsBufferThroughTheParser() {
        String longCell = "x".repeat(70_000);
        String rows = "<TR><TD>a</TD></TR><TR><TD>" + longCell + "</TD></TR><TR><TD>c</TD></TR>";

        Reading r = assertSameAsParser(bytes(doc(rows)));

        assertThat(r.rawRows).isEqualTo(1);
        assertThat(r.text).contains(longCell + "|null|null|\nc|");
    }

    @Test
    void leavesCellsOverTheCharacterLimitToTheParser() {
        ParserLimits limits = ParserLimits.builder().maxCellCharacters(300).build();
        String rows = "<TR><TD>a</TD></TR><TR><TD>" + "y".repeat(500) + "</TD></TR>";
        byte[] doc = bytes(doc(rows));

        Reading raw = Reading.of(doc, true, 64, limits);

        // where the parser stands inside a long text when it stops depends on how the text came
        assertThat(reason(raw.text)).isEqualTo(reason(Reading.of(doc, false, 64, limits).text))
                .contains("a cell of more than 300 characters");
        assertThat(raw.text).startsWith("a|null|null|\n").contains("[in row 2 of the table]");
        assertThat(raw.rawRows).isEqualTo(1);
    }

    @Test
    void readsTheResultsTableRawWhenAnotherTableDataComesFirst() {
        String first = "<RESOURCE type=\"meta\"><TABLE><FIELD name=\"m\" datatype=\"int\"/><DATA><TABLEDATA>"
                + "<TR><TD>5</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE>\n";
        String d = doc("<TR><TD>a</TD><TD>1</TD><TD>2</TD></TR><TR><TD>b</TD></TR>")
                .replace("<RESOURCE type=\"results\">", first + "<RESOURCE type=\"results\">");

        Reading r = assertSameAsParser(bytes(d));

        assertThat(r.rawRows).isEqualTo(2);
        assertThat(r.text).startsWith("a|1.0|2|\nb|null|null|\n");
    }

    @Test
    void doesNotTakeATableDataTagSeenInACommentOrAttributeBeforeTheRealOne() {
        String d = doc("<TR><TD>a</TD><TD>1</TD><TD>2</TD></TR>")
                .replace("<TABLE>", "<TABLE><!-- <TABLEDATA><TR><TD>no</TD></TR> --><DESCRIPTION>&lt;TABLEDATA>"
                        + "<![CDATA[<TABLEDATA><TR>]]></DESCRIPTION><?pi <TABLEDATA>?>");

        Reading r = assertSameAsParser(bytes(d));

        assertThat(r.rawRows).isEqualTo(1);
        assertThat(r.text).startsWith("a|1.0|2|\nfalse");
    }

    @Test
    void endsExactlyAsTheParserPathForRandomDamageAnywhereInTheRows() throws IOException {
        String doc = text(generated(Serialization.TABLEDATA, 5, 200));
        int from = doc.indexOf("<TABLEDATA>") + 11;
        int to = doc.indexOf("</TABLEDATA>");
        String[] damage = {"<", ">", "&", ";", "&amp;", "&#65;", "<!--c-->", "<![CDATA[x]]>", "\u00e9", "\r", "\r\n",
            "\n", " ", "\t", "]]>", "<TD>", "</TD>", "<TR>", "</TR>", "<TD/>", "x", "1", "-", ".", "e", "<X/>", "\"",
            "\u0000", "\u00ff"};
        Random random = new Random(13);
        long taken = 0;
        int failures = 0;
        for (int k = 0; k < 150; k++) {
            int at = from + random.nextInt(to - from);
            String d = damage[random.nextInt(damage.length)];
            String changed = doc.substring(0, at) + d + doc.substring(at);
            if (random.nextInt(4) == 0) {
                // and a cut somewhere after the damage
                changed = changed.substring(0, at + d.length() + random.nextInt(changed.length() - at - d.length()));
            }
            byte[] b = bytes(changed);
            String expected = Reading.of(b, false, Integer.MAX_VALUE).text;
            failures += expected.contains("Exception") ? 1 : 0;
            for (int chunk : new int[] {Integer.MAX_VALUE, 4096, 77, 3}) {
                Reading r = Reading.of(b, true, chunk);
                assertThat(r.text).as("%s at %d, chunks of %d", d, at, chunk).isEqualTo(expected);
                taken += r.rawRows;
            }
        }
        // damage of every kind was met, and the rows before it were taken raw
        assertThat(failures).isBetween(30, 140);
        assertThat(taken).isGreaterThan(150L * 4 * 200 / 3);
    }

    @Test
    void readsARealCaom2ShapedRowWithEveryColumnKindRaw() throws IOException {
        TableMetadata meta = TableMetadata.builder().name("t")
                .field(Field.builder("uri", "char").arraysize("*").build())
                .field(Field.builder("ra", "double").build())
                .field(Field.builder("n", "long").build())
                .field(Field.builder("ok", "boolean").build())
                .field(Field.builder("poly", "double").arraysize("*").xtype("polygon").build())
                .field(Field.builder("t", "char").arraysize("*").xtype("timestamp").build())
                .build();
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of("ivo://cadc.nrc.ca/CFHT?2366432/2366432o", 210.8, 2366432L, true,
                new double[] {1, 2, 3, 4, 5, 6, 7, 8}, "2009-06-13T04:12:18.123"));
        rows.add(Row.of(null, null, null, null, null, null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VOTableWriter.of(Serialization.TABLEDATA).write(meta, rows, out);

        Reading r = assertSameAsParser(out.toByteArray());

        assertThat(r.rawRows).isEqualTo(2);
        assertThat(r.text).startsWith("ivo://cadc.nrc.ca/CFHT?2366432/2366432o|210.8|2366432|T|"
                + "1.0 2.0 3.0 4.0 5.0 6.0 7.0 8.0|2009-06-13T04:12:18.123|\nnull|null|null|null|null|null|\n");
    }
}
