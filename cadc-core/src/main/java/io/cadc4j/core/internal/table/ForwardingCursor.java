// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.table;

import io.cadc4j.core.table.DocumentMetadata;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.core.table.XtypeValue;
import java.time.Instant;

/**
 * A cursor that hands every call to another, so that a cursor which adds one thing (counting the
 * rows, surveying them, opening them again) overrides that alone. The defaults of {@link RowCursor}
 * and {@link Row} are forwarded too, so the other cursor's own, faster versions are the ones used;
 * {@link RowCursor#stream} is not, so that it runs over this cursor.
 *
 * <p>Not thread-safe, like every cursor.
 */
public abstract class ForwardingCursor implements RowCursor {
    /** For subclasses. */
    protected ForwardingCursor() {
    }

    /**
     * The cursor the calls go to; it may change between calls (a cursor that opens its rows again).
     *
     * @return the cursor
     */
    protected abstract RowCursor delegate();

    @Override
    public TableMetadata metadata() {
        return delegate().metadata();
    }

    @Override
    public DocumentMetadata document() {
        return delegate().document();
    }

    @Override
    public int columnIndex(String name) {
        return delegate().columnIndex(name);
    }

    @Override
    public int columnCount() {
        return delegate().columnCount();
    }

    @Override
    public boolean next() {
        return delegate().next();
    }

    @Override
    public long rowNumber() {
        return delegate().rowNumber();
    }

    @Override
    public Row snapshot() {
        return delegate().snapshot();
    }

    @Override
    public boolean isOverflow() {
        return delegate().isOverflow();
    }

    @Override
    public void close() {
        delegate().close();
    }

    @Override
    public boolean isNull(int column) {
        return delegate().isNull(column);
    }

    @Override
    public boolean getBoolean(int column) {
        return delegate().getBoolean(column);
    }

    @Override
    public int getInt(int column) {
        return delegate().getInt(column);
    }

    @Override
    public long getLong(int column) {
        return delegate().getLong(column);
    }

    @Override
    public float getFloat(int column) {
        return delegate().getFloat(column);
    }

    @Override
    public double getDouble(int column) {
        return delegate().getDouble(column);
    }

    @Override
    public String getString(int column) {
        return delegate().getString(column);
    }

    @Override
    public CharSequence getCharSequence(int column) {
        return delegate().getCharSequence(column);
    }

    @Override
    public Object getObject(int column) {
        return delegate().getObject(column);
    }

    @Override
    public Instant getTimestamp(int column) {
        return delegate().getTimestamp(column);
    }

    @Override
    public XtypeValue getShape(int column, XtypeValue.Kind kind) {
        return delegate().getShape(column, kind);
    }

    @Override
    public String toString() {
        return delegate().toString();
    }
}
