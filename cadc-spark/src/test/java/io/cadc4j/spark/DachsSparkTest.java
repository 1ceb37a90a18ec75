// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.tests.interop.Dachs;
import io.cadc4j.tests.server.RecordedRequest;
import io.cadc4j.tests.server.StandInServer;
import io.cadc4j.tests.server.tap.TapRequestParams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The {@code cadc} source against GAVO DaCHS ({@code interop/dachs}): caom2.Plane read whole and
 * in four partitions gives exactly the rows of the same query through the facade; what is pushed
 * is seen in the requests DaCHS received, through a recording loopback relay in front of it.
 */
@Tag("interop")
class DachsSparkTest {
    private static final String COLUMNS = "planeID, publisherID, calibrationLevel, energy_bounds_lower, dataRelease, "
            + "position_bounds";

    private SparkSession spark;

    @BeforeEach
    void up() {
        Dachs.assumeRunning();
        spark = Sparks.session();
    }

    /** The rows of a query through the facade, one text line per row. */
    private static List<String> direct(String adql) {
        List<String> out = new ArrayList<>();
        try (Cadc cadc = Cadc.builder().registry(Dachs.url("/static/reg/resource-caps")).build();
                RowCursor r = cadc.execSync(adql)) {
            while (r.next()) {
                double[] bounds = (double[]) r.getObject(5);
                List<Double> b = null;
                if (bounds != null) {
                    b = new ArrayList<>();
                    for (double d : bounds) {
                        b.add(d);
                    }
                }
                out.add(line(r.getString(0), r.getString(1), r.isNull(2) ? null : r.getInt(2),
                        r.isNull(3) ? null : r.getDouble(3), r.getTimestamp(4), b));
            }
        }
        return out;
    }

    private static List<String> lines(Dataset<Row> df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.select("planeID", "publisherID", "calibrationLevel", "energy_bounds_lower", "dataRelease",
                "position_bounds").collectAsList()) {
            out.add(line(r.getString(0), r.getString(1), r.isNullAt(2) ? null : r.getInt(2),
                    r.isNullAt(3) ? null : r.getDouble(3), r.isNullAt(4) ? null : r.getTimestamp(4).toInstant(),
                    r.isNullAt(5) ? null : r.getList(5)));
        }
        return out;
    }

    private static String line(String id, String pub, Integer cal, Double energy, Instant release, List<?> bounds) {
        return id + " | " + pub + " | " + cal + " | " + energy + " | " + release + " | " + bounds;
    }

    @Test
    void planeReadWholeAndInFourPartitionsIsTheDirectQuery() {
        List<String> expected = direct("SELECT " + COLUMNS + " FROM caom2.Plane");
        assertThat(expected).hasSizeGreaterThan(100);

        Dataset<Row> whole = spark.read().format("cadc").option("registry", Dachs.url("/static/reg/resource-caps")
                .toString()).option("table", "caom2.Plane").load();
        assertThat(whole.rdd().getNumPartitions()).isEqualTo(1);
        assertThat(lines(whole)).containsExactlyInAnyOrderElementsOf(expected);

        Dataset<Row> four = spark.read().format("cadc").option("registry", Dachs.url("/static/reg/resource-caps")
                .toString()).option("table", "caom2.Plane").option("partitionColumn", "calibrationLevel")
                .option("lowerBound", "0").option("upperBound", "4").option("numPartitions", "4").load();
        assertThat(four.rdd().getNumPartitions()).isEqualTo(4);
        assertThat(lines(four)).containsExactlyInAnyOrderElementsOf(expected);

        Dataset<Row> byQuery = spark.read().format("cadc").option("tapUrl", Dachs.url("/tap").toString())
                .option("query", "SELECT " + COLUMNS + " FROM caom2.Plane").option("partitionColumn", "dataRelease")
                .option("lowerBound", "2015-01-01").option("upperBound", "2025-01-01").option("numPartitions", "4")
                .load();
        assertThat(lines(byQuery)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void pushdownIsWhatDachsReceived() throws Exception {
        try (StandInServer relay = StandInServer.start()) {
            relayTo(relay);
            Dataset<Row> df = spark.read().format("cadc").option("tapUrl", relay.uri("/tap").toString())
                    .option("table", "caom2.Plane").load()
                    .filter("calibrationLevel IN (1, 2) AND publisherID LIKE 'ivo://%' AND energy_bounds_lower > 1e-7")
                    .select("planeID", "publisherID", "calibrationLevel", "energy_bounds_lower", "dataRelease",
                            "position_bounds");
            List<String> got = lines(df);
            List<String> sent = new ArrayList<>();
            for (RecordedRequest r : relay.requests()) {
                if (r.method().equals("POST") && r.path().equals("/tap/sync")) {
                    TapRequestParams p = TapRequestParams.of(r);
                    if (!p.get("MAXREC").orElse("").equals("0")) {
                        sent.add(p.get("QUERY").orElseThrow());
                    }
                }
            }
            assertThat(sent).hasSize(1);
            String adql = sent.get(0);
            // The columns asked for, in the table's order; the filters, each in its parentheses.
            assertThat(adql).startsWith("SELECT planeID, publisherID, dataRelease, calibrationLevel, position_bounds, "
                    + "energy_bounds_lower FROM caom2.Plane WHERE ")
                    .contains("calibrationLevel IN (1, 2)", "publisherID LIKE 'ivo://%'", "energy_bounds_lower > 1.0E-7");
            List<String> expected = direct("SELECT " + COLUMNS + " FROM caom2.Plane WHERE calibrationLevel IN (1, 2) "
                    + "AND energy_bounds_lower > 1e-7");
            assertThat(expected).isNotEmpty();
            assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** Makes the stand-in server relay {@code /tap} to DaCHS, its own URLs in DaCHS's documents. */
    private static void relayTo(StandInServer relay) {
        HttpClient client = HttpClient.newHttpClient();
        String dachs = Dachs.url("/tap").toString();
        String self = relay.uri("/tap").toString();
        relay.routeUnder("*", "/tap", ex -> {
            RecordedRequest r = ex.request();
            String query = r.uri().getRawQuery();
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Dachs.baseUrl() + r.uri().getRawPath()
                    + (query == null ? "" : "?" + query)));
            r.headers().firstValue("Content-Type").ifPresent(v -> b.header("Content-Type", v));
            b.method(r.method(), r.bodySize() > 0 ? HttpRequest.BodyPublishers.ofByteArray(r.bodyPrefix())
                    : HttpRequest.BodyPublishers.noBody());
            HttpResponse<byte[]> resp;
            try {
                resp = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.IOException(e);
            }
            byte[] body = resp.body();
            String type = resp.headers().firstValue("Content-Type").orElse("application/octet-stream");
            if (type.contains("xml") && !type.contains("votable")) {
                body = new String(body, StandardCharsets.UTF_8).replace(dachs, self).getBytes(StandardCharsets.UTF_8);
            }
            resp.headers().firstValue("Location").ifPresent(l -> ex.header("Location", l.replace(dachs, self)));
            ex.header("Content-Type", type);
            ex.send(resp.statusCode(), body);
        });
    }
}
