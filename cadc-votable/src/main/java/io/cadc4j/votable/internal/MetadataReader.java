// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import io.cadc4j.core.QueryException;
import io.cadc4j.core.table.CoordinateSystem;
import io.cadc4j.core.table.DocumentMetadata;
import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Group;
import io.cadc4j.core.table.Info;
import io.cadc4j.core.table.Link;
import io.cadc4j.core.table.Param;
import io.cadc4j.core.table.Resource;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.core.table.TimeSystem;
import io.cadc4j.core.table.Values;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Walks the document's elements outside the rows: keeps the metadata of everything it passes (a
 * stack of open elements, each collecting its own children), the query status, and stops at the
 * data element of the results table (the first TABLE outside a {@code type="meta"} RESOURCE).
 * Single-threaded.
 */
final class MetadataReader {
    private final XmlEvents ev;
    private final Failures fail;
    private final URI source;
    private final Deque<Ctx> stack = new ArrayDeque<>();
    private final DocCtx doc = new DocCtx();
    private int metadataCount;
    private TableCtx results;
    private TableMetadata meta;
    private Info lastStatus;
    private String legacyError;

    MetadataReader(XmlEvents ev, Failures fail, URI source) {
        this.ev = ev;
        this.fail = fail;
        this.source = source;
    }

    /** @return the results table's metadata once known, else null */
    TableMetadata results() {
        return meta;
    }

    /** @return whether the document has a results TABLE so far */
    boolean hasResultsTable() {
        return results != null;
    }

