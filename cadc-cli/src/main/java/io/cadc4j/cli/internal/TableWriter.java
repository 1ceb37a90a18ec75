// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.internal.port.ResultWriterProvider;
import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.tap.ResultFormat;
import io.cadc4j.votable.Serialization;
import io.cadc4j.votable.VOTableWriter;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a cursor's rows in one of the {@link Format}s, streaming: only the {@code table} format
 * holds rows, and only the first {@value #MEASURED_ROWS}, to size its columns.
 *
 * <p>Single-threaded.
 */
final class TableWriter {
    /** How many rows the table format reads before it fixes the column widths. */
    static final int MEASURED_ROWS = 1000;
    private static final int MAX_CELL = 60;
    private static final String SKIPPED = "...";

    private TableWriter() {
    }

    /**
     * Writes every remaining row.
     *
     * @param format the format
     * @param rows the cursor, read to its end (not closed)
     * @param out where to write; flushed, not closed
     * @param width the terminal width, for the table format
     * @return the number of rows written
     * @throws IOException if writing fails
     */
    static long write(Format format, RowCursor rows, OutputStream out, int width) throws IOException {
        switch (format) {
            case votable:
                return votable(rows, out);
            case fits:
                return ResultWriterProvider.forFormat(ResultFormat.FITS).write(ResultFormat.FITS, rows, out);
            case ecsv:
                return ResultWriterProvider.forFormat(ResultFormat.ECSV).write(ResultFormat.ECSV, rows, out);
            case json:
                return json(rows, out);
            case csv:
                return delimited(rows, out, ',');
            case tsv:
                return delimited(rows, out, '\t');
            case table:
            default:
                return table(rows, out, width);
        }
    }

    private static long votable(RowCursor rows, OutputStream out) throws IOException {
        long[] count = {0};
        VOTableWriter.of(Serialization.TABLEDATA).write(new CountingCursor(rows, count), out);
        return count[0];
    }

    private static long json(RowCursor rows, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        JsonGenerator g = Json.createGenerator(w);
        g.writeStartObject().writeStartArray("columns");
        for (Field f : rows.metadata().fields()) {
            g.writeStartObject().write("name", f.name()).write("datatype", f.datatype());
            f.arraysize().ifPresent(a -> g.write("arraysize", a));
            f.unit().ifPresent(u -> g.write("unit", u));
            f.xtype().ifPresent(x -> g.write("xtype", x));
            f.description().ifPresent(d -> g.write("description", d));
            g.writeEnd();
        }
        g.writeEnd().writeStartArray("rows");
        int n = rows.columnCount();
        long count = 0;
        while (rows.next()) {
            g.writeStartArray();
            for (int i = 0; i < n; i++) {
                jsonValue(g, rows.isNull(i) ? null : rows.getObject(i));
            }
            g.writeEnd();
            count++;
        }
        g.writeEnd().write("rowCount", count).write("overflow", rows.isOverflow()).writeEnd();
        g.flush();
        w.write('\n');
        w.flush();
        return count;
    }

    private static void jsonValue(JsonGenerator g, Object v) {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean) {
            g.write((Boolean) v);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                g.write(d);
            } else {
                g.writeNull();
            }
        } else if (v instanceof Number) {
            g.write(((Number) v).longValue());
        } else if (v.getClass().isArray()) {
            g.writeStartArray();
            for (int i = 0; i < Array.getLength(v); i++) {
                jsonValue(g, Array.get(v, i));
            }
            g.writeEnd();
        } else {
            g.write(v.toString());
        }
    }

    private static long delimited(RowCursor rows, OutputStream out, char separator) {
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
        List<Field> fields = rows.metadata().fields();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(separator);
            }
            line.append(escape(fields.get(i).name(), separator));
        }
        w.print(line);
        w.print('\n');
        long count = 0;
        while (rows.next()) {
            line.setLength(0);
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    line.append(separator);
                }
                line.append(escape(text(rows, i, ""), separator));
            }
            w.print(line);
            w.print('\n');
            count++;
        }
        w.flush();
        return count;
    }

    private static String escape(String s, char separator) {
        if (separator == '\t') {
            return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        }
        // RFC 4180 §2: fields holding a comma, quote or line break are quoted, quotes doubled.
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /**
     * The table format, as astropy prints a table: a header, a line of dashes, aligned cells (numbers
     * to the right), columns dropped from the middle behind {@code ...} when they do not fit the
     * width, then the row count.
     */
    private static long table(RowCursor rows, OutputStream out, int width) {
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
        List<Field> fields = rows.metadata().fields();
        int n = fields.size();
        int[] widths = new int[n];
        boolean[] right = new boolean[n];
        for (int i = 0; i < n; i++) {
            widths[i] = fields.get(i).name().length();
            right[i] = fields.get(i).type().isIntegral() || fields.get(i).type().isFloatingPoint();
        }
        List<String[]> held = new ArrayList<>();
        boolean more = true;
        while (held.size() < MEASURED_ROWS && (more = rows.next())) {
            String[] cells = cells(rows, n);
            for (int i = 0; i < n; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
            held.add(cells);
        }
        List<Integer> shown = visibleColumns(widths, width);
        String[] header = new String[n];
        String[] dashes = new String[n];
        for (int i = 0; i < n; i++) {
            header[i] = fields.get(i).name();
            dashes[i] = "-".repeat(widths[i]);
        }
        line(w, header, widths, right, shown);
        line(w, dashes, widths, right, shown);
        long count = 0;
        for (String[] cells : held) {
            line(w, cells, widths, right, shown);
            count++;
        }
        held.clear();
        if (more) {
            while (rows.next()) {
                line(w, cells(rows, n), widths, right, shown);
                count++;
            }
        }
        w.print("(" + count + (count == 1 ? " row" : " rows") + ")\n");
        w.flush();
        return count;
    }

    private static String[] cells(RowCursor rows, int n) {
        String[] cells = new String[n];
        for (int i = 0; i < n; i++) {
            String t = text(rows, i, "--");
            cells[i] = t.length() > MAX_CELL ? t.substring(0, MAX_CELL - SKIPPED.length()) + SKIPPED : t;
        }
        return cells;
    }

    /** Columns kept: all when they fit; else from both ends inward, with -1 marking the gap. */
    static List<Integer> visibleColumns(int[] widths, int width) {
        List<Integer> all = new ArrayList<>();
        int total = -1;
        for (int i = 0; i < widths.length; i++) {
            all.add(i);
            total += widths[i] + 1;
        }
        if (total <= width || widths.length <= 1) {
            return all;
        }
        List<Integer> left = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        int used = SKIPPED.length();
        int lo = 0;
        int hi = widths.length - 1;
        boolean takeLeft = true;
        while (lo <= hi) {
            int i = takeLeft ? lo : hi;
            if (used + widths[i] + 1 > width) {
                break;
            }
            used += widths[i] + 1;
            if (takeLeft) {
                left.add(lo++);
            } else {
                right.add(0, hi--);
            }
            takeLeft = !takeLeft;
        }
        if (left.isEmpty()) {
            left.add(0);
        }
        List<Integer> out = new ArrayList<>(left);
        out.add(-1);
        out.addAll(right);
        return out;
    }

    private static void line(PrintWriter w, String[] cells, int[] widths, boolean[] right, List<Integer> shown) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < shown.size(); k++) {
            if (k > 0) {
                s.append(' ');
            }
            int i = shown.get(k);
            if (i < 0) {
                s.append(SKIPPED);
                continue;
            }
            String c = cells[i];
            String pad = " ".repeat(widths[i] - c.length());
            s.append(right[i] ? pad + c : c + pad);
        }
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        s.setLength(end);
        w.print(s);
        w.print('\n');
    }

    /** A cell as text: arrays space-separated, nulls as the given marker. */
    static String text(RowCursor rows, int column, String nullText) {
        if (rows.isNull(column)) {
            return nullText;
        }
        Object v = rows.getObject(column);
        if (v == null) {
            return nullText;
        }
        if (v.getClass().isArray()) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < Array.getLength(v); i++) {
                if (i > 0) {
                    s.append(' ');
                }
                s.append(Array.get(v, i));
            }
            return s.toString();
        }
        return v.toString();
    }
}
