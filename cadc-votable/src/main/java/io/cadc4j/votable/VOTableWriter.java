// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable;

import io.cadc4j.core.spi.BodyWriter;
import io.cadc4j.core.table.Info;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.votable.internal.TableWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Writes one table as a VOTable 1.4 document ({@code RESOURCE type="results"} holding one
 * {@code TABLE}) in TABLEDATA, BINARY or BINARY2, streaming: rows are encoded as they are taken
 * from the source, so a TAP upload can be written straight into a multipart body
 * ({@link #bodyWriter}). The caller's stream is flushed, never closed.
 *
 * <p>Values: each row has one cell per FIELD, of the kind {@link Row#getObject} returns for that
 * datatype (Boolean; Short, Integer, Long; Float, Double; String or {@code String[]} for
 * multi-dimensional char; primitive arrays for arrays and complex values). Floats are written in
 * their shortest exact form, so reading the document back gives the same values. A null cell is an
 * empty TD in TABLEDATA and a flagged cell in BINARY2; BINARY has no flags and refuses a null it
 * cannot express (an integer without {@code VALUES/@null}).
 *
 * <p>Immutable and thread-safe; every write is independent.
 */
public final class VOTableWriter {
    private final Serialization serialization;

    private VOTableWriter(Serialization serialization) {
        this.serialization = serialization;
    }

    /**
     * A writer for one serialization.
     *
     * @param serialization TABLEDATA, BINARY or BINARY2
     * @return the writer
     */
    public static VOTableWriter of(Serialization serialization) {
        return new VOTableWriter(Objects.requireNonNull(serialization, "serialization"));
    }

    /** @return the serialization this writer produces */
    public Serialization serialization() {
        return serialization;
    }

    /**
     * Writes a table.
     *
     * @param table the FIELDs and other metadata
     * @param rows the rows
     * @param out where to write; flushed, not closed
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if a row or cell does not fit the FIELDs
     */
    public void write(TableMetadata table, Iterable<? extends Row> rows, OutputStream out) throws IOException {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(out, "out");
        new TableWriter(serialization, table, out).write(rows.iterator(), List.of());
    }

    /**
     * Copies the rest of a cursor's rows (a query result, another document) into a new document;
     * an overflowed result keeps its {@code QUERY_STATUS=OVERFLOW} after the data. The cursor is
     * read to its end but not closed.
     *
     * @param rows the cursor
     * @param out where to write; flushed, not closed
     * @throws IOException if writing fails
     */
    public void write(RowCursor rows, OutputStream out) throws IOException {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(out, "out");
        Iterator<Row> it = new Iterator<Row>() {
            private boolean ready;
            private boolean more;

            @Override
            public boolean hasNext() {
                if (!ready) {
                    more = rows.next();
                    ready = true;
                }
                return more;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ready = false;
                return rows;
            }
        };
        TableWriter tw = new TableWriter(serialization, rows.metadata(), out);
        tw.write(it, new LazyTrailer(rows));
    }

    /**
     * A body writer for a TAP upload part: writes the table each time it is called (repeatable
     * when the rows iterable is).
     *
     * @param table the FIELDs and other metadata
     * @param rows the rows
     * @return the body writer
     */
    public BodyWriter bodyWriter(TableMetadata table, Iterable<? extends Row> rows) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(rows, "rows");
        return out -> write(table, rows, out);
    }

    /** The trailing status, decided only once the rows are consumed. */
    private static final class LazyTrailer extends java.util.AbstractList<Info> {
        private final RowCursor rows;

        LazyTrailer(RowCursor rows) {
            this.rows = rows;
        }

        private List<Info> list() {
            return rows.isOverflow() ? List.of(Info.of("QUERY_STATUS", "OVERFLOW", "")) : List.of();
        }

        @Override
        public Info get(int index) {
            return list().get(index);
        }

        @Override
        public int size() {
            return list().size();
        }
    }
}
