// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.table.DocumentMetadata;
import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.votable.Binary2Layout;
import io.cadc4j.votable.ParserLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.URI;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The streaming VOTable reader: one {@link XMLStreamReader} over the document (through the
 * {@link FastPath}), a {@link MetadataReader} that walks it up to the data of the results table,
 * and a {@link RowSource} that hands out its rows one at a time ({@link TableDataRows} or
 * {@link BinaryRows} over a {@link StreamSource}); {@link Failures} says where anything broke.
 * Single-threaded.
 */
public final class VOTableCursor implements RowCursor {
    private final XMLStreamReader r;
    private final CountingStream counted;
    private final FastPath fast;
    private final URI source;
    private final ParserLimits limits;
    private final Binary2Layout layout;
    private final HttpPipeline http;
    private final Failures fail;
    private final XmlEvents ev;
    private final MetadataReader metadata;

    private Column[] cols = new Column[0];
    /** The rows being read; null before and after them. */
    private RowSource rows;
    /** The TABLEDATA rows, kept for {@link #rawRowsTaken()}; null for other data. */
    private TableDataRows tableRows;
    private long row = -1;
    private boolean onRow;
    private boolean finished;
    private boolean overflow;
    private boolean closed;

    /**
     * Opens a cursor: reads the document up to the first row of the results table (or to its end).
     *
     * @param factory a hardened factory ({@code io.cadc4j.core.internal.xml.Stax#hardenedFactory})
     * @param in the document; closed by the cursor
     * @param source where the document came from, or null
     * @param limits the parser limits
     * @param layout the BINARY2 layout to expect
     * @param http the pipeline for {@code STREAM href}, or null
     */
    public VOTableCursor(XMLInputFactory factory, InputStream in, URI source, ParserLimits limits, Binary2Layout layout,
            HttpPipeline http) {
        this(factory, in, source, limits, layout, http, false, true);
    }

    /**
     * Reads a whole document's metadata, skipping any data and ignoring its status.
     *
     * @param factory a hardened factory ({@code io.cadc4j.core.internal.xml.Stax#hardenedFactory})
     * @param in the document; closed before returning
     * @param source where the document came from, or null
     * @param limits the parser limits
     * @return the document metadata
     */
    public static DocumentMetadata readMetadata(XMLInputFactory factory, InputStream in, URI source,
            ParserLimits limits) {
        VOTableCursor c = new VOTableCursor(factory, in, source, limits, Binary2Layout.STANDARD, null, true, false);
        return c.document();
    }

    /** As the public constructor; raw false keeps every STREAM's text and TABLEDATA row on the parser (for tests). */
    VOTableCursor(XMLInputFactory factory, InputStream in, URI source, ParserLimits limits,
            Binary2Layout layout, HttpPipeline http, boolean metadataOnly, boolean raw) {
        this.source = source;
        this.limits = limits;
        this.layout = layout;
        this.http = http;
        this.counted = new CountingStream(in);
        try {
            this.fast = FastPath.over(sniffGzip(counted), factory, raw && !metadataOnly);
            this.r = factory.createXMLStreamReader(fast.parserInput());
        } catch (XMLStreamException | IOException e) {
            closeQuietly(in);
            throw Failures.start(source, e);
        }
        this.fail = new Failures(source, counted, fast, r, () -> row, this::place);
        this.ev = new XmlEvents(r, limits, fail);
        this.metadata = new MetadataReader(ev, fail, source);
        if (metadataOnly) {
            try {
                metadata.walk(false);
            } catch (RuntimeException e) {
                throw fail.translate(e);
            } finally {
                close();
            }
            return;
        }
        try {
            String data = metadata.walk(true);
            if (data != null) {
                startData(data);
            }
            metadata.checkStatus();
            if (data == null) {
                if (!metadata.hasResultsTable()) {
                    throw fail.violation("the document has no TABLE (no results to read)", null);
                }
                finishDocument();
            }
        } catch (RuntimeException e) {
            RuntimeException t = fail.translate(e);
            close();
            throw t;
        }
    }

    private static InputStream sniffGzip(InputStream in) throws IOException {
        // Some services send gzip files without Content-Encoding (DIGEST 7.17): look at the magic bytes.
        PushbackInputStream p = new PushbackInputStream(in, 2);
        byte[] head = p.readNBytes(2);
        p.unread(head);
        if (head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return new GZIPInputStream(p, 8192);
        }
        return p;
    }

