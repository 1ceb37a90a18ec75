// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.internal.table.ForwardingCursor;
import io.cadc4j.core.table.RowCursor;

/** A cursor that counts the rows read through it. Single-threaded. */
final class CountingCursor extends ForwardingCursor {
    private final RowCursor rows;
    private final long[] count;

    CountingCursor(RowCursor rows, long[] count) {
        this.rows = rows;
        this.count = count;
    }

    @Override
    protected RowCursor delegate() {
        return rows;
    }

    @Override
    public boolean next() {
        boolean more = rows.next();
        if (more) {
            count[0]++;
        }
        return more;
    }
}
