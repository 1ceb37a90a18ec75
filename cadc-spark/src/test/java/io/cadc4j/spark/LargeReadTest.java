// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.tests.server.tap.ServedTable;
import io.cadc4j.tests.server.tap.TapStandIn;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two million rows with 80-character names (about 250 MB of TABLEDATA) through the source in two
 * partitions, in the {@code large-body} JVM whose 512 MB heap holds Spark, the stand-in and the
 * readers: a partition kept as a list would not fit; rows streamed into Spark's aggregation do.
 */
@Tag("large-body")
class LargeReadTest {
    private static final long ROWS = 2_000_000L;
    private static final String PAD = "x".repeat(70);

    @Test
    void millionsOfRowsStreamThroughTwoPartitionsInASmallHeap() {
        ServedTable big = ServedTable.of("gen.big", List.of(Field.builder("id", "long").build(),
                Field.builder("name", "char").arraysize("*").build()), ROWS,
                i -> Row.of(i, PAD + String.format("%010d", i))).keyed();
        try (TapStandIn tap = TapStandIn.start().serve(big)) {
            Dataset<org.apache.spark.sql.Row> df = Sparks.session().read().format("cadc")
                    .option("tapUrl", tap.base().toString()).option("table", "gen.big")
                    .option("partitionColumn", "id").option("lowerBound", "0").option("upperBound", Long.toString(ROWS))
                    .option("numPartitions", "2").load();
            org.apache.spark.sql.Row r = df.selectExpr("count(*)", "sum(id)", "sum(length(name))",
                    "count(DISTINCT substring(name, 71, 10))").first();
            assertThat(r.getLong(0)).isEqualTo(ROWS);
            assertThat(r.getLong(1)).isEqualTo(ROWS * (ROWS - 1) / 2);
            assertThat(r.getLong(2)).isEqualTo(ROWS * 80);
            assertThat(r.getLong(3)).isEqualTo(ROWS);
        }
    }
}
