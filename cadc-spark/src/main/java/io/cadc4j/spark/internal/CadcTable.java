// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.spark.internal;

import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** A TAP table or query result as a Spark table that can be read in batches. Immutable. */
final class CadcTable implements SupportsRead {
    private final ReadPlan plan;

    CadcTable(ReadPlan plan) {
        this.plan = plan;
    }

    @Override
    public String name() {
        return "cadc:" + plan.name();
    }

    @Override
    @SuppressWarnings("deprecation")
    public StructType schema() {
        return plan.schema();
    }

    @Override
    public Set<TableCapability> capabilities() {
        return Set.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
        return new CadcScanBuilder(plan);
    }

    @Override
    public String toString() {
        return name();
    }
}
