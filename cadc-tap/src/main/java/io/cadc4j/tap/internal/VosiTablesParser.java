// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.internal.xml.Stax;
import io.cadc4j.core.table.ColumnDescription;
import io.cadc4j.core.table.TableDescription;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads VOSI tables documents (VOSI 1.1 §3.4, VODataService 1.1): a whole {@code tableset}, or the
 * one {@code table} that {@code GET {tables}/{name}} returns.
 *
 * <p>The reader is namespace-<em>unaware</em> on purpose: some services send {@code xsi:type}
 * with prefixes they never declare ({@code fixtures/tables/per-table-undeclared-prefixes.xml}),
 * which a namespace-aware parser must reject. Names are matched by their local part, and the
 * {@code dataType} type by the local part of its {@code xsi:type} value ({@code VOTableType},
 * {@code VOTable}, {@code TAPType}, {@code TAP}), so any prefix works. The children of
 * {@code tableset} are unqualified in the schema; a qualified one is read the same.
 *
 * <p>Stateless and thread-safe.
 */
final class VosiTablesParser {
    private VosiTablesParser() {
    }

    /**
     * Reads a tables document, whichever root it has.
     *
     * @param in the document
     * @param source its URL
     * @return the tables, in document order (columns empty for {@code detail=min} answers)
     * @throws ProtocolViolationException if it is not a well-formed VOSI tables document
     */
    static List<TableDescription> parseTables(InputStream in, URI source) {
        XMLStreamReader r = Stax.open(in, source, false);
        try {
            String root = Stax.root(r);
            List<TableDescription> tables = new ArrayList<>();
            if ("tableset".equals(root)) {
                while (Stax.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
                    if ("schema".equals(Stax.name(r))) {
                        schema(r, source, tables);
                    } else {
                        Stax.skip(r);
                    }
                }
            } else if ("table".equals(root)) {
                tables.add(table(r, source, ""));
            } else {
                throw Stax.violation("expected a VOSI tableset or table but the root element is <"
                        + (root.isEmpty() ? "none" : root) + ">", source, r);
            }
            return tables;
        } catch (XMLStreamException e) {
            throw Stax.failure("the VOSI tables document", source, e);
        } finally {
            Stax.closeQuietly(r);
        }
    }

    /**
     * Reads the answer for one table: a bare {@code table}, or a tableset holding it (some
     * services wrap it, {@code fixtures/tables/per-table-returned-as-tableset.xml}).
     *
     * @param in the document
     * @param source its URL
     * @param tableName the table asked for; compared without regard to case
     * @return the table
     * @throws NotFoundException if a tableset does not hold the table
     */
    static TableDescription parseTable(InputStream in, URI source, String tableName) {
        List<TableDescription> tables = parseTables(in, source);
        for (TableDescription t : tables) {
            if (t.isNamed(tableName)) {
                return t;
            }
        }
        if (tables.size() == 1) {
            // A per-table endpoint answered with one table of another spelling (quoted names, say).
            return tables.get(0);
        }
        throw new NotFoundException("the table " + tableName + " is not in the document from " + source + " ("
                + tables.size() + " tables)", 0, source, null);
    }

    private static void schema(XMLStreamReader r, URI source, List<TableDescription> out) throws XMLStreamException {
        String schema = "";
        List<TableDescription> pending = new ArrayList<>();
        while (Stax.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
            String name = Stax.name(r);
            if ("name".equals(name)) {
                schema = Stax.text(r);
            } else if ("table".equals(name)) {
                pending.add(table(r, source, schema));
            } else {
                Stax.skip(r);
            }
        }
        out.addAll(pending);
    }

