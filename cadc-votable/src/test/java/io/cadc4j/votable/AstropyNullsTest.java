// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nulls as each serialization defines them, against documents astropy wrote: a test-scoped script
 * ({@code src/test/python/astropy_nulls.py}, run with Debian's {@code /usr/bin/python3}) writes one
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
    private static final Path PYTHON = Paths.get("/usr/bin/python3");
    private static final VOTableReader READER = VOTableReader.builder().build();

    @TempDir
    static Path dir;

    private static List<Map<String, Given>> rows;

    /** A value given to astropy: masked, or its text from the script. */
    private static final class Given {
        final boolean masked;
        final String text;

        Given(boolean masked, String text) {
            this.masked = masked;
            this.text = text;
        }
    }

    @BeforeAll
    static void writeWithAstropy() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3 (Debian's python3-astropy) here");
        Process check = new ProcessBuilder(PYTHON.toString(), "-c", "import astropy.io.votable")
                .redirectErrorStream(true).start();
        String checkOut = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0,
                "astropy is not installed for /usr/bin/python3 (apt-get install python3-astropy): " + checkOut.strip());
        Path script = Fixtures.repository()
                .resolve("cadc-votable/src/test/python/astropy_nulls.py");
        Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the astropy script did not finish");
        assertEquals(0, p.exitValue(), "the astropy script failed: " + out);
        rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("truth.txt"))) {
            String[] t = line.split("\t", -1);
            int r = Integer.parseInt(t[0]);
            while (rows.size() <= r) {
                rows.add(new HashMap<>());
            }
            rows.get(r).put(t[1], new Given("M".equals(t[2]), t[3]));
        }
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

    /** What a cell given to astropy reads as in a serialization; null for a null cell. */
    private static Object expected(Serialization s, Field f, Given g) {
        String t = f.datatype();
        boolean fixedArray = f.arraysize().isPresent() && !f.shape().isVariable() && !f.type().isCharacter();
        if (g.masked) {
            if (s != Serialization.BINARY) {
                return null;
            }
            // BINARY has no null for these: astropy writes false and an array of element nulls
            if ("bit".equals(t)) {
                return Boolean.FALSE;
            }
            if (fixedArray) {
                int n = (int) f.shape().itemElements();
                if ("double".equals(t)) {
                    double[] a = new double[n];
                    Arrays.fill(a, Double.NaN);
                    return a;
                }
                String nullValue = f.values().nullValue().orElseThrow();
                short[] a = new short[n];
                Arrays.fill(a, Short.parseShort(nullValue));
                return a;
            }
            return null;
        }
        return asRead(s, f, value(f, g.text));
    }

    /** A value as it reads back from a serialization: without null flags, "no value" values are null. */
    private static Object asRead(Serialization s, Field f, Object v) {
        if (s == Serialization.BINARY2) {
            return v;
        }
        if (v instanceof String && ((String) v).isEmpty()) {
            return null;
        }
        if (f.shape().isVariable() && !f.type().isCharacter() && java.lang.reflect.Array.getLength(v) == 0) {
            return null;
        }
        if (v instanceof Double && ((Double) v).isNaN() || v instanceof Float && ((Float) v).isNaN()) {
            return null;
        }
        if (f.type().isComplex() && f.shape().isScalar()) {
            double re = java.lang.reflect.Array.getDouble(v, 0);
            double im = java.lang.reflect.Array.getDouble(v, 1);
            if (Double.isNaN(re) || Double.isNaN(im)) {
                return null;
            }
        }
        return v;
    }

    /** The value the script wrote, as {@code Row.getObject} gives it. */
    private static Object value(Field f, String text) {
        String[] parts = text.isEmpty() ? new String[0] : text.split(" ");
        switch (f.datatype()) {
            case "char":
            case "unicodeChar":
                return new String(hex(text), StandardCharsets.UTF_8);
            case "boolean":
            case "bit":
                return "T".equals(text);
            case "unsignedByte":
            case "short":
                if (f.arraysize().isPresent()) {
                    short[] a = new short[parts.length];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = Short.parseShort(parts[i]);
                    }
                    return a;
                }
                return Short.valueOf(text);
            case "int":
                if (f.arraysize().isPresent()) {
                    return Arrays.stream(parts).mapToInt(Integer::parseInt).toArray();
                }
                return Integer.valueOf(text);
            case "long":
                return Long.valueOf(text);
            case "float":
            case "floatComplex": {
                float[] a = new float[parts.length];
                for (int i = 0; i < a.length; i++) {
                    a[i] = (float) real(parts[i]);
                }
                return f.arraysize().isPresent() || f.type().isComplex() ? a : (Object) a[0];
            }
            default: {
                double[] a = Arrays.stream(parts).mapToDouble(AstropyNullsTest::real).toArray();
                return f.arraysize().isPresent() || f.type().isComplex() ? a : (Object) a[0];
            }
        }
    }

    private static double real(String s) {
        switch (s) {
            case "nan":
                return Double.NaN;
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(s);
        }
    }

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    /** Equal as values, bit for bit for floating point (NaN equals NaN, -0.0 differs from 0.0). */
    private static boolean same(Object a, Object b) {
        return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
    }

    private static String show(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof String) {
            return "'" + o + "'";
        }
        String s = Arrays.deepToString(new Object[] {o});
        return s.substring(1, s.length() - 1) + " (" + o.getClass().getSimpleName() + ")";
    }
}
