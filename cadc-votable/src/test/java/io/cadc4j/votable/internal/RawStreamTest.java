// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.votable.Serialization;
import io.cadc4j.votable.VOTableWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The base64 STREAM text taken straight from the bytes (RawTap) gives exactly what the parser's
 * text events give: the same rows, the same failures at the same line and column, whatever the
 * chunking of the input and whatever else the STREAM holds.
 */
class RawStreamTest {
    private static final int ROWS = 2_000;

    /** The raw reading equals the parser's reading at every chunking; returns the raw reading. */
    private static Reading read(byte[] doc, boolean raw, int chunk) {
        return Reading.of(doc, raw, chunk);
    }

    private static Reading assertSameAsParser(byte[] doc) {
        String expected = read(doc, false, Integer.MAX_VALUE).text;
        Reading whole = null;
        for (int chunk : new int[] {Integer.MAX_VALUE, 8192, 1000, 77, 7, 1}) {
            Reading r = read(doc, true, chunk);
            assertThat(r.text).as("chunks of %d bytes", chunk).isEqualTo(expected);
            if (whole == null) {
                whole = r;
            }
        }
        return whole;
    }

    /**
     * For a document that fails inside the STREAM: both ways fail with the same reason. How many
     * rows come first may differ, since either way the text is decoded a buffer ahead of the rows,
     * and the parser's location inside the STREAM text is only that of the text event.
     */
    private static String assertFailsAsParser(byte[] doc) {
        String expected = reason(read(doc, false, Integer.MAX_VALUE).text);
        for (int chunk : new int[] {Integer.MAX_VALUE, 8192, 77, 1}) {
            Reading r = read(doc, true, chunk);
            assertThat(reason(r.text)).as("chunks of %d bytes", chunk).isEqualTo(expected);
        }
        return expected;
    }

    private static String reason(String reading) {
        int e = reading.lastIndexOf("Exception: ");
        if (e < 0) {
            return "no failure";
        }
        int start = reading.lastIndexOf('\n', e) + 1;
        return reading.substring(start).replaceAll("^(\\w+Exception: )cannot decode the BINARY2 row [^:]*: ", "$1")
                .replaceAll(" \\(row began.*", "").replaceAll(" \\[in row.*", "");
    }

