// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench.internal;

import io.cadc4j.bench.TableConsumer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.TableSink;
import uk.ac.starlink.votable.VOTableBuilder;

/**
 * STIL's streaming VOTable reader ({@link VOTableBuilder#streamStarTable}, SAX underneath) pushing each row into a
 * {@link TableSink} that folds every cell into a checksum. This is how STIL reads a table it does not keep.
 * Single-threaded.
 */
public final class StilConsumer implements TableConsumer {
    private final VOTableBuilder builder = new VOTableBuilder();

    @Override
    public long consume(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        Sink sink = new Sink();
        builder.streamStarTable(in, sink, null);
        if (!sink.ended) {
            throw new IOException("STIL stopped before the end of the rows, after " + sink.rows + " rows");
        }
        return Checksum.mix(sink.sum, sink.rows);
    }

    private static final class Sink implements TableSink {
        long sum;
        long rows;
        boolean ended;

        @Override
        public void acceptMetadata(StarTable meta) {
            sum = meta.getColumnCount();
        }

        @Override
        public void acceptRow(Object[] row) {
            long s = sum;
            for (Object cell : row) {
                s = Checksum.mixCell(s, cell);
            }
            sum = s;
            rows++;
        }

        @Override
        public void endRows() {
            ended = true;
        }
    }
}
