// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench.internal;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Writes the generated CAOM2-shaped table as a VOTable 1.4 document, one row at a time straight to disk, so a
 * million-row document never sits in memory. Stateless: each call is independent, so this is thread-safe.
 */
public final class DocumentWriter {
    /** The serializations the benchmark reads. */
    public enum Format {
        /** {@code <TABLEDATA>} with one {@code <TR>} per row and one {@code <TD>} per cell. */
        TABLEDATA,
        /** {@code <BINARY2><STREAM encoding="base64">}, standard VOTable 1.4 layout (section 5.5). */
        BINARY2
    }

    private static final int BUFFER = 1 << 16;

    private DocumentWriter() {
    }

    /**
     * Writes {@code rows} rows of the table with the given seed to {@code file}, replacing it.
     *
     * @param file   the document to write
     * @param format the serialization
     * @param rows   the number of rows, at least 0
     * @param seed   the seed of the {@link Caom2Table}
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, Format format, long rows, long seed) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be at least 0, was " + rows);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER)) {
            write(out, format, rows, seed);
        }
    }

    /**
     * Writes the document to {@code out}, which is flushed but not closed.
     *
     * @param out    where the document goes
     * @param format the serialization
     * @param rows   the number of rows, at least 0
     * @param seed   the seed of the {@link Caom2Table}
     * @throws IOException if writing fails
     */
    public static void write(OutputStream out, Format format, long rows, long seed) throws IOException {
        Caom2Table table = new Caom2Table(seed);
        Writer xml = new OutputStreamWriter(new Unclosable(out), StandardCharsets.UTF_8);
        head(xml);
        Object[] cells = new Object[Caom2Table.COLUMNS.size()];
        if (format == Format.TABLEDATA) {
            xml.write("<DATA>\n<TABLEDATA>\n");
            StringBuilder row = new StringBuilder(2048);
            for (long r = 0; r < rows; r++) {
                table.nextRow(cells);
                tableDataRow(xml, cells, row);
            }
            xml.write("</TABLEDATA>\n</DATA>\n");
        } else {
            xml.write("<DATA>\n<BINARY2>\n<STREAM encoding=\"base64\">\n");
            xml.flush();
            // 76 characters a line, as MIME does: VOTable allows any whitespace inside the base64 text.
            OutputStream base64 = Base64.getMimeEncoder(76, new byte[] {'\n'}).wrap(new Unclosable(out));
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(base64, BUFFER));
            for (long r = 0; r < rows; r++) {
                table.nextRow(cells);
                binary2Row(data, cells);
            }
            data.close(); // writes the last group and its padding; the file stays open
            xml.write("\n</STREAM>\n</BINARY2>\n</DATA>\n");
        }
        xml.write("</TABLE>\n</RESOURCE>\n</VOTABLE>\n");
        xml.flush();
    }

    private static void head(Writer xml) throws IOException {
        xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<VOTABLE xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\" version=\"1.4\">\n"
                + "<RESOURCE type=\"results\">\n"
                + "<INFO name=\"QUERY_STATUS\" value=\"OK\"/>\n"
                + "<INFO name=\"QUERY\" value=\"SELECT * FROM caom2.Observation AS o JOIN caom2.Plane AS p "
                + "ON o.obsID = p.obsID\"/>\n"
                + "<TABLE>\n");
        for (Column c : Caom2Table.COLUMNS) {
            StringBuilder f = new StringBuilder(160);
            f.append("<FIELD name=\"").append(c.name()).append("\" datatype=\"").append(c.kind().datatype)
                    .append('"');
            if (c.kind().arraysize != null) {
                f.append(" arraysize=\"").append(c.kind().arraysize).append('"');
            }
            if (c.kind().xtype != null) {
                f.append(" xtype=\"").append(c.kind().xtype).append('"');
            }
            if (c.ucd() != null) {
                f.append(" ucd=\"").append(c.ucd()).append('"');
            }
            if (c.unit() != null) {
                f.append(" unit=\"").append(c.unit()).append('"');
            }
            f.append("/>\n");
            xml.write(f.toString());
        }
    }

    private static void tableDataRow(Writer xml, Object[] cells, StringBuilder row) throws IOException {
        row.setLength(0);
        row.append("<TR>");
        List<Column> columns = Caom2Table.COLUMNS;
        for (int i = 0; i < cells.length; i++) {
            Object v = cells[i];
            if (v == null) {
                // VOTable 1.3 section 6: an empty TD is a null for every datatype.
                row.append("<TD/>");
                continue;
            }
            row.append("<TD>");
            switch (columns.get(i).kind()) {
                case STRING:
                case TIMESTAMP:
                    escaped(row, (String) v);
                    break;
                case BOOLEAN:
                    row.append((Boolean) v ? 'T' : 'F');
                    break;
                case POLYGON:
                    double[] p = (double[]) v;
                    for (int k = 0; k < p.length; k++) {
                        if (k > 0) {
                            row.append(' ');
                        }
                        row.append(p[k]);
                    }
                    break;
                default:
                    row.append(v);
                    break;
            }
            row.append("</TD>");
        }
        row.append("</TR>\n");
        xml.append(row);
    }

    private static void escaped(StringBuilder row, String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '&') {
                row.append("&amp;");
            } else if (c == '<') {
                row.append("&lt;");
            } else if (c == '>') {
                row.append("&gt;");
            } else {
                row.append(c);
            }
        }
    }

    /** VOTable 1.4 section 5.5: a null bitmap, then every cell, nulls included (filled with NaN or zero bytes). */
    private static void binary2Row(DataOutputStream data, Object[] cells) throws IOException {
        byte[] bitmap = new byte[(cells.length + 7) / 8];
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == null) {
                bitmap[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        data.write(bitmap);
        List<Column> columns = Caom2Table.COLUMNS;
        for (int i = 0; i < cells.length; i++) {
            Object v = cells[i];
            switch (columns.get(i).kind()) {
                case STRING:
                case TIMESTAMP:
                    if (v == null) {
                        data.writeInt(0);
                    } else {
                        // char is one byte per character; the generated strings are ASCII.
                        byte[] b = ((String) v).getBytes(StandardCharsets.US_ASCII);
                        data.writeInt(b.length);
                        data.write(b);
                    }
                    break;
                case DOUBLE:
                    data.writeDouble(v == null ? Double.NaN : (Double) v);
                    break;
                case LONG:
                    data.writeLong(v == null ? 0L : (Long) v);
                    break;
                case INT:
                    data.writeInt(v == null ? 0 : (Integer) v);
                    break;
                case BOOLEAN:
                    data.writeByte(v == null ? '?' : (Boolean) v ? 'T' : 'F');
                    break;
                case POLYGON:
                    if (v == null) {
                        data.writeInt(0);
                    } else {
                        double[] p = (double[]) v;
                        data.writeInt(p.length);
                        for (double d : p) {
                            data.writeDouble(d);
                        }
                    }
                    break;
                default:
                    throw new IllegalStateException("no BINARY2 encoding for " + columns.get(i));
            }
        }
    }

    /** Lets the base64 encoder be closed (to write its padding) without closing the file under it. */
    private static final class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
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