    private static byte[] binary2Document() throws IOException {
        TableMetadata meta = TableMetadata.builder().name("t")
                .field(Field.builder("id", "char").arraysize("*").build())
                .field(Field.builder("ra", "double").build())
                .field(Field.builder("n", "long").build())
                .field(Field.builder("ok", "boolean").build())
                .field(Field.builder("poly", "double").arraysize("*").build())
                .field(Field.builder("k", "int").build())
                .build();
        Random random = new Random(42);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            double[] poly = new double[random.nextInt(3) * 4];
            for (int j = 0; j < poly.length; j++) {
                poly[j] = random.nextDouble() * 360;
            }
            rows.add(Row.of(random.nextInt(10) == 0 ? null : "ivo://cadc.nrc.ca/CFHT?" + random.nextInt(),
                    random.nextInt(10) == 0 ? null : random.nextDouble(), random.nextLong(),
                    random.nextBoolean(), poly.length == 0 ? null : poly, random.nextInt()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VOTableWriter.of(Serialization.BINARY2).write(meta, rows, out);
        return out.toByteArray();
    }

    private static String text(byte[] doc) {
        return new String(doc, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String doc) {
        return doc.getBytes(StandardCharsets.UTF_8);
    }

    /** The document with the STREAM's text replaced. */
    private static String withStreamText(String doc, String encoding, String streamText) {
        int open = doc.indexOf("<STREAM");
        int start = doc.indexOf('>', open) + 1;
        int end = doc.indexOf("</STREAM>");
        String tag = doc.substring(open, start).replace("encoding=\"base64\"", "encoding=\"" + encoding + "\"");
        return doc.substring(0, open) + tag + streamText + doc.substring(end);
    }

    private static String streamText(String doc) {
        int start = doc.indexOf('>', doc.indexOf("<STREAM")) + 1;
        return doc.substring(start, doc.indexOf("</STREAM>"));
    }

    @Test
    void takesTheStreamRawAndReadsTheSameRowsAtAnyChunking() throws IOException {
        byte[] doc = binary2Document();

        Reading r = assertSameAsParser(doc);

        assertThat(r.text).hasLineCount(ROWS + 1).doesNotContain("Exception");
        assertThat(r.rawBytes).isGreaterThan(streamText(text(doc)).length() * 9L / 10);
    }

    @Test
    void keepsTheParserOnTheStreamWhenNotAskedTo() throws IOException {
        assertThat(read(binary2Document(), false, Integer.MAX_VALUE).rawBytes).isZero();
    }

    @Test
    void readsAStreamFollowedByTrailingInfos() throws IOException {
        String doc = text(binary2Document()).replace("</TABLE>", "<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/></TABLE>"
                + "<INFO name=\"after\" value=\"x\">text &amp; more</INFO>");

        Reading r = assertSameAsParser(bytes(doc));

        assertThat(r.text).doesNotContain("Exception").contains("\ntrue");
        assertThat(r.rawBytes).isPositive();
    }

    @Test
    void readsAGzipStream() throws IOException {
        String doc = text(binary2Document());
        byte[] data = Base64.getMimeDecoder().decode(streamText(doc));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(data);
        }
        String gzipDoc = withStreamText(doc, "gzip", Base64.getMimeEncoder().encodeToString(gz.toByteArray()));

        Reading r = assertSameAsParser(bytes(gzipDoc));

        assertThat(r.text).isEqualTo(read(bytes(doc), false, Integer.MAX_VALUE).text);
        assertThat(r.rawBytes).isPositive();
    }

    @Test
    void failsAtTheSameRowLineAndColumnWhenTruncatedInsideTheStream() throws IOException {
        String doc = text(binary2Document());
        int inStream = doc.indexOf("</STREAM>") - 5000;

        assertThat(assertFailsAsParser(bytes(doc.substring(0, inStream)))).contains("ProtocolViolationException");
        assertThat(read(bytes(doc.substring(0, inStream)), true, 1000).rawBytes).isPositive();
    }

    @Test
    void failsTheSameWhenTruncatedRightAfterTheStreamOrMidGroup() throws IOException {
        String doc = text(binary2Document());
        int end = doc.indexOf("</STREAM>");

        assertThat(assertSameAsParser(bytes(doc.substring(0, end + 9))).text).contains("ProtocolViolationException");
        assertThat(assertFailsAsParser(bytes(doc.substring(0, end - 2)))).contains("ProtocolViolationException");
        assertThat(assertFailsAsParser(bytes(doc.substring(0, doc.indexOf('>', doc.indexOf("<STREAM")) + 1))))
                .contains("ProtocolViolationException");
    }

    @Test
    void handsCommentsCdataAndReferencesInsideTheStreamBackToTheParser() throws IOException {
        String doc = text(binary2Document());
        String s = streamText(doc);
        int third = s.length() / 3;
        // a character reference for one base64 character, a comment, and a CDATA section
        String changed = s.substring(0, third) + "&#" + (int) s.charAt(third) + ";" + s.substring(third + 1, 2 * third)
                + "<!-- a comment -->" + "<![CDATA[" + s.substring(2 * third, 2 * third + 100) + "]]>"
                + s.substring(2 * third + 100);

        Reading r = assertSameAsParser(bytes(withStreamText(doc, "base64", changed)));

        assertThat(r.text).isEqualTo(read(bytes(doc), false, Integer.MAX_VALUE).text);
        assertThat(r.rawBytes).isBetween((long) third - 100, (long) third + 100);
    }

    @Test
    void reportsBadCharactersPaddingAndElementsInsideTheStreamAsTheParserPathDoes() throws IOException {
        String doc = text(binary2Document());
        String s = streamText(doc);
        int mid = s.length() / 2;

        assertThat(assertFailsAsParser(bytes(withStreamText(doc, "base64", s.substring(0, mid) + "*"
                + s.substring(mid))))).contains("invalid base64 character '*'");
        assertThat(assertFailsAsParser(bytes(withStreamText(doc, "base64", s.substring(0, mid) + "\u00e9"
                + s.substring(mid))))).contains("invalid base64 character");
        assertThat(assertFailsAsParser(bytes(withStreamText(doc, "base64", s.substring(0, mid) + "=A"
                + s.substring(mid))))).contains("ProtocolViolationException");
        assertThat(assertFailsAsParser(bytes(withStreamText(doc, "base64", s.substring(0, mid) + "<x/>"
                + s.substring(mid))))).contains("unexpected element <x>");
        assertThat(assertFailsAsParser(bytes(withStreamText(doc, "base64", s.substring(0, mid) + "&bogus;"
                + s.substring(mid))))).contains("ProtocolViolationException");
    }

    @Test
    void keepsLineAndColumnOfAFailureAfterTheStream() throws IOException {
        String doc = text(binary2Document()).replace("</DATA>", "</DATA><BROKEN a=>");

        Reading r = assertSameAsParser(bytes(doc));

        assertThat(r.text).contains("ProtocolViolationException").doesNotContain("OptionalLong.empty");
        assertThat(r.rawBytes).isPositive();
    }

    @Test
    void readsCrLfLinesAByteOrderMarkAndMultiByteTextBeforeTheStream() throws IOException {
        String doc = "\uFEFF" + text(binary2Document()).replace("\n", "\r\n")
                .replace("<TABLE", "<DESCRIPTION>caf\u00e9 \ud83d\ude00 \u4e2d</DESCRIPTION><TABLE");

        Reading r = assertSameAsParser(bytes(doc));

        assertThat(r.text).doesNotContain("Exception").hasLineCount(ROWS + 1);
        assertThat(r.rawBytes).isPositive();
    }

    @Test
    void doesNotTakeAStreamTagSeenInACommentOrAttributeBeforeTheRealOne() throws IOException {
        String doc = text(binary2Document()).replace("<BINARY2>", "<!-- <STREAM encoding=\"base64\"> --><BINARY2>")
                .replace("<TABLE", "<INFO name=\"x\" value=\"&lt;STREAM a='&gt;'&gt;\"/><TABLE");

        Reading r = assertSameAsParser(bytes(doc));

        assertThat(r.text).doesNotContain("Exception").hasLineCount(ROWS + 1);
    }

    /** The index in {@code s} of its k-th base64 character (0-based), whitespace not counted. */
    private static int nthBase64Char(String s, int k) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > ' ' && k-- == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("too short");
    }

    @Test
    void findsABadCharacterOrPaddingRightAtTheEdgeOfADecodedBlock() throws IOException {
        String doc = text(binary2Document());
        String s = streamText(doc);
        // the raw path hands the JDK's decoder blocks of 16,384 base64 characters
        for (int k : new int[] {16_383, 16_384, 16_385, 32_767, 32_768}) {
            int at = nthBase64Char(s, k);
            byte[] starred = bytes(withStreamText(doc, "base64", s.substring(0, at) + "*" + s.substring(at)));
            assertThat(assertFailsAsParser(starred)).as("'*' before base64 character %d", k)
                    .contains("invalid base64 character");
            // the characters before it were taken raw, in whole blocks
            assertThat(read(starred, true, Integer.MAX_VALUE).rawBytes).isGreaterThanOrEqualTo(16_384L);
            assertThat(assertFailsAsParser(bytes(withStreamText(doc, "base64", s.substring(0, at) + "=="
                    + s.substring(at))))).as("padding before base64 character %d", k)
                    .contains("ProtocolViolationException");
        }
    }

    @Test
    void readsLinesOfEveryLengthIndentedOrNotAndTextWithMoreSpaceThanBase64() throws IOException {
        String doc = text(binary2Document());
        String plain = streamText(doc).replaceAll("\\s", "");
        String expected = read(bytes(doc), false, Integer.MAX_VALUE).text;
        Random random = new Random(7);
        StringBuilder ragged = new StringBuilder("\n");
        StringBuilder airy = new StringBuilder();
        for (int i = 0; i < plain.length(); ) {
            int n = Math.min(plain.length() - i, 1 + random.nextInt(120));
            ragged.append(plain, i, i + n).append(random.nextBoolean() ? "\n" : "\r\n      ");
            i += n;
        }
        for (int i = 0; i < plain.length(); i++) {
            airy.append(plain.charAt(i)).append(i % 64 == 63 ? "\n" : "   ");
        }

        for (String text : List.of(ragged.toString(), airy.toString(), "\n" + plain + "\n")) {
            Reading r = assertSameAsParser(bytes(withStreamText(doc, "base64", text)));
            assertThat(r.text).isEqualTo(expected);
            assertThat(r.rawBytes).isPositive();
        }
    }

    @Test
    void endsExactlyAsTheParserPathForRandomDamageAnywhereInTheStream() throws IOException {
        String doc = text(binary2Document());
        String s = streamText(doc);
        String[] damage = {"*", "=", "==", " ", "\n", "\r\n", "&#65;", "<!--c-->", "<![CDATA[QUJD]]>", "\u00e9", "A",
            "<x/>", "\t", "&amp;", "AAAA"};
        Random random = new Random(11);
        long taken = 0;
        for (int k = 0; k < 40; k++) {
            int at = random.nextInt(s.length());
            String d = damage[random.nextInt(damage.length)];
            byte[] changed = bytes(withStreamText(doc, "base64", s.substring(0, at) + d + s.substring(at)));
            String expected = read(changed, false, Integer.MAX_VALUE).text;
            for (int chunk : new int[] {Integer.MAX_VALUE, 8192, 77}) {
                Reading raw = read(changed, true, chunk);
                taken += raw.rawBytes;
                String got = raw.text;
                if (reason(expected).equals("no failure")) {
                    assertThat(got).as("%s at %d, chunks of %d", d, at, chunk).isEqualTo(expected);
                } else {
                    assertThat(reason(got)).as("%s at %d, chunks of %d", d, at, chunk).isEqualTo(reason(expected));
                }
            }
        }
        // the raw path did the reading up to the damage (on average half a stream), not the parser
        assertThat(taken).isGreaterThan(40L * 3 * s.length() / 4);
    }
}