    /** @return the metadata of the document so far, open elements included */
    DocumentMetadata document() {
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

    /**
     * Walks on. With stopAtData, stops at the first data element of the results table, whose
     * metadata {@link #results()} then gives, and returns its name; otherwise runs to the end.
     *
     * @return TABLEDATA, BINARY, BINARY2 or FITS; null at the end of the document
     */
    String walk(boolean stopAtData) {
        try {
            while (true) {
                int e = ev.next();
                if (e == XMLStreamConstants.END_DOCUMENT) {
                    if (!stack.isEmpty() || doc.version == null && !doc.seenRoot) {
                        throw fail.violation(doc.seenRoot ? "the document ended before </VOTABLE>"
                                : "the document is empty", null);
                    }
                    return null;
                }
                if (e == XMLStreamConstants.END_ELEMENT) {
                    if (!stack.isEmpty()) {
                        stack.pop().end(this);
                    }
                    continue;
                }
                if (e != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = ev.r.getLocalName();
                if (!doc.seenRoot) {
                    root(name);
                    continue;
                }
                if (stack.isEmpty()) {
                    throw fail.violation("content after </VOTABLE>", null);
                }
                Ctx top = stack.peek();
                if (!metadataElement(top, name) && dataElement(top, name, stopAtData)) {
                    meta = results.build();
                    return name;
                }
            }
        } catch (XMLStreamException e) {
            throw fail.xml(e);
        } catch (CellException e) {
            throw fail.violation(e.getMessage(), e);
        }
    }

    private void root(String name) {
        if (!"VOTABLE".equals(name)) {
            throw fail.violation("not a VOTable: the root element is <" + name + ">", null);
        }
        doc.seenRoot = true;
        String v = ev.attr("version");
        doc.version = v == null ? "" : v;
        stack.push(doc);
    }

    /** Reads an element that describes (INFO, PARAM, FIELD, ...) into the open one; false if it is none. */
    private boolean metadataElement(Ctx top, String name) throws XMLStreamException {
        switch (name) {
            case "INFO":
                countMetadata();
                info(top, readInfo());
                return true;
            case "PARAM":
                countMetadata();
                param(top, readParam());
                return true;
            case "FIELD":
                countMetadata();
                field(top, readField(false).build());
                return true;
            case "GROUP":
                countMetadata();
                top.group(readGroup());
                return true;
            case "LINK":
                countMetadata();
                top.link(readLink());
                return true;
            case "DESCRIPTION":
                top.description(ev.readText());
                return true;
            case "COOSYS":
                countMetadata();
                top.coosys(CoordinateSystem.of(ev.attr("ID"), ev.attr("system"), ev.attr("equinox"),
                        ev.attr("epoch"), ev.attr("refposition")));
                ev.skipElement();
                return true;
            case "TIMESYS":
                countMetadata();
                top.timesys(TimeSystem.of(ev.attr("ID"), ev.attr("timeorigin"), ev.attr("timescale"),
                        ev.attr("refposition")));
                ev.skipElement();
                return true;
            default:
                return false;
        }
    }

    private void info(Ctx top, Info info) {
        top.info(info);
        if ("QUERY_STATUS".equalsIgnoreCase(info.name()) && !inMeta()) {
            lastStatus = info;
        } else if ("error".equalsIgnoreCase(info.name()) && top.allowsLegacyError() && legacyError == null) {
            legacyError = messageOf(info.content(), info.value());
        }
    }

    private void param(Ctx top, Param p) {
        top.param(p);
        if ("error".equalsIgnoreCase(p.name()) && top.allowsLegacyError() && legacyError == null) {
            legacyError = messageOf(p.value(), p.field().description().orElse(""));
        }
    }

    private void field(Ctx top, Field f) {
        if (top instanceof TableCtx) {
            TableCtx t = (TableCtx) top;
            if (t.fields.size() >= ev.limits.maxFields()) {
                throw fail.violation("the table has more FIELDs than the limit of " + ev.limits.maxFields(), null);
            }
            t.fields.add(f);
        }
    }

    /**
     * Opens an element that holds others (DEFINITIONS, RESOURCE, TABLE, DATA) or skips what is
     * not read; true at the data element of the results table when stopping there.
     */
    private boolean dataElement(Ctx top, String name, boolean stopAtData) throws XMLStreamException {
        switch (name) {
            case "DEFINITIONS":
                if (top == doc) {
                    stack.push(new DefinitionsCtx());
                    return false;
                }
                break;
            case "RESOURCE":
                if (top == doc || top instanceof ResourceCtx) {
                    countMetadata();
                    stack.push(resource(top instanceof ResourceCtx ? (ResourceCtx) top : null));
                    return false;
                }
                break;
            case "TABLE":
                if (top instanceof ResourceCtx) {
                    countMetadata();
                    stack.push(table((ResourceCtx) top));
                    return false;
                }
                break;
            case "DATA":
                if (top instanceof TableCtx) {
                    stack.push(new DataCtx((TableCtx) top));
                    return false;
                }
                break;
            case "TABLEDATA":
            case "BINARY":
            case "BINARY2":
            case "FITS":
                if (top instanceof DataCtx && ((DataCtx) top).table.results && stopAtData && meta == null) {
                    return true;
                }
                break;
            default:
                break;
        }
        ev.skipElement();
        return false;
    }

    private ResourceCtx resource(ResourceCtx parent) {
        ResourceCtx rc = new ResourceCtx(parent);
        rc.id = ev.attr("ID");
        rc.name = ev.attr("name");
        String type = ev.attr("type");
        rc.type = type == null || type.isBlank() ? "results" : type.strip();
        rc.utype = ev.attr("utype");
        rc.meta = "meta".equalsIgnoreCase(rc.type) || parent != null && parent.meta;
        return rc;
    }

    private TableCtx table(ResourceCtx parent) {
        TableCtx t = new TableCtx();
        t.name = ev.attr("name");
        t.id = ev.attr("ID");
        t.ucd = ev.attr("ucd");
        t.utype = ev.attr("utype");
        t.ref = ev.attr("ref");
        String nrows = ev.attr("nrows");
        if (nrows != null) {
            try {
                t.nrows = Long.parseLong(nrows.strip());
            } catch (NumberFormatException e) {
                t.nrows = -1;
            }
        }
        if (results == null && !parent.meta) {
            results = t;
            t.results = true;
        }
        return t;
    }

    private void countMetadata() {
        if (++metadataCount > ev.limits.maxMetadataElements()) {
            throw fail.violation("more than " + ev.limits.maxMetadataElements() + " metadata elements", null);
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

    // ---------------------------------------------------------------- status and the end

    /** Throws the service's error if the document so far says the query failed. */
    void checkStatus() {
        if (lastStatus != null && "ERROR".equalsIgnoreCase(lastStatus.value().strip())) {
            throw new QueryException(messageOf(lastStatus.content(), lastStatus.value()), source, null, null);
        }
        if (legacyError != null) {
            throw new QueryException(legacyError, source, null, null);
        }
    }

    /**
     * Reads the rest of the document after the rows (or without any) and checks its status.
     *
     * @return whether the status says the results were cut at a limit (OVERFLOW)
     */
    boolean finish() {
        if (stack.size() > 0 || !doc.ended) {
            walk(false);
        }
        if (meta == null && results != null) {
            meta = results.build();
        }
        checkStatus();
        return lastStatus != null && "OVERFLOW".equalsIgnoreCase(lastStatus.value().strip());
    }

    // ---------------------------------------------------------------- elements read whole

    private Info readInfo() throws XMLStreamException {
        String id = ev.attr("ID");
        String name = ev.attr("name");
        String value = ev.attr("value");
        String text = ev.readText().strip();
        name = name == null ? "" : name;
        value = value == null ? "" : value;
        return id == null ? Info.of(name, value, text) : Info.of(id, name, value, text);
    }

    private Field.Builder readField(boolean param) throws XMLStreamException {
        long tagAt = ev.r.getLocation().getCharacterOffset();
        String name = ev.attr("name");
        String id = ev.attr("ID");
        String datatype = ev.attr("datatype");
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
        String arraysize = ev.attr("arraysize");
        if (arraysize == null && param && "char".equals(datatype)) {
            arraysize = "*";
        }
        if (arraysize != null) {
            b.arraysize(arraysize);
        }
        opt(id, b::id);
        opt(ev.attr("unit"), b::unit);
        opt(ev.attr("ucd"), b::ucd);
        opt(ev.attr("utype"), b::utype);
        opt(ev.attr("xtype"), b::xtype);
        opt(ev.attr("ref"), b::ref);
        opt(ev.attr("precision"), b::precision);
        opt(ev.attr("width"), b::width);
        while (true) {
            int e = ev.next();
            if (e == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (e == XMLStreamConstants.END_DOCUMENT) {
                throw fail.violation("the document ended inside FIELD", null);
            }
            if (e == XMLStreamConstants.START_ELEMENT) {
                String child = ev.r.getLocalName();
                if ("DESCRIPTION".equals(child)) {
                    b.description(ev.readText().strip());
                } else if ("VALUES".equals(child)) {
                    b.values(readValues());
                } else if ("LINK".equals(child)) {
                    b.link(readLink());
                } else {
                    ev.skipElement();
                }
            }
        }
        try {
            b.build();
        } catch (IllegalArgumentException e) {
            // placed at the value of the attribute at fault: the datatype, else the arraysize
            String culprit = "arraysize";
            try {
                Field.builder("x", datatype).build();
            } catch (IllegalArgumentException bad) {
                culprit = "datatype";
            }
            throw fail.violationAtAttribute((param ? "PARAM '" : "FIELD '") + (name == null ? "" : name) + "': "
                    + e.getMessage(), e, tagAt, culprit);
        }
        return b;
    }

    private static void opt(String v, Consumer<String> setter) {
        if (v != null) {
            setter.accept(v);
        }
    }

    private Param readParam() throws XMLStreamException {
        String value = ev.attr("value");
        return Param.of(readField(true).build(), value == null ? "" : value);
    }

    private Values readValues() throws XMLStreamException {
        String nullValue = ev.attr("null");
        String ref = ev.attr("ref");
        String min = null;
        String max = null;
        boolean minInc = true;
        boolean maxInc = true;
        List<Values.Option> options = new ArrayList<>();
        while (true) {
            int e = ev.next();
            if (e == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (e == XMLStreamConstants.END_DOCUMENT) {
                throw fail.violation("the document ended inside VALUES", null);
            }
            if (e == XMLStreamConstants.START_ELEMENT) {
                countMetadata();
                String child = ev.r.getLocalName();
                if ("MIN".equals(child)) {
                    min = ev.attr("value");
                    minInc = !"no".equalsIgnoreCase(ev.attr("inclusive"));
                    ev.skipElement();
                } else if ("MAX".equals(child)) {
                    max = ev.attr("value");
                    maxInc = !"no".equalsIgnoreCase(ev.attr("inclusive"));
                    ev.skipElement();
                } else if ("OPTION".equals(child)) {
                    options.add(readOption());
                } else {
                    ev.skipElement();
                }
            }
        }
        return Values.of(nullValue, min, minInc, max, maxInc, options, ref);
    }

    private Values.Option readOption() throws XMLStreamException {
        String name = ev.attr("name");
        String value = ev.attr("value");
        List<Values.Option> nested = new ArrayList<>();
        while (true) {
            int e = ev.next();
            if (e == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (e == XMLStreamConstants.END_DOCUMENT) {
                throw fail.violation("the document ended inside OPTION", null);
            }
            if (e == XMLStreamConstants.START_ELEMENT) {
                countMetadata();
                if ("OPTION".equals(ev.r.getLocalName())) {
                    nested.add(readOption());
                } else {
                    ev.skipElement();
                }
            }
        }
        return Values.Option.of(name, value == null ? "" : value, nested);
    }

    private Link readLink() throws XMLStreamException {
        Link l = Link.of(ev.attr("ID"), ev.attr("content-role"), ev.attr("content-type"), ev.attr("title"),
                ev.attr("value"), ev.attr("href"), ev.attr("action"));
        ev.skipElement();
        return l;
    }

    private Group readGroup() throws XMLStreamException {
        Group.Builder g = Group.builder();
        opt(ev.attr("name"), g::name);
        opt(ev.attr("ID"), g::id);
        opt(ev.attr("ref"), g::ref);
        opt(ev.attr("ucd"), g::ucd);
        opt(ev.attr("utype"), g::utype);
        while (true) {
            int e = ev.next();
            if (e == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (e == XMLStreamConstants.END_DOCUMENT) {
                throw fail.violation("the document ended inside GROUP", null);
            }
            if (e == XMLStreamConstants.START_ELEMENT) {
                countMetadata();
                String child = ev.r.getLocalName();
                if ("DESCRIPTION".equals(child)) {
                    g.description(ev.readText().strip());
                } else if ("PARAM".equals(child)) {
                    g.param(readParam());
                } else if ("PARAMref".equals(child)) {
                    opt(ev.attr("ref"), g::paramRef);
                    ev.skipElement();
                } else if ("FIELDref".equals(child)) {
                    opt(ev.attr("ref"), g::fieldRef);
                    ev.skipElement();
                } else if ("GROUP".equals(child)) {
                    g.group(readGroup());
                } else {
                    ev.skipElement();
                }
            }
        }
        return g.build();
    }

    // ---------------------------------------------------------------- the open elements

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

        void end(MetadataReader reader) {
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
        void end(MetadataReader reader) {
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
        void end(MetadataReader reader) {
            Resource built = build(null, null);
            if (parent != null) {
                parent.resources.add(built);
            } else {
                reader.doc.resources.add(built);
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
        void end(MetadataReader reader) {
            TableMetadata built = build();
            if (results) {
                reader.meta = built;
            }
            for (Ctx c : reader.stack) {
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
}
