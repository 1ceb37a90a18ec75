// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.facade;

import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import java.util.ArrayList;
import java.util.List;

/** A cursor over rows held in memory, with char columns named as given. */
final class ListCursor implements RowCursor {
    private final TableMetadata metadata;
    private final List<Row> rows;
    private final boolean overflow;
    private int index = -1;
    private boolean closed;

    ListCursor(List<String> columns, List<Object[]> values, boolean overflow) {
        TableMetadata.Builder b = TableMetadata.builder();
        columns.forEach(c -> b.field(Field.builder(c, "char").arraysize("*").build()));
        this.metadata = b.build();
        this.rows = new ArrayList<>();
        values.forEach(v -> rows.add(Row.of(v)));
        this.overflow = overflow;
    }

    boolean isClosed() {
        return closed;
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
            throw new IllegalStateException("rows not all read");
        }
        return overflow;
    }

    @Override
    public void close() {
        closed = true;
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
