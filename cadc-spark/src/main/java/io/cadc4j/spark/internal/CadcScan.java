// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.spark.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One read, planned: the ADQL of each partition. Its {@link #description()} is what
 * {@code explain()} shows: the service, the ADQL sent (with what was pushed into it) and the
 * partition conditions. Immutable.
 */
final class CadcScan implements Scan, Batch {
    private final ReadPlan plan;
    private final StructType columns;
    private final List<String> where;
    private final int limit;

    CadcScan(ReadPlan plan, StructType columns, List<String> where, int limit) {
        this.plan = plan;
        this.columns = columns;
        this.where = List.copyOf(where);
        this.limit = limit;
    }

    @Override
    public StructType readSchema() {
        return columns;
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        List<String> conditions = plan.partitions();
        InputPartition[] out = new InputPartition[conditions.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new CadcPartition(i, out.length, adql(conditions.get(i)));
        }
        return out;
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new CadcReaderFactory(plan.options(), columns, plan.maxrec());
    }

    @Override
    public String description() {
        StringBuilder b = new StringBuilder("cadc ").append(plan.options().tapUrl().map(Object::toString)
                .orElseGet(() -> plan.options().registry().map(r -> "registry " + r).orElse("CADC")));
        b.append(" ADQL: ").append(adql(null));
        List<String> conditions = plan.partitions();
        if (conditions.size() > 1 || conditions.get(0) != null) {
            b.append(", ").append(conditions.size()).append(" partitions: ");
            for (int i = 0; i < conditions.size(); i++) {
                b.append(i == 0 ? "" : " | ").append(conditions.get(i));
            }
        }
        b.append(", mode: ").append(plan.options().mode().name().toLowerCase(java.util.Locale.ROOT));
        return b.toString();
    }

    @Override
    public String toString() {
        return description();
    }

    /** The ADQL of one partition (no partition condition for null). */
    String adql(String partition) {
        SourceOptions o = plan.options();
        if (o.table().isEmpty()) {
            String q = o.query().orElseThrow();
            return partition == null ? q : "SELECT * FROM (" + q + ") AS cadc_q WHERE " + partition;
        }
        StringBuilder b = new StringBuilder("SELECT ");
        if (limit >= 0) {
            b.append("TOP ").append(limit).append(' ');
        }
        StructField[] f = columns.fields();
        if (f.length == 0) {
            // Spark needs rows, not columns (a count): the narrowest thing to ask for is one column.
            b.append(AdqlText.identifier(plan.schema().fields()[0].name()));
        } else {
            for (int i = 0; i < f.length; i++) {
                b.append(i == 0 ? "" : ", ").append(AdqlText.identifier(f[i].name()));
            }
        }
        b.append(" FROM ").append(o.table().get());
        List<String> all = new ArrayList<>();
        if (partition != null) {
            all.add(partition);
        }
        all.addAll(where);
        for (int i = 0; i < all.size(); i++) {
            b.append(i == 0 ? " WHERE " : " AND ").append(all.size() == 1 ? all.get(i) : "(" + all.get(i) + ")");
        }
        return b.toString();
    }
}
