// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

/**
 * Typed, positional access to the cells of one table row. Columns are numbered from 0 in FIELD
 * order; resolve a name to an index once with {@link RowCursor#columnIndex(String)}.
 *
 * <p>The primitive getters do not box. A null cell ({@link #isNull(int)}) reads as 0, NaN or false
 * from them and as null from {@link #getObject(int)} and {@link #getString(int)}; this row path is
 * the one place where cadc4j returns null.
 *
 * <p>A row obtained from a cursor is a view that changes with the cursor and is valid only until
 * the next call to {@link RowCursor#next()}; {@link RowCursor#snapshot()} makes a lasting,
 * immutable copy. Views are single-threaded; snapshots are immutable and thread-safe.
 */
public interface Row {

    /**
     * The number of columns.
     *
     * @return the column count
     */
    int columnCount();

    /**
     * Whether a cell is null: an empty TABLEDATA cell, the FIELD's {@code VALUES/@null} value, a
     * floating-point NaN, or a BINARY2 null flag, all alike.
     *
     * @param column the 0-based column index
     * @return true for a null cell
     * @throws IndexOutOfBoundsException if there is no such column
     */
    boolean isNull(int column);

    /**
     * A cell as a boolean (a VOTable boolean or bit).
     *
     * @param column the 0-based column index
     * @return the value; false when null
     * @throws IllegalStateException if the column is not of a boolean type
     */
    boolean getBoolean(int column);

    /**
     * A cell as an int (unsignedByte, short or int; long only when it fits).
     *
     * @param column the 0-based column index
     * @return the value; 0 when null
     * @throws IllegalStateException if the column is not integral or the value does not fit
     */
    int getInt(int column);

    /**
     * A cell as a long (any integral type).
     *
     * @param column the 0-based column index
     * @return the value; 0 when null
     * @throws IllegalStateException if the column is not integral
     */
    long getLong(int column);

    /**
     * A cell as a float.
     *
     * @param column the 0-based column index
     * @return the value; NaN when null
     * @throws IllegalStateException if the column is not numeric
     */
    float getFloat(int column);

    /**
     * A cell as a double (any numeric type).
     *
     * @param column the 0-based column index
     * @return the value; NaN when null
     * @throws IllegalStateException if the column is not numeric
     */
    double getDouble(int column);

    /**
     * A cell as text: the characters of a char or unicodeChar column, or the VOTable text form of
     * any other value.
     *
     * @param column the 0-based column index
     * @return the text, or null when the cell is null
     */
    String getString(int column);

    /**
     * A cell as an object: Boolean, Short, Integer, Long, Float, Double or String for scalars, a
     * primitive array ({@code double[]}, {@code int[]}, ...) or {@code String[]} for arrays.
     *
     * @param column the 0-based column index
     * @return the value, or null when the cell is null
     */
    Object getObject(int column);
}
