// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.spark.internal;

import io.cadc4j.core.registry.TableAccess;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.tap.TapQuery;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.types.StructType;

/**
 * What the driver learns about a read before any task runs: its checked options, its schema (the
 * query sent with {@code MAXREC=0}), the row limit every partition sends, and the partition
 * conditions (checked here, so bad partitioning fails {@code load()}).
 *
 * <p>Immutable and serializable.
 */
public final class ReadPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SourceOptions options;
    private final StructType schema;
    private final long maxrec;
    private final List<String> partitions;

    private ReadPlan(SourceOptions options, StructType schema, long maxrec) {
        this.options = options;
        this.schema = schema;
        this.maxrec = maxrec;
        this.partitions = Partitioning.conditions(options, schema);
    }

    /**
     * Asks the service for the read's schema and row limit.
     *
     * @param options the checked options
     * @return the plan
     * @throws IllegalArgumentException for partition options that do not fit the schema
     * @throws io.cadc4j.core.CadcException if the service cannot be reached or rejects the query
     */
    public static ReadPlan infer(SourceOptions options) {
        try (TapAccess access = TapAccess.open(options)) {
            TapQuery q = TapQuery.builder(baseQuery(options)).maxRecords(0).build();
            StructType schema;
            try (RowCursor rows = access.tap().query(q)) {
                schema = VoTypes.schema(rows.metadata().fields());
            }
            long maxrec = options.maxrec();
            if (maxrec < 0) {
                // The service's hard row limit, when it declares one: a partition asks for all it may
                // have, and a partition cut at the limit fails instead of giving part of its rows.
                maxrec = access.tap().endpoints().tableAccess().flatMap(TableAccess::outputLimit)
                        .filter(l -> TableAccess.Limit.ROW.equals(l.unit()))
                        .map(l -> l.hard().orElse(-1L)).orElse(-1L);
            }
            return new ReadPlan(options, schema, maxrec);
        }
    }

    /** @return the options */
    public SourceOptions options() {
        return options;
    }

    /** @return the full schema of the read */
    public StructType schema() {
        return schema;
    }

    /** @return the MAXREC each partition sends, or -1 for none */
    long maxrec() {
        return maxrec;
    }

    /** @return the partition conditions; a single null for an unsplit read */
    List<String> partitions() {
        return partitions;
    }

    /** @return the Spark table of this read */
    public Table table() {
        return new CadcTable(this);
    }

    /** The ADQL the rows come from, before columns, filters and partitions are applied. */
    static String baseQuery(SourceOptions o) {
        return o.table().map(t -> "SELECT * FROM " + t).orElseGet(() -> o.query().orElseThrow());
    }

    /** A short name for the read, for Spark's plans. */
    String name() {
        return options.table().orElse("query").toLowerCase(Locale.ROOT);
    }
}