    /** The row and place named in a failure inside the rows. */
    private String place() {
        RowSource s = rows;
        return s == null ? "" : " [in row " + (row + 2) + " of the table" + s.place() + "]";
    }

    private void startData(String element) {
        try {
            openRows(element);
        } catch (XMLStreamException e) {
            throw fail.xml(e);
        }
    }

    private void openRows(String element) throws XMLStreamException {
        List<Field> fields = metadata.results().fields();
        cols = new Column[fields.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = Column.of(fields.get(i), i, limits.maxArrayElements());
        }
        switch (element) {
            case "TABLEDATA":
                // TR and TD are two levels deeper
                tableRows = new TableDataRows(ev, fail, fast,
                        fast.tableData(r, ev.depth() + 2 <= limits.maxDepth(), limits.maxCellCharacters()));
                rows = tableRows;
                return;
            case "FITS":
                throw new CadcException("the VOTable" + (source == null ? "" : " from " + source)
                        + " carries its rows as FITS (a <FITS> element), which cadc4j does not read;"
                        + " ask the service for TABLEDATA, BINARY or BINARY2", source, false, null);
            default:
                StreamSource stream = StreamSource.open(ev, fail, fast, source, http);
                rows = new BinaryRows(stream, fail, "BINARY2".equals(element), layout, fields, cols,
                        limits.maxArrayElements());
                return;
        }
    }

    private void finishDocument() {
        rows = null;
        overflow = metadata.finish();
        finished = true;
        close();
    }

    /** @return the bytes of base64 STREAM text or TABLEDATA rows read without the parser (for tests) */
    long rawBytesTaken() {
        return fast.rawTaken();
    }

    /** @return the TABLEDATA rows read without the parser (for tests) */
    long rawRowsTaken() {
        return tableRows == null ? 0 : tableRows.rawRows();
    }

    // ---------------------------------------------------------------- the RowCursor API

    @Override
    public TableMetadata metadata() {
        return metadata.results();
    }

    @Override
    public DocumentMetadata document() {
        return metadata.document();
    }

    @Override
    public boolean next() {
        if (closed && !finished) {
            throw new IllegalStateException("the cursor is closed");
        }
        onRow = false;
        RowSource s = rows;
        if (s == null) {
            return false;
        }
        try {
            if (s.next(cols)) {
                row++;
                onRow = true;
                return true;
            }
            rows = null; // what follows the rows is no row's failure
            s.finish();
            finishDocument();
            return false;
        } catch (RuntimeException e) {
            RuntimeException t = fail.translate(e);
            s.close();
            close();
            throw t;
        }
    }

    @Override
    public long rowNumber() {
        return row;
    }

    @Override
    public Row snapshot() {
        current();
        Object[] v = new Object[cols.length];
        for (int i = 0; i < cols.length; i++) {
            v[i] = cols[i].getObject();
        }
        return Row.of(v);
    }

    @Override
    public boolean isOverflow() {
        if (!finished) {
            throw new IllegalStateException("the overflow status is known only once next() has returned false");
        }
        return overflow;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        onRow = false;
        try {
            r.close();
        } catch (XMLStreamException e) {
            // closing a reader that failed; nothing more to do
        }
        closeQuietly(counted);
        if (rows != null) {
            rows.close();
            rows = null;
        }
    }

    private void current() {
        if (!onRow) {
            throw new IllegalStateException("no current row: call next() first (and only while it returns true)");
        }
    }

    @Override
    public boolean isNull(int column) {
        current();
        return cols[column].isNull;
    }

    @Override
    public boolean getBoolean(int column) {
        current();
        return Column.getBoolean(cols[column]);
    }

    @Override
    public int getInt(int column) {
        current();
        long v = Column.getLong(cols[column]);
        if (v != (int) v) {
            throw new IllegalStateException("column " + column + " value " + v + " does not fit an int");
        }
        return (int) v;
    }

    @Override
    public long getLong(int column) {
        current();
        return Column.getLong(cols[column]);
    }

    @Override
    public float getFloat(int column) {
        current();
        return (float) Column.getDouble(cols[column]);
    }

    @Override
    public double getDouble(int column) {
        current();
        return Column.getDouble(cols[column]);
    }

    @Override
    public String getString(int column) {
        current();
        return cols[column].getString();
    }

    @Override
    public CharSequence getCharSequence(int column) {
        current();
        Column col = cols[column];
        return col instanceof StringColumn ? ((StringColumn) col).text() : col.getString();
    }

    @Override
    public Object getObject(int column) {
        current();
        return cols[column].getObject();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing useful to do when closing fails
        }
    }
}
