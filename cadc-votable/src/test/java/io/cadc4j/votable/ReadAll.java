// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable;

import io.cadc4j.core.table.DocumentMetadata;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.testing.Fixtures;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads a document to its end and keeps everything the cursor gave. */
final class ReadAll {
    private ReadAll() {
    }

    /** Everything a cursor gave: lasting row copies, metadata, document, overflow. */
    static final class Outcome {
        final List<Row> rows = new ArrayList<>();
        final List<Object[]> values = new ArrayList<>();
        TableMetadata metadata;
        DocumentMetadata document;
        boolean overflow;
    }

    static Outcome read(VOTableReader reader, InputStream in) {
        Outcome o = new Outcome();
        try (RowCursor c = reader.open(in)) {
            o.metadata = c.metadata();
            while (c.next()) {
                o.rows.add(c.snapshot());
                Object[] v = new Object[c.columnCount()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = c.getObject(i);
                }
                o.values.add(v);
            }
            o.overflow = c.isOverflow();
            o.metadata = c.metadata();
            o.document = c.document();
        }
        return o;
    }

    static Outcome read(String relative, Fixtures.Chunking chunking) {
        return read(VOTableReader.builder().build(), chunking.open(Fixtures.bytes(relative)));
    }
}
