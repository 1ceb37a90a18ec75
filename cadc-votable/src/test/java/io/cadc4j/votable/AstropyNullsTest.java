// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable;

import static io.cadc4j.votable.astropy.AstropyTable.asRead;
import static io.cadc4j.votable.astropy.AstropyTable.expected;
import static io.cadc4j.votable.astropy.AstropyTable.same;
import static io.cadc4j.votable.astropy.AstropyTable.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.votable.astropy.AstropyTable;
import io.cadc4j.votable.astropy.AstropyTable.Given;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nulls as each serialization defines them, against documents astropy wrote: a test-scoped script
 * ({@code src/test/python/astropy_nulls.py}, run with Debian's {@code /usr/bin/python3} by
 * {@link AstropyTable}, which also says what each cell must read as) writes one
 * table of every datatype, with empty strings, null and non-null complex values, NaNs, empty and
 * null arrays, as TABLEDATA, BINARY and BINARY2, and the values it gave astropy; every cell read is
 * checked against those values under the rule of its serialization:
 *
 * <ul>
 *   <li>BINARY2: the null flag alone: a flagged cell is null, any other the value given, the empty
 *       string, an empty array and a NaN included;
 *   <li>TABLEDATA: an empty TD (astropy's null), no characters, no elements, a NaN float and a
 *       complex with a NaN part are null;
 *   <li>BINARY: as TABLEDATA, with magic values; a null bit, or a null fixed-size array, has no
 *       form there (astropy writes false and an array of its element nulls, read as such).
 * </ul>
 *
 * Then round trips through cadc4j's writer keep every cell by the same rules.
 */
class AstropyNullsTest {
    private static final VOTableReader READER = VOTableReader.builder().build();

    @TempDir
    static Path dir;

    private static List<Map<String, Given>> rows;

    @BeforeAll
    static void writeWithAstropy() throws Exception {
        rows = AstropyTable.write(dir).rows();
    }

    private static byte[] document(String name) throws IOException {
        return Files.readAllBytes(dir.resolve(name));
    }

    @Test
    void tableDataReadsAsAstropyWasGiven() throws IOException {
        assertCells(Serialization.TABLEDATA, document("tabledata.xml"));
    }

    @Test
    void binaryReadsAsAstropyWasGiven() throws IOException {
        assertCells(Serialization.BINARY, document("binary.xml"));
    }

    @Test
    void binary2ReadsAsAstropyWasGiven() throws IOException {
        assertCells(Serialization.BINARY2, document("binary2.xml"));
    }

    @Test
    void roundTripsThroughTheWriterKeepEveryCell() throws IOException {
        List<String> wrong = new ArrayList<>();
        roundTrip("binary2.xml", Serialization.BINARY2, wrong);
        roundTrip("binary2.xml", Serialization.TABLEDATA, wrong);
        roundTrip("tabledata.xml", Serialization.TABLEDATA, wrong);
        roundTrip("tabledata.xml", Serialization.BINARY2, wrong);
        roundTrip("binary.xml", Serialization.BINARY, wrong);
        roundTrip("binary.xml", Serialization.BINARY2, wrong);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /**
     * Reads a document, copies its cursor with the writer in another serialization (a snapshot row
     * would not do: {@code Row.of} takes a NaN for null), and reads that back.
     */
    private void roundTrip(String source, Serialization to, List<String> wrong) throws IOException {
        List<Object[]> first = new ArrayList<>();
        TableMetadata meta;
        try (RowCursor c = READER.open(new ByteArrayInputStream(document(source)), dir.resolve(source).toUri())) {
            meta = c.metadata();
            while (c.next()) {
                Object[] v = new Object[c.columnCount()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = c.isNull(i) ? null : c.getObject(i);
                }
                first.add(v);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RowCursor c = READER.open(new ByteArrayInputStream(document(source)), dir.resolve(source).toUri())) {
            VOTableWriter.of(to).write(c, out);
        }
        try (RowCursor c = READER.open(new ByteArrayInputStream(out.toByteArray()), dir.toUri())) {
            int r = 0;
            while (c.next()) {
                for (int i = 0; i < c.columnCount(); i++) {
                    Field f = meta.fields().get(i);
                    Object before = first.get(r)[i];
                    Object expected = before == null ? null : asRead(to, f, before);
                    Object actual = c.getObject(i);
                    if (!same(expected, actual) || c.isNull(i) != (expected == null)) {
                        wrong.add(source + " -> " + to + " row " + r + " " + f.name() + ": expected " + show(expected)
                                + ", read " + show(actual));
                    }
                }
                r++;
            }
            assertEquals(first.size(), r, source + " -> " + to);
        }
    }

    private void assertCells(Serialization s, byte[] doc) throws IOException {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        try (RowCursor c = READER.open(new ByteArrayInputStream(doc), dir.toUri())) {
            List<Field> fields = c.metadata().fields();
            int r = 0;
            while (c.next()) {
                for (int i = 0; i < fields.size(); i++) {
                    Field f = fields.get(i);
                    Given g = rows.get(r).get(f.name());
                    Object expected = expected(s, f, g);
                    Object actual = c.getObject(i);
                    cells++;
                    if (!same(expected, actual) || c.isNull(i) != (expected == null)) {
                        wrong.add("row " + r + " " + f.name() + " (" + f.datatype() + f.arraysize().map(a -> "[" + a + "]")
                                .orElse("") + ") given " + (g.masked ? "masked" : g.text) + ": expected "
                                + show(expected) + ", read " + show(actual));
                    }
                }
                r++;
            }
            assertEquals(rows.size(), r, "rows");
        }
        assertEquals(rows.size() * 18, cells, "cells checked");
        assertTrue(wrong.isEmpty(), s + ": " + wrong.size() + " cells differ:\n" + String.join("\n", wrong));
    }
}
