// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.facade;

import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import java.util.ArrayList;
import java.util.List;

/** Cursors over rows held in memory, with char columns named as given. */
final class ListCursor {
    private ListCursor() {
    }

    static RowCursor of(List<String> columns, List<Object[]> values, boolean overflow) {
        TableMetadata.Builder b = TableMetadata.builder();
        columns.forEach(c -> b.field(Field.builder(c, "char").arraysize("*").build()));
        List<Row> rows = new ArrayList<>();
        values.forEach(v -> rows.add(Row.of(v)));
        return RowCursor.of(b.build(), rows, overflow);
    }
}
