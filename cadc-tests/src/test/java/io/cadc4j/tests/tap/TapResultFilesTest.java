// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.tap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.atIndex;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.QueryException;
import io.cadc4j.core.internal.http.FormBody;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.tap.AsyncJob;
import io.cadc4j.core.tap.ResultFormat;
import io.cadc4j.core.tap.TapQuery;
import io.cadc4j.tests.server.tap.TapStandIn;
import io.cadc4j.votable.VOTableReader;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TapResultFilesTest {
    private static final TapQuery PLANES = TapQuery.of("select * from caom2.Plane");

    private final TapSetup setup = new TapSetup();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        setup.close();
    }

    private String write(ResultFormat format, TapQuery query) throws IOException {
        Path file = dir.resolve("result");
        setup.tap.writeResult(query, format, file);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void csvHasAHeaderCrlfLinesEmptyNullsAndSpaceSeparatedArrays() throws IOException {
        String csv = write(ResultFormat.CSV, PLANES);

        String[] lines = csv.split("\r\n", -1);
        assertThat(lines).hasSize(TapStandIn.PLANES.size() + 2);
        assertThat(lines[0]).isEqualTo(String.join(",", TapStandIn.PLANE_COLUMNS));
        assertThat(lines[1]).isEqualTo("ivo://cadc.nrc.ca/CFHT?2460001/2460001p,2460001,CFHT,131.28,54.3,"
                + "2020-01-01T00:00:00.000,131.1 54.2 131.4 54.2 131.4 54.4 131.1 54.4,3.6E-7,2");
        assertThat(lines[2]).contains(",2021-06-15T12:30:00.000,").endsWith(",,1");
        assertThat(lines[5]).isEqualTo("ivo://cadc.nrc.ca/GEMINI?GN-2018B-Q-1-1/GN-2018B-Q-1-1,GN-2018B-Q-1-1,GEMINI,"
                + "131.25,54.31,,,2.2E-6,1");
        assertThat(lines[lines.length - 1]).isEmpty();
    }

    @Test
    void tsvHasTabsAndLfLines() throws IOException {
        String tsv = write(ResultFormat.TSV, PLANES);

        String[] lines = tsv.split("\n");
        assertThat(lines).hasSize(TapStandIn.PLANES.size() + 1);
        assertThat(lines[0]).isEqualTo(String.join("\t", TapStandIn.PLANE_COLUMNS));
        assertThat(lines[2].split("\t", -1)).hasSize(9).contains("", atIndex(7));
    }

    @Test
    void jsonHasColumnsTypedRowsNullsArraysAndTheOverflowFlag() throws IOException {
        String json = write(ResultFormat.JSON, TapQuery.builder("select * from caom2.Plane").maxRecords(2).build());

        JsonObject doc;
        try (JsonReader r = Json.createReader(new java.io.StringReader(json))) {
            doc = r.readObject();
        }
        JsonArray columns = doc.getJsonArray("columns");
        assertThat(columns).hasSize(9);
        assertThat(columns.getJsonObject(3).getString("name")).isEqualTo("ra");
        assertThat(columns.getJsonObject(3).getString("unit")).isEqualTo("deg");
        assertThat(columns.getJsonObject(6).getString("xtype")).isEqualTo("polygon");
        JsonArray rows = doc.getJsonArray("rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.getJsonArray(0).getJsonNumber(3).doubleValue()).isEqualTo(131.28);
        assertThat(rows.getJsonArray(0).getString(5)).isEqualTo("2020-01-01T00:00:00.000");
        assertThat(rows.getJsonArray(0).getJsonArray(6)).hasSize(8);
        assertThat(rows.getJsonArray(0).getJsonArray(6).getJsonNumber(0).doubleValue()).isEqualTo(131.1);
        assertThat(rows.getJsonArray(0).getInt(8)).isEqualTo(2);
        assertThat(rows.getJsonArray(1).get(7)).isEqualTo(JsonValue.NULL);
        assertThat(doc.getBoolean("overflow")).isTrue();
    }

    @Test
    void votableAsReceivedIsByteForByteTheServersDocument() throws IOException {
        String raw = write(ResultFormat.VOTABLE, PLANES);

        FormBody form = FormBody.builder().add("REQUEST", "doQuery").add("LANG", "ADQL").add("QUERY", PLANES.adql()).build();
        try (HttpResponse r = setup.http.sendExpectingSuccess(HttpRequest.newBuilder(
                java.net.URI.create(setup.service.base() + "/sync?" + form.encoded())).build());
                InputStream in = r.body()) {
            assertThat(raw).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ResultFormat.class, names = {"VOTABLE_TABLEDATA", "VOTABLE_BINARY2"})
    void reEncodedVotableReadsBackToTheSameRows(ResultFormat format) throws IOException {
        Path file = dir.resolve("re.xml");
        setup.tap.writeResult(TapQuery.builder("select * from caom2.Plane").maxRecords(4).build(), format, file);

        try (InputStream in = Files.newInputStream(file); RowCursor rows = VOTableReader.builder().build().open(in)) {
            int n = 0;
            while (rows.next()) {
                List<String> expected = TapStandIn.PLANES.get(n);
                assertThat(rows.getString(0)).isEqualTo(expected.get(0));
                assertThat(rows.getDouble(4)).isEqualTo(Double.parseDouble(expected.get(4)));
                assertThat(rows.isNull(7)).isEqualTo(expected.get(7) == null);
                n++;
            }
            assertThat(n).isEqualTo(4);
            assertThat(rows.isOverflow()).isTrue();
            assertThat(rows.metadata().fields().get(6).xtype()).contains("polygon");
        }
    }

    @ParameterizedTest
    @EnumSource(ResultFormat.class)
    void failureMidStreamLeavesTheExistingFileUntouchedAndNoTemporaryFile(ResultFormat format) throws IOException {
        Path file = Files.writeString(dir.resolve("keep.csv"), "old content", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> setup.tap.writeResult(TapQuery.of("select * from fault.truncated"), format, file))
                .isInstanceOf(CadcException.class);
        assertThatThrownBy(() -> setup.tap.writeResult(
                TapQuery.of("select * from caom2.Plane fault.error_after_rows"), format, file))
                .isInstanceOf(QueryException.class).hasMessageContaining("timed out after the rows");

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("old content");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void failureBeforeAnyRowMakesNoFile() {
        Path file = dir.resolve("never.json");

        assertThatThrownBy(() -> setup.tap.writeResult(TapQuery.of("select * from fault.error_200"), ResultFormat.JSON,
                file)).isInstanceOf(QueryException.class);
        assertThat(file).doesNotExist();
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void writesToAStreamWithoutClosingIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("the caller's stream was closed");
            }
        };

        setup.tap.writeResult(TapQuery.builder("select * from caom2.Plane").maxRecords(1).build(), ResultFormat.TSV, out);

        assertThat(out.toString(StandardCharsets.UTF_8).split("\n")).hasSize(2);
    }

    @Test
    void asyncJobResultIsWrittenToAFile() throws IOException, InterruptedException {
        AsyncJob job = setup.tap.submit(TapQuery.builder("select * from caom2.Plane").maxRecords(3).build());
        job.run();
        job.awaitCompletion(Duration.ofSeconds(20));
        Path file = dir.resolve("job.csv");

        job.writeResult(ResultFormat.CSV, file);

        assertThat(Files.readAllLines(file)).hasSize(4);
    }
}
