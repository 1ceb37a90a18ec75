// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import io.cadc4j.core.internal.xml.XmlText;
import io.cadc4j.core.table.ArraySize;
import io.cadc4j.core.table.Datatype;
import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Group;
import io.cadc4j.core.table.Info;
import io.cadc4j.core.table.Link;
import io.cadc4j.core.table.Param;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.core.table.Values;
import io.cadc4j.votable.Serialization;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;

/**
 * Writes one table as a VOTable 1.4 document, streaming: each row is encoded as it is taken from
 * the source and nothing but one row's bytes is held. Single-threaded; one instance per document.
 */
public final class TableWriter {
    private final Serialization serialization;
    private final TableMetadata table;
    private final List<Field> fields;
    private final OutputStream out;
    private final Writer w;
    private final RowBytes rowBytes = new RowBytes();

    /**
     * @param serialization the DATA serialization
     * @param table the table metadata (FIELDs, PARAMs, GROUPs, LINKs, INFOs)
     * @param out where to write; not closed
     */
    public TableWriter(Serialization serialization, TableMetadata table, OutputStream out) {
        this.serialization = serialization;
        this.table = table;
        this.fields = table.fields();
        this.out = out;
        this.w = new BufferedWriter(new OutputStreamWriter(new KeepOpen(out), StandardCharsets.UTF_8), 16 * 1024);
    }

    /**
     * Writes the document.
     *
     * @param rows the rows, each with one cell per FIELD
     * @param trailingInfos INFOs to write after the data (e.g. QUERY_STATUS=OVERFLOW)
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if a cell does not fit its FIELD
     */
    public void write(Iterator<? extends Row> rows, List<Info> trailingInfos) throws IOException {
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write("<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n");
        w.write("<RESOURCE type=\"results\">\n<TABLE");
        attr("ID", table.id().orElse(null));
        attr("name", table.name().orElse(null));
        attr("ucd", table.ucd().orElse(null));
        attr("utype", table.utype().orElse(null));
        attr("ref", table.ref().orElse(null));
        w.write(">\n");
        if (table.description().isPresent()) {
            element("DESCRIPTION", table.description().get());
        }
        for (Info i : table.infos()) {
            info(i);
        }
        for (Field f : fields) {
            field("FIELD", f, null);
        }
        for (Param p : table.params()) {
            field("PARAM", p.field(), p.value());
        }
        for (Group g : table.groups()) {
            group(g);
        }
        for (Link l : table.links()) {
            link(l);
        }
        w.write("<DATA>\n");
        long n = 0;
        if (serialization == Serialization.TABLEDATA) {
            w.write("<TABLEDATA>\n");
            StringBuilder sb = new StringBuilder(256);
            while (rows.hasNext()) {
                Row row = rows.next();
                checkWidth(row, n);
                sb.setLength(0);
                sb.append("<TR>");
                for (int c = 0; c < fields.size(); c++) {
                    if (row.isNull(c)) {
                        sb.append("<TD/>");
                    } else {
                        sb.append("<TD>");
                        text(sb, fields.get(c), row, c);
                        sb.append("</TD>");
                    }
                }
                sb.append("</TR>\n");
                w.append(sb);
                n++;
            }
            w.write("</TABLEDATA>\n");
        } else {
            boolean two = serialization == Serialization.BINARY2;
            w.write(two ? "<BINARY2>\n" : "<BINARY>\n");
            w.write("<STREAM encoding=\"base64\">\n");
            w.flush();
            OutputStream b64 = Base64.getMimeEncoder(76, new byte[] {'\n'}).wrap(new KeepOpen(out));
            while (rows.hasNext()) {
                Row row = rows.next();
                checkWidth(row, n);
                rowBytes.reset();
                if (two) {
                    int maskBytes = (fields.size() + 7) / 8;
                    for (int k = 0; k < maskBytes; k++) {
                        int m = 0;
                        for (int b = 0; b < 8 && k * 8 + b < fields.size(); b++) {
                            if (row.isNull(k * 8 + b)) {
                                m |= 0x80 >>> b;
                            }
                        }
                        rowBytes.write1(m);
                    }
                }
                for (int c = 0; c < fields.size(); c++) {
                    binary(fields.get(c), row, c, two);
                }
                b64.write(rowBytes.buf, 0, rowBytes.len);
                n++;
            }
            b64.close();
            w.write("\n</STREAM>\n");
            w.write(two ? "</BINARY2>\n" : "</BINARY>\n");
        }
        w.write("</DATA>\n");
        for (Info i : trailingInfos) {
            info(i);
        }
        w.write("</TABLE>\n</RESOURCE>\n</VOTABLE>\n");
        w.flush();
    }

