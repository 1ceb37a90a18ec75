// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A pull cursor over the rows of a table as they stream in, one row at a time: a query result, a
 * DataLink answer. Memory does not grow with the number of rows.
 *
 * <p>Call order: {@link #metadata()} at any time (the columns are known before the first row);
 * {@link #next()} until it returns false, reading the current row through the {@link Row} getters
 * in between; then {@link #isOverflow()}, which is only known once the rows are consumed; then
 * {@link #close()}. The cursor is the current row: its getters read the row {@code next()} moved
 * to, and are valid only until the following {@code next()}.
 *
 * <pre>{@code
 * try (RowCursor rows = tap.query(TapQuery.of("select obs_id, t_min from ivoa.ObsCore"))) {
 *     int id = rows.columnIndex("obs_id");
 *     int tMin = rows.columnIndex("t_min");
 *     while (rows.next()) {
 *         System.out.println(rows.getString(id) + " " + rows.getDouble(tMin));
 *     }
 *     if (rows.isOverflow()) {
 *         System.err.println("truncated at MAXREC");
 *     }
 * }
 * }</pre>
 *
 * <p>A server error reported in the document, even after rows were sent, surfaces from
 * {@code next()} as {@link io.cadc4j.core.QueryException}; a document that ends early as
 * {@link io.cadc4j.core.ProtocolViolationException} saying at which row: never a silently short
 * result. The cursor closes its stream at the end of the data, on such a failure, and on
 * {@link #close()}, which is idempotent.
 *
 * <p>Single-threaded.
 */
public interface RowCursor extends Row, AutoCloseable {

    /**
     * The table's metadata: its columns, params and the INFOs read so far.
     *
     * @return the metadata
     */
    TableMetadata metadata();

    /**
     * The whole document's metadata as read so far: the resources, PARAMs and INFOs around the
     * table; complete (trailing INFOs and resources after the table included) once {@link #next()}
     * has returned false. A cursor that does not read a VOTable returns a document holding just
     * {@link #metadata()}.
     *
     * @return the document metadata
     */
    default DocumentMetadata document() {
        return DocumentMetadata.ofTable(metadata());
    }

    /**
     * The index of the first column with this name: an exact match if there is one, else a match
     * without regard to case (services differ in the case of column names).
     *
     * @param name the column name
     * @return the 0-based index
     * @throws IllegalArgumentException if no column has that name; the message lists the columns
     */
    default int columnIndex(String name) {
        return metadata().columnIndex(name);
    }

    @Override
    default int columnCount() {
        return metadata().fields().size();
    }

    /**
     * Moves to the next row.
     *
     * @return true when there is a row to read; false at the end of the data
     * @throws io.cadc4j.core.QueryException if the server reported an error in the document
     * @throws io.cadc4j.core.ProtocolViolationException if the document is malformed or ends early
     */
    boolean next();

    /**
     * The 0-based number of the current row.
     *
     * @return the row number, or -1 before the first {@code next()}
     */
    long rowNumber();

    /**
     * A lasting, immutable copy of the current row: the same values, and the same cells null as
     * {@link #isNull(int)} says on the cursor (a value that is NaN stays a value).
     *
     * @return the copy
     * @throws IllegalStateException if there is no current row
     */
    Row snapshot();

    /**
     * Whether the service cut the result short at its row limit ({@code QUERY_STATUS=OVERFLOW}).
     * Known only once {@link #next()} has returned false.
     *
     * @return true when the result is truncated
     * @throws IllegalStateException if the rows have not all been read yet
     */
    boolean isOverflow();

    /**
     * The rows as a stream, each mapped while it is current; closing the stream closes the cursor.
     *
     * @param mapper turns the current row into a lasting value (it must not keep the row itself)
     * @param <T> the element type
     * @return a sequential stream
     */
    default <T> Stream<T> stream(Function<? super Row, ? extends T> mapper) {
        Spliterator<T> split = new Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE, Spliterator.ORDERED) {
            @Override
            public boolean tryAdvance(java.util.function.Consumer<? super T> action) {
                if (!next()) {
                    return false;
                }
                action.accept(mapper.apply(RowCursor.this));
                return true;
            }
        };
        return StreamSupport.stream(split, false).onClose(this::close);
    }

    /**
     * A cursor over rows held in memory: for tables a program builds itself, tests, and anything
     * that takes a cursor (result writers, uploads). Its rows are the given ones, so
     * {@link #snapshot()} returns them as they are; closing it ends the rows.
     *
     * @param metadata the table's columns
     * @param rows the rows (e.g. from {@link Row#of}), each with one cell per column
     * @param overflow what {@link #isOverflow()} reports once the rows are read
     * @return a single-threaded cursor before the first row
     * @throws IllegalArgumentException if a row has another number of cells than there are columns
     */
    static RowCursor of(TableMetadata metadata, List<? extends Row> rows, boolean overflow) {
        Objects.requireNonNull(metadata, "metadata");
        List<Row> copy = List.copyOf(Objects.requireNonNull(rows, "rows"));
        int columns = metadata.fields().size();
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).columnCount() != columns) {
                throw new IllegalArgumentException("row " + i + " has " + copy.get(i).columnCount() + " cells for "
                        + columns + " columns");
            }
        }
        return new ListRowCursor(metadata, copy, overflow);
    }

    /**
     * As {@link #of(TableMetadata, List, boolean)}, for a table that is not cut short.
     *
     * @param metadata the table's columns
     * @param rows the rows, each with one cell per column
     * @return a single-threaded cursor before the first row
     * @throws IllegalArgumentException if a row has another number of cells than there are columns
     */
    static RowCursor of(TableMetadata metadata, List<? extends Row> rows) {
        return of(metadata, rows, false);
    }

    /** Closes the underlying stream. Idempotent; throws nothing checked. */
    @Override
    void close();
}
