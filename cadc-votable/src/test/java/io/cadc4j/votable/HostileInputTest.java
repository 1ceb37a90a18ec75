// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.testing.Fixtures.Chunking;
import io.cadc4j.testing.Fixtures;
import io.cadc4j.votable.ReadAll.Outcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Documents built to hurt a parser: each fails with a specific exception, never a hang, NPE or short result. */
class HostileInputTest {
    private static final String HEAD = "<?xml version=\"1.0\"?>\n<VOTABLE version=\"1.4\" "
            + "xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE><TABLE>";
    private static final String TAIL = "</TABLE></RESOURCE></VOTABLE>";

    private static Outcome read(String doc) {
        return read(doc, ParserLimits.defaults());
    }

    private static Outcome read(String doc, ParserLimits limits) {
        return ReadAll.read(VOTableReader.builder().limits(limits).build(),
                new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)));
    }

    private static String table(String fields, String rows) {
        return HEAD + fields + "<DATA><TABLEDATA>" + rows + "</TABLEDATA></DATA>" + TAIL;
    }

    private static String binary2(String fields, String base64) {
        return HEAD + fields + "<DATA><BINARY2><STREAM encoding=\"base64\">" + base64 + "</STREAM></BINARY2></DATA>"
                + TAIL;
    }

    @Test
    void refusesExternalEntitiesWithoutReadingThem() {
        String doc = "<?xml version=\"1.0\"?><!DOCTYPE VOTABLE [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + table("<FIELD name=\"a\" datatype=\"char\" arraysize=\"*\"/>", "<TR><TD>&xxe;</TD></TR>")
                        .substring(HEAD.indexOf("<VOTABLE"));
        assertThatThrownBy(() -> read(doc)).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("xxe").hasMessageNotContaining("root:");
    }

    @Test
    void refusesBillionLaughsQuickly() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE VOTABLE [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                dtd.append("&lol").append(i - 1).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]>");
        String doc = "<?xml version=\"1.0\"?>" + dtd + table("<FIELD name=\"a\" datatype=\"char\" arraysize=\"*\"/>",
                "<TR><TD>&lol9;</TD></TR>").substring(HEAD.indexOf("<VOTABLE"));
        assertThatThrownBy(() -> read(doc)).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("lol9");
    }

    @Test
    void skipsAnExternalDtdWithoutFetchingIt() {
        // the port is closed: fetching would fail the read
        String doc = "<?xml version=\"1.0\"?><!DOCTYPE VOTABLE SYSTEM \"http://127.0.0.1:1/VOTable.dtd\">"
                + table("<FIELD name=\"a\" datatype=\"int\"/>", "<TR><TD>7</TD></TR>").substring(HEAD.indexOf("<VOTABLE"));
        assertThat(read(doc).values.get(0)[0]).isEqualTo(7);
    }

    @Test
    void rejectsDocumentDeeperThanLimit() {
        String groups = "<GROUP>".repeat(100) + "</GROUP>".repeat(100);
        assertThatThrownBy(() -> read(table(groups + "<FIELD name=\"a\" datatype=\"int\"/>", "")))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("deeper than the limit of 64")
                .satisfies(e -> assertThat(((ProtocolViolationException) e).line()).isPresent());
    }

    @Test
    void rejectsCellLongerThanLimit() {
        ParserLimits limits = ParserLimits.builder().maxCellCharacters(1000).build();
        String doc = table("<FIELD name=\"a\" datatype=\"char\" arraysize=\"*\"/>",
                "<TR><TD>ok</TD></TR><TR><TD>" + "x".repeat(5000) + "</TD></TR>");
        assertThatThrownBy(() -> read(doc, limits)).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("more than 1000 characters").hasMessageContaining("row 2");
    }

    @Test
    void rejectsAttributeLongerThanLimit() {
        ParserLimits limits = ParserLimits.builder().maxAttributeLength(100).build();
        String doc = table("<FIELD name=\"" + "n".repeat(500) + "\" datatype=\"int\"/>", "");
        assertThatThrownBy(() -> read(doc, limits)).isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    void rejectsMoreFieldsThanLimit() {
        ParserLimits limits = ParserLimits.builder().maxFields(3).build();
        String doc = table("<FIELD name=\"a\" datatype=\"int\"/>".repeat(5), "");
        assertThatThrownBy(() -> read(doc, limits)).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("more FIELDs than the limit of 3");
    }

    @Test
    void rejectsArrayLongerThanLimitInTabledataAndBinary() {
        ParserLimits limits = ParserLimits.builder().maxArrayElements(5).build();
        String field = "<FIELD name=\"a\" datatype=\"double\" arraysize=\"*\"/>";
        assertThatThrownBy(() -> read(table(field, "<TR><TD>1 2 3 4 5 6 7</TD></TR>"), limits))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("exceed the limit 5");
        // a length prefix of 2^30 elements: refused before anything is allocated
        String b64 = Base64.getEncoder().encodeToString(new byte[] {0, 0x40, 0, 0, 0});
        assertThatThrownBy(() -> read(binary2(field, b64), limits)).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("over the array element limit 5");
    }

    @Test
    void rejectsTooManyMetadataElements() {
        ParserLimits limits = ParserLimits.builder().maxMetadataElements(50).build();
        String doc = table("<INFO name=\"x\" value=\"y\"/>".repeat(100) + "<FIELD name=\"a\" datatype=\"int\"/>", "");
        assertThatThrownBy(() -> read(doc, limits)).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("more than 50 metadata elements");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AAAA!AAA", "AAAA\u00e9AAA", "AA=A", "AAAA=AAAA"})
    void rejectsInvalidBase64(String stream) {
        String doc = binary2("<FIELD name=\"a\" datatype=\"int\"/>", stream);
        assertThatThrownBy(() -> read(doc)).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("base64");
    }

    @Test
    void rejectsBase64EndingInAnIncompleteGroup() {
        String doc = binary2("<FIELD name=\"a\" datatype=\"int\"/>", "AAAAAAAA AA");
        assertThatThrownBy(() -> read(doc)).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("incomplete group");
    }

    @Test
    void rejectsStreamEndingInsideARow() {
        // mask byte, then only 3 of the 4 bytes of the int
        String b64 = Base64.getEncoder().encodeToString(new byte[] {0, 0, 0, 0, 1, 0, 0, 0});
        String doc = binary2("<FIELD name=\"a\" datatype=\"int\"/>", b64);
        assertThatThrownBy(() -> read(doc)).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("ended").hasMessageContaining("row 2").hasMessageContaining("'a'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<FIELD name=\"a\" datatype=\"int\" arraysize=\"3\"/>|1 2",
        "<FIELD name=\"a\" datatype=\"int\" arraysize=\"3\"/>|1 2 3 4",
        "<FIELD name=\"a\" datatype=\"double\" arraysize=\"2x*\"/>|1 2 3",
        "<FIELD name=\"a\" datatype=\"floatComplex\"/>|1"})
    void rejectsWrongArraySizes(String spec) {
        String[] p = spec.split("\\|");
        assertThatThrownBy(() -> read(table(p[0], "<TR><TD>" + p[1] + "</TD></TR>")))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("elements")
                .hasMessageContaining("'a'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"int|12a", "int|3000000000", "short|70000", "unsignedByte|-1", "long|99999999999999999999",
        "double|1.2.3", "float|e5", "boolean|maybe", "bit|2", "long|0x", "double|--1"})
    void rejectsNumbersThatDoNotParse(String spec) {
        String[] p = spec.split("\\|");
        String doc = table("<FIELD name=\"a\" datatype=\"" + p[0] + "\"/>", "<TR><TD>1</TD></TR><TR><TD>" + p[1]
                + "</TD></TR>");
        if (p[0].equals("boolean")) {
            doc = doc.replace("<TD>1</TD>", "<TD>T</TD>");
        }
        String d = doc;
        assertThatThrownBy(() -> read(d)).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining(p[1]).hasMessageContaining("row 2");
    }

    @Test
    void rejectsUnknownDatatype() {
        assertThatThrownBy(() -> read(table("<FIELD name=\"a\" datatype=\"varchar\"/>", "")))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("varchar");
    }

    @Test
    void rejectsMoreCellsThanFields() {
        assertThatThrownBy(() -> read(table("<FIELD name=\"a\" datatype=\"int\"/>", "<TR><TD>1</TD><TD>2</TD></TR>")))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("more TD cells");
    }

    @Test
    void rejectsHtmlErrorPage() {
        assertThatThrownBy(() -> read("<html><body><h1>502 Bad Gateway</h1></body></html>"))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("root element is <html>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not xml at all", "<VOTABLE"})
    void rejectsEmptyAndNonXmlInput(String doc) {
        assertThatThrownBy(() -> read(doc)).isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    void refusesFitsSerializationClearly() {
        String doc = HEAD + "<FIELD name=\"a\" datatype=\"int\"/><DATA><FITS extnum=\"1\"><STREAM href=\"http://x/y.fits\"/>"
                + "</FITS></DATA>" + TAIL;
        assertThatThrownBy(() -> read(doc)).isInstanceOf(CadcException.class).hasMessageContaining("FITS")
                .hasMessageContaining("does not read");
    }

    /** A real document cut at every few bytes: each cut fails, naming where, never yielding a short table. */
    @ParameterizedTest
    @EnumSource(Serialization.class)
    void rejectsTruncationAtEveryPoint(Serialization s) throws IOException {
        List<Object[]> values = GeneratedTables.rows(99, 30);
        TableMetadata meta = GeneratedTables.metadata();
        byte[] whole = RoundTripTest.write(s, meta, GeneratedTables.asRows(values));
        String text = new String(whole, StandardCharsets.UTF_8);
        int end = text.lastIndexOf("</VOTABLE>") + "</VOTABLE>".length();
        int failures = 0;
        int step = Math.max(7, end / 150);
        for (int cut = 0; cut < end; cut += step) {
            byte[] part = java.util.Arrays.copyOf(whole, cut);
            Throwable t = null;
            try {
                ReadAll.read(VOTableReader.builder().build(), new ByteArrayInputStream(part));
            } catch (ProtocolViolationException e) {
                t = e;
                if (cut > whole.length / 2) {
                    assertThat(e.getMessage()).containsPattern("bytes into the document|\\[at byte \\d+ of the document\\]");
                }
            }
            assertThat(t).as("cut at byte %d of %d", cut, whole.length).isNotNull();
            failures++;
        }
        assertThat(failures).isGreaterThan(100);
    }

    @Test
    void namesTheRowWhereTabledataBreaksOff() throws IOException {
        List<Object[]> values = GeneratedTables.rows(5, 20);
        byte[] whole = RoundTripTest.write(Serialization.TABLEDATA, GeneratedTables.metadata(),
                GeneratedTables.asRows(values));
        String text = new String(whole, StandardCharsets.UTF_8);
        int cut = text.indexOf("<TR>", text.indexOf("<TR>") + 1) + 10;
        byte[] part = java.util.Arrays.copyOf(whole, cut);
        List<Row> seen = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (RowCursor c = VOTableReader.builder().build().open(new ByteArrayInputStream(part))) {
                while (c.next()) {
                    seen.add(c.snapshot());
                }
            }
        }).isInstanceOf(ProtocolViolationException.class).hasMessageContaining("row 2 of the table");
        assertThat(seen).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<FIELD name=\"a\" datatype=\"int\" arraysize=\"0\"/>"})
    void rejectsBinaryDataForRowsOfZeroBytesInsteadOfLoopingForever(String fields) {
        String doc = HEAD + fields + "<DATA><BINARY><STREAM encoding=\"base64\">AAAA</STREAM></BINARY></DATA>" + TAIL;
        assertThatThrownBy(() -> read(doc)).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("rows of zero bytes");
    }
}
