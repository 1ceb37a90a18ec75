// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.spark.internal;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.tap.AsyncJob;
import io.cadc4j.core.tap.TapQuery;
import java.lang.System.Logger.Level;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one partition on an executor: one TAP request (a sync query, or an async job that is
 * deleted when the partition is closed), its rows streamed through cadc4j's VOTable reader and
 * converted one at a time; nothing is collected. A result the service cut at its row limit fails
 * the task rather than giving part of the rows. Single-threaded, as Spark uses it.
 */
final class CadcPartitionReader implements PartitionReader<InternalRow> {
    private static final System.Logger LOG = System.getLogger(CadcPartitionReader.class.getName());

    private final SourceOptions options;
    private final StructType columns;
    private final long maxrec;
    private final CadcPartition partition;
    private TapAccess access;
    private AsyncJob job;
    private RowCursor rows;
    private RowConverter converter;
    private InternalRow current;
    private long count;

    CadcPartitionReader(SourceOptions options, StructType columns, long maxrec, CadcPartition partition) {
        this.options = options;
        this.columns = columns;
        this.maxrec = maxrec;
        this.partition = partition;
    }

    @Override
    public boolean next() {
        try {
            if (rows == null) {
                open();
            }
            if (rows.next()) {
                current = converter.convert(rows);
                count++;
                return true;
            }
            if (rows.isOverflow()) {
                throw new IllegalStateException("cadc data source: the service stopped " + partition + " at its row "
                        + "limit (MAXREC) after " + count + " rows; give a larger 'maxrec' or more "
                        + "partitions");
            }
            return false;
        } catch (CadcException e) {
            throw new IllegalStateException("cadc data source: " + partition + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("cadc data source: " + partition + " was interrupted", e);
        }
    }

    @Override
    public InternalRow get() {
        return current;
    }

    @Override
    public void close() {
        try {
            if (rows != null) {
                rows.close();
            }
        } finally {
            try {
                if (job != null) {
                    try {
                        job.delete();
                    } catch (CadcException e) {
                        LOG.log(Level.WARNING, "cadc data source: could not delete the async job " + job.id() + ": "
                                + e.getMessage());
                    }
                }
            } finally {
                if (access != null) {
                    access.close();
                }
            }
        }
    }

    private void open() throws InterruptedException {
        access = TapAccess.open(options);
        TapQuery.Builder q = TapQuery.builder(partition.adql);
        if (maxrec >= 0) {
            q.maxRecords(maxrec);
        }
        options.responseFormat().ifPresent(q::responseFormat);
        if (options.mode() == SourceOptions.Mode.ASYNC) {
            job = access.tap().submit(q.build());
            job.run();
            job.awaitCompletion(options.asyncTimeout(), true);
            job.raiseIfError();
            rows = job.fetchResult();
        } else {
            rows = access.tap().query(q.build());
        }
        converter = RowConverter.of(columns, rows.metadata());
    }
}
