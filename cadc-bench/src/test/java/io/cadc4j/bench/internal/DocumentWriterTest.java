// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.bench.internal.DocumentWriter.Format;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class DocumentWriterTest {
    private static final int ROWS = 1_000;
    private static final int COLUMNS = Caom2Table.COLUMNS.size();

    @Test
    void tableDataIsWellFormedWithOneTdPerFieldAndAboutTenPercentNulls() throws Exception {
        List<List<String>> rows = tableDataRows(document(Format.TABLEDATA, Caom2Table.SEED));

        assertThat(COLUMNS).isBetween(38, 42);
        assertThat(rows).hasSize(ROWS).allSatisfy(row -> assertThat(row).hasSize(COLUMNS));
        assertThat(rows.get(0).get(1)).matches("ivo://cadc\\.nrc\\.ca/[A-Z]+\\?\\w+/\\w+");
        assertThat(rows.get(0).get(0)).startsWith("caom:" + rows.get(0).get(2) + "/");
        long nulls = rows.stream().flatMap(List::stream).filter(String::isEmpty).count();
        assertThat((double) nulls / (ROWS * COLUMNS)).isBetween(0.07, 0.13);
        int polygon = indexOf("position_bounds");
        assertThat(rows.stream().map(r -> r.get(polygon)).filter(p -> !p.isEmpty()))
                .allSatisfy(p -> assertThat(p.split(" ")).hasSize(8));
        int timestamp = indexOf("lastModified");
        assertThat(rows.get(0).get(timestamp)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
    }

    @Test
    void binary2DecodesToExactlyTheRowsOfTheTableData() throws Exception {
        List<List<String>> expected = tableDataRows(document(Format.TABLEDATA, Caom2Table.SEED));

        List<List<String>> decoded = binary2Rows(document(Format.BINARY2, Caom2Table.SEED));

        assertThat(decoded).hasSize(ROWS).isEqualTo(expected);
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        byte[] first = document(Format.BINARY2, Caom2Table.SEED);

        assertThat(document(Format.BINARY2, Caom2Table.SEED)).isEqualTo(first);
        assertThat(document(Format.BINARY2, Caom2Table.SEED + 1)).isNotEqualTo(first);
    }

    @Test
    void stilReadsTheSameTableFromBothFormats() throws IOException {
        StilConsumer stil = new StilConsumer();

        long tableData = stil.consume(new ByteArrayInputStream(document(Format.TABLEDATA, Caom2Table.SEED)));
        long binary2 = stil.consume(new ByteArrayInputStream(document(Format.BINARY2, Caom2Table.SEED)));

        assertThat(binary2).isEqualTo(tableData);
        assertThat(tableData).isNotEqualTo(stil.consume(new ByteArrayInputStream(
                document(Format.TABLEDATA, Caom2Table.SEED + 1))));
    }

    @Test
    void cadc4jReadsTheSameCellsAsStilFromBothFormats() throws IOException {
        long stil = new StilConsumer().consume(new ByteArrayInputStream(document(Format.TABLEDATA, Caom2Table.SEED)));
        Cadc4jConsumer cadc4j = new Cadc4jConsumer();

        long tableData = cadc4j.consume(new ByteArrayInputStream(document(Format.TABLEDATA, Caom2Table.SEED)));
        long binary2 = cadc4j.consume(new ByteArrayInputStream(document(Format.BINARY2, Caom2Table.SEED)));

        assertThat(tableData).isEqualTo(stil);
        assertThat(binary2).isEqualTo(stil);
    }

    @Test
    void blockMimeAndWoodstoxDecodesSeeTheSameBytes() throws IOException {
        byte[] doc = document(Format.BINARY2, Caom2Table.SEED);

        long block = new BlockBase64Decode().consume(new ByteArrayInputStream(doc));

        assertThat(new MimeBase64Decode().consume(new ByteArrayInputStream(doc))).isEqualTo(block);
        assertThat(new WoodstoxTypedBase64().consume(new ByteArrayInputStream(doc))).isEqualTo(block);
        assertThat(new BlockBase64Decode().consume(new ByteArrayInputStream(
                document(Format.BINARY2, Caom2Table.SEED + 1)))).isNotEqualTo(block);
    }

    @Test
    void bareScanReadsEveryCharacterOfTheText() throws IOException {
        byte[] doc = document(Format.TABLEDATA, Caom2Table.SEED);
        byte[] changed = doc.clone();
        int at = new String(doc, StandardCharsets.US_ASCII).lastIndexOf("</TD>") - 1;
        changed[at]++;

        long scan = new WoodstoxScan().consume(new ByteArrayInputStream(doc));

        assertThat(new WoodstoxScan().consume(new ByteArrayInputStream(changed))).isNotEqualTo(scan);
    }

    private static byte[] document(Format format, long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DocumentWriter.write(out, format, ROWS, seed);
        return out.toByteArray();
    }

    private static int indexOf(String name) {
        for (int i = 0; i < COLUMNS; i++) {
            if (Caom2Table.COLUMNS.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** The cells of every TR as text, read with the JDK's own StAX parser; empty for an empty TD. */
    private static List<List<String>> tableDataRows(byte[] doc) throws XMLStreamException {
        XMLStreamReader r = XMLInputFactory.newDefaultFactory().createXMLStreamReader(new ByteArrayInputStream(doc));
        List<List<String>> rows = new ArrayList<>();
        int fields = 0;
        while (r.hasNext()) {
            if (r.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = r.getLocalName();
            if (name.equals("FIELD")) {
                fields++;
            } else if (name.equals("TR")) {
                rows.add(new ArrayList<>());
            } else if (name.equals("TD")) {
                rows.get(rows.size() - 1).add(r.getElementText());
            }
        }
        assertThat(fields).isEqualTo(COLUMNS);
        return rows;
    }

    /** Every row of the BINARY2 STREAM, decoded by the VOTable 1.4 layout and written as TABLEDATA would be. */
    private static List<List<String>> binary2Rows(byte[] doc) throws XMLStreamException {
        XMLStreamReader r = XMLInputFactory.newDefaultFactory().createXMLStreamReader(new ByteArrayInputStream(doc));
        String base64 = null;
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("STREAM")) {
                assertThat(r.getAttributeValue(null, "encoding")).isEqualTo("base64");
                base64 = r.getElementText();
            }
        }
        assertThat(base64).isNotNull();
        ByteBuffer data = ByteBuffer.wrap(Base64.getMimeDecoder().decode(base64));
        List<List<String>> rows = new ArrayList<>();
        while (data.hasRemaining()) {
            byte[] bitmap = new byte[(COLUMNS + 7) / 8];
            data.get(bitmap);
            List<String> row = new ArrayList<>();
            for (int i = 0; i < COLUMNS; i++) {
                boolean isNull = (bitmap[i / 8] & (0x80 >>> (i % 8))) != 0;
                String text;
                switch (Caom2Table.COLUMNS.get(i).kind()) {
                    case STRING:
                    case TIMESTAMP:
                        byte[] chars = new byte[data.getInt()];
                        data.get(chars);
                        text = new String(chars, StandardCharsets.US_ASCII);
                        break;
                    case DOUBLE:
                        text = Double.toString(data.getDouble());
                        break;
                    case LONG:
                        text = Long.toString(data.getLong());
                        break;
                    case INT:
                        text = Integer.toString(data.getInt());
                        break;
                    case BOOLEAN:
                        text = String.valueOf((char) data.get());
                        break;
                    case POLYGON:
                        int n = data.getInt();
                        StringBuilder p = new StringBuilder();
                        for (int k = 0; k < n; k++) {
                            p.append(k > 0 ? " " : "").append(data.getDouble());
                        }
                        text = p.toString();
                        break;
                    default:
                        throw new AssertionError(Caom2Table.COLUMNS.get(i));
                }
                row.add(isNull ? "" : text);
            }
            rows.add(row);
        }
        return rows;
    }
}
