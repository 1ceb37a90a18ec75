// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.spark.internal;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/** Sent to the executors: makes the reader of each partition. Immutable and serializable. */
final class CadcReaderFactory implements PartitionReaderFactory {
    private static final long serialVersionUID = 1L;

    private final SourceOptions options;
    private final StructType columns;
    private final long maxrec;

    CadcReaderFactory(SourceOptions options, StructType columns, long maxrec) {
        this.options = options;
        this.columns = columns;
        this.maxrec = maxrec;
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        return new CadcPartitionReader(options, columns, maxrec, (CadcPartition) partition);
    }
}
