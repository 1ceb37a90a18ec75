// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.registry.TableAccess;
import io.cadc4j.core.internal.http.FormBody;
import io.cadc4j.core.internal.http.MultipartBody;
import io.cadc4j.core.spi.RequestBody;
import io.cadc4j.core.tap.ExecutionPhase;
import io.cadc4j.core.tap.JobListFilter;
import io.cadc4j.core.tap.TableUpload;
import io.cadc4j.core.tap.TapQuery;
import io.cadc4j.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TapRequestsTest {
    private static final String ADQL = "SELECT TOP 5 publisherID FROM caom2.Plane WHERE collection = 'CFHT'";

    @TempDir
    Path dir;

    private static String body(RequestBody body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Optional<TableAccess> uploadLimit(long hard, String unit) {
        return Optional.of(TableAccess.builder().uploadLimit(TableAccess.Limit.of(-1, hard, unit)).build());
    }

    @Test
    void sendsTheTapParametersAndNoMaxrecUnlessSet() {
        FormBody form = TapRequests.form(TapQuery.of(ADQL));

        assertThat(form.fields()).containsExactly(Map.entry("REQUEST", "doQuery"), Map.entry("LANG", "ADQL"),
                Map.entry("QUERY", ADQL));
        assertThat(form.encoded()).startsWith("REQUEST=doQuery&LANG=ADQL&QUERY=SELECT+TOP+5+publisherID");
        assertThat(form.encoded()).contains("%3D+%27CFHT%27");
    }

    @Test
    void sendsMaxrecResponseFormatAndRunIdWhenSet() {
        FormBody form = TapRequests.form(TapQuery.builder(ADQL).maxRecords(0).responseFormat("csv").runId("run-7")
                .build());

        assertThat(form.values("MAXREC")).containsExactly("0");
        assertThat(form.values("RESPONSEFORMAT")).containsExactly("csv");
        assertThat(form.values("RUNID")).containsExactly("run-7");
        assertThat(form.values("UPLOAD")).isEmpty();
    }

    @Test
    void sendsAUrlUploadInAPlainForm() {
        TapQuery q = TapQuery.builder("SELECT * FROM TAP_UPLOAD.remote")
                .upload(TableUpload.ofUrl("remote", URI.create("https://data.test/t.xml"))).build();

        RequestBody body = TapRequests.queryBody(q, Optional.empty());

        assertThat(body).isInstanceOf(FormBody.class);
        assertThat(((FormBody) body).values("UPLOAD")).containsExactly("remote,https://data.test/t.xml");
    }

    @Test
    void sendsAFileUploadAsAMultipartPartNamedAfterTheTable() throws IOException {
        Path votable = dir.resolve("mytab.xml");
        Files.write(votable, Fixtures.bytes("dachs/upload_input.vot.xml"));
        TapQuery q = TapQuery.builder("SELECT * FROM TAP_UPLOAD.mytab")
                .upload(TableUpload.ofFile("mytab", votable))
                .upload(TableUpload.ofUrl("other", URI.create("http://data.test/o.xml"))).build();

        RequestBody body = TapRequests.queryBody(q, uploadLimit(20000000, "byte"));

        assertThat(body).isInstanceOf(MultipartBody.class);
        MultipartBody multipart = (MultipartBody) body;
        assertThat(multipart.parts()).extracting(MultipartBody.Part::name)
                .containsExactly("REQUEST", "LANG", "QUERY", "UPLOAD", "mytab");
        assertThat(multipart.parts().get(3).text()).contains("mytab,param:mytab;other,http://data.test/o.xml");
        MultipartBody.Part part = multipart.parts().get(4);
        assertThat(part.fileName()).contains("mytab.xml");
        assertThat(part.contentType()).contains("application/x-votable+xml");
        String sent = body(body);
        assertThat(sent).contains("Content-Disposition: form-data; name=\"mytab\"; filename=\"mytab.xml\"");
        assertThat(sent).contains(new String(Fixtures.bytes("dachs/upload_input.vot.xml"), StandardCharsets.UTF_8));
        assertThat(body.contentLength()).isEqualTo(sent.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void streamsAWrittenUploadWithoutATemporaryFile() throws IOException {
        byte[] votable = "<VOTABLE version=\"1.4\"><RESOURCE/></VOTABLE>".getBytes(StandardCharsets.UTF_8);
        TapQuery q = TapQuery.builder("SELECT * FROM TAP_UPLOAD.rows")
                .upload(TableUpload.ofWriter("rows", out -> out.write(votable), false)).build();

        RequestBody body = TapRequests.queryBody(q, Optional.empty());

        assertThat(body.contentLength()).isEqualTo(-1);
        assertThat(body.isRepeatable()).isFalse();
        assertThat(body(body)).contains("<VOTABLE version=\"1.4\"><RESOURCE/></VOTABLE>").contains("rows,param:rows");
    }

    @Test
    void refusesAMissingFileBeforeSending() {
        Path missing = dir.resolve("nope.xml");
        TapQuery q = TapQuery.builder("SELECT 1").upload(TableUpload.ofFile("t", missing)).build();

        assertThatThrownBy(() -> TapRequests.queryBody(q, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("upload table 't'")
                .hasMessageContaining("no such file")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void refusesAnUnreadableFile() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder.xml"));
        TapQuery q = TapQuery.builder("SELECT 1").upload(TableUpload.ofFile("t", folder)).build();

        assertThatThrownBy(() -> TapRequests.queryBody(q, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read");
    }

    @Test
    void refusesAFileThatIsNoVotable() throws IOException {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "a,b\n1,2\n");
        Path html = dir.resolve("t.html");
        Files.writeString(html, "<?xml version='1.0'?><!-- x --><html><body/></html>");

        for (Path p : List.of(csv, html)) {
            TapQuery q = TapQuery.builder("SELECT 1").upload(TableUpload.ofFile("t", p)).build();
            assertThatThrownBy(() -> TapRequests.queryBody(q, Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a VOTable");
        }
    }

    @Test
    void recognisesVotablesWithPrologsAndPrefixes() {
        assertThat(TapRequests.looksLikeVotable(Fixtures.bytes("dachs/upload_input.vot.xml"))).isTrue();
        assertThat(TapRequests.looksLikeVotable(Fixtures.bytes("votable/tabledata-all-datatypes-v1.1.xml"))).isTrue();
        assertThat(TapRequests.looksLikeVotable("\uFEFF  <v:VOTABLE xmlns:v='x'/>".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(TapRequests.looksLikeVotable("<VOTABLEX/>".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(TapRequests.looksLikeVotable(new byte[0])).isFalse();
    }

    @Test
    void refusesAFileOverTheByteLimit() throws IOException {
        Path votable = dir.resolve("big.xml");
        Files.write(votable, Fixtures.bytes("dachs/upload_input.vot.xml"));
        long size = Files.size(votable);
        TapQuery q = TapQuery.builder("SELECT 1").upload(TableUpload.ofFile("big", votable)).build();

        assertThatThrownBy(() -> TapRequests.queryBody(q, uploadLimit(size - 1, "byte")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has " + size + " bytes")
                .hasMessageContaining("at most " + (size - 1));
        assertThat(TapRequests.queryBody(q, uploadLimit(size, "byte"))).isInstanceOf(MultipartBody.class);
    }

    @Test
    void refusesAFileOverTheRowLimit() throws IOException {
        StringBuilder doc = new StringBuilder("<VOTABLE><RESOURCE><TABLE><FIELD name='a' datatype='int'/><DATA><TABLEDATA>");
        for (int i = 0; i < 5; i++) {
            doc.append(i % 2 == 0 ? "<TR>" : "<TR >").append("<TD>").append(i).append("</TD></TR>\n");
        }
        doc.append("</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>");
        Path votable = dir.resolve("rows.xml");
        Files.writeString(votable, doc);
        TapQuery q = TapQuery.builder("SELECT 1").upload(TableUpload.ofFile("rows", votable)).build();

        assertThatThrownBy(() -> TapRequests.queryBody(q, uploadLimit(4, "row")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 5 rows")
                .hasMessageContaining("at most 4 rows");
        assertThat(TapRequests.queryBody(q, uploadLimit(5, "row"))).isInstanceOf(MultipartBody.class);
    }

    @Test
    void rejectsBadUploadNamesAndDuplicates() {
        assertThatThrownBy(() -> TableUpload.ofUrl("1bad", URI.create("http://h/t")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TableUpload.ofUrl("ok", URI.create("file:///etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TapQuery.builder("SELECT 1")
                .upload(TableUpload.ofUrl("t", URI.create("http://h/1")))
                .upload(TableUpload.ofUrl("T", URI.create("http://h/2"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two upload tables");
    }

    @Test
    void buildsJobListQueries() {
        URI async = URI.create("https://tap.test/argus/async");
        JobListFilter filter = JobListFilter.builder().phases(ExecutionPhase.QUEUED, ExecutionPhase.EXECUTING)
                .after(Instant.parse("2024-01-01T00:00:00Z")).last(10).build();

        assertThat(TapRequests.jobListUri(async, filter)).hasToString("https://tap.test/argus/async"
                + "?PHASE=QUEUED&PHASE=EXECUTING&AFTER=2024-01-01T00%3A00%3A00.000Z&LAST=10");
        assertThat(TapRequests.jobListUri(async, JobListFilter.all())).isEqualTo(async);
        assertThat(TapRequests.jobListUri(URI.create("https://h/async?x=1"),
                JobListFilter.builder().last(1).build())).hasToString("https://h/async?x=1&LAST=1");
        assertThatThrownBy(() -> JobListFilter.builder().last(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildsTheUwsPostsAndTheBlockingWait() {
        assertThat(TapRequests.phaseForm(ExecutionPhase.EXECUTING).encoded()).isEqualTo("PHASE=RUN");
        assertThat(TapRequests.phaseForm(ExecutionPhase.ABORTED).encoded()).isEqualTo("PHASE=ABORT");
        assertThatThrownBy(() -> TapRequests.phaseForm(ExecutionPhase.COMPLETED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TapRequests.destructionForm(Instant.parse("2026-01-01T00:00:00Z")).encoded())
                .isEqualTo("DESTRUCTION=2026-01-01T00%3A00%3A00.000Z");
        assertThat(TapRequests.executionDurationForm(Duration.ofMinutes(10)).encoded()).isEqualTo("EXECUTIONDURATION=600");
        assertThat(TapRequests.waitUri(URI.create("https://h/async/j1"), Duration.ofMillis(1500), ExecutionPhase.QUEUED))
                .hasToString("https://h/async/j1?WAIT=1&PHASE=QUEUED");
        assertThat(TapRequests.waitUri(URI.create("https://h/async/j1"), Duration.ZERO, ExecutionPhase.EXECUTING))
                .hasToString("https://h/async/j1?WAIT=1&PHASE=EXECUTING");
    }
}
