// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.cli;

import static io.cadc4j.votable.astropy.AstropyTable.expected;
import static io.cadc4j.votable.astropy.AstropyTable.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.tests.server.Reply;
import io.cadc4j.tests.server.StandInServer;
import io.cadc4j.votable.Serialization;
import io.cadc4j.votable.VOTableReader;
import io.cadc4j.votable.astropy.AstropyTable;
import io.cadc4j.votable.astropy.AstropyTable.Given;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 23, "done when": documents astropy wrote read cell for cell through the command's JSON and
 * CSV output, as a person runs it. cadc-votable's test-scoped script ({@code astropy_nulls.py}, run
 * from its place in the repository with Debian's {@code /usr/bin/python3}) writes one table of 18
 * columns (every datatype, empty strings, null and non-null complex values, NaNs, empty and null
 * arrays) as TABLEDATA, BINARY and BINARY2, with the values it gave astropy. A stand-in TAP
 * {@code /sync} serves each, and {@code cadc --tap-url … query … --format json|csv}, the built jar
 * as a child process, prints it. Every cell is checked against the value given, under the null rule
 * of its serialization (README "Nulls": BINARY2's flag alone; TABLEDATA's and BINARY's empty text,
 * empty variable array, NaN and NaN complex part are null; BINARY writes a null bit as false and a
 * null fixed array as its element nulls), then as each format writes it: JSON keeps {@code ""} and
 * {@code null} apart and has {@code null} for a NaN or infinity; CSV writes a null as an empty field
 * and {@code ''} (or an empty array) as {@code ""}, numbers as Java prints them, arrays
 * space-separated. Floating point is compared bit for bit (-0.0 is not 0.0).
 */
class AstropyCommandOutputTest {
    private static final Object JSON_NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    @TempDir
    static Path dir;

    private static AstropyTable table;
    private static List<Map<String, Given>> given;
    private static StandInServer server;

    /** A JSON number as written, so that -0.0 and every digit are kept. */
    private static final class Num {
        final String text;

