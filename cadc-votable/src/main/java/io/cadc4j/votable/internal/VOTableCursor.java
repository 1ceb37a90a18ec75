// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.QueryException;
import io.cadc4j.core.TransportException;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.table.CoordinateSystem;
import io.cadc4j.core.table.DocumentMetadata;
import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Group;
import io.cadc4j.core.table.Info;
import io.cadc4j.core.table.Link;
import io.cadc4j.core.table.Param;
import io.cadc4j.core.table.Resource;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.core.table.TimeSystem;
import io.cadc4j.core.table.Values;
import io.cadc4j.votable.Binary2Layout;
import io.cadc4j.votable.ParserLimits;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The streaming VOTable reader: walks the document with one {@link XMLStreamReader}, keeps the
 * metadata of everything it passes, and stops at the data of the results table (the first TABLE
 * outside a {@code type="meta"} RESOURCE) to hand out its rows one at a time. Single-threaded.
 */
public final class VOTableCursor implements RowCursor {
    private enum Phase { DATA_TABLEDATA, DATA_BINARY, DONE }

    private static final Pattern PARSER_LOCATION = Pattern.compile(
            "\\s*at \\[row,col[^\\]]*\\]: \\[[^\\]]*\\]");

    private final XMLStreamReader r;
    private final CountingStream counted;
    /** Keeps an inline base64 STREAM's text away from the parser (Woodstox only); null if not used. */
    private final RawTap tap;
    private final URI source;
    private final ParserLimits limits;
    private final Binary2Layout layout;
    private final HttpPipeline http;

    private final Deque<Ctx> stack = new ArrayDeque<>();
    private final DocCtx doc = new DocCtx();
    private int depth;
    private int metadataCount;
    private TableCtx results;
    private TableMetadata meta;
    private Column[] cols = new Column[0];
    private Phase phase = Phase.DONE;
    private long row = -1;
    private boolean onRow;
    private boolean finished;
    private boolean overflow;
    private boolean closed;
    private Info lastStatus;
    private String legacyError;
    private char[] cell = new char[256];

    private BinaryInput bin;
    private Base64Text b64;
    /** Reads TABLEDATA rows without the parser while they are plain; null when not used. */
    private RawTableData rawRows;
    private HttpResponse hrefResponse;
    private boolean binary2;
    private byte[] mask;
    private boolean sawNullFlag;
    private long rowStartByte;
    private boolean binaryElementOpen;
    private boolean zeroSizeRow;

