// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.server.tap;

import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.TableMetadata;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * A table the {@link TapStandIn} serves and really queries ({@link TapStandIn#serve}): its FIELDs
 * and its rows, made one at a time by a function of the row number, so a table of millions of
 * rows costs no memory. Queries naming it are evaluated by {@link AdqlSubset}: {@code SELECT
 * [TOP n] * | columns FROM name [WHERE ...]}, or {@code SELECT * FROM (that) AS x WHERE ...}.
 *
 * <p>Immutable and thread-safe when the row function is.
 */
public final class ServedTable {
    private final String name;
    private final TableMetadata metadata;
    private final long rows;
    private final LongFunction<Row> row;
    private final boolean keyed;

    private ServedTable(String name, List<Field> fields, long rows, LongFunction<Row> row, boolean keyed) {
        this.name = Objects.requireNonNull(name, "name");
        this.metadata = TableMetadata.of(name, fields, List.of());
        this.rows = rows;
        this.row = Objects.requireNonNull(row, "row");
        this.keyed = keyed;
    }

    /**
     * A table of computed rows.
     *
     * @param name the qualified name the queries use, e.g. {@code gen.alltypes}
     * @param fields its columns
     * @param rows how many rows
     * @param row the row of each number, 0 to rows - 1 (cells as {@link Row#of} takes them)
     * @return the table
     */
    public static ServedTable of(String name, List<Field> fields, long rows, LongFunction<Row> row) {
        return new ServedTable(name, List.copyOf(fields), rows, row, false);
    }

    /**
     * The same table, declaring that its first column holds the row number: a query comparing
     * that column with whole numbers then reads only the rows in range, as a database reads an
     * index, instead of scanning the table (what a partitioned read of a large table relies on).
     *
     * @return the keyed table
     */
    public ServedTable keyed() {
        return new ServedTable(name, metadata.fields(), rows, row, true);
    }

    /** @return whether the first column is the row number */
    public boolean isKeyed() {
        return keyed;
    }

    /** @return the qualified name */
    public String name() {
        return name;
    }

    /** @return the FIELDs */
    public TableMetadata metadata() {
        return metadata;
    }

    /** @return the number of rows */
    public long rowCount() {
        return rows;
    }

    /**
     * One row.
     *
     * @param i the row number
     * @return the row
     */
    public Row row(long i) {
        return row.apply(i);
    }

    @Override
    public String toString() {
        return "ServedTable[" + name + ", " + rows + " rows]";
    }
}
