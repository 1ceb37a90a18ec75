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
}
