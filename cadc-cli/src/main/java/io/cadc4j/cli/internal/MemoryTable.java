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
 * the same {@link RowCursor} the output formats take ({@link #cursor()}). Cells are strings or
 * null.
 *
 * <p>Single-threaded.
 */
final class MemoryTable {
    private final TableMetadata metadata;
    private final List<Row> rows = new ArrayList<>();

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

    /** @return a cursor over the rows added so far */
    RowCursor cursor() {
        return RowCursor.of(metadata, rows);
    }
}
