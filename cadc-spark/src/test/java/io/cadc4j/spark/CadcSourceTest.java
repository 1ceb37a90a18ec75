// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.tests.server.RecordedRequest;
import io.cadc4j.tests.server.tap.TapRequestParams;
import io.cadc4j.tests.server.tap.TapStandIn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code cadc} source in a local Spark ({@code local[2]}) against the stand-in TAP service,
 * which really evaluates the queries it receives over generated tables and records them.
 */
class CadcSourceTest {
    private static final long ROWS = 1000;
    private static TapStandIn tap;
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        tap = TapStandIn.start().serve(GeneratedTables.allTypes()).serve(GeneratedTables.rows("gen.rows", ROWS));
        spark = Sparks.session();
    }

    @AfterAll
    static void stop() {
        tap.close();
    }

    private int before;

    @BeforeEach
    void mark() {
        // Also called inside a test, to look only at what follows.
        before = queries().size();
    }

    private DataFrameReader read() {
        return spark.read().format("cadc").option("tapUrl", tap.base().toString());
    }

    /** The queries the stand-in received (sync POSTs and async job creations), in order. */
    private static List<TapRequestParams> queries() {
        List<TapRequestParams> out = new ArrayList<>();
        for (RecordedRequest r : tap.server().requests()) {
            if (r.method().equals("POST") && (r.path().equals("/tap/sync") || r.path().equals("/tap/async"))) {
                out.add(TapRequestParams.of(r));
            }
        }
        return out;
    }

    /** The queries received since the test began, MAXREC=0 schema queries left out. */
    private List<String> dataQueries() {
        List<TapRequestParams> all = queries();
        return all.subList(before, all.size()).stream().filter(p -> !p.get("MAXREC").orElse("").equals("0"))
                .map(p -> p.get("QUERY").orElseThrow()).collect(Collectors.toList());
    }

    @Test
    void readsEveryDatatypeWithNullsAndArrays() {
        Dataset<Row> df = read().option("table", "gen.alltypes").load();
        StructType s = df.schema();
        assertThat(s.apply("id").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(s.apply("b").dataType()).isEqualTo(DataTypes.BooleanType);
        assertThat(s.apply("ub").dataType()).isEqualTo(DataTypes.ShortType);
        assertThat(s.apply("s").dataType()).isEqualTo(DataTypes.ShortType);
        assertThat(s.apply("i").dataType()).isEqualTo(DataTypes.IntegerType);
        assertThat(s.apply("f").dataType()).isEqualTo(DataTypes.FloatType);
        assertThat(s.apply("d").dataType()).isEqualTo(DataTypes.DoubleType);
        assertThat(s.apply("fc").dataType().simpleString()).isEqualTo("struct<real:float,imag:float>");
        assertThat(s.apply("dc").dataType().simpleString()).isEqualTo("struct<real:double,imag:double>");
        assertThat(s.apply("c").dataType()).isEqualTo(DataTypes.StringType);
        assertThat(s.apply("uc").dataType()).isEqualTo(DataTypes.StringType);
        assertThat(s.apply("ts").dataType()).isEqualTo(DataTypes.TimestampType);
        assertThat(s.apply("da").dataType().simpleString()).isEqualTo("array<double>");
        assertThat(s.apply("ia").dataType().simpleString()).isEqualTo("array<int>");
        assertThat(s.apply("ubarr").dataType().simpleString()).isEqualTo("array<smallint>");
        assertThat(s.apply("sa2").dataType().simpleString()).isEqualTo("array<smallint>");
        assertThat(s.apply("fca").dataType().simpleString()).isEqualTo("array<struct<real:float,imag:float>>");
        assertThat(s.apply("ba").dataType().simpleString()).isEqualTo("array<boolean>");
        assertThat(s.apply("ts").metadata().getString("votable.xtype")).isEqualTo("timestamp");

        List<Row> rows = df.orderBy("id").collectAsList();
        assertThat(rows).hasSize(GeneratedTables.ALLTYPES_ROWS);
        for (Row r : rows) {
            int i = (int) r.getLong(0);
            if (i % 5 == 4) {
                for (int c = 1; c < r.length(); c++) {
                    assertThat(r.isNullAt(c)).as("row %d column %s", i, s.fields()[c].name()).isTrue();
                }
                continue;
            }
            assertThat(r.getBoolean(1)).isEqualTo(i % 2 == 0);
            assertThat(r.getShort(2)).isEqualTo((short) (200 + i));
            assertThat(r.getShort(3)).isEqualTo((short) (-i * 100));
            assertThat(r.getInt(4)).isEqualTo(i * 100_000 - 7);
            assertThat(r.getLong(5)).isEqualTo(i * 10_000_000_000L);
            assertThat(r.getFloat(6)).isEqualTo(i / 4.0f);
            assertThat(r.getDouble(7)).isEqualTo(i * 1.5e-9);
            assertThat(r.getStruct(8).getFloat(0)).isEqualTo((float) i);
            assertThat(r.getStruct(8).getFloat(1)).isEqualTo((float) -i);
            assertThat(r.getStruct(9).getDouble(0)).isEqualTo(i * 0.5);
            assertThat(r.getStruct(9).getDouble(1)).isEqualTo(1.0 / (i + 1));
            assertThat(r.getString(10)).isEqualTo("text " + i + " it's");
            assertThat(r.getString(11)).isEqualTo("Ünïcödé " + i + " ∑");
            assertThat(r.getTimestamp(12).toInstant().toString())
                    .isEqualTo("2020-01-01T" + String.format("%02d", i % 24) + ":30:00.250Z");
            assertThat(r.<Double>getList(13)).containsExactly((double) i, i + 0.25, i + 0.5);
            assertThat(r.<Integer>getList(14)).containsExactly(i, -i, 7);
            assertThat(r.<Short>getList(15)).containsExactly((short) 255, (short) i);
            assertThat(r.<Short>getList(16)).containsExactly((short) 1, (short) 2, (short) 3, (short) i);
            List<Row> fca = r.getList(17);
            assertThat(fca).hasSize(2);
            assertThat(fca.get(0).getFloat(0)).isEqualTo(1f);
            assertThat(fca.get(0).getFloat(1)).isEqualTo(2f);
            assertThat(fca.get(1).getFloat(0)).isEqualTo(3f);
            assertThat(fca.get(1).getFloat(1)).isEqualTo((float) i);
            assertThat(r.<Boolean>getList(18)).containsExactly(true, i % 3 == 0);
        }
    }

    @Test
    void binary2ResultsReadTheSame() {
        List<Row> tabledata = read().option("table", "gen.alltypes").load().orderBy("id").collectAsList();
        List<Row> binary2 = read().option("table", "gen.alltypes").option("responseFormat", "votable/binary2").load()
                .orderBy("id").collectAsList();
        assertThat(binary2).isEqualTo(tabledata);
    }

    /** Rows of gen.rows as (id -> name), as the generator makes them. */
    private static Map<Long, String> expectedRows(java.util.function.LongPredicate keep) {
        Map<Long, String> m = new TreeMap<>();
        for (long i = 0; i < ROWS; i++) {
            if (keep.test(i)) {
                m.put(i, i % 11 == 10 ? null : "row-" + i);
            }
        }
        return m;
    }

    private static Map<Long, String> idToName(Dataset<Row> df) {
        Map<Long, String> m = new TreeMap<>();
        for (Row r : df.select("id", "name").collectAsList()) {
            assertThat(m.put(r.getLong(0), r.isNullAt(1) ? null : r.getString(1))).as("id %d twice", r.getLong(0))
                    .isNull();
        }
        return m;
    }

    @Test
    void rangePartitionsFollowTheJdbcSourceWithOpenEnds() {
        // Bounds inside the data: the first partition takes everything below and the nulls, the last everything above.
        Dataset<Row> df = read().option("table", "gen.rows").option("partitionColumn", "grp").option("lowerBound", "1")
                .option("upperBound", "5").option("numPartitions", "4").load();
        assertThat(df.rdd().getNumPartitions()).isEqualTo(4);
        Map<Integer, Long> perPartition = new TreeMap<>();
        for (Row r : df.groupBy(functions.spark_partition_id().as("p")).count().collectAsList()) {
            perPartition.put(r.getInt(0), r.getLong(1));
        }
        long nulls = 0;
        long[] byGroup = new long[7];
        for (long i = 0; i < ROWS; i++) {
            if (i % 17 == 16) {
                nulls++;
            } else {
                byGroup[(int) (i % 7)]++;
            }
        }
        assertThat(perPartition).containsEntry(0, byGroup[0] + byGroup[1] + nulls).containsEntry(1, byGroup[2])
                .containsEntry(2, byGroup[3]).containsEntry(3, byGroup[4] + byGroup[5] + byGroup[6]);
        // A count needs no column: each partition asks for the narrowest thing, the first column.
        assertThat(dataQueries()).containsExactlyInAnyOrder(
                "SELECT id FROM gen.rows WHERE grp < 2 OR grp IS NULL",
                "SELECT id FROM gen.rows WHERE grp >= 2 AND grp < 3",
                "SELECT id FROM gen.rows WHERE grp >= 3 AND grp < 4",
                "SELECT id FROM gen.rows WHERE grp >= 4");
        assertThat(idToName(df)).isEqualTo(expectedRows(i -> true));
    }

    @Test
    void fewerValuesThanPartitionsGiveFewerPartitionsAsJdbcDoes() {
        Dataset<Row> df = read().option("table", "gen.rows").option("partitionColumn", "id").option("lowerBound", "0")
                .option("upperBound", "3").option("numPartitions", "10").load();
        assertThat(df.rdd().getNumPartitions()).isEqualTo(3);
        assertThat(df.count()).isEqualTo(ROWS);
    }

    @Test
    void doubleAndTimestampColumnsPartitionToo() {
        Dataset<Row> byRa = read().option("table", "gen.rows").option("partitionColumn", "ra").option("lowerBound", "0")
                .option("upperBound", "9").option("numPartitions", "3").load();
        assertThat(byRa.rdd().getNumPartitions()).isEqualTo(3);
        assertThat(idToName(byRa)).isEqualTo(expectedRows(i -> true));
        assertThat(dataQueries()).containsExactlyInAnyOrder("SELECT id, name FROM gen.rows WHERE ra < 3.0 OR ra IS NULL",
                "SELECT id, name FROM gen.rows WHERE ra >= 3.0 AND ra < 6.0", "SELECT id, name FROM gen.rows WHERE ra >= 6.0");

        mark();
        Dataset<Row> byTime = read().option("table", "gen.rows").option("partitionColumn", "obs_time")
                .option("lowerBound", "2020-01-02").option("upperBound", "2020-01-10T00:00:00").option("numPartitions", "4")
                .load();
        assertThat(byTime.rdd().getNumPartitions()).isEqualTo(4);
        assertThat(idToName(byTime)).isEqualTo(expectedRows(i -> true));
        assertThat(dataQueries()).contains(
                "SELECT id, name FROM gen.rows WHERE obs_time < '2020-01-04T00:00:00.000000' OR obs_time IS NULL",
                "SELECT id, name FROM gen.rows WHERE obs_time >= '2020-01-08T00:00:00.000000'");
    }

    @Test
    void explicitPredicatesAreOnePartitionEach() {
        Dataset<Row> df = read().option("query", "SELECT id, name, grp FROM gen.rows WHERE id < 100")
                .option("predicates", "[\"grp = 0\", \"grp <> 0\", \"grp IS NULL\"]").load();
        assertThat(df.rdd().getNumPartitions()).isEqualTo(3);
        assertThat(idToName(df)).isEqualTo(expectedRows(i -> i < 100));
        assertThat(dataQueries()).containsExactlyInAnyOrder(
                "SELECT * FROM (SELECT id, name, grp FROM gen.rows WHERE id < 100) AS cadc_q WHERE grp = 0",
                "SELECT * FROM (SELECT id, name, grp FROM gen.rows WHERE id < 100) AS cadc_q WHERE grp <> 0",
                "SELECT * FROM (SELECT id, name, grp FROM gen.rows WHERE id < 100) AS cadc_q WHERE grp IS NULL");
    }

    @Test
    void columnsAndSimpleFiltersArePushedAndExplainShowsThem() {
        Dataset<Row> df = read().option("table", "gen.rows").load()
                .filter("id >= 100 AND id < 200 AND name LIKE 'row-1%' AND grp IN (1, 2) AND obs_time IS NOT NULL")
                .select("id", "name");
        String plan = df.queryExecution().explainString(org.apache.spark.sql.execution.SimpleMode$.MODULE$);
        List<Row> rows = df.collectAsList();
        List<String> sent = dataQueries();
        assertThat(sent).hasSize(1);
        String adql = sent.get(0);
        // Every filter was pushed exactly, so Spark needs no column for them: only id and name are asked for.
        assertThat(adql).startsWith("SELECT id, name FROM gen.rows WHERE ")
                .contains("id >= 100", "id < 200", "name LIKE 'row-1%'", "grp IN (1, 2)", "obs_time IS NOT NULL");
        assertThat(plan).contains(adql.substring(adql.indexOf("WHERE")));
        // Everything was exact: no Filter left above the scan.
        assertThat(plan).doesNotContain("Filter (");
        assertThat(rows).hasSize((int) expectedRows(i -> i >= 100 && i < 200 && i % 11 != 10 && ("row-" + i).startsWith("row-1")
                && i % 17 != 16 && (i % 7 == 1 || i % 7 == 2) && i % 13 != 12).size());
    }

    @Test
    void filtersTheServiceCannotExpressExactlyStayInSpark() {
        // A double column is pushed but checked again; a LIKE with '_' and a function stay in Spark.
        Dataset<Row> df = read().option("table", "gen.rows").load()
                .filter("ra > 5.0 AND name LIKE 'row\\\\_%' AND length(name) = 6").select("id");
        String plan = df.queryExecution().explainString(org.apache.spark.sql.execution.SimpleMode$.MODULE$);
        List<Row> rows = df.collectAsList();
        String adql = dataQueries().get(0);
        assertThat(adql).contains("ra > 5.0").doesNotContain("LIKE").doesNotContain("length");
        assertThat(plan).contains("Filter");
        assertThat(rows).isEmpty();

        mark();
        List<Row> five = read().option("table", "gen.rows").load().filter("ra > 5.0 AND length(name) = 7").select("id")
                .collectAsList();
        List<Long> expected = new ArrayList<>();
        for (long i = 501; i < ROWS; i++) {
            if (i % 11 != 10) {
                expected.add(i);
            }
        }
        assertThat(five).extracting(r -> r.getLong(0)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aCountAsksForOneColumnAndALimitBecomesTop() {
        assertThat(read().option("table", "gen.rows").load().count()).isEqualTo(ROWS);
        assertThat(dataQueries()).containsExactly("SELECT id FROM gen.rows");
        mark();
        assertThat(read().option("table", "gen.rows").load().limit(7).collectAsList()).hasSize(7);
        assertThat(dataQueries()).containsExactly("SELECT TOP 7 id, ra, dec, name, obs_time, grp FROM gen.rows");
    }

    @Test
    void asyncPartitionsRunAsJobsThatAreDeletedAfter() {
        Dataset<Row> df = read().option("table", "gen.rows").option("mode", "async").option("partitionColumn", "id")
                .option("lowerBound", "0").option("upperBound", "1000").option("numPartitions", "2").load();
        assertThat(idToName(df)).isEqualTo(expectedRows(i -> true));
        List<String> jobs = new ArrayList<>();
        for (RecordedRequest r : tap.server().requests()) {
            if (r.method().equals("DELETE") && r.path().startsWith("/tap/async/")) {
                jobs.add(r.path().substring("/tap/async/".length()));
            }
        }
        List<TapRequestParams> created = new ArrayList<>();
        for (RecordedRequest r : tap.server().requests()) {
            if (r.method().equals("POST") && r.path().equals("/tap/async")) {
                created.add(TapRequestParams.of(r));
            }
        }
        assertThat(created).hasSize(2);
        assertThat(jobs).hasSize(2);
        for (String id : jobs) {
            assertThat(tap.jobPhase(id)).isEmpty();
        }
    }

    @Test
    void aFailedPartitionFailsItsTaskWithTheServicesMessage() {
        Dataset<Row> df = read().option("table", "gen.rows")
                .option("predicates", "[\"id < 10\", \"nosuchcolumn > 3\"]").load();
        assertThatThrownBy(df::collectAsList).hasStackTraceContaining("partition 2 of 2")
                .hasStackTraceContaining("column not found: nosuchcolumn");
    }

    @Test
    void aPartitionCutAtTheRowLimitFailsInsteadOfGivingPartOfItsRows() {
        Dataset<Row> df = read().option("table", "gen.rows").option("maxrec", "300").option("partitionColumn", "id")
                .option("lowerBound", "0").option("upperBound", "1000").option("numPartitions", "2").load();
        assertThatThrownBy(df::count).hasStackTraceContaining("row limit (MAXREC) after 300 rows")
                .hasStackTraceContaining("larger 'maxrec' or more partitions");
        mark();
        Dataset<Row> enough = read().option("table", "gen.rows").option("maxrec", "300").option("partitionColumn", "id")
                .option("lowerBound", "0").option("upperBound", "1000").option("numPartitions", "4").load();
        assertThat(enough.count()).isEqualTo(ROWS);
    }

    @Test
    void badOptionsFailWhenTheReadIsDefinedBeforeAnyTask() {
        int requests = tap.server().requests().size();
        assertThatThrownBy(() -> read().load()).hasMessageContaining("give 'query' (an ADQL text) or 'table'");
        assertThatThrownBy(() -> read().option("table", "gen.rows").option("query", "SELECT * FROM gen.rows").load())
                .hasMessageContaining("either 'query' or 'table', not both");
        assertThatThrownBy(() -> read().option("table", "gen.rows").option("partitionColumn", "id").load())
                .hasMessageContaining("go together").hasMessageContaining("lowerBound, upperBound, numPartitions");
        assertThatThrownBy(() -> read().option("table", "gen.rows").option("parititonColumn", "id").load())
                .hasMessageContaining("unknown option parititonColumn");
        assertThatThrownBy(() -> read().option("table", "gen.rows").option("numPartitions", "zero").load())
                .hasMessageContaining("'numPartitions' must be a whole number, not 'zero'");
        assertThatThrownBy(() -> read().option("table", "gen.rows").option("mode", "batch").load())
                .hasMessageContaining("'mode' is 'sync' or 'async', not 'batch'");
        assertThatThrownBy(() -> read().option("table", "gen.rows; drop").load())
                .hasMessageContaining("'table' must be a table name");
        assertThatThrownBy(() -> read().option("table", "gen.rows").option("predicates", "grp = 1").load())
                .hasMessageContaining("'predicates' is a JSON array");
        assertThatThrownBy(() -> read().option("table", "gen.rows").option("tokenFile", "/no/such/file").load())
                .hasMessageContaining("the credentials file /no/such/file does not exist");
        assertThatThrownBy(() -> spark.read().format("cadc").option("tapUrl", "ftp://x/tap").option("table", "t").load())
                .hasMessageContaining("'tapUrl' must be an http or https URL");
        assertThat(tap.server().requests()).hasSize(requests);
        // Checked against the schema (after the MAXREC=0 query), still before any task.
        assertThatThrownBy(() -> read().option("table", "gen.rows").option("partitionColumn", "name")
                .option("lowerBound", "0").option("upperBound", "9").option("numPartitions", "2").load())
                .hasMessageContaining("'partitionColumn' name is string; it must be a numeric or timestamp column");
        assertThatThrownBy(() -> read().option("table", "gen.rows").option("partitionColumn", "nosuch")
                .option("lowerBound", "0").option("upperBound", "9").option("numPartitions", "2").load())
                .hasMessageContaining("'partitionColumn' nosuch is not a column of the result");
        assertThatThrownBy(() -> read().option("table", "gen.rows").option("partitionColumn", "id")
                .option("lowerBound", "9").option("upperBound", "0").option("numPartitions", "2").load())
                .hasMessageContaining("'lowerBound' (9) is above 'upperBound' (0)");
        assertThatThrownBy(() -> read().option("table", "gen.rows").option("partitionColumn", "obs_time")
                .option("lowerBound", "yesterday").option("upperBound", "2020-02-01").option("numPartitions", "2").load())
                .hasMessageContaining("'lowerBound' must be a timestamp");
        assertThatThrownBy(() -> read().option("query", "SELECT nosuch FROM gen.rows").load())
                .hasMessageContaining("column not found: nosuch");
        assertThat(dataQueries()).isEmpty();
    }

    @Test
    void aTokenFromAFileGoesToTheServiceAndNowhereElse(@TempDir Path dir) throws Exception {
        Path token = dir.resolve("token");
        Files.write(token, "s3cr3t-t0ken-value\n".getBytes(StandardCharsets.UTF_8));
        Dataset<Row> df = read().option("table", "gen.rows").option("tokenFile", token.toString())
                .option("partitionColumn", "id").option("lowerBound", "0").option("upperBound", "1000")
                .option("numPartitions", "2").load();
        assertThat(df.count()).isEqualTo(ROWS);
        List<RecordedRequest> sync = new ArrayList<>();
        for (RecordedRequest r : tap.server().requests()) {
            if (r.method().equals("POST") && r.path().equals("/tap/sync")) {
                sync.add(r);
            }
        }
        RecordedRequest last = sync.get(sync.size() - 1);
        assertThat(last.headers().firstValue("Authorization")).hasValue("Bearer s3cr3t-t0ken-value");
        String plan = df.queryExecution().explainString(org.apache.spark.sql.execution.ExtendedMode$.MODULE$);
        assertThat(plan).doesNotContain("s3cr3t");
        assertThat(io.cadc4j.spark.internal.SourceOptions.of(Map.of("tapUrl", tap.base().toString(), "table", "gen.rows",
                "tokenFile", token.toString())).toString()).doesNotContain("s3cr3t").contains("credentials=token file");
    }

    @Test
    void timestampsArriveAsInstants() {
        Row r = read().option("table", "gen.rows").load().filter("id = 5").select("obs_time").first();
        assertThat(r.getTimestamp(0)).isEqualTo(Timestamp.from(GeneratedTables.time(5)));
        // first() is a limit of 1, pushed as TOP 1; Spark adds the IS NOT NULL that id = 5 implies.
        assertThat(dataQueries()).containsExactly("SELECT TOP 1 obs_time FROM gen.rows WHERE (id IS NOT NULL) AND (id = 5)");
    }
}