    private void checkWidth(Row row, long n) {
        if (row.columnCount() != fields.size()) {
            throw new IllegalArgumentException("row " + n + " has " + row.columnCount() + " cells for " + fields.size()
                    + " FIELDs");
        }
    }

    private void attr(String name, String value) throws IOException {
        if (value != null) {
            w.write(' ');
            w.write(name);
            w.write("=\"");
            StringBuilder sb = new StringBuilder();
            escape(sb, value, true);
            w.append(sb);
            w.write('"');
        }
    }

    private void element(String name, String text) throws IOException {
        StringBuilder sb = new StringBuilder();
        escape(sb, text, false);
        w.write("<" + name + ">");
        w.append(sb);
        w.write("</" + name + ">\n");
    }

    private void info(Info i) throws IOException {
        w.write("<INFO");
        attr("ID", i.id().orElse(null));
        attr("name", i.name());
        attr("value", i.value());
        if (i.content().isEmpty()) {
            w.write("/>\n");
        } else {
            w.write(">");
            StringBuilder sb = new StringBuilder();
            escape(sb, i.content(), false);
            w.append(sb);
            w.write("</INFO>\n");
        }
    }

    private void link(Link l) throws IOException {
        w.write("<LINK");
        attr("ID", l.id().orElse(null));
        attr("content-role", l.contentRole().orElse(null));
        attr("content-type", l.contentType().orElse(null));
        attr("title", l.title().orElse(null));
        attr("value", l.value().orElse(null));
        attr("href", l.href().orElse(null));
        attr("action", l.action().orElse(null));
        w.write("/>\n");
    }

    private void group(Group g) throws IOException {
        w.write("<GROUP");
        attr("ID", g.id().orElse(null));
        attr("name", g.name().orElse(null));
        attr("ref", g.ref().orElse(null));
        attr("ucd", g.ucd().orElse(null));
        attr("utype", g.utype().orElse(null));
        w.write(">\n");
        if (g.description().isPresent()) {
            element("DESCRIPTION", g.description().get());
        }
        for (String r : g.fieldRefs()) {
            w.write("<FIELDref");
            attr("ref", r);
            w.write("/>\n");
        }
        for (String r : g.paramRefs()) {
            w.write("<PARAMref");
            attr("ref", r);
            w.write("/>\n");
        }
        for (Param p : g.params()) {
            field("PARAM", p.field(), p.value());
        }
        for (Group sub : g.groups()) {
            group(sub);
        }
        w.write("</GROUP>\n");
    }

    private void field(String element, Field f, String value) throws IOException {
        w.write("<" + element);
        attr("ID", f.id().orElse(null));
        attr("name", f.name());
        attr("datatype", f.type().votableName());
        attr("arraysize", f.arraysize().orElse(null));
        attr("unit", f.unit().orElse(null));
        attr("ucd", f.ucd().orElse(null));
        attr("utype", f.utype().orElse(null));
        attr("xtype", f.xtype().orElse(null));
        attr("ref", f.ref().orElse(null));
        attr("precision", f.precision().orElse(null));
        attr("width", f.width().orElse(null));
        attr("value", value);
        Values v = f.values();
        boolean children = f.description().isPresent() || !v.equals(Values.NONE) || !f.links().isEmpty();
        if (!children) {
            w.write("/>\n");
            return;
        }
        w.write(">\n");
        if (f.description().isPresent()) {
            element("DESCRIPTION", f.description().get());
        }
        if (!v.equals(Values.NONE)) {
            w.write("<VALUES");
            attr("null", v.nullValue().orElse(null));
            attr("ref", v.ref().orElse(null));
            w.write(">\n");
            if (v.min().isPresent()) {
                w.write("<MIN");
                attr("value", v.min().get());
                attr("inclusive", v.minInclusive() ? null : "no");
                w.write("/>\n");
            }
            if (v.max().isPresent()) {
                w.write("<MAX");
                attr("value", v.max().get());
                attr("inclusive", v.maxInclusive() ? null : "no");
                w.write("/>\n");
            }
            for (Values.Option o : v.options()) {
                option(o);
            }
            w.write("</VALUES>\n");
        }
        for (Link l : f.links()) {
            link(l);
        }
        w.write("</" + element + ">\n");
    }

