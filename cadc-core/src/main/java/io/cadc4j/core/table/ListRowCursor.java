// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import java.util.List;

/** A cursor over rows held in memory (see {@link RowCursor#of}). Single-threaded. */
final class ListRowCursor implements RowCursor {
    private final TableMetadata metadata;
    private final List<Row> rows;
    private final boolean overflow;
    private int index = -1;

    ListRowCursor(TableMetadata metadata, List<Row> rows, boolean overflow) {
        this.metadata = metadata;
        this.rows = rows;
        this.overflow = overflow;
    }

    private Row row() {
        if (index < 0 || index >= rows.size()) {
            throw new IllegalStateException("no current row: call next() first (and only while it returns true)");
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
            throw new IllegalStateException("the overflow status is known only once next() has returned false");
        }
        return overflow;
    }

    @Override
    public void close() {
        index = rows.size();
    }

    @Override
    public int columnCount() {
        return metadata.fields().size();
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
    public CharSequence getCharSequence(int column) {
        return row().getCharSequence(column);
    }

    @Override
    public Object getObject(int column) {
        return row().getObject(column);
    }
}
