// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.XtypeValue;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.testing.Fixtures.Chunking;
import io.cadc4j.testing.Fixtures;
import io.cadc4j.votable.ReadAll.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The same generated table (every datatype, array shape and null) written as TABLEDATA, BINARY and
 * BINARY2 reads back to identical rows, and reader -> writer -> reader loses nothing.
 */
class RoundTripTest {
    private static final long SEED = 20261121L;
    private static final int ROWS = 400;

    static byte[] write(Serialization s, TableMetadata meta, List<Row> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VOTableWriter.of(s).write(meta, rows, out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void readsBackEveryGeneratedValueInEachSerialization(Serialization s) throws IOException {
        List<Object[]> expected = GeneratedTables.rows(SEED, ROWS);
        TableMetadata meta = GeneratedTables.metadata();
        byte[] doc = write(s, meta, GeneratedTables.asRows(expected));
        for (Chunking chunking : Chunking.values()) {
            Outcome o = ReadAll.read(VOTableReader.builder().build(), chunking.open(doc));
            assertThat(o.metadata.fields()).isEqualTo(meta.fields());
            assertSameValues(o.values, expected);
        }
    }

    @Test
    void givesIdenticalRowsFromTabledataBinaryAndBinary2() throws IOException {
        List<Object[]> values = GeneratedTables.rows(SEED + 1, ROWS);
        TableMetadata meta = GeneratedTables.metadata();
        List<Row> rows = GeneratedTables.asRows(values);
        Outcome td = ReadAll.read(VOTableReader.builder().build(),
                Chunking.WHOLE.open(write(Serialization.TABLEDATA, meta, rows)));
        Outcome bin = ReadAll.read(VOTableReader.builder().build(),
                Chunking.WHOLE.open(write(Serialization.BINARY, meta, rows)));
        Outcome bin2 = ReadAll.read(VOTableReader.builder().build(),
                Chunking.WHOLE.open(write(Serialization.BINARY2, meta, rows)));
        assertSameValues(bin.values, td.values);
        assertSameValues(bin2.values, td.values);
        for (int r = 0; r < td.rows.size(); r++) {
            for (int c = 0; c < meta.fields().size(); c++) {
                assertThat(bin2.rows.get(r).isNull(c)).isEqualTo(td.rows.get(r).isNull(c));
                assertThat(bin.rows.get(r).getString(c)).isEqualTo(td.rows.get(r).getString(c));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void copiesACursorThroughTheWriterWithoutLoss(Serialization s) throws IOException {
        List<Object[]> values = GeneratedTables.rows(SEED + 2, 100);
        byte[] original = write(Serialization.TABLEDATA, GeneratedTables.metadata(), GeneratedTables.asRows(values));
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (RowCursor in = VOTableReader.builder().build().open(Chunking.WHOLE.open(original))) {
            VOTableWriter.of(s).write(in, copy);
        }
        Outcome o = ReadAll.read(VOTableReader.builder().build(), Chunking.ONE_BYTE.open(copy.toByteArray()));
        assertSameValues(o.values, values);
    }

    @ParameterizedTest
    @EnumSource(value = Serialization.class, names = {"TABLEDATA", "BINARY2"})
    void rewritesTheAllDatatypesFixtureWithoutLoss(Serialization s) throws IOException {
        String doc = "votable/tabledata-all-datatypes-v1.3-truth.xml";
        Outcome before = ReadAll.read(doc, Chunking.WHOLE);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (RowCursor in = VOTableReader.builder().build().open(Chunking.WHOLE.open(Fixtures.bytes(doc)))) {
            VOTableWriter.of(s).write(in, copy);
        }
        Outcome after = ReadAll.read(VOTableReader.builder().build(), Chunking.RANDOM_CHUNKS.open(copy.toByteArray()));
        assertThat(after.metadata.fields()).isEqualTo(before.metadata.fields());
        assertSameValues(after.values, before.values);
    }

    @Test
    void keepsOverflowWhenCopyingACursor() throws IOException {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (RowCursor in = VOTableReader.builder().build().open(
                Chunking.WHOLE.open(Fixtures.bytes("dachs/sync_maxrec3_overflow.vot.xml")))) {
            VOTableWriter.of(Serialization.BINARY2).write(in, copy);
        }
        Outcome o = ReadAll.read(VOTableReader.builder().build(), Chunking.WHOLE.open(copy.toByteArray()));
        assertThat(o.rows).hasSize(3);
        assertThat(o.overflow).isTrue();
    }

    @Test
    void typedGettersAndXtypeViewsAgreeWithTheObjects() throws IOException {
        List<Object[]> values = GeneratedTables.rows(SEED + 3, 50);
        TableMetadata meta = GeneratedTables.metadata();
        byte[] doc = write(Serialization.BINARY2, meta, GeneratedTables.asRows(values));
        int d = meta.columnIndex("d");
        int l = meta.columnIndex("l");
        int ts = meta.columnIndex("ts");
        int poly = meta.columnIndex("poly");
        int b = meta.columnIndex("b");
        try (RowCursor c = VOTableReader.builder().build().open(Chunking.WHOLE.open(doc))) {
            int n = 0;
            while (c.next()) {
                Object[] v = values.get(n++);
                assertThat(Double.valueOf(c.getDouble(d))).isEqualTo(v[d] == null ? Double.valueOf(Double.NaN) : v[d]);
                assertThat(c.getLong(l)).isEqualTo(v[l] == null ? 0L : (Long) v[l]);
                assertThat(c.getBoolean(b)).isEqualTo(v[b] != null && (Boolean) v[b]);
                assertThat(c.getTimestamp(ts)).isEqualTo(v[ts] == null ? null : Instant.parse(v[ts] + "Z"));
                XtypeValue p = c.getShape(poly, XtypeValue.Kind.POLYGON);
                assertThat(p == null ? null : p.values()).isEqualTo(v[poly]);
            }
            assertThat(n).isEqualTo(50);
        }
    }

    static void assertSameValues(List<Object[]> actual, List<Object[]> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int r = 0; r < expected.size(); r++) {
            Object[] a = actual.get(r);
            Object[] e = expected.get(r);
            assertThat(a.length).isEqualTo(e.length);
            for (int c = 0; c < e.length; c++) {
                assertThat(same(a[c], e[c])).as("row %d column %d: %s vs %s", r, c, show(a[c]), show(e[c])).isTrue();
            }
        }
    }

    private static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.getClass() != b.getClass()) {
            return false;
        }
        if (a instanceof double[]) {
            return java.util.Arrays.equals((double[]) a, (double[]) b);
        }
        if (a instanceof float[]) {
            return java.util.Arrays.equals((float[]) a, (float[]) b);
        }
        if (a.getClass().isArray()) {
            return java.util.Objects.deepEquals(a, b);
        }
        return Objects.equals(a, b);
    }

    private static String show(Object o) {
        if (o == null || !o.getClass().isArray()) {
            return String.valueOf(o);
        }
        StringBuilder sb = new StringBuilder(o.getClass().getSimpleName()).append('[');
        for (int i = 0; i < Array.getLength(o); i++) {
            sb.append(i > 0 ? ", " : "").append(Array.get(o, i));
        }
        return sb.append(']').toString();
    }
}
