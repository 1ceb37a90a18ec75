// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.table.Field;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;
import org.apache.spark.sql.sources.StringStartsWith;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Options, partition conditions and filters as ADQL, without Spark running. */
class TranslationTest {
    private static final StructType SCHEMA = VoTypes.schema(List.of(
            Field.builder("id", "long").build(),
            Field.builder("ra", "double").build(),
            Field.builder("mag", "float").build(),
            Field.builder("name", "char").arraysize("*").build(),
            Field.builder("t", "char").arraysize("*").xtype("timestamp").build(),
            Field.builder("select", "int").build(),
            Field.builder("flag", "boolean").build(),
            Field.builder("a b", "short").build()));

    private static SourceOptions options(String... kv) {
        Map<String, String> m = new java.util.HashMap<>();
        m.put("tapUrl", "http://127.0.0.1:1/tap");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return SourceOptions.of(m);
    }

    private static List<String> partitions(String column, String lo, String hi, int n) {
        return Partitioning.conditions(options("table", "t.x", "partitionColumn", column, "lowerBound", lo,
                "upperBound", hi, "numPartitions", Integer.toString(n)), SCHEMA);
    }

    @Test
    void integerPartitionsAreTheJdbcSourcesStrides() {
        assertThat(partitions("id", "0", "100", 4)).containsExactly("id < 25 OR id IS NULL", "id >= 25 AND id < 50",
                "id >= 50 AND id < 75", "id >= 75");
        // JDBC's stride: upper / n - lower / n, each truncated: 11 / 3 - (-10 / 3) = 3 + 3 = 6.
        assertThat(partitions("id", "-10", "11", 3)).containsExactly("id < -4 OR id IS NULL", "id >= -4 AND id < 2",
                "id >= 2");
        assertThat(partitions("id", "5", "5", 4)).containsExactly((String) null);
        assertThat(partitions("id", "0", "100", 1)).containsExactly((String) null);
        assertThat(partitions("id", "0", "2", 5)).hasSize(2);
        assertThat(partitions("select", "0", "10", 2)).containsExactly("\"select\" < 5 OR \"select\" IS NULL",
                "\"select\" >= 5");
    }

    @Test
    void doubleAndTimestampPartitions() {
        assertThat(partitions("ra", "0", "360", 4)).containsExactly("ra < 90.0 OR ra IS NULL", "ra >= 90.0 AND ra < 180.0",
                "ra >= 180.0 AND ra < 270.0", "ra >= 270.0");
        assertThat(partitions("t", "2020-01-01", "2020-01-01T00:00:03Z", 3)).containsExactly(
                "t < '2020-01-01T00:00:01.000000' OR t IS NULL",
                "t >= '2020-01-01T00:00:01.000000' AND t < '2020-01-01T00:00:02.000000'",
                "t >= '2020-01-01T00:00:02.000000'");
        assertThatThrownBy(() -> partitions("flag", "0", "1", 2)).hasMessageContaining("'partitionColumn' flag is boolean");
        assertThatThrownBy(() -> partitions("ra", "0", "NaN", 2)).hasMessageContaining("'upperBound' must be a finite number");
        assertThatThrownBy(() -> partitions("id", "0", "1.5", 2)).hasMessageContaining("'upperBound' must be a whole number");
    }

    private static Optional<String> adql(Filter f) {
        return new FilterToAdql(SCHEMA).translate(f).map(p -> p.adql + (p.exact ? "" : " [checked again]"));
    }

