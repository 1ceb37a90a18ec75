// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.formats.internal;

import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.RowCursor;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes rows as astropy's ECSV 1.0 (Enhanced Character Separated Values), in one pass:
 *
 * <ul>
 *   <li>the header: {@code # %ECSV 1.0}, then YAML ({@link AstropyHeader}) on lines starting with
 *       {@code # }: each column's name, unit, datatype ({@code bool}, {@code uint8}, {@code int16},
 *       {@code int32}, {@code int64}, {@code float32}, {@code float64}, {@code string}),
 *       description and meta ({@code ucd}, {@code utype}, {@code xtype});</li>
 *   <li>a line of column names, then one line per row, comma-separated, UTF-8, LF line ends;</li>
 *   <li>a null cell is an empty field; an empty string is {@code ""} (quoted); a field holding a
 *       comma, a quote, a line end or space at either end is quoted with {@code "}, inner quotes
 *       doubled;</li>
 *   <li>booleans {@code True}/{@code False}; integers in decimal; floats in Java's shortest
 *       round-tripping form, infinities {@code inf}/{@code -inf};</li>
 *   <li>arrays as JSON ({@code [1.5,2.0,null]}, a NaN element {@code null}), with the
 *       {@code subtype} giving element type and shape ({@code float64[3]}, {@code int32[null]} for
 *       a variable length); complex values and multi-dimensional char arrays as their VOTable
 *       text in a string column.</li>
 * </ul>
 *
 * <p>Stateless; each call single-threaded.
 */
final class EcsvTableWriter {
    private EcsvTableWriter() {
    }

    /**
     * Writes every remaining row.
     *
     * @param rows the rows (not closed)
     * @param out where to write (flushed, not closed)
     * @return the number of rows written
     * @throws IOException if writing fails
     */
    static long write(RowCursor rows, OutputStream out) throws IOException {
        List<Field> fields = rows.metadata().fields();
        List<String> names = ColumnNames.unique(fields);
        Writer w = new BufferedWriter(new OutputStreamWriter(new NonClosing(out), StandardCharsets.UTF_8), 64 * 1024);
        w.write("# %ECSV 1.0\n");
        for (String line : AstropyHeader.yaml(rows.metadata(), names, false)) {
            w.write("# ");
            w.write(line);
            w.write('\n');
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            field(b, names.get(i));
        }
        w.write(b.append('\n').toString());
        int n = fields.size();
        AstropyHeader.Kind[] kinds = new AstropyHeader.Kind[n];
        boolean[] bool = new boolean[n];
        boolean[] floats = new boolean[n];
        for (int i = 0; i < n; i++) {
            kinds[i] = AstropyHeader.kind(fields.get(i));
            bool[i] = fields.get(i).type() == io.cadc4j.core.table.Datatype.BOOLEAN
                    || fields.get(i).type() == io.cadc4j.core.table.Datatype.BIT;
            floats[i] = fields.get(i).type() == io.cadc4j.core.table.Datatype.FLOAT;
        }
        int[][] shapes = new int[n][];
        for (int i = 0; i < n; i++) {
            shapes[i] = nesting(fields.get(i));
        }
        long count = 0;
        StringBuilder json = new StringBuilder();
        while (rows.next()) {
            b.setLength(0);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    b.append(',');
                }
                if (rows.isNull(i)) {
                    continue;
                }
                switch (kinds[i]) {
                    case SCALAR:
                        if (bool[i]) {
                            b.append(rows.getBoolean(i) ? "True" : "False");
                        } else if (fields.get(i).type().isFloatingPoint()) {
                            number(b, floats[i] ? rows.getFloat(i) : rows.getDouble(i), floats[i]);
                        } else {
                            b.append(rows.getLong(i));
                        }
                        break;
                    case ARRAY:
                        json.setLength(0);
                        jsonArray(json, rows.getObject(i), shapes[i]);
                        field(b, json);
                        break;
                    default:
                        field(b, rows.getCharSequence(i));
                }
            }
            b.append('\n');
            w.write(b.toString());
            count++;
        }
        w.flush();
        return count;
    }

    private static void number(StringBuilder b, double d, boolean single) {
        if (Double.isInfinite(d)) {
            b.append(d > 0 ? "inf" : "-inf");
        } else if (Double.isNaN(d)) {
            b.append("nan");
        } else if (single) {
            b.append((float) d);
        } else {
            b.append(d);
        }
    }

    /**
     * The numpy shape of a fixed multi-dimensional array (the VOTable dimensions reversed), or
     * null when the array is written flat.
     */
    private static int[] nesting(Field f) {
        io.cadc4j.core.table.ArraySize s = f.shape();
        if (s.isVariable() || s.dimensionCount() < 2) {
            return null;
        }
        int[] shape = new int[s.dimensionCount()];
        for (int d = 0; d < shape.length; d++) {
            shape[d] = s.dimension(shape.length - 1 - d);
        }
        return shape;
    }

    private static void jsonArray(StringBuilder b, Object a, int[] shape) {
        if (shape == null) {
            jsonArray(b, a, 0, Array.getLength(a));
            return;
        }
        nested(b, a, shape, 0, 0);
    }

    /** Writes the elements from start as nested lists of the shape from dimension d on; returns the next element. */
    private static int nested(StringBuilder b, Object a, int[] shape, int d, int start) {
        if (d == shape.length - 1) {
            int end = Math.min(Array.getLength(a), start + shape[d]);
            jsonArray(b, a, start, Math.max(start, end));
            for (int k = Math.max(start, end); k < start + shape[d]; k++) {
                // a short cell: the missing elements are nulls
                b.setLength(b.length() - 1);
                b.append(b.charAt(b.length() - 1) == '[' ? "null]" : ",null]");
            }
            return start + shape[d];
        }
        b.append('[');
        int at = start;
        for (int k = 0; k < shape[d]; k++) {
            if (k > 0) {
                b.append(',');
            }
            at = nested(b, a, shape, d + 1, at);
        }
        b.append(']');
        return at;
    }

    private static void jsonArray(StringBuilder b, Object a, int from, int to) {
        b.append('[');
        for (int i = from; i < to; i++) {
            if (i > from) {
                b.append(',');
            }
            Object v = Array.get(a, i);
            if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue();
                if (Double.isNaN(d)) {
                    b.append("null");
                } else if (Double.isInfinite(d)) {
                    // JSON has no infinity; Python's json module reads this spelling
                    b.append(d > 0 ? "Infinity" : "-Infinity");
                } else if (v instanceof Float) {
                    b.append((float) d);
                } else {
                    b.append(d);
                }
            } else if (v instanceof Boolean) {
                b.append(((Boolean) v) ? "true" : "false");
            } else if (v instanceof Number) {
                b.append(((Number) v).longValue());
            } else if (v == null) {
                b.append("null");
            } else {
                jsonString(b, v.toString());
            }
        }
        b.append(']');
    }

    private static void jsonString(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }

    /** Appends a CSV field, quoted when it must be (and always when empty, to tell it from a null). */
    static void field(StringBuilder b, CharSequence v) {
        int n = v.length();
        boolean quote = n == 0 || v.charAt(0) == ' ' || v.charAt(n - 1) == ' ';
        for (int i = 0; i < n && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r' || c == '#' && i == 0;
        }
        if (!quote) {
            b.append(v);
            return;
        }
        b.append('"');
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c == '"') {
                b.append('"');
            }
            b.append(c);
        }
        b.append('"');
    }

    /** Keeps the caller's stream open when the writer is closed. */
    static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
