// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

import io.cadc4j.core.internal.http.FormBody;
import io.cadc4j.core.internal.http.MultipartBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodiesTest {

    @Test
    void formEncodesUtf8AndRepeatsNames() throws IOException {
        FormBody form = FormBody.builder().add("ID", "ivo://cadc.nrc.ca/CFHT?1/1o").add("ID", "b c")
                .add("QUERY", "select * from t where n = 'é'").build();

        assertThat(written(form)).isEqualTo(
                "ID=ivo%3A%2F%2Fcadc.nrc.ca%2FCFHT%3F1%2F1o&ID=b+c&QUERY=select+*+from+t+where+n+%3D+%27%C3%A9%27");
        assertThat(form.contentLength()).isEqualTo(written(form).length());
        assertThat(form.values("ID")).containsExactly("ivo://cadc.nrc.ca/CFHT?1/1o", "b c");
        assertThat(form.contentType()).contains("application/x-www-form-urlencoded");
    }

    @Test
    void formToStringShowsNamesOnly() {
        FormBody login = FormBody.builder().add("username", "u").add("password", "hunter2").build();

        assertThat(login.toString()).isEqualTo("FormBody[username, password]").doesNotContain("hunter2");
    }

    @Test
    void multipartLengthMatchesWhatIsWritten(@TempDir Path dir) throws IOException {
        Path table = dir.resolve("t.xml");
        Files.writeString(table, "<VOTABLE/>");
        MultipartBody body = MultipartBody.builder()
                .field("LANG", "ADQL")
                .field("UPLOAD", "t,param:t")
                .file("t", "t.xml", "application/x-votable+xml", table)
                .build();

        String text = written(body);

        assertThat(body.contentLength()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        assertThat(body.isRepeatable()).isTrue();
        assertThat(body.contentType().orElseThrow()).isEqualTo("multipart/form-data; boundary=" + body.boundary());
        String b = "--" + body.boundary();
        assertThat(text).isEqualTo(b + "\r\nContent-Disposition: form-data; name=\"LANG\"\r\n\r\nADQL\r\n"
                + b + "\r\nContent-Disposition: form-data; name=\"UPLOAD\"\r\n\r\nt,param:t\r\n"
                + b + "\r\nContent-Disposition: form-data; name=\"t\"; filename=\"t.xml\"\r\n"
                + "Content-Type: application/x-votable+xml\r\n\r\n<VOTABLE/>\r\n"
                + b + "--\r\n");
    }

    @Test
    void multipartWithAWriterPartIsStreamedAndOfUnknownLength() throws IOException {
        MultipartBody body = MultipartBody.builder()
                .stream("rows", "rows.xml", "application/x-votable+xml", false, out -> {
                    out.write("<TR/>".getBytes(StandardCharsets.US_ASCII));
                    out.close(); // a writer that closes must not end the whole request
                })
                .field("after", "still here")
                .build();

        assertThat(body.contentLength()).isEqualTo(-1);
        assertThat(body.isRepeatable()).isFalse();
        assertThat(written(body)).contains("<TR/>\r\n--").contains("still here\r\n--" + body.boundary() + "--\r\n");
    }

    @Test
    void multipartBoundariesDiffer() {
        assertThat(MultipartBody.builder().field("a", "b").build().boundary())
                .isNotEqualTo(MultipartBody.builder().field("a", "b").build().boundary());
    }

    @Test
    void emptyMultipartIsRefused() {
        assertThatThrownBy(() -> MultipartBody.builder().build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void missingUploadFileIsRefusedBeforeSending(@TempDir Path dir) {
        assertThatThrownBy(() -> MultipartBody.builder().file("t", "t.xml", "text/xml", dir.resolve("nope.xml")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope.xml");
        assertThatThrownBy(() -> RequestBody.ofFile(dir.resolve("nope.xml"), "text/xml"))
                .hasMessageContaining("nope.xml");
    }

    @Test
    void fileBodyStreamsTheFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("f.bin");
        byte[] data = new byte[100_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        Files.write(f, data);

        RequestBody body = RequestBody.ofFile(f, "application/octet-stream");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);

        assertThat(body.contentLength()).isEqualTo(data.length);
        assertThat(out.toByteArray()).isEqualTo(data);
    }

    @Test
    void bytesBodyCopiesItsInput() throws IOException {
        byte[] data = {1, 2, 3};
        RequestBody body = RequestBody.ofBytes(data, "application/octet-stream");
        data[0] = 9;

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);

        assertThat(out.toByteArray()).containsExactly(1, 2, 3);
    }

    @Test
    void headersIgnoreCaseAndHideValues() {
        HttpHeaders h = HttpHeaders.builder().add("Content-Type", "text/plain").add("cookie", "CADC_SSO=\"secret\"")
                .add("Accept", "a").add("ACCEPT", "b").build();

        assertThat(h.firstValue("content-type")).contains("text/plain");
        assertThat(h.allValues("accept")).containsExactly("a", "b");
        assertThat(h.toString()).doesNotContain("secret");
        assertThat(HttpHeaders.of(Map.of("X-N", java.util.List.of("12"))).firstValueAsLong("x-n")).hasValue(12);
        assertThat(h.firstValueAsLong("Content-Type")).isEmpty();
    }

    @Test
    void headersRejectLineBreaksWithoutEchoingTheValue() {
        assertThatThrownBy(() -> HttpHeaders.builder().add("Cookie", "a\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("X-Evil");
        assertThatThrownBy(() -> HttpHeaders.builder().add("Bad Name", "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestRejectsNonHttpUris() {
        assertThatThrownBy(() -> HttpRequest.newBuilder(java.net.URI.create("file:///etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpRequest.newBuilder(java.net.URI.create("/relative")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpRequest.newBuilder(java.net.URI.create("http://h/")).method("GE T", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String written(RequestBody body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(new OutputStream() {
            @Override
            public void write(int b) {
                out.write(b);
            }

            @Override
            public void close() {
                throw new AssertionError("a body must not close the request stream");
            }
        });
        return out.toString(StandardCharsets.UTF_8);
    }
}
