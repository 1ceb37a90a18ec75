// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.internal.table.ForwardingCursor;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.table.RowCursor;
import java.util.function.Supplier;

/**
 * The rows of a sync query that sends the query again when its answer breaks before the caller
 * was handed the first row (as the pipeline's retry policy allows); once a row was handed out, a
 * break fails as the reader reports it, naming the row.
 *
 * <p>Not thread-safe, like every cursor.
 */
final class ResendingCursor extends ForwardingCursor {
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
    protected RowCursor delegate() {
        return current;
    }
}
