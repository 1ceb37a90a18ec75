// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.spark.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownFilters;
import org.apache.spark.sql.connector.read.SupportsPushDownLimit;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;

/**
 * Takes what Spark pushes into a read. For a {@code table} read: the columns Spark needs become
 * the SELECT list, the filters {@link FilterToAdql} can express become the WHERE clause, and a
 * limit becomes {@code TOP n} in each partition (Spark still applies the limit to the whole). A
 * {@code query} read is sent as written: nothing is pushed into it. Single-threaded.
 */
final class CadcScanBuilder implements ScanBuilder, SupportsPushDownRequiredColumns, SupportsPushDownFilters,
        SupportsPushDownLimit {
    private final ReadPlan plan;
    private final boolean isTable;
    private StructType columns;
    private final List<Filter> pushed = new ArrayList<>();
    private final List<String> where = new ArrayList<>();
    private int limit = -1;

    CadcScanBuilder(ReadPlan plan) {
        this.plan = plan;
        this.isTable = plan.options().table().isPresent();
        this.columns = plan.schema();
    }

    @Override
    public void pruneColumns(StructType requiredSchema) {
        if (isTable) {
            columns = requiredSchema;
        }
    }

    @Override
    public Filter[] pushFilters(Filter[] filters) {
        if (!isTable) {
            return filters;
        }
        FilterToAdql translator = new FilterToAdql(plan.schema());
        List<Filter> left = new ArrayList<>();
        for (Filter f : filters) {
            Optional<FilterToAdql.Pushed> p = translator.translate(f);
            if (p.isPresent()) {
                pushed.add(f);
                where.add(p.get().adql);
                if (!p.get().exact) {
                    left.add(f);
                }
            } else {
                left.add(f);
            }
        }
        return left.toArray(new Filter[0]);
    }

    @Override
    public Filter[] pushedFilters() {
        return pushed.toArray(new Filter[0]);
    }

    @Override
    public boolean pushLimit(int n) {
        if (!isTable || n < 0) {
            return false;
        }
        limit = n;
        return true;
    }

    @Override
    public boolean isPartiallyPushed() {
        return true;
    }

    @Override
    public Scan build() {
        return new CadcScan(plan, columns, where, limit);
    }
}