    @Test
    void simpleFiltersBecomeAdqlWithQuoting() {
        assertThat(adql(new EqualTo("name", "O'Brien"))).hasValue("name = 'O''Brien'");
        assertThat(adql(new EqualTo("select", 3))).hasValue("\"select\" = 3");
        assertThat(adql(new EqualTo("a b", (short) 3))).hasValue("\"a b\" = 3");
        assertThat(adql(new In("id", new Object[] {1L, 2L}))).hasValue("id IN (1, 2)");
        assertThat(adql(new Not(new IsNull("name")))).hasValue("NOT (name IS NULL)");
        assertThat(adql(new Or(new LessThan("id", 3L), new And(new IsNotNull("t"), new StringStartsWith("name", "ab")))))
                .hasValue("(id < 3 OR (t IS NOT NULL AND name LIKE 'ab%'))");
        assertThat(adql(new GreaterThan("t", Timestamp.from(Instant.parse("2021-02-03T04:05:06.789Z")))))
                .hasValue("t > '2021-02-03T04:05:06.789000'");
        assertThat(adql(new GreaterThan("t", Instant.parse("2021-02-03T04:05:06Z"))))
                .hasValue("t > '2021-02-03T04:05:06.000000'");
    }

    @Test
    void filtersThatCouldChangeTheRowsStayInSpark() {
        assertThat(adql(new GreaterThan("ra", 1.5))).hasValue("ra > 1.5 [checked again]");
        assertThat(adql(new IsNull("ra"))).isEmpty();
        assertThat(adql(new Not(new GreaterThan("ra", 1.5)))).isEmpty();
        assertThat(adql(new EqualTo("mag", 0.1f))).isEmpty();
        assertThat(adql(new EqualTo("flag", true))).isEmpty();
        assertThat(adql(new GreaterThan("name", "m"))).isEmpty();
        assertThat(adql(new StringStartsWith("name", "50%"))).isEmpty();
        assertThat(adql(new StringStartsWith("name", "a_b"))).isEmpty();
        assertThat(adql(new EqualTo("nosuch", 1))).isEmpty();
        assertThat(adql(new And(new EqualTo("id", 1L), new EqualTo("flag", true)))).isEmpty();
        assertThat(adql(new GreaterThan("ra", Double.NaN))).isEmpty();
    }

    @Test
    void optionsNeverShowASecretAndCompareByValue() {
        SourceOptions o = options("table", "caom2.Plane", "netrc", "pom.xml", "partitionColumn", "id",
                "lowerBound", "0", "upperBound", "9", "numPartitions", "3");
        assertThat(o.toString()).isEqualTo("cadc[tapUrl=http://127.0.0.1:1/tap, table=caom2.Plane, partitionColumn=id "
                + "[0, 9) in 3, mode=sync, credentials=netrc file]");
        assertThat(o).isEqualTo(options("table", "caom2.Plane", "netrc", "pom.xml", "partitionColumn", "id",
                "lowerBound", "0", "upperBound", "9", "numPartitions", "3"));
        assertThatThrownBy(() -> options("table", "x", "netrc", "pom.xml", "tokenFile", "pom.xml"))
                .hasMessageContaining("only one of 'netrc', 'cookieFile' and 'tokenFile'");
        assertThatThrownBy(() -> SourceOptions.of(Map.of("tapUrl", "http://h/tap", "registry", "http://h/reg",
                "table", "x"))).hasMessageContaining("either 'registry' or 'tapUrl'");
        assertThatThrownBy(() -> options("table", "x", "maxrec", "-1")).hasMessageContaining("'maxrec' must not be negative");
        assertThatThrownBy(() -> options("table", "x", "timeout", "soon")).hasMessageContaining("'timeout' is a number");
    }

    @Test
    void predicatesAreAJsonArray() {
        assertThat(Predicates.parse("[\"a = 'x'\", \"b < 2\" , \"c \\\"q\\\" \\u00e9\"]"))
                .containsExactly("a = 'x'", "b < 2", "c \"q\" é");
        assertThatThrownBy(() -> Predicates.parse("[\"a\", ]")).hasMessageContaining("expected a quoted string");
        assertThatThrownBy(() -> Predicates.parse("[\"a\" \"b\"]")).hasMessageContaining("expected ','");
        assertThatThrownBy(() -> Predicates.parse("[\"a]")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> Predicates.parse("[\" \"]")).hasMessageContaining("blank condition");
    }
}
