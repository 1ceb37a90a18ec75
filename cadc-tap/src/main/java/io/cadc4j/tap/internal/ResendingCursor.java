// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.table.DocumentMetadata;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.core.table.XtypeValue;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The rows of a sync query that sends the query again when its answer breaks before the caller
 * was handed the first row (as the pipeline's retry policy allows); once a row was handed out, a
 * break fails as the reader reports it, naming the row.
 *
 * <p>Not thread-safe, like every cursor.
 */
final class ResendingCursor implements RowCursor {
    private final HttpPipeline http;
    private final HttpRequest request;
    private final Supplier<RowCursor> opener;
    private RowCursor current;
    private int tries;
    private boolean handedOut;

    private ResendingCursor(HttpPipeline http, HttpRequest request, Supplier<RowCursor> opener) {
        this.http = http;
        this.request = request;
        this.opener = opener;
    }

    /**
     * Opens the rows, sending the request again while its answer breaks before the table starts.
     *
     * @param http the pipeline whose policy decides
     * @param request the request, for the decision and the log
     * @param opener sends the request and opens its rows
     * @return the cursor
     */
    static RowCursor open(HttpPipeline http, HttpRequest request, Supplier<RowCursor> opener) {
        ResendingCursor c = new ResendingCursor(http, request, opener);
        c.current = c.openAgain(null);
        return c;
    }

    private RowCursor openAgain(CadcException first) {
        CadcException last = first;
        while (true) {
            if (last != null && !http.mayResend(request, tries, last)) {
                throw last;
            }
            tries++;
            try {
                return opener.get();
            } catch (CadcException e) {
                last = e;
            }
        }
    }

    @Override
    public boolean next() {
        try {
            boolean more = current.next();
            handedOut |= more;
            return more;
        } catch (CadcException e) {
            if (handedOut) {
                throw e;
            }
            int columns = current.columnCount();
            current.close();
            RowCursor again;
            try {
                again = openAgain(e);
            } catch (CadcException f) {
                throw f == e ? e : f;
            }
            if (again.columnCount() != columns) {
                again.close();
                throw e;
            }
            current = again;
            return next();
        }
    }

    @Override
    public TableMetadata metadata() {
        return current.metadata();
    }

    @Override
    public DocumentMetadata document() {
        return current.document();
    }

    @Override
    public long rowNumber() {
        return current.rowNumber();
    }

    @Override
    public Row snapshot() {
        return current.snapshot();
    }

    @Override
    public boolean isOverflow() {
        return current.isOverflow();
    }

    @Override
    public void close() {
        current.close();
    }

    @Override
    public int columnCount() {
        return current.columnCount();
    }

    @Override
    public int columnIndex(String name) {
        return current.columnIndex(name);
    }

    @Override
    public boolean isNull(int column) {
        return current.isNull(column);
    }

    @Override
    public boolean getBoolean(int column) {
        return current.getBoolean(column);
    }

    @Override
    public int getInt(int column) {
        return current.getInt(column);
    }

    @Override
    public long getLong(int column) {
        return current.getLong(column);
    }

    @Override
    public float getFloat(int column) {
        return current.getFloat(column);
    }

    @Override
    public double getDouble(int column) {
        return current.getDouble(column);
    }

    @Override
    public String getString(int column) {
        return current.getString(column);
    }

    @Override
    public CharSequence getCharSequence(int column) {
        return current.getCharSequence(column);
    }

    @Override
    public Object getObject(int column) {
        return current.getObject(column);
    }

    @Override
    public Instant getTimestamp(int column) {
        return current.getTimestamp(column);
    }

    @Override
    public XtypeValue getShape(int column, XtypeValue.Kind kind) {
        return current.getShape(column, kind);
    }

    @Override
    public String toString() {
        return current.toString();
    }
}
