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
import java.lang.reflect.Array;
import java.util.List;

/**
 * Writes a cursor's rows in one of the {@link Format}s, streaming: only the {@code table} format
 * holds rows, and only the first {@value TextTable#MEASURED_ROWS}, to size its columns. The text
 * formats reach the stream one whole row at a time ({@link RowBoundaryWriter}): when reading the
 * rows fails, the output ends after the last whole row (JSON is then left unterminated, so that no
 * reader takes it for a complete result) and the failure goes on to the caller.
 *
 * <p>Single-threaded.
 */
final class TableWriter {

    private TableWriter() {
    }

    /**
     * Writes every remaining row.
     *
     * @param format the format
     * @param rows the cursor, read to its end (not closed)
     * @param out where to write; flushed, not closed
     * @param width the terminal width the table format is fitted to, or 0 or less when the output
     *     is not a terminal (every column and character written)
     * @return the number of rows written
     * @throws IOException if writing fails
     */
    static long write(Format format, RowCursor rows, OutputStream out, int width) throws IOException {
        if (format == Format.votable) {
            return votable(rows, out);
        }
        if (format == Format.fits) {
            return ResultWriterProvider.forFormat(ResultFormat.FITS).write(ResultFormat.FITS, rows, out);
        }
        if (format == Format.ecsv) {
            return ResultWriterProvider.forFormat(ResultFormat.ECSV).write(ResultFormat.ECSV, rows, out);
        }
        RowBoundaryWriter w = new RowBoundaryWriter(out);
        try {
            long count;
            switch (format) {
                case json:
                    count = json(rows, w);
                    break;
                case csv:
                    count = delimited(rows, w, ',');
                    break;
                case tsv:
                    count = delimited(rows, w, '\t');
                    break;
                case table:
                default:
                    count = TextTable.write(rows, w, width);
            }
            w.finish();
            return count;
        } catch (RuntimeException | IOException | Error e) {
            try {
                w.abandon();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static long votable(RowCursor rows, OutputStream out) throws IOException {
        long[] count = {0};
        VOTableWriter.of(Serialization.TABLEDATA).write(new CountingCursor(rows, count), out);
        return count[0];
    }

    private static long json(RowCursor rows, RowBoundaryWriter w) throws IOException {
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
        g.flush();
        w.endRow();
        int n = rows.columnCount();
        long count = 0;
        while (rows.next()) {
            g.writeStartArray();
            for (int i = 0; i < n; i++) {
                jsonValue(g, rows.isNull(i) ? null : rows.getObject(i));
            }
            g.writeEnd();
            g.flush();
            w.endRow();
            count++;
        }
        g.writeEnd().write("rowCount", count).write("overflow", rows.isOverflow()).writeEnd();
        g.flush();
        w.write('\n');
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

    private static long delimited(RowCursor rows, RowBoundaryWriter w, char separator) throws IOException {
        List<Field> fields = rows.metadata().fields();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(separator);
            }
            line.append(escape(fields.get(i).name(), separator));
        }
        w.write(line.toString());
        w.write('\n');
        w.endRow();
        long count = 0;
        while (rows.next()) {
            line.setLength(0);
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    line.append(separator);
                }
                String cell = text(rows, i, null);
                if (cell == null) {
                    continue; // null: an empty field
                }
                // CSV keeps '' (and an empty array) apart from null as a quoted empty field, as PostgreSQL
                // and the library's CSV writer do; TSV has no quoting and writes both as nothing
                line.append(cell.isEmpty() && separator == ',' ? "\"\"" : escape(cell, separator));
            }
            w.write(line.toString());
            w.write('\n');
            w.endRow();
            count++;
        }
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
