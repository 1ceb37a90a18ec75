// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * A small table the command builds itself (collections, table lists, job lists), read through
 * the same {@link RowCursor} the output formats take. Cells are strings or null.
 *
 * <p>Single-threaded.
 */
final class MemoryTable implements RowCursor {
    private final TableMetadata metadata;
    private final List<Row> rows = new ArrayList<>();
    private int index = -1;

    /**
     * Starts a table of text columns.
     *
     * @param columns the column names
     */
    MemoryTable(String... columns) {
        TableMetadata.Builder b = TableMetadata.builder();
        for (String c : columns) {
            b.field(Field.builder(c, "char").arraysize("*").build());
        }
        this.metadata = b.build();
    }

    /**
     * Adds a row.
     *
     * @param cells one string (or null) per column
     * @return this table
     */
    MemoryTable add(String... cells) {
        if (cells.length != metadata.fields().size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + metadata.fields().size() + " columns");
        }
        rows.add(Row.of((Object[]) cells));
        return this;
    }

    private Row row() {
        if (index < 0 || index >= rows.size()) {
            throw new IllegalStateException("no current row");
        }
        return rows.get(index);
    }

    @Override
    public TableMetadata metadata() {
        return metadata;
    }

    @Override
    public boolean next() {
        if (index < rows.size()) {
            index++;
        }
        return index < rows.size();
    }

    @Override
    public long rowNumber() {
        return index;
    }

    @Override
    public Row snapshot() {
        return row();
    }

    @Override
    public boolean isOverflow() {
        if (index < rows.size()) {
            throw new IllegalStateException("the rows have not all been read");
        }
        return false;
    }

    @Override
    public void close() {
        index = rows.size();
    }

    @Override
    public boolean isNull(int column) {
        return row().isNull(column);
    }

    @Override
    public boolean getBoolean(int column) {
        return row().getBoolean(column);
    }

    @Override
    public int getInt(int column) {
        return row().getInt(column);
    }

    @Override
    public long getLong(int column) {
        return row().getLong(column);
    }

    @Override
    public float getFloat(int column) {
        return row().getFloat(column);
    }

    @Override
    public double getDouble(int column) {
        return row().getDouble(column);
    }

    @Override
    public String getString(int column) {
        return row().getString(column);
    }

    @Override
    public Object getObject(int column) {
        return row().getObject(column);
    }
}
