// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.facade;

import io.cadc4j.core.table.DocumentMetadata;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.core.table.XtypeValue;
import java.time.Instant;

/**
 * A cursor that does one more thing once closed: removes the file a result was spooled to, deletes
 * the async job it came from. The action runs once, after the rows are closed, even if closing
 * them failed. Single-threaded, like every cursor.
 */
final class ClosingCursor implements RowCursor {
    private final RowCursor rows;
    private Runnable after;

    ClosingCursor(RowCursor rows, Runnable after) {
        this.rows = rows;
        this.after = after;
    }

    @Override
    public boolean next() {
        return rows.next();
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

    @Override
    public int columnCount() {
        return rows.columnCount();
    }

    @Override
    public Instant getTimestamp(int column) {
        return rows.getTimestamp(column);
    }

    @Override
    public XtypeValue getShape(int column, XtypeValue.Kind kind) {
        return rows.getShape(column, kind);
    }

    @Override
    public void close() {
        Runnable a = after;
        after = null;
        try {
            rows.close();
        } finally {
            if (a != null) {
                a.run();
            }
        }
    }
}