        Num(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A CSV field, and whether it was quoted ({@code ""} is not an empty field). */
    private static final class Cell {
        final String text;
        final boolean quoted;

        Cell(String text, boolean quoted) {
            this.text = text;
            this.quoted = quoted;
        }

        @Override
        public String toString() {
            return quoted ? '"' + text + '"' : text.isEmpty() ? "(empty field)" : text;
        }
    }

    @BeforeAll
    static void writeWithAstropyAndServe() throws Exception {
        table = AstropyTable.write(dir.resolve("astropy"));
        given = table.rows();
        CadcProcess.assumeBuilt();
        server = StandInServer.start();
        for (Serialization w : Serialization.values()) {
            server.route("*", "/" + w.name().toLowerCase(Locale.ROOT) + "/sync",
                    Reply.ok().body("application/x-votable+xml", Files.readAllBytes(table.document(w))));
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static List<Field> fields(Serialization w) throws IOException {
        Path doc = table.document(w);
        try (InputStream in = Files.newInputStream(doc);
                RowCursor c = VOTableReader.builder().build().open(in, doc.toUri())) {
            return c.metadata().fields();
        }
    }

    private static CadcProcess query(Serialization w, String format) throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        CadcProcess p = CadcProcess.run(dir, state, "--tap-url", server.uri("/" + w.name().toLowerCase(Locale.ROOT)).toString(),
                "query", "select * from astropy_nulls", "--format", format);
        assertEquals(0, p.code(), p.describe());
        return p;
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void jsonHasEveryCellAsAstropyWasGiven(Serialization w) throws Exception {
        List<Field> fields = fields(w);
        CadcProcess p = query(w, "json");
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) new JsonText(p.out()).value();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> columns = (List<Map<String, Object>>) doc.get("columns");
        assertEquals(18, columns.size(), p.describe());
        for (int i = 0; i < columns.size(); i++) {
            assertEquals(fields.get(i).name(), columns.get(i).get("name"));
            assertEquals(fields.get(i).datatype(), columns.get(i).get("datatype"));
        }
        @SuppressWarnings("unchecked")
        List<List<Object>> rows = (List<List<Object>>) doc.get("rows");
        assertEquals(given.size(), rows.size(), p.describe());
        assertEquals(String.valueOf(given.size()), doc.get("rowCount").toString());
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (int r = 0; r < rows.size(); r++) {
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                Given g = given.get(r).get(f.name());
                Object expected = expected(w, f, g);
                Object written = rows.get(r).get(i);
                cells++;
                if (!jsonMatches(expected, written)) {
                    wrong.add("row " + r + " " + f.name() + " given " + (g.masked ? "masked" : g.text) + ": expected "
                            + show(expected) + ", JSON has " + written);
                }
            }
        }
        assertEquals(given.size() * 18, cells);
        assertTrue(wrong.isEmpty(), w + " as JSON: " + wrong.size() + " cells differ:\n" + String.join("\n", wrong));
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void csvHasEveryCellAsAstropyWasGiven(Serialization w) throws Exception {
        List<Field> fields = fields(w);
        CadcProcess p = query(w, "csv");
        List<List<Cell>> lines = csv(p.out());
        assertEquals(given.size() + 1, lines.size(), p.describe());
        List<String> header = new ArrayList<>();
        lines.get(0).forEach(c -> header.add(c.text));
        List<String> names = new ArrayList<>();
        fields.forEach(f -> names.add(f.name()));
        assertEquals(names, header);
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (int r = 0; r < given.size(); r++) {
            List<Cell> line = lines.get(r + 1);
            assertEquals(18, line.size(), "fields of row " + r + ": " + line);
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                Given g = given.get(r).get(f.name());
                Object expected = expected(w, f, g);
                Cell written = line.get(i);
                cells++;
                if (!csvMatches(expected, written)) {
                    wrong.add("row " + r + " " + f.name() + " given " + (g.masked ? "masked" : g.text) + ": expected "
                            + show(expected) + ", CSV has " + written);
                }
            }
        }
        assertEquals(given.size() * 18, cells);
        assertTrue(wrong.isEmpty(), w + " as CSV: " + wrong.size() + " cells differ:\n" + String.join("\n", wrong));
    }

    // ------------------------------------------------------------------ what each cell should be

    // ------------------------------------------------------------------ JSON

    /** Whether what the JSON output has is the expected value, as the command writes it. */
    private static boolean jsonMatches(Object expected, Object written) {
        if (expected == null) {
            return written == JSON_NULL;
        }
        if (expected.getClass().isArray()) {
            if (!(written instanceof List) || ((List<?>) written).size() != Array.getLength(expected)) {
                return false;
            }
            for (int i = 0; i < Array.getLength(expected); i++) {
                if (!jsonMatches(Array.get(expected, i), ((List<?>) written).get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof Double || expected instanceof Float) {
            double d = ((Number) expected).doubleValue();
            if (!Double.isFinite(d)) {
                return written == JSON_NULL; // JSON has no NaN or infinity
            }
            if (!(written instanceof Num)) {
                return false;
            }
            double read = Double.parseDouble(((Num) written).text);
            return expected instanceof Float ? Float.compare((float) read, (Float) expected) == 0
                    : Double.compare(read, d) == 0;
        }
        if (expected instanceof Number) {
            return written instanceof Num && Long.parseLong(((Num) written).text) == ((Number) expected).longValue();
        }
        return expected.equals(written); // Boolean, String ('' included)
    }

    /** A minimal JSON reader: objects as maps, arrays as lists, numbers as their text, null as {@link #JSON_NULL}. */
    private static final class JsonText {
        private final String s;
        private int at;

        JsonText(String s) {
            this.s = s;
        }

        Object value() {
            space();
            char c = s.charAt(at);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                at++;
                space();
                if (s.charAt(at) == '}') {
                    at++;
                    return m;
                }
                while (true) {
                    space();
                    String key = (String) value();
                    space();
                    expect(':');
                    m.put(key, value());
                    space();
                    if (s.charAt(at++) == '}') {
                        return m;
                    }
                }
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                at++;
                space();
                if (s.charAt(at) == ']') {
                    at++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    space();
                    if (s.charAt(at++) == ']') {
                        return l;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            if (s.startsWith("null", at)) {
                at += 4;
                return JSON_NULL;
            }
            if (s.startsWith("true", at)) {
                at += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", at)) {
                at += 5;
                return Boolean.FALSE;
            }
            int start = at;
            while (at < s.length() && "+-0123456789.eE".indexOf(s.charAt(at)) >= 0) {
                at++;
            }
            if (start == at) {
                throw new AssertionError("not JSON at " + at + ": " + s.substring(at, Math.min(s.length(), at + 40)));
            }
            return new Num(s.substring(start, at));
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            at++;
            while (true) {
                char c = s.charAt(at++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(at++);
                switch (e) {
                    case 'n':
                        b.append('\n');
                        break;
                    case 't':
                        b.append('\t');
                        break;
                    case 'r':
                        b.append('\r');
                        break;
                    case 'b':
                        b.append('\b');
                        break;
                    case 'f':
                        b.append('\f');
                        break;
                    case 'u':
                        b.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
                        at += 4;
                        break;
                    default:
                        b.append(e); // \" \\ \/
                }
            }
        }

        private void space() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
        }

        private void expect(char c) {
            if (s.charAt(at++) != c) {
                throw new AssertionError("expected '" + c + "' at " + (at - 1));
            }
        }
    }

    // ------------------------------------------------------------------ CSV

    /** Whether a CSV field is the expected value, as the command writes it. */
    private static boolean csvMatches(Object expected, Cell written) {
        if (expected == null) {
            return !written.quoted && written.text.isEmpty();
        }
        if (expected instanceof String) {
            return ((String) expected).isEmpty() ? written.quoted && written.text.isEmpty()
                    : expected.equals(written.text);
        }
        if (expected.getClass().isArray()) {
            int n = Array.getLength(expected);
            if (n == 0) {
                return written.quoted && written.text.isEmpty(); // an empty array is a value, not null
            }
            String[] parts = written.text.split(" ", -1);
            if (parts.length != n) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!csvMatches(Array.get(expected, i), new Cell(parts[i], false))) {
                    return false;
                }
            }
            return true;
        }
        try {
            if (expected instanceof Float) {
                return Float.compare(Float.parseFloat(written.text), (Float) expected) == 0;
            }
            if (expected instanceof Double) {
                return Double.compare(Double.parseDouble(written.text), (Double) expected) == 0;
            }
            if (expected instanceof Number) {
                return Long.parseLong(written.text) == ((Number) expected).longValue();
            }
        } catch (NumberFormatException e) {
            return false;
        }
        return expected.toString().equals(written.text); // Boolean: true, false
    }

    /** Reads RFC 4180 CSV (the command ends lines with LF), keeping whether each field was quoted. */
    private static List<List<Cell>> csv(String text) {
        List<List<Cell>> lines = new ArrayList<>();
        List<Cell> line = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c == '"' && field.length() == 0 && !quoted) {
                quoted = true;
                while (true) {
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(q);
                    }
                }
            } else if (c == ',') {
                line.add(new Cell(field.toString(), quoted));
                field.setLength(0);
                quoted = false;
            } else if (c == '\n') {
                line.add(new Cell(field.toString(), quoted));
                lines.add(line);
                line = new ArrayList<>();
                field.setLength(0);
                quoted = false;
            } else {
                field.append(c);
            }
        }
        assertTrue(line.isEmpty() && field.length() == 0, "the CSV does not end with a line end");
        return lines;
    }
}