    private void option(Values.Option o) throws IOException {
        w.write("<OPTION");
        attr("name", o.name().orElse(null));
        attr("value", o.value());
        if (o.options().isEmpty()) {
            w.write("/>\n");
            return;
        }
        w.write(">\n");
        for (Values.Option sub : o.options()) {
            option(sub);
        }
        w.write("</OPTION>\n");
    }

    /** Core's one XML escaper; a character XML cannot carry is refused, pointing at BINARY2. */
    static void escape(StringBuilder sb, String s, boolean attribute) {
        try {
            XmlText.escape(sb, s, attribute);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; use BINARY2", e);
        }
    }

    // ---------------------------------------------------------------- TABLEDATA cells

    private static void text(StringBuilder sb, Field f, Row row, int c) {
        Datatype t = f.type();
        ArraySize s = f.shape();
        if (t.isCharacter()) {
            Object o = row.getObject(c);
            if (o instanceof String[]) {
                String[] parts = (String[]) o;
                int width = s.dimension(0);
                StringBuilder joined = new StringBuilder();
                for (String p : parts) {
                    if (p.length() > width) {
                        throw new IllegalArgumentException("column " + c + ": '" + p + "' is longer than " + width);
                    }
                    joined.append(p);
                    for (int k = p.length(); k < width; k++) {
                        joined.append(' ');
                    }
                }
                escape(sb, joined.toString(), false);
            } else {
                escape(sb, row.getString(c), false);
            }
            return;
        }
        if (s.isScalar() && !t.isComplex()) {
            switch (t) {
                case BOOLEAN:
                    sb.append(row.getBoolean(c) ? 'T' : 'F');
                    return;
                case BIT:
                    sb.append(row.getBoolean(c) ? '1' : '0');
                    return;
                case FLOAT:
                    appendFloat(sb, row.getFloat(c));
                    return;
                case DOUBLE:
                    appendDouble(sb, row.getDouble(c));
                    return;
                default:
                    sb.append(row.getLong(c));
                    return;
            }
        }
        Object a = array(f, row, c);
        int n = Array.getLength(a);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            Object e = Array.get(a, i);
            if (e instanceof Boolean) {
                sb.append(t == Datatype.BIT ? ((Boolean) e ? '1' : '0') : ((Boolean) e ? 'T' : 'F'));
            } else if (t == Datatype.FLOAT || t == Datatype.FLOAT_COMPLEX) {
                appendFloat(sb, ((Number) e).floatValue());
            } else if (t == Datatype.DOUBLE || t == Datatype.DOUBLE_COMPLEX) {
                appendDouble(sb, ((Number) e).doubleValue());
            } else {
                sb.append(((Number) e).longValue());
            }
        }
    }

    private static void appendFloat(StringBuilder sb, float v) {
        if (Float.isInfinite(v)) {
            sb.append(v > 0 ? "+Inf" : "-Inf");
        } else {
            sb.append(v);
        }
    }

    private static void appendDouble(StringBuilder sb, double v) {
        if (Double.isInfinite(v)) {
            sb.append(v > 0 ? "+Inf" : "-Inf");
        } else {
            sb.append(v);
        }
    }

    /** The cell as an array, its length checked against the arraysize. */
    private static Object array(Field f, Row row, int c) {
        Object a = row.getObject(c);
        if (a == null || !a.getClass().isArray() || a instanceof Object[]) {
            throw new IllegalArgumentException("column " + c + " '" + f.name() + "' (" + f.type() + "["
                    + f.shape().text() + "]) needs a primitive array, not " + (a == null ? "null" : a.getClass().getSimpleName()));
        }
        int n = Array.getLength(a);
        ArraySize s = f.shape();
        long per = s.itemElements() * (f.type().isComplex() ? 2 : 1);
        // the bound of n* is not enforced, as on reading: real documents exceed it
        boolean ok = s.isVariable() ? n % per == 0 : n == per;
        if (!ok) {
            throw new IllegalArgumentException("column " + c + " '" + f.name() + "': " + n + " elements do not fit arraysize "
                    + (s.isScalar() ? "(scalar)" : s.text()) + " of " + f.type());
        }
        return a;
    }

    // ---------------------------------------------------------------- binary cells

    private void binary(Field f, Row row, int c, boolean two) {
        Datatype t = f.type();
        ArraySize s = f.shape();
        boolean isNull = row.isNull(c);
        RowBytes o = rowBytes;
        if (t.isCharacter()) {
            byte[] bytes;
            if (isNull) {
                bytes = new byte[0];
            } else {
                Object v = row.getObject(c);
                String str;
                if (v instanceof String[]) {
                    StringBuilder joined = new StringBuilder();
                    int width = s.dimension(0);
                    for (String p : (String[]) v) {
                        joined.append(p);
                        for (int k = p.length(); k < width; k++) {
                            joined.append('\0');
                        }
                    }
                    str = joined.toString();
                } else {
                    str = row.getString(c);
                }
                bytes = str.getBytes(t == Datatype.CHAR ? StandardCharsets.UTF_8 : StandardCharsets.UTF_16BE);
            }
            int unit = t == Datatype.CHAR ? 1 : 2;
            if (s.isVariable()) {
                long per = s.itemElements() * unit;
                long items = (bytes.length + per - 1) / per;
                o.writeInt((int) items);
                o.write(bytes, bytes.length);
                for (long k = bytes.length; k < items * per; k++) {
                    o.write1(0);
                }
            } else {
                long size = s.itemElements() * unit;
                if (bytes.length > size) {
                    throw new IllegalArgumentException("column " + c + " '" + f.name() + "': the value is longer than "
                            + "arraysize " + (s.isScalar() ? "1" : s.text()));
                }
                o.write(bytes, bytes.length);
                for (long k = bytes.length; k < size; k++) {
                    o.write1(0);
                }
            }
            return;
        }
        if (s.isScalar() && !t.isComplex()) {
            if (isNull) {
                nullScalar(f, c, two);
                return;
            }
            switch (t) {
                case BOOLEAN:
                    o.write1(row.getBoolean(c) ? 'T' : 'F');
                    return;
                case BIT:
                    o.write1(row.getBoolean(c) ? 0x80 : 0);
                    return;
                case UNSIGNED_BYTE:
                    o.write1((int) row.getLong(c));
                    return;
                case SHORT:
                    o.writeShort((int) row.getLong(c));
                    return;
                case INT:
                    o.writeInt((int) row.getLong(c));
                    return;
                case LONG:
                    o.writeLong(row.getLong(c));
                    return;
                case FLOAT:
                    o.writeInt(Float.floatToIntBits(row.getFloat(c)));
                    return;
                default:
                    o.writeLong(Double.doubleToLongBits(row.getDouble(c)));
                    return;
            }
        }
        long per = s.itemElements() * (t.isComplex() ? 2 : 1);
        if (isNull) {
            if (s.isVariable()) {
                o.writeInt(0);
                return;
            }
            if (!two && !t.isFloatingPoint()) {
                throw new IllegalArgumentException("column " + c + " '" + f.name()
                        + "': BINARY cannot carry a null fixed-size " + t + " array; use BINARY2");
            }
            for (long k = 0; k < per; k++) {
                element(t, t.isFloatingPoint() ? (Object) Double.NaN : (Object) 0L, o);
            }
            if (t == Datatype.BIT) {
                for (long k = 0; k < (per + 7) / 8; k++) {
                    o.write1(0);
                }
            }
            return;
        }
        Object a = array(f, row, c);
        int n = Array.getLength(a);
        if (s.isVariable()) {
            o.writeInt((int) (n / per));
        }
        if (t == Datatype.BIT) {
            int acc = 0;
            int bits = 0;
            for (int i = 0; i < n; i++) {
                acc = acc << 1 | ((Boolean) Array.get(a, i) ? 1 : 0);
                if (++bits == 8) {
                    o.write1(acc);
                    acc = 0;
                    bits = 0;
                }
            }
            if (bits > 0) {
                o.write1(acc << (8 - bits));
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            element(t, Array.get(a, i), o);
        }
    }

    private static void element(Datatype t, Object e, RowBytes o) {
        switch (t) {
            case BOOLEAN:
                o.write1(e instanceof Boolean ? ((Boolean) e ? 'T' : 'F') : '?');
                return;
            case BIT:
                return;
            case UNSIGNED_BYTE:
                o.write1(((Number) e).intValue());
                return;
            case SHORT:
                o.writeShort(((Number) e).intValue());
                return;
            case INT:
                o.writeInt(((Number) e).intValue());
                return;
            case LONG:
                o.writeLong(((Number) e).longValue());
                return;
            case FLOAT:
            case FLOAT_COMPLEX:
                o.writeInt(Float.floatToIntBits(((Number) e).floatValue()));
                return;
            default:
                o.writeLong(Double.doubleToLongBits(((Number) e).doubleValue()));
                return;
        }
    }

    private void nullScalar(Field f, int c, boolean two) {
        RowBytes o = rowBytes;
        Datatype t = f.type();
        long magic = 0;
        if (t.isIntegral()) {
            String nv = f.values().nullValue().orElse(null);
            if (nv != null) {
                char[] ch = nv.strip().toCharArray();
                magic = Numbers.parseLong(ch, 0, ch.length);
            } else if (!two) {
                throw new IllegalArgumentException("column " + c + " '" + f.name() + "': BINARY cannot carry a null "
                        + t + " without VALUES null; use BINARY2 or declare a null value");
            }
        }
        switch (t) {
            case BOOLEAN:
                o.write1('?');
                return;
            case BIT:
                if (!two) {
                    throw new IllegalArgumentException("column " + c + " '" + f.name()
                            + "': BINARY cannot carry a null bit; use BINARY2");
                }
                o.write1(0);
                return;
            case UNSIGNED_BYTE:
                o.write1((int) magic);
                return;
            case SHORT:
                o.writeShort((int) magic);
                return;
            case INT:
                o.writeInt((int) magic);
                return;
            case LONG:
                o.writeLong(magic);
                return;
            case FLOAT:
                o.writeInt(Float.floatToIntBits(Float.NaN));
                return;
            default:
                o.writeLong(Double.doubleToLongBits(Double.NaN));
                return;
        }
    }

    /** One row's bytes, big-endian. */
    private static final class RowBytes {
        byte[] buf = new byte[1024];
        int len;

        void reset() {
            len = 0;
        }

        private void room(int n) {
            if (len + n > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(len + n, buf.length * 2));
            }
        }

        void write1(int b) {
            room(1);
            buf[len++] = (byte) b;
        }

        void writeShort(int v) {
            room(2);
            buf[len++] = (byte) (v >> 8);
            buf[len++] = (byte) v;
        }

        void writeInt(int v) {
            room(4);
            buf[len++] = (byte) (v >> 24);
            buf[len++] = (byte) (v >> 16);
            buf[len++] = (byte) (v >> 8);
            buf[len++] = (byte) v;
        }

        void writeLong(long v) {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
        }

        void write(byte[] b, int n) {
            room(n);
            System.arraycopy(b, 0, buf, len, n);
            len += n;
        }
    }

    /** Passes writes through but never closes the caller's stream. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
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