    /**
     * Opens a cursor: reads the document up to the first row of the results table (or to its end).
     *
     * @param factory a factory from {@link SecureXml#inputFactory}
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
     * @param factory a factory from {@link SecureXml#inputFactory}
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
        RawTap rawTap = null;
        try {
            InputStream parserInput = sniffGzip(counted);
            // The tap always keeps the place of what the parser reads and checks it as UTF-8, so
            // that a bad byte is reported exactly where it is. It takes rows and STREAM text raw only
            // with Woodstox, whose character offsets it relies on (checked against its own count
            // before any byte is taken raw); any other parser reads the whole document.
            boolean scan = raw && !metadataOnly && factory.getClass().getName().startsWith("com.ctc.wstx.");
            rawTap = new RawTap(parserInput, scan);
            parserInput = rawTap;
            this.tap = rawTap;
            this.r = factory.createXMLStreamReader(parserInput);
        } catch (XMLStreamException | IOException e) {
            closeQuietly(in);
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof RawTap.MalformedByte) {
                    throw startFailure((RawTap.MalformedByte) t, e);
                }
            }
            throw new ProtocolViolationException("cannot start reading the VOTable: " + e.getMessage(), source, e);
        }
        if (metadataOnly) {
            try {
                walk(false);
            } catch (RuntimeException e) {
                throw translate(e);
            } finally {
                close();
            }
            return;
        }
        try {
            boolean data = walk(true);
            checkStatus();
            if (!data) {
                if (results == null) {
                    throw violation("the document has no TABLE (no results to read)", null);
                }
                finishDocument();
            }
        } catch (RuntimeException e) {
            RuntimeException t = translate(e);
            close();
            throw t;
        }
    }

    private ProtocolViolationException startFailure(RawTap.MalformedByte bad, Exception e) {
        return new ProtocolViolationException("malformed VOTable: " + bad.getMessage() + " [at byte " + bad.offset
                + " of the document]", source, bad.line, bad.column, e);
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

    // ---------------------------------------------------------------- the RowCursor API

    @Override
    public TableMetadata metadata() {
        return meta;
    }

    @Override
    public DocumentMetadata document() {
        DocumentMetadata.Builder b = DocumentMetadata.builder();
        Resource open = null;
        TableMetadata openTable = null;
        Ctx[] ctxs = stack.toArray(new Ctx[0]);
        for (Ctx c : ctxs) {
            if (c instanceof TableCtx) {
                openTable = ((TableCtx) c).build();
            } else if (c instanceof ResourceCtx) {
                open = ((ResourceCtx) c).build(open, openTable);
                openTable = null;
            }
        }
        doc.build(b, open);
        return b.build();
    }

    @Override
    public boolean next() {
        if (closed && !finished) {
            throw new IllegalStateException("the cursor is closed");
        }
        onRow = false;
        if (phase == Phase.DONE) {
            return false;
        }
        boolean more;
        try {
            more = phase == Phase.DATA_TABLEDATA ? nextTableRow() : nextBinaryRow();
        } catch (RuntimeException e) {
            RuntimeException t = translate(e);
            close();
            throw t;
        }
        if (more) {
            row++;
            onRow = true;
            return true;
        }
        try {
            endData();
        } catch (RuntimeException e) {
            RuntimeException t = translate(e);
            close();
            throw t;
        }
        return false;
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
        phase = Phase.DONE;
        try {
            r.close();
        } catch (XMLStreamException e) {
            // closing a reader that failed; nothing more to do
        }
        closeQuietly(counted);
        if (hrefResponse != null) {
            hrefResponse.close();
            hrefResponse = null;
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

    // ---------------------------------------------------------------- events, limits, failures

    private int nextEvent() throws XMLStreamException {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
            if (++depth > limits.maxDepth()) {
                throw violation("elements nest deeper than the limit of " + limits.maxDepth(), null);
            }
            int n = r.getAttributeCount();
            for (int i = 0; i < n; i++) {
                if (r.getAttributeValue(i).length() > limits.maxAttributeLength()) {
                    throw violation("attribute " + r.getAttributeLocalName(i) + " of <" + r.getLocalName()
                            + "> is longer than the limit of " + limits.maxAttributeLength() + " characters", null);
                }
            }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
            depth--;
        }
        return ev;
    }

    private void countMetadata() {
        if (++metadataCount > limits.maxMetadataElements()) {
            throw violation("more than " + limits.maxMetadataElements() + " metadata elements", null);
        }
    }

    private ProtocolViolationException violation(String message, Throwable cause) {
        return violation(message, cause, null);
    }

    /** @param exact the byte the failure is at, or null to take the parser's location */
    private ProtocolViolationException violation(String message, Throwable cause, RawTap.MalformedByte exact) {
        long line = -1;
        long col = -1;
        Location loc = null;
        if (cause instanceof XMLStreamException) {
            loc = ((XMLStreamException) cause).getLocation();
        }
        if (loc == null) {
            try {
                loc = r == null ? null : r.getLocation();
            } catch (RuntimeException e) {
                loc = null;
            }
        }
        if (loc != null) {
            line = loc.getLineNumber();
            col = loc.getColumnNumber();
            if (tap != null) {
                // after rows or STREAM text taken without the parser, its numbers are off by those
                long parserLine = line;
                line = tap.documentLine(parserLine);
                col = tap.documentColumn(parserLine, col);
            }
        }
        StringBuilder sb = new StringBuilder(message);
        if (phase != Phase.DONE && meta != null) {
            sb.append(" [in row ").append(row + 2).append(" of the table");
            if (bin != null) {
                sb.append(", ").append(bin.position()).append(" bytes into the decoded stream");
            }
            sb.append(']');
        }
        if (exact != null) {
            line = exact.line;
            col = exact.column;
            sb.append(" [at byte ").append(exact.offset).append(" of the document]");
        } else {
            sb.append(" [about ").append(counted.count).append(" bytes into the document]");
        }
        return new ProtocolViolationException(sb.toString(), source, line, col, cause);
    }

