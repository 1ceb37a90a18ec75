// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.astropy;

import io.cadc4j.core.table.Field;
import io.cadc4j.testing.Fixtures;
import io.cadc4j.votable.Serialization;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The table astropy writes for the null rules of issue 23: cadc-votable's test-scoped script
 * ({@code src/test/python/astropy_nulls.py}, run with Debian's {@code /usr/bin/python3}) writes one
 * table of every datatype (empty strings, null and non-null complex values, NaNs, empty and null
 * arrays) as TABLEDATA, BINARY and BINARY2, and the values it gave astropy ({@code truth.txt}). This
 * class runs it and says what each cell must read as under the rule of each serialization; the
 * reader's tests and the command's output tests (cadc-tests, through this module's test jar) check
 * against it. Immutable once written.
 */
public final class AstropyTable {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private final Path dir;
    private final List<Map<String, Given>> rows;

    /** A value given to astropy: masked, or its text as the script wrote it. */
    public static final class Given {
        /** Whether astropy was given a masked (null) value. */
        public final boolean masked;
        /** The value's text: hex UTF-8 for strings, {@code T}/{@code F}, numbers separated by spaces. */
        public final String text;

        Given(boolean masked, String text) {
            this.masked = masked;
            this.text = text;
        }

        @Override
        public String toString() {
            return masked ? "masked" : text;
        }
    }

    private AstropyTable(Path dir, List<Map<String, Given>> rows) {
        this.dir = dir;
        this.rows = rows;
    }

    /**
     * Runs the script, or skips the calling test (a JUnit assumption, with the reason) when
     * astropy is not installed for {@code /usr/bin/python3}.
     *
     * @param dir where the documents are written
     * @return the table
     * @throws Exception if the script fails or cannot be run
     */
    public static AstropyTable write(Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3 (Debian's python3-astropy) here");
        Process check = new ProcessBuilder(PYTHON.toString(), "-c", "import astropy.io.votable")
                .redirectErrorStream(true).start();
        String checkOut = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0,
                "astropy is not installed for /usr/bin/python3 (apt-get install python3-astropy): " + checkOut.strip());
        Path script = Fixtures.repository().resolve("cadc-votable/src/test/python/astropy_nulls.py");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("cadc-votable's astropy script is not at " + script.toAbsolutePath());
        }
        Files.createDirectories(dir);
        Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the astropy script did not finish in 120 s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("the astropy script failed (exit " + p.exitValue() + "): " + out);
        }
        List<Map<String, Given>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("truth.txt"))) {
            String[] t = line.split("\t", -1);
            int r = Integer.parseInt(t[0]);
            while (rows.size() <= r) {
                rows.add(new HashMap<>());
            }
            rows.get(r).put(t[1], new Given("M".equals(t[2]), t[3]));
        }
        return new AstropyTable(dir, rows);
    }

    /** @return the values given, a map from column name per row */
    public List<Map<String, Given>> rows() {
        return rows;
    }

    /**
     * @param s a serialization
     * @return the document astropy wrote in it
     */
    public Path document(Serialization s) {
        return dir.resolve(s.name().toLowerCase(java.util.Locale.ROOT) + ".xml");
    }

    /**
     * What a cell given to astropy reads as ({@code getObject}) in a serialization; null for a null
     * cell.
     *
     * @param s the serialization it was written in
     * @param f its column
     * @param g the value given
     * @return the value, or null
     */
    public static Object expected(Serialization s, Field f, Given g) {
        String t = f.datatype();
        boolean fixedArray = f.arraysize().isPresent() && !f.shape().isVariable() && !f.type().isCharacter();
        if (g.masked) {
            if (s != Serialization.BINARY) {
                return null;
            }
            // BINARY has no null for these: astropy writes false, and an array of its element nulls
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
                short[] a = new short[n];
                Arrays.fill(a, Short.parseShort(f.values().nullValue().orElseThrow()));
                return a;
            }
            return null;
        }
        return asRead(s, f, value(f, g.text));
    }

    /**
     * A value as it reads back from a serialization: BINARY2's flag alone decides, so every value
     * stays; without flags, the empty string, an empty variable array, a NaN and a complex with a
     * NaN part are null.
     *
     * @param s the serialization
     * @param f the column
     * @param v the value written
     * @return the value read, or null
     */
    public static Object asRead(Serialization s, Field f, Object v) {
        if (s == Serialization.BINARY2) {
            return v;
        }
        if (v instanceof String && ((String) v).isEmpty()) {
            return null;
        }
        if (f.shape().isVariable() && !f.type().isCharacter() && Array.getLength(v) == 0) {
            return null;
        }
        if (v instanceof Double && ((Double) v).isNaN() || v instanceof Float && ((Float) v).isNaN()) {
            return null;
        }
        if (f.type().isComplex() && f.shape().isScalar()
                && (Double.isNaN(Array.getDouble(v, 0)) || Double.isNaN(Array.getDouble(v, 1)))) {
            return null;
        }
        return v;
    }

    /** The value the script gave astropy, typed as the reader's {@code getObject} types it. */
    private static Object value(Field f, String text) {
        String[] parts = text.isEmpty() ? new String[0] : text.split(" ");
        switch (f.datatype()) {
            case "char":
            case "unicodeChar":
                byte[] b = new byte[text.length() / 2];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
                }
                return new String(b, StandardCharsets.UTF_8);
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
                return f.arraysize().isPresent() ? Arrays.stream(parts).mapToInt(Integer::parseInt).toArray()
                        : (Object) Integer.valueOf(text);
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
                double[] a = Arrays.stream(parts).mapToDouble(AstropyTable::real).toArray();
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

    /**
     * @param a a value
     * @param b another
     * @return whether they are equal as values, bit for bit for floating point (NaN equals NaN,
     *         -0.0 differs from 0.0)
     */
    public static boolean same(Object a, Object b) {
        return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
    }

    /**
     * @param o a value
     * @return it as a message shows it: strings quoted, arrays with their element type
     */
    public static String show(Object o) {
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
