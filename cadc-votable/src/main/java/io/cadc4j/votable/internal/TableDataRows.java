// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import io.cadc4j.core.table.Field;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * The rows of a TABLEDATA element: read straight from the bytes while they are plain (the fast
 * path's {@link RawTableData}), then from the parser's events. Single-threaded.
 */
final class TableDataRows implements RowSource {
    private final XmlEvents ev;
    private final Failures fail;
    /** Reads rows without the parser while they are plain; null when not used. */
    private final RawTableData raw;
    private final FastPath places;
    private final int maxCell;
    private char[] cell = new char[256];

    TableDataRows(XmlEvents ev, Failures fail, FastPath fast, RawTableData raw) {
        this.ev = ev;
        this.fail = fail;
        this.places = fast;
        this.raw = raw;
        this.maxCell = ev.limits.maxCellCharacters();
    }

    /** @return the rows read without the parser */
    long rawRows() {
        return raw == null ? 0 : raw.rows();
    }

    @Override
    public boolean next(Column[] cols) {
        try {
            if (raw != null && raw.next(cols)) {
                return true; // else the parser reads the rest
            }
        } catch (IOException e) {
            throw fail.xml(new XMLStreamException(e));
        }
        try {
            while (true) {
                int e = ev.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    if (!"TR".equals(ev.r.getLocalName())) {
                        throw fail.violation("unexpected <" + ev.r.getLocalName() + "> in TABLEDATA", null);
                    }
                    readRow(cols);
                    return true;
                }
                if (e == XMLStreamConstants.END_ELEMENT) {
                    return false;
                }
                if (e == XMLStreamConstants.END_DOCUMENT) {
                    throw fail.violation("the document ended inside TABLEDATA", null);
                }
            }
        } catch (XMLStreamException e) {
            throw fail.xml(e);
        }
    }

    private void readRow(Column[] cols) throws XMLStreamException {
        int c = 0;
        while (true) {
            int e = ev.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                if (!"TD".equals(ev.r.getLocalName())) {
                    throw fail.violation("unexpected <" + ev.r.getLocalName() + "> in TR", null);
                }
                if (c >= cols.length) {
                    // before the cell is read: the parser is at its start tag, the first byte too many
                    throw fail.violation("the row has more TD cells than the " + cols.length + " FIELDs", null);
                }
                String enc = ev.r.getAttributeCount() == 0 ? null : ev.attr("encoding");
                int len = readCell();
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
                } catch (CellException | EOFException ex) {
                    String message = "column " + (c + 1) + " '" + col.field.name() + "' (" + col.field.type()
                            + shape(col.field) + "): " + ex.getMessage();
                    // the parser is at the cell's end tag: the cell's text ends there; a number is
                    // placed at its first character that no number could have
                    int bad = ex instanceof CellException ? NumberText.firstBad(col.field, cell, len) : 0;
                    long[] at = places.locateCell(ev.r.getLocation().getCharacterOffset(), cell, len, bad);
                    throw at != null ? fail.violationAt(message, ex, at) : fail.violation(message, ex);
                } catch (IOException ex) {
                    throw fail.violation(ex.getMessage(), ex);
                }
                c++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                // VOTable requires a TD per FIELD; missing trailing cells are read as null, as STIL does.
                for (int i = c; i < cols.length; i++) {
                    cols[i].setNull();
                }
                return;
            } else if (e == XMLStreamConstants.END_DOCUMENT) {
                throw fail.violation("the document ended inside a TR", null);
            }
        }
    }

    static String shape(Field f) {
        return f.shape().isScalar() ? "" : "[" + f.shape().text() + "]";
    }

    private int readCell() throws XMLStreamException {
        int len = 0;
        while (true) {
            int e = ev.next();
            if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA
                    || e == XMLStreamConstants.SPACE) {
                int n = ev.r.getTextLength();
                if (len + n > cell.length) {
                    if (len + n > maxCell) {
                        throw fail.violation("a cell of more than " + maxCell + " characters", null);
                    }
                    cell = Arrays.copyOf(cell, Math.min(maxCell, Math.max(len + n, cell.length * 2)));
                }
                System.arraycopy(ev.r.getTextCharacters(), ev.r.getTextStart(), cell, len, n);
                len += n;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                return len;
            } else if (e == XMLStreamConstants.START_ELEMENT) {
                throw fail.violation("unexpected <" + ev.r.getLocalName() + "> inside a TD", null);
            } else if (e == XMLStreamConstants.END_DOCUMENT) {
                throw fail.violation("the document ended inside a TD", null);
            }
        }
    }

    @Override
    public void finish() {
        // the end tag of TABLEDATA has been read by the last next()
    }

    @Override
    public void close() {
        // nothing held: the parser belongs to the cursor
    }

    @Override
    public String place() {
        return "";
    }
}
