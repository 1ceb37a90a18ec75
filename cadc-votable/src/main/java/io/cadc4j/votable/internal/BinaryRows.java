// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import io.cadc4j.core.table.Field;
import io.cadc4j.votable.Binary2Layout;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;

/**
 * The rows of a BINARY or BINARY2 element, decoded from its {@link StreamSource}; in BINARY2 each
 * row starts with its null flags. A failure names the column and where the row began, and hints
 * at the other BINARY2 layout only when that layout would have read the row. Single-threaded.
 */
final class BinaryRows implements RowSource {
    private final StreamSource stream;
    private final Failures fail;
    private final BinaryInput bin;
    private final boolean binary2;
    private final Binary2Layout layout;
    private final List<Field> fields;
    private final int maxArrayElements;
    private final byte[] mask;
    /** Whether no FIELD takes a byte (BINARY only: BINARY2 rows have their flags). */
    private final boolean zeroSizeRow;
    private final Column[] cols;
    private boolean sawNullFlag;
    private long rowStartByte;

    /**
     * @param stream the STREAM, open
     * @param fail where failures are made
     * @param binary2 true for BINARY2
     * @param layout the BINARY2 layout to expect
     * @param fields the FIELDs
     * @param cols their columns
     * @param maxArrayElements the most elements an array may have
     */
    BinaryRows(StreamSource stream, Failures fail, boolean binary2, Binary2Layout layout, List<Field> fields,
            Column[] cols, int maxArrayElements) {
        this.stream = stream;
        this.fail = fail;
        this.binary2 = binary2;
        this.layout = layout;
        this.fields = fields;
        this.cols = cols;
        this.maxArrayElements = maxArrayElements;
        if (binary2) {
            for (Column col : cols) {
                col.flagsDecideNulls();
            }
        }
        this.mask = new byte[(cols.length + 7) / 8];
        boolean zero = !binary2;
        for (Field f : fields) {
            if (f.shape().isVariable() || f.shape().itemElements() > 0) {
                zero = false;
            }
        }
        this.zeroSizeRow = zero;
        this.bin = new BinaryInput(stream.data());
    }

    @Override
    public boolean next(Column[] columns) {
        int c = -1;
        try {
            if (bin.atEnd()) {
                return false;
            }
            rowStartByte = bin.position();
            bin.startRow();
            if (binary2) {
                bin.readFully(mask, 0, mask.length);
                int spare = mask.length * 8 - columns.length;
                if (spare > 0 && (mask[mask.length - 1] & (1 << spare) - 1) != 0) {
                    throw new CellException(String.format("the null mask of the row has bits set beyond the %d"
                            + " columns (last mask byte 0x%02x): this is not the start of a row", columns.length,
                            mask[mask.length - 1] & 0xff));
                }
            }
            boolean omit = layout == Binary2Layout.CADC_NULLS_OMITTED;
            if (columns.length == 0 || zeroSizeRow) {
                // rows of zero bytes would never use the stream up (found by fuzzing: a loop without end)
                throw new CellException("the FIELDs describe rows of zero bytes, yet the stream has data");
            }
            for (c = 0; c < columns.length; c++) {
                Column col = columns[c];
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
            throw fail.xml(e.xml());
        } catch (CellException e) {
            if (e.streamText) {
                // the text is broken, not a cell: no column to blame, no layout to suggest
                throw fail.violation("the " + (stream.gzip() ? "gzip" : "base64") + " STREAM of the "
                        + (binary2 ? "BINARY2" : "BINARY") + " data is broken: " + e.getMessage(), e);
            }
            throw rowFailure(c, e);
        } catch (IOException e) {
            throw rowFailure(c, e);
        }
    }

    private RuntimeException rowFailure(int c, Exception e) {
        String where = c < 0 ? "at the start of the row" : c < cols.length
                ? "in column " + (c + 1) + " '" + cols[c].field.name() + "' (" + cols[c].field.type()
                        + TableDataRows.shape(cols[c].field) + ")" : "";
        String what = e instanceof EOFException ? "the BINARY stream ended " + where + ": " + e.getMessage()
                : "cannot decode the " + (binary2 ? "BINARY2" : "BINARY") + " row " + where + ": " + e.getMessage();
        // placed first: the layout hint reads on in the stream, and the place must still be known
        long[] place = stream.placeOf(failedAt(c, e));
        String message = what + " (row began " + rowStartByte + " bytes into the decoded stream)" + layoutHint(e);
        return place == null ? fail.violation(message, e) : fail.violationAt(message, e, place);
    }

    /**
     * The first decoded byte of what failed: the cell the column began at, the byte just read when
     * that byte is what is wrong (a boolean element), or for null flags past the last column their
     * byte; the row's start when the stream ended inside its flags.
     */
    private long failedAt(int c, Exception e) {
        if (e instanceof CellException && ((CellException) e).lastByteRead) {
            return bin.position() - 1;
        }
        if (c < 0) {
            return binary2 && !(e instanceof EOFException) ? rowStartByte + mask.length - 1 : rowStartByte;
        }
        // the row's cells before the failed one, read again from its bytes to find where it began
        try {
            BinaryInput again = new BinaryInput(bin.rowSoFar());
            readAgain(again, Math.min(c, fields.size()), layout == Binary2Layout.CADC_NULLS_OMITTED);
            return rowStartByte + again.position();
        } catch (IOException | RuntimeException unexpected) {
            return -1; // the cells before read once already; if not now, no place rather than a wrong one
        }
    }

    /** Says what else may be wrong, only where it applies. */
    private String layoutHint(Exception failure) {
        if (stream.gzip()) {
            // a wrong length or null mask after the inflater took damaged data for good: no layout matter
            return "; the STREAM is gzip-compressed, and gzip finds damage only at its end: this may be damage";
        }
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
            readAgain(in, fields.size(), layout != Binary2Layout.CADC_NULLS_OMITTED);
            if (in.atEnd()) {
                return true;
            }
            byte[] m = new byte[mask.length];
            in.startRow();
            in.readFully(m, 0, m.length);
            int spare = m.length * 8 - fields.size();
            return spare == 0 || (m[m.length - 1] & (1 << spare) - 1) == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Reads a row's flags (BINARY2) and its first cells again, in fresh columns, from its start.
     *
     * @param in the row's bytes from its start
     * @param cells how many cells to read
     * @param omit whether flagged cells have no bytes (CADC's layout)
     */
    private void readAgain(BinaryInput in, int cells, boolean omit) throws IOException {
        byte[] m = new byte[mask.length];
        in.startRow();
        if (binary2) {
            in.readFully(m, 0, m.length);
        }
        for (int c = 0; c < cells; c++) {
            boolean flagged = binary2 && (m[c >> 3] & 0x80 >>> (c & 7)) != 0;
            if (!flagged || !omit) {
                Column col = Column.of(fields.get(c), c, maxArrayElements);
                if (binary2) {
                    col.flagsDecideNulls();
                }
                Column.readBinary(col, in);
            }
        }
    }

    @Override
    public void finish() {
        stream.finish();
    }

    @Override
    public void close() {
        stream.close();
    }

    @Override
    public String place() {
        return ", " + bin.position() + " bytes into the decoded stream";
    }
}
