// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.spark;

import io.cadc4j.spark.internal.ReadPlan;
import io.cadc4j.spark.internal.SourceOptions;
import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The Spark data source {@code cadc}: reads the result of an ADQL query, or a whole table, from a
 * TAP service, in partitions that each run as one TAP request on an executor.
 *
 * <pre>{@code
 * Dataset<Row> planes = spark.read().format("cadc")
 *         .option("tapUrl", "https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus")
 *         .option("table", "caom2.Plane")
 *         .option("partitionColumn", "calibrationLevel").option("lowerBound", "0")
 *         .option("upperBound", "4").option("numPartitions", "4")
 *         .load();
 * }</pre>
 *
 * <p>The options, the type mapping and how partitions become requests are in the README's
 * "Spark data source" section. The schema is read when the read is defined, from the same query
 * sent with {@code MAXREC=0}; every option is checked then too, so a bad option fails
 * {@code load()} before any task runs.
 *
 * <p>Spark makes one instance per read; it is not shared between threads.
 */
public final class CadcDataSource implements TableProvider, DataSourceRegister {
    private ReadPlan inferred;

    /** Made by Spark, through {@code META-INF/services/org.apache.spark.sql.sources.DataSourceRegister}. */
    public CadcDataSource() {
    }

    @Override
    public String shortName() {
        return "cadc";
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        inferred = ReadPlan.infer(SourceOptions.of(options.asCaseSensitiveMap()));
        return inferred.schema();
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        SourceOptions options = SourceOptions.of(properties);
        ReadPlan plan = inferred != null && inferred.options().equals(options) && inferred.schema().equals(schema)
                ? inferred : ReadPlan.infer(options);
        return plan.table();
    }
}
