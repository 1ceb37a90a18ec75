// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.internal.io.AtomicFiles;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.internal.port.ResultWriterProvider;
import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.tap.ResultFormat;
import io.cadc4j.votable.Serialization;
import io.cadc4j.votable.VOTableWriter;
import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a query's result while it streams, in the formats {@link ResultFormat} documents, and
 * makes files atomically.
 *
 * <p>Stateless and thread-safe.
 */
final class ResultWriters {
    private ResultWriters() {
    }

    /** Writes a result into a stream. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a file through a temporary file in the same directory, moved into place only when the
     * body completed; the temporary file is removed on any failure.
     *
     * @param target the file to make or replace
     * @param body what to write
     */
    static void atomically(Path target, Body body) {
        AtomicFiles.write(target, body::writeTo);
    }

    /**
     * Writes the result an answer carries, closing the answer.
     *
     * @param tap the adapter (its reader and its checks of the answer)
     * @param response the answer
     * @param jobId the job id, or null for a sync query
     * @param format the format
     * @param out where to write; flushed, not closed
     */
    static void write(HttpTapAdapter tap, HttpResponse response, String jobId, ResultFormat format, OutputStream out) {
        URI source = response.uri();
        try {
            if (format == ResultFormat.VOTABLE) {
                Tee tee = new Tee(new HttpTapAdapter.ResponseStream(tap.open(response, jobId), response), out);
                try (RowCursor rows = tap.reader().open(tee, source)) {
                    while (rows.next()) {
                        // read through, so an error status is seen
                    }
                    tee.complete = true;
                }
                out.flush();
                return;
            }
            try (RowCursor rows = tap.rows(response, jobId)) {
                switch (format) {
                    case VOTABLE_TABLEDATA:
                        VOTableWriter.of(Serialization.TABLEDATA).write(rows, new NonClosing(out));
                        break;
                    case VOTABLE_BINARY2:
                        VOTableWriter.of(Serialization.BINARY2).write(rows, new NonClosing(out));
                        break;
                    case CSV:
                        delimited(rows, out, true);
                        break;
                    case TSV:
                        delimited(rows, out, false);
                        break;
                    case JSON:
                        json(rows, out);
                        break;
                    default:
                        // FITS, ECSV: written by a provider that brings its own library
                        ResultWriterProvider.forFormat(format).write(format, rows, new NonClosing(out));
                        break;
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new CadcException("writing the result of " + source + " failed: " + e, source, false, e);
        } catch (UncheckedIOException e) {
            throw new CadcException("writing the result of " + source + " failed: " + e.getCause(), source, false, e);
        } finally {
            response.close();
        }
    }

    /**
     * Writes CSV (RFC 4180, CRLF) or TSV. A null cell is an empty field; in CSV an empty string is
     * a quoted empty field ({@code ""}), so the two stay apart; TSV has no quoting and writes both
     * as an empty field.
     */
    static void delimited(RowCursor rows, OutputStream out, boolean csv) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(new NonClosing(out), StandardCharsets.UTF_8), 64 * 1024);
        String sep = csv ? "," : "\t";
        String eol = csv ? "\r\n" : "\n";
        List<Field> fields = rows.metadata().fields();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(sep);
            }
            w.write(csv ? csvField(fields.get(i).name()) : tsvField(fields.get(i).name()));
        }
        w.write(eol);
        int n = fields.size();
        boolean[] bool = new boolean[n];
        boolean[] text = new boolean[n];
        for (int i = 0; i < n; i++) {
            String t = fields.get(i).datatype();
            // VOTable writes booleans as T/F; the text formats spell them out.
            bool[i] = "boolean".equals(t) && fields.get(i).arraysize().isEmpty();
            text[i] = "char".equals(t) || "unicodeChar".equals(t);
        }
        char[] scratch = new char[256];
        while (rows.next()) {
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    w.write(sep);
                }
                if (rows.isNull(i)) {
                    continue;
                }
                if (bool[i]) {
                    w.write(Boolean.toString(rows.getBoolean(i)));
                } else if (text[i]) {
                    // text cells are copied from the reader's view: no String per cell
                    CharSequence v = rows.getCharSequence(i);
                    if (csv && v.length() == 0) {
                        // the empty string, told apart from null (an empty field) as PostgreSQL's CSV does
                        w.write("\"\"");
                        continue;
                    }
                    if (scratch.length < 2 * v.length() + 2) {
                        scratch = new char[2 * v.length() + 2];
                    }
                    w.write(scratch, 0, csv ? csvField(v, scratch) : tsvField(v, scratch));
                } else {
                    String v = rows.getString(i);
                    w.write(csv ? csvField(v) : tsvField(v));
                }
            }
            w.write(eol);
        }
        w.flush();
    }

    /**
     * Writes a CSV field into out (room for twice its length and two more): as it is, or, if it
     * holds a comma, quote or line end, quoted with its quotes doubled.
     *
     * @return the length written
     */
    static int csvField(CharSequence v, char[] out) {
        int n = v.length();
        boolean quote = false;
        for (int i = 0; i < n && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        int k = 0;
        if (quote) {
            out[k++] = '"';
        }
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c == '"') {
                out[k++] = '"';
            }
            out[k++] = c;
        }
        if (quote) {
            out[k++] = '"';
        }
        return k;
    }

    /**
     * Writes a TSV field into out (room for twice its length) with tab, line ends and backslash
     * escaped.
     *
     * @return the length written
     */
    static int tsvField(CharSequence v, char[] out) {
        int k = 0;
        for (int i = 0, n = v.length(); i < n; i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\t':
                    out[k++] = '\\';
                    out[k++] = 't';
                    break;
                case '\n':
                    out[k++] = '\\';
                    out[k++] = 'n';
                    break;
                case '\r':
                    out[k++] = '\\';
                    out[k++] = 'r';
                    break;
                case '\\':
                    out[k++] = '\\';
                    out[k++] = '\\';
                    break;
                default:
                    out[k++] = c;
            }
        }
        return k;
    }

    static String csvField(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        char[] out = new char[2 * v.length() + 2];
        return new String(out, 0, csvField(v, out));
    }

    static String tsvField(String v) {
        if (v.indexOf('\t') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0 && v.indexOf('\\') < 0) {
            return v;
        }
        char[] out = new char[2 * v.length()];
        return new String(out, 0, tsvField(v, out));
    }

    static void json(RowCursor rows, OutputStream out) {
        JsonGenerator g = JsonFactory.get().createGenerator(new NonClosing(out), StandardCharsets.UTF_8);
        g.writeStartObject();
        g.writeStartArray("columns");
        for (Field f : rows.metadata().fields()) {
            g.writeStartObject();
            g.write("name", f.name());
            g.write("datatype", f.datatype());
            member(g, "arraysize", f.arraysize());
            member(g, "unit", f.unit());
            member(g, "ucd", f.ucd());
            member(g, "xtype", f.xtype());
            g.writeEnd();
        }
        g.writeEnd();
        g.writeStartArray("rows");
        int n = rows.metadata().fields().size();
        while (rows.next()) {
            g.writeStartArray();
            for (int i = 0; i < n; i++) {
                value(g, rows.isNull(i) ? null : rows.getObject(i));
            }
            g.writeEnd();
        }
        g.writeEnd();
        g.write("overflow", rows.isOverflow());
        g.writeEnd();
        g.close();
    }

    private static void member(JsonGenerator g, String name, Optional<String> value) {
        if (value.isPresent()) {
            g.write(name, value.get());
        }
    }

    private static void value(JsonGenerator g, Object v) {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean) {
            g.write((Boolean) v);
        } else if (v instanceof Double || v instanceof Float) {
            number(g, ((Number) v).doubleValue());
        } else if (v instanceof Long) {
            g.write((Long) v);
        } else if (v instanceof Number) {
            g.write(((Number) v).intValue());
        } else if (v instanceof String) {
            g.write((String) v);
        } else if (v instanceof double[]) {
            g.writeStartArray();
            for (double d : (double[]) v) {
                number(g, d);
            }
            g.writeEnd();
        } else if (v instanceof float[]) {
            g.writeStartArray();
            for (float d : (float[]) v) {
                number(g, d);
            }
            g.writeEnd();
        } else if (v instanceof long[]) {
            g.writeStartArray();
            for (long d : (long[]) v) {
                g.write(d);
            }
            g.writeEnd();
        } else if (v instanceof int[]) {
            g.writeStartArray();
            for (int d : (int[]) v) {
                g.write(d);
            }
            g.writeEnd();
        } else if (v instanceof short[]) {
            g.writeStartArray();
            for (short d : (short[]) v) {
                g.write(d);
            }
            g.writeEnd();
        } else if (v instanceof byte[]) {
            g.writeStartArray();
            for (byte d : (byte[]) v) {
                g.write(d & 0xff);
            }
            g.writeEnd();
        } else if (v instanceof boolean[]) {
            g.writeStartArray();
            for (boolean d : (boolean[]) v) {
                g.write(d);
            }
            g.writeEnd();
        } else if (v instanceof String[]) {
            g.writeStartArray();
            for (String d : (String[]) v) {
                if (d == null) {
                    g.writeNull();
                } else {
                    g.write(d);
                }
            }
            g.writeEnd();
        } else {
            g.write(v.toString());
        }
    }

    private static void number(JsonGenerator g, double d) {
        if (Double.isNaN(d)) {
            g.writeNull();
        } else if (Double.isInfinite(d)) {
            g.write(d > 0 ? "Infinity" : "-Infinity");
        } else {
            g.write(d);
        }
    }

    /**
     * The JSON-P generator factory, looked up once on first use (JSON-P's static {@code Json}
     * methods would repeat the provider lookup on every call).
     */
    private static final class JsonFactory {
        private static volatile JsonGeneratorFactory factory;

        static JsonGeneratorFactory get() {
            JsonGeneratorFactory f = factory;
            if (f == null) {
                try {
                    f = JsonProvider.provider().createGeneratorFactory(Map.of());
                } catch (JsonException e) {
                    throw new IllegalStateException("JSON results need a Jakarta JSON-P implementation at run time "
                            + "(add org.eclipse.parsson:parsson): " + e.getMessage(), e);
                }
                factory = f;
            }
            return f;
        }
    }

    /** Copies what the reader reads to the output; on a complete read, also what it left unread. */
    private static final class Tee extends FilterInputStream {
        private final OutputStream copy;
        boolean complete;

        Tee(InputStream in, OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                copy.write(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[(int) Math.min(n, 8192)];
            int r = read(buf, 0, buf.length);
            return Math.max(r, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() throws IOException {
            try {
                if (complete) {
                    in.transferTo(copy);
                }
            } finally {
                super.close();
            }
        }
    }

    /** Keeps the caller's stream open when a writer closes its own. */
    private static final class NonClosing extends FilterOutputStream {
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