    private static TableDescription table(XMLStreamReader r, URI source, String schema) throws XMLStreamException {
        String type = Stax.anyAttribute(r, "type");
        String name = null;
        String title = null;
        String description = null;
        String utype = null;
        List<ColumnDescription> columns = new ArrayList<>();
        List<TableDescription.ForeignKey> keys = new ArrayList<>();
        while (Stax.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
            switch (Stax.name(r)) {
                case "name":
                    name = Stax.text(r);
                    break;
                case "title":
                    title = Stax.text(r);
                    break;
                case "description":
                    description = Stax.text(r);
                    break;
                case "utype":
                    utype = Stax.text(r);
                    break;
                case "column":
                    columns.add(column(r, source));
                    break;
                case "foreignKey":
                    keys.add(foreignKey(r));
                    break;
                default:
                    Stax.skip(r);
            }
        }
        if (name == null || name.isEmpty()) {
            throw Stax.violation("a table has no name", source, r);
        }
        String schemaName = schema;
        if (schemaName.isEmpty() && name.indexOf('.') > 0) {
            schemaName = name.substring(0, name.indexOf('.'));
        }
        TableDescription.Builder b = TableDescription.builder(schemaName, name);
        if (!type.isEmpty()) {
            b.type(type);
        }
        if (title != null && !title.isEmpty()) {
            b.title(title);
        }
        if (description != null && !description.isEmpty()) {
            b.description(description);
        }
        if (utype != null && !utype.isEmpty()) {
            b.utype(utype);
        }
        columns.forEach(b::column);
        keys.forEach(b::foreignKey);
        return b.build();
    }

    private static ColumnDescription column(XMLStreamReader r, URI source) throws XMLStreamException {
        String name = null;
        String datatype = "";
        boolean tapType = false;
        String arraysize = "";
        String xtype = "";
        String unit = "";
        String ucd = "";
        String utype = "";
        String description = "";
        boolean indexed = false;
        boolean principal = false;
        boolean nullable = false;
        boolean std = false;
        while (Stax.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
            switch (Stax.name(r)) {
                case "name":
                    name = Stax.text(r);
                    break;
                case "description":
                    description = Stax.text(r);
                    break;
                case "unit":
                    unit = Stax.text(r);
                    break;
                case "ucd":
                    ucd = Stax.text(r);
                    break;
                case "utype":
                    utype = Stax.text(r);
                    break;
                case "xtype":
                    xtype = Stax.text(r);
                    break;
                case "dataType":
                    String typeName = Stax.local(Stax.anyAttribute(r, "type"));
                    tapType = typeName.startsWith("TAP");
                    arraysize = Stax.anyAttribute(r, "arraysize");
                    String extended = Stax.anyAttribute(r, "extendedType");
                    if (!extended.isEmpty()) {
                        xtype = extended;
                    }
                    datatype = Stax.text(r);
                    break;
                case "flag":
                    switch (Stax.text(r)) {
                        case "indexed":
                            indexed = true;
                            break;
                        case "primary":
                        case "principal":
                            principal = true;
                            break;
                        case "nullable":
                            nullable = true;
                            break;
                        case "std":
                            std = true;
                            break;
                        default:
                            break;
                    }
                    break;
                default:
                    Stax.skip(r);
            }
        }
        if (name == null || name.isEmpty()) {
            throw Stax.violation("a column has no name", source, r);
        }
        ColumnDescription.Builder b = ColumnDescription.builder(name, datatype).tapType(tapType).indexed(indexed)
                .principal(principal).nullable(nullable).std(std);
        if (!arraysize.isEmpty()) {
            b.arraysize(arraysize);
        }
        if (!xtype.isEmpty()) {
            b.xtype(xtype);
        }
        if (!unit.isEmpty()) {
            b.unit(unit);
        }
        if (!ucd.isEmpty()) {
            b.ucd(ucd);
        }
        if (!utype.isEmpty()) {
            b.utype(utype);
        }
        if (!description.isEmpty()) {
            b.description(description);
        }
        return b.build();
    }

    private static TableDescription.ForeignKey foreignKey(XMLStreamReader r) throws XMLStreamException {
        String target = "";
        String description = "";
        String utype = "";
        List<String> from = new ArrayList<>();
        List<String> to = new ArrayList<>();
        while (Stax.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
            switch (Stax.name(r)) {
                case "targetTable":
                    target = Stax.text(r);
                    break;
                case "description":
                    description = Stax.text(r);
                    break;
                case "utype":
                    utype = Stax.text(r);
                    break;
                case "fkColumn":
                    String f = "";
                    String t = "";
                    while (Stax.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
                        String n = Stax.name(r);
                        if ("fromColumn".equals(n)) {
                            f = Stax.text(r);
                        } else if ("targetColumn".equals(n)) {
                            t = Stax.text(r);
                        } else {
                            Stax.skip(r);
                        }
                    }
                    from.add(f);
                    to.add(t);
                    break;
                default:
                    Stax.skip(r);
            }
        }
        return TableDescription.ForeignKey.of(target, from, to, description, utype);
    }
}
