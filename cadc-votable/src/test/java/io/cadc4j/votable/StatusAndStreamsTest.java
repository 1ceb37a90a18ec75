// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.QueryException;
import io.cadc4j.core.spi.HttpHeaders;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.spi.HttpTransport;
import io.cadc4j.core.table.Resource;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.testing.Fixtures.Chunking;
import io.cadc4j.testing.Fixtures;
import io.cadc4j.votable.ReadAll.Outcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** QUERY_STATUS rules, BINARY2 layouts, gzip and STREAM href. */
class StatusAndStreamsTest {
    private static final String HEAD = "<?xml version=\"1.0\"?><VOTABLE version=\"1.3\" "
            + "xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">";

    private static RowCursor open(String doc) {
        return VOTableReader.builder().build().open(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)));
    }

    private static String rows(String before, String after) {
        return HEAD + "<RESOURCE type=\"results\">" + before + "<TABLE><FIELD name=\"n\" datatype=\"int\"/><DATA>"
                + "<TABLEDATA><TR><TD>1</TD></TR><TR><TD>2</TD></TR></TABLEDATA></DATA></TABLE>" + after
                + "</RESOURCE></VOTABLE>";
    }

    @Test
    void reportsAnErrorSentAfterTheRowsOnceTheRowsAreRead() {
        String doc = rows("<INFO name=\"QUERY_STATUS\" value=\"OK\"/>",
                "<INFO name=\"QUERY_STATUS\" value=\"ERROR\">timeout after 2 rows</INFO>");
        List<Integer> seen = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (RowCursor c = open(doc)) {
                while (c.next()) {
                    seen.add(c.getInt(0));
                }
            }
        }).isInstanceOfSatisfying(QueryException.class,
                e -> assertThat(e.serverMessage()).isEqualTo("timeout after 2 rows"));
        assertThat(seen).containsExactly(1, 2);
    }

    @Test
    void failsAtOpenWhenTheErrorComesBeforeTheRows() {
        String doc = rows("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">bad ADQL</INFO>", "");
        assertThatThrownBy(() -> open(doc)).isInstanceOf(QueryException.class).hasMessageContaining("bad ADQL");
    }

    @Test
    void letsTheLastStatusWin() {
        try (RowCursor c = open(rows("<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>",
                "<INFO name=\"QUERY_STATUS\" value=\"OK\"/>"))) {
            while (c.next()) {
                assertThat(c.rowNumber()).isBetween(0L, 1L);
            }
            assertThat(c.isOverflow()).isFalse();
        }
        try (RowCursor c = open(rows("<INFO name=\"QUERY_STATUS\" value=\"OK\"/>", "")
                .replace("</VOTABLE>", "<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/></VOTABLE>"))) {
            while (c.next()) {
                assertThat(c.getInt(0)).isPositive();
            }
            assertThat(c.isOverflow()).isTrue();
            assertThat(c.document().infos()).hasSize(1);
        }
    }

    @Test
    void knowsOverflowOnlyAfterTheLastRow() {
        try (RowCursor c = open(rows("", ""))) {
            assertThatThrownBy(c::isOverflow).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> c.getInt(0)).isInstanceOf(IllegalStateException.class);
            assertThat(c.next()).isTrue();
            assertThat(c.rowNumber()).isZero();
            Row first = c.snapshot();
            assertThat(c.next()).isTrue();
            assertThat(first.getInt(0)).isEqualTo(1);
            assertThat(c.getInt(0)).isEqualTo(2);
            assertThatThrownBy(() -> c.getDouble(5)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(c.getString(0)).isEqualTo("2");
            assertThatThrownBy(() -> c.getBoolean(0)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'n'");
            assertThat(c.next()).isFalse();
            assertThat(c.next()).isFalse();
            assertThat(c.isOverflow()).isFalse();
        }
    }

    @Test
    void streamsRowsThroughAJavaStream() {
        try (var s = open(rows("", "")).stream(r -> r.getInt(0))) {
            assertThat(s).containsExactly(1, 2);
        }
    }

    @Test
    void readsTheStandardBinary2LayoutAndRefusesItAsCadcLayoutLoudly() throws IOException {
        List<Object[]> values = GeneratedTables.rows(7, 200);
        TableMetadata meta = GeneratedTables.metadata();
        byte[] doc = RoundTripTest.write(Serialization.BINARY2, meta, GeneratedTables.asRows(values));
        RoundTripTest.assertSameValues(ReadAll.read(VOTableReader.builder().build(), Chunking.WHOLE.open(doc)).values,
                values);
        assertThatThrownBy(() -> ReadAll.read(
                VOTableReader.builder().binary2Layout(Binary2Layout.CADC_NULLS_OMITTED).build(), Chunking.WHOLE.open(doc)))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("Binary2Layout.STANDARD")
                .hasMessageContaining("row");
    }

    @Test
    void refusesCadcLayoutAsStandardNamingTheRowAndTheOption() {
        assertThatThrownBy(() -> ReadAll.read("votable/cadc-dali-binary2-dialect-nulls.xml", Chunking.ONE_BYTE))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("in row 2 of the table")
                .hasMessageContaining("cadc-dali").hasMessageContaining("Binary2Layout.CADC_NULLS_OMITTED");
    }

    private static byte[] intRows(int... values) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int v : values) {
            b.write(v >>> 24);
            b.write(v >>> 16);
            b.write(v >>> 8);
            b.write(v);
        }
        return b.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(data);
        }
        return b.toByteArray();
    }

    private static String binary(String stream) {
        return HEAD + "<RESOURCE><TABLE><FIELD name=\"n\" datatype=\"int\"/><DATA><BINARY>" + stream
                + "</BINARY></DATA></TABLE></RESOURCE></VOTABLE>";
    }

    @Test
    void readsAGzipEncodedStream() throws IOException {
        String b64 = Base64.getMimeEncoder().encodeToString(gzip(intRows(5, 6, 7)));
        Outcome o = ReadAll.read(VOTableReader.builder().build(), Chunking.ONE_BYTE.open(
                binary("<STREAM encoding=\"gzip\">" + b64 + "</STREAM>").getBytes(StandardCharsets.US_ASCII)));
        assertThat(o.values).extracting(v -> v[0]).containsExactly(5, 6, 7);
    }

    @Test
    void readsAWholeDocumentSentGzippedWithoutSaying() throws IOException {
        Outcome o = ReadAll.read(VOTableReader.builder().build(), Chunking.RANDOM_CHUNKS.open(
                gzip(Fixtures.bytes("votable/tabledata-basic.xml"))));
        assertThat(o.values).extracting(v -> v[0]).containsExactly(23L, 42L, 1337L);
    }

    /** Answers every GET with the given body and records the URIs asked for. */
    private static final class OneBodyTransport implements HttpTransport {
        final List<URI> asked = new ArrayList<>();
        private final byte[] body;

        OneBodyTransport(byte[] body) {
            this.body = body;
        }

        @Override
        public HttpResponse send(HttpRequest request) {
            asked.add(request.uri());
            return HttpResponse.of(request, 200, HttpHeaders.builder().build(), new ByteArrayInputStream(body));
        }

        @Override
        public void close() {
        }
    }

    @Test
    void fetchesStreamHrefThroughTheGivenPipelineResolvingRelativeUrls() throws IOException {
        OneBodyTransport transport = new OneBodyTransport(gzip(intRows(10, 20)));
        try (HttpPipeline http = HttpPipeline.builder().transport(transport).build()) {
            VOTableReader reader = VOTableReader.builder().httpPipeline(http).build();
            String doc = binary("<STREAM href=\"data/rows.bin.gz\" encoding=\"gzip\"/>");
            List<Integer> seen = new ArrayList<>();
            try (RowCursor c = reader.open(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)),
                    URI.create("http://127.0.0.1:8080/tap/sync/result.xml"))) {
                while (c.next()) {
                    seen.add(c.getInt(0));
                }
            }
            assertThat(seen).containsExactly(10, 20);
            assertThat(transport.asked).containsExactly(URI.create("http://127.0.0.1:8080/tap/sync/data/rows.bin.gz"));
        }
    }

    @Test
    void explainsThatStreamHrefNeedsAPipeline() {
        String doc = binary("<STREAM href=\"http://127.0.0.1:1/rows.bin\"/>");
        assertThatThrownBy(() -> open(doc)).isInstanceOf(CadcException.class).hasMessageContaining("HttpPipeline")
                .hasMessageContaining("http://127.0.0.1:1/rows.bin");
    }

    @Test
    void refusesStreamHrefThatIsNotHttp() {
        OneBodyTransport transport = new OneBodyTransport(new byte[0]);
        try (HttpPipeline http = HttpPipeline.builder().transport(transport).build()) {
            String doc = binary("<STREAM href=\"file:///etc/passwd\"/>");
            assertThatThrownBy(() -> VOTableReader.builder().httpPipeline(http).build()
                    .open(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("not an http(s) URL");
            assertThat(transport.asked).isEmpty();
        }
    }

    @Test
    void writesAnUploadThroughABodyWriter() throws IOException {
        TableMetadata meta = GeneratedTables.metadata();
        List<Object[]> values = GeneratedTables.rows(3, 10);
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        VOTableWriter.of(Serialization.BINARY2).bodyWriter(meta, GeneratedTables.asRows(values)).writeTo(part);
        RoundTripTest.assertSameValues(
                ReadAll.read(VOTableReader.builder().build(), Chunking.WHOLE.open(part.toByteArray())).values, values);
    }

    @Test
    void refusesANullIntegerThatBinaryCannotCarry() {
        TableMetadata meta = TableMetadata.builder()
                .field(io.cadc4j.core.table.Field.builder("n", "int").build()).build();
        assertThatThrownBy(() -> VOTableWriter.of(Serialization.BINARY).write(meta, List.of(Row.of((Object) null)),
                new ByteArrayOutputStream())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VALUES null");
    }

    @Test
    void streamsTheFirstTableOutsideMetaResourcesWhateverComesFirst() {
        String doc = HEAD + "<RESOURCE type=\"meta\" utype=\"adhoc:service\" ID=\"svc\"><TABLE name=\"template\">"
                + "<FIELD name=\"x\" datatype=\"int\"/></TABLE><PARAM name=\"accessURL\" datatype=\"char\""
                + " arraysize=\"*\" value=\"http://127.0.0.1/sync\"/></RESOURCE>"
                + "<RESOURCE name=\"outer\"><INFO name=\"QUERY_STATUS\" value=\"OK\"/><RESOURCE type=\"results\">"
                + "<TABLE name=\"hits\"><FIELD name=\"n\" datatype=\"int\"/><DATA><TABLEDATA><TR><TD>9</TD></TR>"
                + "</TABLEDATA></DATA></TABLE><TABLE name=\"second\"><FIELD name=\"m\" datatype=\"int\"/><DATA>"
                + "<TABLEDATA><TR><TD>1</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></RESOURCE></VOTABLE>";
        try (RowCursor c = open(doc)) {
            assertThat(c.metadata().name()).contains("hits");
            // before the rows the document already holds the meta resource and the open results one
            assertThat(c.document().serviceDescriptors()).hasSize(1);
            assertThat(c.document().allResources()).hasSize(3);
            assertThat(c.next()).isTrue();
            assertThat(c.getInt(0)).isEqualTo(9);
            assertThat(c.next()).isFalse();
            Resource results = c.document().resources().get(1).resources().get(0);
            assertThat(results.tables()).extracting(t -> t.name().orElse("")).containsExactly("hits", "second");
            assertThat(c.document().resources().get(0).tables().get(0).name()).contains("template");
        }
    }
}
