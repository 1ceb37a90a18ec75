// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.table.DocumentMetadata;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;

/** A cursor that counts the rows read through it. Single-threaded. */
final class CountingCursor implements RowCursor {
    private final RowCursor rows;
    private final long[] count;

    CountingCursor(RowCursor rows, long[] count) {
        this.rows = rows;
        this.count = count;
    }

    @Override
    public TableMetadata metadata() {
        return rows.metadata();
    }

    @Override
    public DocumentMetadata document() {
        return rows.document();
    }

    @Override
    public boolean next() {
        boolean more = rows.next();
        if (more) {
            count[0]++;
        }
        return more;
    }

    @Override
    public long rowNumber() {
        return rows.rowNumber();
    }

    @Override
    public Row snapshot() {
        return rows.snapshot();
    }

    @Override
    public boolean isOverflow() {
        return rows.isOverflow();
    }

    @Override
    public void close() {
        rows.close();
    }

    @Override
    public boolean isNull(int column) {
        return rows.isNull(column);
    }

    @Override
    public boolean getBoolean(int column) {
        return rows.getBoolean(column);
    }

    @Override
    public int getInt(int column) {
        return rows.getInt(column);
    }

    @Override
    public long getLong(int column) {
        return rows.getLong(column);
    }

    @Override
    public float getFloat(int column) {
        return rows.getFloat(column);
    }

    @Override
    public double getDouble(int column) {
        return rows.getDouble(column);
    }

    @Override
    public String getString(int column) {
        return rows.getString(column);
    }

    @Override
    public CharSequence getCharSequence(int column) {
        return rows.getCharSequence(column);
    }

    @Override
    public Object getObject(int column) {
        return rows.getObject(column);
    }
}
