// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

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
     * Whether a cell is null, as the row's source says. For a row read from a VOTable that is the
     * rule of its serialization (cadc-votable's README): in TABLEDATA an empty cell, the FIELD's
     * {@code VALUES/@null} value or a NaN; in BINARY a magic value or a NaN; in BINARY2 the row's
     * null flag alone, so that an unflagged NaN (or {@code ''}) is a value. A
     * {@linkplain RowCursor#snapshot() snapshot} keeps what the cursor said, cell for cell. For
     * {@link #of(Object...)} a cell is null when it is given as null; a NaN given is a value.
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
     * A cell's text as a {@link CharSequence}, without the cost of a String where the row can avoid
     * it: the same characters as {@link #getString(int)}, but possibly a view into buffers that the
     * next row reuses. On a cursor row it is therefore valid only until the next
     * {@link RowCursor#next()}, and should not be stored; {@code toString()} gives a lasting String.
     * Its {@code equals} is identity, as for any CharSequence: compare with
     * {@link String#contentEquals(CharSequence)} or {@link CharSequence#compare}.
     *
     * <p>The cadc-votable reader returns such a view for char and unicodeChar cells, saving an
     * object per cell for loops over millions of rows; for other columns, and by default, this is
     * {@code getString(column)}.
     *
     * @param column the 0-based column index
     * @return the characters, or null when the cell is null
     */
    default CharSequence getCharSequence(int column) {
        return getString(column);
    }

    /**
     * A cell as an object: Boolean, Short, Integer, Long, Float, Double or String for scalars, a
     * primitive array ({@code double[]}, {@code int[]}, ...) or {@code String[]} for arrays.
     *
     * @param column the 0-based column index
     * @return the value, or null when the cell is null
     */
    Object getObject(int column);

    /**
     * A cell of DALI xtype {@code timestamp} (or {@code adql:TIMESTAMP}) as an instant:
     * {@code YYYY-MM-DD['T'hh:mm:ss[.fff]]['Z']}, read as UTC (DALI 1.1 section 3.3.3).
     *
     * @param column the 0-based column index
     * @return the instant, or null when the cell is null
     * @throws IllegalStateException if the text is not a DALI timestamp
     */
    default Instant getTimestamp(int column) {
        String s = getString(column);
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.endsWith("Z")) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("column " + column + " is not a DALI timestamp: '" + s + "'", e);
        }
    }

    /**
     * A numeric array cell as a DALI {@code point}, {@code circle}, {@code polygon} or
     * {@code interval}.
     *
     * @param column the 0-based column index
     * @param kind the kind the column holds (from its xtype)
     * @return the shape, or null when the cell is null
     * @throws IllegalStateException if the cell is not a numeric array of a size that fits the kind
     */
    default XtypeValue getShape(int column, XtypeValue.Kind kind) {
        Objects.requireNonNull(kind, "kind");
        Object o = getObject(column);
        if (o == null) {
            return null;
        }
        double[] d;
        if (o instanceof double[]) {
            d = (double[]) o;
        } else if (o instanceof float[]) {
            float[] f = (float[]) o;
            d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
        } else {
            throw new IllegalStateException("column " + column + " is not a float or double array but "
                    + o.getClass().getSimpleName());
        }
        try {
            return XtypeValue.of(kind, d);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("column " + column + ": " + e.getMessage(), e);
        }
    }

    /**
     * An immutable row of given values, for writers and tests: each cell is null, a Boolean, a
     * Number (Short, Integer, Long, Float, Double), a String, a primitive array or a
     * {@code String[]}. Arrays are copied. Only a null cell is null: {@code Double.NaN} is a value.
     *
     * @param cells the cells, in column order
     * @return the row; immutable and thread-safe
     */
    static Row of(Object... cells) {
        Objects.requireNonNull(cells, "cells");
        return new ValueRow(cells);
    }
}
