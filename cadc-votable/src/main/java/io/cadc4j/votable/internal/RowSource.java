// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

/**
 * Where the cursor's rows come from: the rows of a TABLEDATA element ({@link TableDataRows}) or
 * of a BINARY or BINARY2 stream ({@link BinaryRows}). Single-threaded.
 */
interface RowSource {
    /**
     * Reads the next row into the columns.
     *
     * @param cols the columns, one per FIELD
     * @return true if a row was read, false after the last
     */
    boolean next(Column[] cols);

    /** Reads what is left of the data element after the last row, up to its end tag. */
    void finish();

    /** Lets go of what the source holds (a fetched stream); the parser is closed by the cursor. */
    void close();

    /** @return more about the place of a failure inside the data ("" or starting with ", ") */
    String place();
}