    /**
     * Only CadcExceptions leave the reader: StAX implementations also throw unchecked exceptions
     * (Woodstox parses text lazily and reports a broken document from getTextCharacters as
     * WstxLazyException), and nothing else may escape as a bare RuntimeException.
     */
    private RuntimeException translate(RuntimeException e) {
        if (e instanceof CadcException) {
            return e;
        }
        if (e instanceof CellException) {
            return violation(e.getMessage(), e);
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RawTap.MalformedByte) {
                return violation("malformed VOTable: " + t.getMessage(), e, (RawTap.MalformedByte) t);
            }
            if (t instanceof XMLStreamException) {
                return xmlFailure((XMLStreamException) t);
            }
        }
        return violation("unreadable VOTable (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }

    private RuntimeException xmlFailure(XMLStreamException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CadcException) {
                return (CadcException) t;
            }
            if (t instanceof CellException) {
                return violation(t.getMessage(), e);
            }
            if (t instanceof RawTap.MalformedByte) {
                return violation("malformed VOTable: " + t.getMessage(), e, (RawTap.MalformedByte) t);
            }
            if (t instanceof java.io.CharConversionException || t instanceof java.nio.charset.CharacterCodingException
                    || t instanceof java.util.zip.ZipException) {
                return violation("malformed VOTable: " + t.getMessage(), e);
            }
            if (t instanceof IOException && !(t instanceof XMLStreamException) && !(t instanceof Base64Text.XmlFailure)) {
                return new TransportException("reading the VOTable" + (source == null ? "" : " from " + source)
                        + " failed" + (row >= 0 ? " after row " + (row + 1) : "") + ": " + t.getMessage(), source, true, e);
            }
        }
        // Woodstox appends its own line and column ("at [row,col ...]: [l,c]"), which the
        // message gives anyway, put right for what the parser did not read (RawTap)
        String msg = e.getMessage() == null ? e.toString()
                : PARSER_LOCATION.matcher(e.getMessage()).replaceAll("").replace('\n', ' ').strip();
        return violation("malformed or truncated VOTable: " + msg, e);
    }

    // ---------------------------------------------------------------- the document walk

    private String attr(String name) {
        int n = r.getAttributeCount();
        for (int i = 0; i < n; i++) {
            if (name.equals(r.getAttributeLocalName(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    /**
     * Walks the document, recording metadata. With stopAtData, stops at the first data element of
     * the results table and returns true; otherwise runs to the end and returns false.
     */
    private boolean walk(boolean stopAtData) {
        try {
            while (true) {
                int ev = nextEvent();
                if (ev == XMLStreamConstants.END_DOCUMENT) {
                    if (!stack.isEmpty() || doc.version == null && !doc.seenRoot) {
                        throw violation(doc.seenRoot ? "the document ended before </VOTABLE>" : "the document is empty",
                                null);
                    }
                    return false;
                }
                if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (stack.isEmpty()) {
                        continue;
                    }
                    Ctx c = stack.pop();
                    c.end(this);
                    continue;
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                if (!doc.seenRoot) {
                    if (!"VOTABLE".equals(name)) {
                        throw violation("not a VOTable: the root element is <" + name + ">", null);
                    }
                    doc.seenRoot = true;
                    String v = attr("version");
                    doc.version = v == null ? "" : v;
                    stack.push(doc);
                    continue;
                }
                if (stack.isEmpty()) {
                    throw violation("content after </VOTABLE>", null);
                }
                Ctx top = stack.peek();
                if (handleStart(top, name, stopAtData)) {
                    return true;
                }
            }
        } catch (XMLStreamException e) {
            throw xmlFailure(e);
        } catch (CellException e) {
            throw violation(e.getMessage(), e);
        }
    }

    private boolean handleStart(Ctx top, String name, boolean stopAtData) throws XMLStreamException {
        switch (name) {
            case "INFO": {
                countMetadata();
                Info info = readInfo();
                top.info(info);
                if ("QUERY_STATUS".equalsIgnoreCase(info.name()) && !inMeta()) {
                    lastStatus = info;
                } else if ("error".equalsIgnoreCase(info.name()) && top.allowsLegacyError() && legacyError == null) {
                    legacyError = messageOf(info.content(), info.value());
                }
                return false;
            }
            case "PARAM": {
                countMetadata();
                Param p = readParam();
                top.param(p);
                if ("error".equalsIgnoreCase(p.name()) && top.allowsLegacyError() && legacyError == null) {
                    legacyError = messageOf(p.value(), p.field().description().orElse(""));
                }
                return false;
            }
            case "FIELD": {
                countMetadata();
                Field f = readField(false).build();
                if (!(top instanceof TableCtx)) {
                    return false;
                }
                TableCtx t = (TableCtx) top;
                if (t.fields.size() >= limits.maxFields()) {
                    throw violation("the table has more FIELDs than the limit of " + limits.maxFields(), null);
                }
                t.fields.add(f);
                return false;
            }
            case "GROUP":
                countMetadata();
                top.group(readGroup());
                return false;
            case "LINK":
                countMetadata();
                top.link(readLink());
                return false;
            case "DESCRIPTION":
                top.description(readText());
                return false;
            case "COOSYS":
                countMetadata();
                top.coosys(CoordinateSystem.of(attr("ID"), attr("system"), attr("equinox"), attr("epoch"),
                        attr("refposition")));
                skipElement();
                return false;
            case "TIMESYS":
                countMetadata();
                top.timesys(TimeSystem.of(attr("ID"), attr("timeorigin"), attr("timescale"), attr("refposition")));
                skipElement();
                return false;
            case "DEFINITIONS":
                if (top == doc) {
                    stack.push(new DefinitionsCtx());
                    return false;
                }
                skipElement();
                return false;
            case "RESOURCE":
                if (top == doc || top instanceof ResourceCtx) {
                    countMetadata();
                    ResourceCtx rc = new ResourceCtx(top instanceof ResourceCtx ? (ResourceCtx) top : null);
                    rc.id = attr("ID");
                    rc.name = attr("name");
                    String type = attr("type");
                    rc.type = type == null || type.isBlank() ? "results" : type.strip();
                    rc.utype = attr("utype");
                    rc.meta = "meta".equalsIgnoreCase(rc.type) || rc.parent != null && rc.parent.meta;
                    stack.push(rc);
                    return false;
                }
                skipElement();
                return false;
            case "TABLE":
                if (top instanceof ResourceCtx) {
                    countMetadata();
                    TableCtx t = new TableCtx();
                    t.name = attr("name");
                    t.id = attr("ID");
                    t.ucd = attr("ucd");
                    t.utype = attr("utype");
                    t.ref = attr("ref");
                    String nrows = attr("nrows");
                    if (nrows != null) {
                        try {
                            t.nrows = Long.parseLong(nrows.strip());
                        } catch (NumberFormatException e) {
                            t.nrows = -1;
                        }
                    }
                    if (results == null && !((ResourceCtx) top).meta) {
                        results = t;
                        t.results = true;
                    }
                    stack.push(t);
                    return false;
                }
                skipElement();
                return false;
            case "DATA":
                if (top instanceof TableCtx) {
                    stack.push(new DataCtx((TableCtx) top));
                    return false;
                }
                skipElement();
                return false;
            case "TABLEDATA":
            case "BINARY":
            case "BINARY2":
            case "FITS":
                if (top instanceof DataCtx && ((DataCtx) top).table.results && stopAtData && phase == Phase.DONE
                        && meta == null) {
                    startData(((DataCtx) top).table, name);
                    return true;
                }
                skipElement();
                return false;
            default:
                skipElement();
                return false;
        }
    }

    private boolean inMeta() {
        for (Ctx c : stack) {
            if (c instanceof ResourceCtx && ((ResourceCtx) c).meta) {
                return true;
            }
        }
        return false;
    }

    private static String messageOf(String primary, String secondary) {
        String p = primary == null ? "" : primary.strip();
        if (!p.isEmpty()) {
            return p;
        }
        String s = secondary == null ? "" : secondary.strip();
        return s.isEmpty() ? "(the service gave no message)" : s;
    }

    private void skipElement() throws XMLStreamException {
        int target = depth - 1;
        while (depth > target) {
            int ev = nextEvent();
            if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw violation("the document ended inside an element", null);
            }
        }
    }

    /** Reads the text of the current element (child elements skipped), bounded by the cell limit. */
    private String readText() throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int start = depth;
        while (true) {
            int ev = nextEvent();
            if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                    || ev == XMLStreamConstants.SPACE) {
                if (depth == start) {
                    if (sb.length() + r.getTextLength() > limits.maxCellCharacters()) {
                        throw violation("a text of more than " + limits.maxCellCharacters() + " characters", null);
                    }
                    sb.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT && depth < start) {
                return sb.toString();
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw violation("the document ended inside an element", null);
            }
        }
    }

    private Info readInfo() throws XMLStreamException {
        String id = attr("ID");
        String name = attr("name");
        String value = attr("value");
        String text = readText().strip();
        name = name == null ? "" : name;
        value = value == null ? "" : value;
        return id == null ? Info.of(name, value, text) : Info.of(id, name, value, text);
    }

    private Field.Builder readField(boolean param) throws XMLStreamException {
        String name = attr("name");
        String id = attr("ID");
        String datatype = attr("datatype");
        if (datatype == null) {
            // VOTable requires datatype; legacy PARAMs leave it out, and their values are text.
            datatype = "char";
        } else if ("unicodeString".equals(datatype.strip())) {
            // non-standard names seen in old documents (astropy's regression.xml); astropy reads them so
            datatype = "unicodeChar";
        } else if ("string".equals(datatype.strip())) {
            datatype = "char";
        }
        Field.Builder b = Field.builder(name != null ? name : id != null ? id : "", datatype);
        String arraysize = attr("arraysize");
        if (arraysize == null && param && "char".equals(datatype)) {
            arraysize = "*";
        }
        if (arraysize != null) {
            b.arraysize(arraysize);
        }
        opt(id, b::id);
        opt(attr("unit"), b::unit);
        opt(attr("ucd"), b::ucd);
        opt(attr("utype"), b::utype);
        opt(attr("xtype"), b::xtype);
        opt(attr("ref"), b::ref);
        opt(attr("precision"), b::precision);
        opt(attr("width"), b::width);
        while (true) {
            int ev = nextEvent();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw violation("the document ended inside FIELD", null);
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String child = r.getLocalName();
                if ("DESCRIPTION".equals(child)) {
                    b.description(readText().strip());
                } else if ("VALUES".equals(child)) {
                    b.values(readValues());
                } else if ("LINK".equals(child)) {
                    b.link(readLink());
                } else {
                    skipElement();
                }
            }
        }
        try {
            b.build();
        } catch (IllegalArgumentException e) {
            throw violation((param ? "PARAM '" : "FIELD '") + (name == null ? "" : name) + "': " + e.getMessage(), e);
        }
        return b;
    }

    private static void opt(String v, java.util.function.Consumer<String> setter) {
        if (v != null) {
            setter.accept(v);
        }
    }

    private Param readParam() throws XMLStreamException {
        String value = attr("value");
        return Param.of(readField(true).build(), value == null ? "" : value);
    }

    private Values readValues() throws XMLStreamException {
        String nullValue = attr("null");
        String ref = attr("ref");
        String min = null;
        String max = null;
        boolean minInc = true;
        boolean maxInc = true;
        List<Values.Option> options = new ArrayList<>();
        while (true) {
            int ev = nextEvent();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw violation("the document ended inside VALUES", null);
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                countMetadata();
                String child = r.getLocalName();
                if ("MIN".equals(child)) {
                    min = attr("value");
                    minInc = !"no".equalsIgnoreCase(attr("inclusive"));
                    skipElement();
                } else if ("MAX".equals(child)) {
                    max = attr("value");
                    maxInc = !"no".equalsIgnoreCase(attr("inclusive"));
                    skipElement();
                } else if ("OPTION".equals(child)) {
                    options.add(readOption());
                } else {
                    skipElement();
                }
            }
        }
        return Values.of(nullValue, min, minInc, max, maxInc, options, ref);
    }

    private Values.Option readOption() throws XMLStreamException {
        String name = attr("name");
        String value = attr("value");
        List<Values.Option> nested = new ArrayList<>();
        while (true) {
            int ev = nextEvent();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw violation("the document ended inside OPTION", null);
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                countMetadata();
                if ("OPTION".equals(r.getLocalName())) {
                    nested.add(readOption());
                } else {
                    skipElement();
                }
            }
        }
        return Values.Option.of(name, value == null ? "" : value, nested);
    }

    private Link readLink() throws XMLStreamException {
        Link l = Link.of(attr("ID"), attr("content-role"), attr("content-type"), attr("title"), attr("value"),
                attr("href"), attr("action"));
        skipElement();
        return l;
    }

    private Group readGroup() throws XMLStreamException {
        Group.Builder g = Group.builder();
        opt(attr("name"), g::name);
        opt(attr("ID"), g::id);
        opt(attr("ref"), g::ref);
        opt(attr("ucd"), g::ucd);
        opt(attr("utype"), g::utype);
        while (true) {
            int ev = nextEvent();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw violation("the document ended inside GROUP", null);
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                countMetadata();
                String child = r.getLocalName();
                if ("DESCRIPTION".equals(child)) {
                    g.description(readText().strip());
                } else if ("PARAM".equals(child)) {
                    g.param(readParam());
                } else if ("PARAMref".equals(child)) {
                    opt(attr("ref"), g::paramRef);
                    skipElement();
                } else if ("FIELDref".equals(child)) {
                    opt(attr("ref"), g::fieldRef);
                    skipElement();
                } else if ("GROUP".equals(child)) {
                    g.group(readGroup());
                } else {
                    skipElement();
                }
            }
        }
        return g.build();
    }

    // ---------------------------------------------------------------- status

    private void checkStatus() {
        if (lastStatus != null && "ERROR".equalsIgnoreCase(lastStatus.value().strip())) {
            throw new QueryException(messageOf(lastStatus.content(), lastStatus.value()), source, null, null);
        }
        if (legacyError != null) {
            throw new QueryException(legacyError, source, null, null);
        }
    }

    private void finishDocument() {
        phase = Phase.DONE;
        if (stack.size() > 0 || !doc.ended) {
            walk(false);
        }
        if (meta == null && results != null) {
            meta = results.build();
        }
        checkStatus();
        overflow = lastStatus != null && "OVERFLOW".equalsIgnoreCase(lastStatus.value().strip());
        finished = true;
        close();
    }

    // ---------------------------------------------------------------- data

    private void startData(TableCtx table, String element) throws XMLStreamException {
        meta = table.build();
        List<Field> fields = meta.fields();
        cols = new Column[fields.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = Column.of(fields.get(i), i, limits.maxArrayElements());
        }
        switch (element) {
            case "TABLEDATA":
                phase = Phase.DATA_TABLEDATA;
                if (tap != null) {
                    String prefix = r.getPrefix() == null ? "" : r.getPrefix();
                    // TR and TD are two levels deeper
                    if (depth + 2 <= limits.maxDepth() && RawTableData.usablePrefix(prefix) && tapHeldHere()) {
                        rawRows = new RawTableData(tap, prefix, limits.maxCellCharacters());
                    } else {
                        tap.stopScanning();
                    }
                }
                return;
            case "FITS":
                throw new CadcException("the VOTable" + (source == null ? "" : " from " + source)
                        + " carries its rows as FITS (a <FITS> element), which cadc4j does not read;"
                        + " ask the service for TABLEDATA, BINARY or BINARY2", source, false, null);
            default:
                binary2 = "BINARY2".equals(element);
                if (binary2) {
                    for (Column col : cols) {
                        col.flagsDecideNulls();
                    }
                }
                mask = new byte[(cols.length + 7) / 8];
                zeroSizeRow = !binary2;
                for (Field f : fields) {
                    if (f.shape().isVariable() || f.shape().itemElements() > 0) {
                        zeroSizeRow = false;
                    }
                }
                openStream();
                phase = Phase.DATA_BINARY;
                return;
        }
    }

    private void openStream() throws XMLStreamException {
        while (true) {
            int ev = nextEvent();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (!"STREAM".equals(r.getLocalName())) {
                    throw violation("expected <STREAM> inside the BINARY element, found <" + r.getLocalName() + ">",
                            null);
                }
                break;
            }
            if (ev == XMLStreamConstants.END_ELEMENT) {
                // BINARY without STREAM: no rows
                bin = new BinaryInput(InputStream.nullInputStream());
                binaryElementOpen = false;
                return;
            }
            if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw violation("the document ended inside the BINARY element", null);
            }
        }
        binaryElementOpen = true;
        String encoding = attr("encoding");
        String enc = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
        String href = attr("href");
        InputStream raw;
        if (href != null && !href.isBlank()) {
            skipElement();
            raw = fetch(href.strip());
            if ("base64".equals(enc)) {
                throw new CadcException("STREAM href=" + href + " with encoding=base64 is not supported", source,
                        false, null);
            }
        } else {
            if (!enc.isEmpty() && !"base64".equals(enc) && !"gzip".equals(enc)) {
                throw new CadcException("STREAM encoding '" + encoding + "' is not supported (only base64 and gzip)",
                        source, false, null);
            }
            b64 = new Base64Text(r, this::nextEvent);
            if (tap != null && tapHeldHere()) {
                b64.takeRaw(tap);
            }
            raw = b64;
        }
        if ("gzip".equals(enc)) {
            try {
                raw = new GZIPInputStream(raw, 8192);
            } catch (Base64Text.XmlFailure e) {
                throw xmlFailure(e.xml());
            } catch (IOException e) {
                throw violation("the gzip STREAM cannot be opened: " + e.getMessage(), e);
            }
        }
        bin = new BinaryInput(raw);
    }

    /** @return the bytes of base64 STREAM text or TABLEDATA rows read without the parser (for tests) */
    long rawBytesTaken() {
        return tap == null ? 0 : tap.rawTaken();
    }

    /** @return the TABLEDATA rows read without the parser (for tests) */
    long rawRowsTaken() {
        return rawRows == null ? 0 : rawRows.rows();
    }

    /**
     * Whether the tap holds right after the start tag the parser is at, and may take what follows
     * (the tap then reads raw): the document must be UTF-8 (or its ASCII subset), the one encoding
     * the tap counts in, and XML 1.0 (1.1 has more line ends and other characters).
     */
    private boolean tapHeldHere() {
        String e = r.getEncoding();
        String version = r.getVersion();
        boolean readable = (e == null || "UTF-8".equalsIgnoreCase(e) || "UTF8".equalsIgnoreCase(e)
                || "US-ASCII".equalsIgnoreCase(e) || "ASCII".equalsIgnoreCase(e))
                && (version == null || "1.0".equals(version));
        return readable && tap.heldAt(r.getLocation().getCharacterOffset());
    }

    private InputStream fetch(String href) {
        URI target;
        try {
            target = source == null ? URI.create(href) : source.resolve(href);
        } catch (IllegalArgumentException e) {
            throw violation("STREAM href is not a URI: '" + href + "'", e);
        }
        String scheme = target.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw violation("STREAM href '" + href + "' is not an http(s) URL; cadc4j fetches nothing else", null);
        }
        if (http == null) {
            throw new CadcException("the VOTable" + (source == null ? "" : " from " + source)
                    + " keeps its rows at STREAM href=" + target + "; give the reader an HttpPipeline"
                    + " (VOTableReader.Builder.httpPipeline) to fetch them", source, false, null);
        }
        hrefResponse = http.sendExpectingSuccess(HttpRequest.newBuilder(target).GET().build());
        return hrefResponse.body();
    }

    private boolean nextTableRow() {
        try {
            if (rawRows != null && rawRows.next(cols)) {
                return true; // else the parser reads the rest
            }
        } catch (IOException e) {
            throw xmlFailure(new XMLStreamException(e));
        }
        try {
            while (true) {
                int ev = nextEvent();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    if (!"TR".equals(r.getLocalName())) {
                        throw violation("unexpected <" + r.getLocalName() + "> in TABLEDATA", null);
                    }
                    readRow();
                    return true;
                }
                if (ev == XMLStreamConstants.END_ELEMENT) {
                    return false;
                }
                if (ev == XMLStreamConstants.END_DOCUMENT) {
                    throw violation("the document ended inside TABLEDATA", null);
                }
            }
        } catch (XMLStreamException e) {
            throw xmlFailure(e);
        }
    }

    private void readRow() throws XMLStreamException {
        int c = 0;
        while (true) {
            int ev = nextEvent();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (!"TD".equals(r.getLocalName())) {
                    throw violation("unexpected <" + r.getLocalName() + "> in TR", null);
                }
                String enc = r.getAttributeCount() == 0 ? null : attr("encoding");
                int len = readCell();
                if (c >= cols.length) {
                    throw violation("the row has more TD cells than the " + cols.length + " FIELDs", null);
                }
                Column col = cols[c];
                try {
                    if (enc != null && "base64".equalsIgnoreCase(enc.strip())) {
                        byte[] bytes = Base64Text.decodeCell(cell, 0, len);
                        if (bytes.length == 0) {
                            col.setNull();
                        } else {
                            col.readBinary(new BinaryInput(new ByteArrayInputStream(bytes), Math.max(16, bytes.length)));
                        }
                    } else {
                        Column.parseText(col, cell, 0, len);
                    }
                } catch (CellException | EOFException e) {
                    throw violation("column " + (c + 1) + " '" + col.field.name() + "' (" + col.field.type()
                            + describeShape(col.field) + "): " + e.getMessage(), e);
                } catch (IOException e) {
                    throw violation(e.getMessage(), e);
                }
                c++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                // VOTable requires a TD per FIELD; missing trailing cells are read as null, as STIL does.
                for (int i = c; i < cols.length; i++) {
                    cols[i].setNull();
                }
                return;
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw violation("the document ended inside a TR", null);
            }
        }
    }

    private static String describeShape(Field f) {
        return f.shape().isScalar() ? "" : "[" + f.shape().text() + "]";
    }

    private int readCell() throws XMLStreamException {
        int len = 0;
        while (true) {
            int ev = nextEvent();
            if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                    || ev == XMLStreamConstants.SPACE) {
                int n = r.getTextLength();
                if (len + n > cell.length) {
                    if (len + n > limits.maxCellCharacters()) {
                        throw violation("a cell of more than " + limits.maxCellCharacters() + " characters", null);
                    }
                    cell = java.util.Arrays.copyOf(cell, Math.min(limits.maxCellCharacters(),
                            Math.max(len + n, cell.length * 2)));
                }
                System.arraycopy(r.getTextCharacters(), r.getTextStart(), cell, len, n);
                len += n;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                return len;
            } else if (ev == XMLStreamConstants.START_ELEMENT) {
                throw violation("unexpected <" + r.getLocalName() + "> inside a TD", null);
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw violation("the document ended inside a TD", null);
            }
        }
    }

    private boolean nextBinaryRow() {
        int c = -1;
        try {
            if (bin.atEnd()) {
                return false;
            }
            rowStartByte = bin.position();
            bin.startRow();
            if (binary2) {
                bin.readFully(mask, 0, mask.length);
                int spare = mask.length * 8 - cols.length;
                if (spare > 0 && (mask[mask.length - 1] & (1 << spare) - 1) != 0) {
                    throw new CellException(String.format("the null mask of the row has bits set beyond the %d"
                            + " columns (last mask byte 0x%02x): this is not the start of a row", cols.length,
                            mask[mask.length - 1] & 0xff));
                }
            }
            boolean omit = layout == Binary2Layout.CADC_NULLS_OMITTED;
            if (cols.length == 0 || zeroSizeRow) {
                // rows of zero bytes would never use the stream up (found by fuzzing: a loop without end)
                throw new CellException("the FIELDs describe rows of zero bytes, yet the stream has data");
            }
            for (c = 0; c < cols.length; c++) {
                Column col = cols[c];
                if (binary2 && (mask[c >> 3] & 0x80 >>> (c & 7)) != 0) {
                    sawNullFlag = true;
                    if (!omit) {
                        Column.readBinary(col, bin);
                    }
                    col.setNull();
                } else {
                    Column.readBinary(col, bin);
                }
            }
            return true;
        } catch (Base64Text.XmlFailure e) {
            throw xmlFailure(e.xml());
        } catch (CellException e) {
            if (e.streamText) {
                // the text is broken, not a cell: no column to blame, no layout to suggest
                throw violation("the base64 STREAM of the " + (binary2 ? "BINARY2" : "BINARY") + " data is broken: "
                        + e.getMessage(), e);
            }
            throw rowFailure(c, e);
        } catch (IOException e) {
            throw rowFailure(c, e);
        }
    }

    private ProtocolViolationException rowFailure(int c, Exception e) {
        String where = c < 0 ? "at the start of the row" : c < cols.length
                ? "in column " + (c + 1) + " '" + cols[c].field.name() + "' (" + cols[c].field.type()
                        + describeShape(cols[c].field) + ")" : "";
        String what = e instanceof EOFException ? "the BINARY stream ended " + where + ": " + e.getMessage()
                : "cannot decode the " + (binary2 ? "BINARY2" : "BINARY") + " row " + where + ": " + e.getMessage();
        return violation(what + " (row began " + rowStartByte + " bytes into the decoded stream)" + layoutHint(e), e);
    }

    /** Says what else may be wrong, only where it applies. */
    private String layoutHint(Exception failure) {
        if (!binary2) {
            return "; one mis-sized column shifts every later cell (DIGEST 7.6)";
        }
        if (!sawNullFlag || failure instanceof Base64Text.XmlFailure || !otherLayoutReadsTheRow()) {
            // the layouts differ only in rows with null cells, and a broken STREAM is no layout matter
            return "";
        }
        if (layout == Binary2Layout.STANDARD) {
            return "; read with CADC's layout instead, the row decodes: if this document was written by CADC's"
                    + " cadc-dali, which leaves out the bytes of null cells, read it with"
                    + " Binary2Layout.CADC_NULLS_OMITTED";
        }
        return "; read with the standard layout instead, the row decodes: this reader was told to expect CADC's"
                + " layout (Binary2Layout.CADC_NULLS_OMITTED), but a standard VOTable 1.4 BINARY2 keeps the bytes of"
                + " null cells; read it with Binary2Layout.STANDARD";
    }

    /** Whether the failed BINARY2 row, and the null mask of the row after it, read in the other layout. */
    private boolean otherLayoutReadsTheRow() {
        try {
            BinaryInput in = new BinaryInput(bin.fromRowStart());
            boolean omit = layout != Binary2Layout.CADC_NULLS_OMITTED;
            List<Field> fields = meta.fields();
            byte[] m = new byte[mask.length];
            in.startRow();
            in.readFully(m, 0, m.length);
            for (int c = 0; c < fields.size(); c++) {
                Column col = Column.of(fields.get(c), c, limits.maxArrayElements());
                col.flagsDecideNulls();
                boolean flagged = (m[c >> 3] & 0x80 >>> (c & 7)) != 0;
                if (!flagged || !omit) {
                    Column.readBinary(col, in);
                }
            }
            if (in.atEnd()) {
                return true;
            }
            in.startRow();
            in.readFully(m, 0, m.length);
            int spare = m.length * 8 - fields.size();
            return spare == 0 || (m[m.length - 1] & (1 << spare) - 1) == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void endData() {
        phase = Phase.DONE;
        if (b64 != null) {
            try {
                byte[] skip = new byte[4096];
                while (!b64.ended()) {
                    if (b64.read(skip, 0, skip.length) < 0) {
                        break;
                    }
                }
            } catch (Base64Text.XmlFailure e) {
                throw xmlFailure(e.xml());
            } catch (IOException | CellException e) {
                throw violation("after the last row: " + e.getMessage(), e);
            }
        }
        if (hrefResponse != null) {
            hrefResponse.close();
            hrefResponse = null;
        }
        bin = null;
        onRow = false;
        if (binaryElementOpen) {
            binaryElementOpen = false;
            // consume </BINARY> or </BINARY2>
            try {
                while (true) {
                    int ev = nextEvent();
                    if (ev == XMLStreamConstants.END_ELEMENT) {
                        break;
                    }
                    if (ev == XMLStreamConstants.START_ELEMENT) {
                        skipElement();
                    } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                        throw violation("the document ended inside the BINARY element", null);
                    }
                }
            } catch (XMLStreamException e) {
                throw xmlFailure(e);
            }
        }
        b64 = null;
        finishDocument();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing useful to do when closing fails
        }
    }

    // ---------------------------------------------------------------- metadata contexts

    /** An open element that collects metadata. */
    private abstract static class Ctx {
        void info(Info i) {
        }

        void param(Param p) {
        }

        void group(Group g) {
        }

        void link(Link l) {
        }

        void description(String d) {
        }

        void coosys(CoordinateSystem c) {
        }

        void timesys(TimeSystem t) {
        }

        boolean allowsLegacyError() {
            return false;
        }

        void end(VOTableCursor cursor) {
        }
    }

    /**
     * An element whose own metadata children (INFO, PARAM, GROUP, LINK, DESCRIPTION, COOSYS,
     * TIMESYS) are kept in lists; VOTABLE, RESOURCE and TABLE each read the ones they carry.
     */
    private abstract static class CollectingCtx extends Ctx {
        String description;
        final List<Info> infos = new ArrayList<>();
        final List<Param> params = new ArrayList<>();
        final List<Group> groups = new ArrayList<>();
        final List<Link> links = new ArrayList<>();
        final List<CoordinateSystem> coosys = new ArrayList<>();
        final List<TimeSystem> timesys = new ArrayList<>();

        @Override
        void info(Info i) {
            infos.add(i);
        }

        @Override
        void param(Param p) {
            params.add(p);
        }

        @Override
        void group(Group g) {
            groups.add(g);
        }

        @Override
        void link(Link l) {
            links.add(l);
        }

        @Override
        void description(String d) {
            description = d.strip();
        }

        @Override
        void coosys(CoordinateSystem c) {
            coosys.add(c);
        }

        @Override
        void timesys(TimeSystem t) {
            timesys.add(t);
        }
    }

    private static final class DocCtx extends CollectingCtx {
        boolean seenRoot;
        boolean ended;
        String version;
        final List<Resource> resources = new ArrayList<>();

        @Override
        boolean allowsLegacyError() {
            return true;
        }

        @Override
        void end(VOTableCursor cursor) {
            ended = true;
        }

        void build(DocumentMetadata.Builder b, Resource open) {
            if (version != null && !version.isEmpty()) {
                b.version(version);
            }
            if (description != null) {
                b.description(description);
            }
            infos.forEach(b::info);
            params.forEach(b::param);
            groups.forEach(b::group);
            coosys.forEach(b::coordinateSystem);
            timesys.forEach(b::timeSystem);
            resources.forEach(b::resource);
            if (open != null) {
                b.resource(open);
            }
        }
    }

    /** Legacy VOTable 1.0 DEFINITIONS: its content belongs to the document. */
    private final class DefinitionsCtx extends Ctx {
        @Override
        void info(Info i) {
            doc.info(i);
        }

        @Override
        void param(Param p) {
            doc.param(p);
        }

        @Override
        void coosys(CoordinateSystem c) {
            doc.coosys(c);
        }

        @Override
        boolean allowsLegacyError() {
            return true;
        }
    }

    private static final class ResourceCtx extends CollectingCtx {
        final ResourceCtx parent;
        boolean meta;
        String id;
        String name;
        String type;
        String utype;
        final List<TableMetadata> tables = new ArrayList<>();
        final List<Resource> resources = new ArrayList<>();

        ResourceCtx(ResourceCtx parent) {
            this.parent = parent;
        }

        @Override
        boolean allowsLegacyError() {
            return !meta;
        }

        Resource build(Resource openChild, TableMetadata openTable) {
            Resource.Builder b = Resource.builder().type(type);
            opt(id, b::id);
            opt(name, b::name);
            opt(utype, b::utype);
            opt(description, b::description);
            infos.forEach(b::info);
            params.forEach(b::param);
            groups.forEach(b::group);
            coosys.forEach(b::coordinateSystem);
            timesys.forEach(b::timeSystem);
            links.forEach(b::link);
            tables.forEach(b::table);
            if (openTable != null) {
                b.table(openTable);
            }
            resources.forEach(b::resource);
            if (openChild != null) {
                b.resource(openChild);
            }
            return b.build();
        }

        @Override
        void end(VOTableCursor cursor) {
            Resource built = build(null, null);
            if (parent != null) {
                parent.resources.add(built);
            } else {
                cursor.doc.resources.add(built);
            }
        }
    }

    private static final class TableCtx extends CollectingCtx {
        boolean results;
        String name;
        String id;
        String ucd;
        String utype;
        String ref;
        long nrows = -1;
        final List<Field> fields = new ArrayList<>();

        TableMetadata build() {
            TableMetadata.Builder b = TableMetadata.builder();
            opt(name, b::name);
            opt(id, b::id);
            opt(ucd, b::ucd);
            opt(utype, b::utype);
            opt(ref, b::ref);
            opt(description, b::description);
            if (nrows >= 0) {
                b.nrows(nrows);
            }
            fields.forEach(b::field);
            params.forEach(b::param);
            groups.forEach(b::group);
            links.forEach(b::link);
            infos.forEach(b::info);
            return b.build();
        }

        @Override
        void end(VOTableCursor cursor) {
            TableMetadata built = build();
            if (results) {
                cursor.meta = built;
            }
            for (Ctx c : cursor.stack) {
                if (c instanceof ResourceCtx) {
                    ((ResourceCtx) c).tables.add(built);
                    break;
                }
            }
        }
    }

    /** DATA: INFOs after the rows belong to the table. */
    private static final class DataCtx extends Ctx {
        final TableCtx table;

        DataCtx(TableCtx table) {
            this.table = table;
        }

        @Override
        void info(Info i) {
            table.info(i);
        }
    }

    /** Counts the bytes the parser has taken, to say where a document broke. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
