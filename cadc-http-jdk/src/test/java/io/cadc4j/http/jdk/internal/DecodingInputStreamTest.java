// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.http.jdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class DecodingInputStreamTest {
    private static final byte[] TEXT = "a VOTable, compressed ".repeat(2000).getBytes(StandardCharsets.UTF_8);

    @Test
    void decodesGzip() throws IOException {
        assertThat(decode(gzip(TEXT), "gzip")).isEqualTo(TEXT);
    }

    @Test
    void decodesZlibWrappedDeflate() throws IOException {
        assertThat(decode(deflate(TEXT, false), "deflate")).isEqualTo(TEXT);
    }

    @Test
    void decodesRawDeflateThatSomeServersSend() throws IOException {
        assertThat(decode(deflate(TEXT, true), "deflate")).isEqualTo(TEXT);
    }

    @Test
    void emptyEncodedBodyStaysEmpty() throws IOException {
        assertThat(decode(new byte[0], "gzip")).isEmpty();
    }

    @Test
    void truncatedGzipFailsInsteadOfEndingShort() throws IOException {
        byte[] encoded = gzip(TEXT);
        byte[] cut = Arrays.copyOf(encoded, encoded.length / 2);

        assertThatThrownBy(() -> decode(cut, "gzip")).isInstanceOf(IOException.class);
    }

    @Test
    void truncatedDeflateFailsInsteadOfEndingShort() throws IOException {
        byte[] encoded = deflate(TEXT, false);
        byte[] cut = Arrays.copyOf(encoded, encoded.length / 2);

        assertThatThrownBy(() -> decode(cut, "deflate")).isInstanceOf(IOException.class);
    }

    @Test
    void recognisesOnlyGzipAndDeflate() {
        assertThat(DecodingInputStream.decodable(" GZIP ")).hasValue("gzip");
        assertThat(DecodingInputStream.decodable("x-gzip")).hasValue("gzip");
        assertThat(DecodingInputStream.decodable("deflate")).hasValue("deflate");
        assertThat(DecodingInputStream.decodable("br")).isEmpty();
        assertThat(DecodingInputStream.decodable("identity")).isEmpty();
    }

    private static byte[] decode(byte[] encoded, String coding) throws IOException {
        try (InputStream in = DecodingInputStream.decode(new ByteArrayInputStream(encoded), coding)) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] bytes, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        try (OutputStream z = new DeflaterOutputStream(out, deflater)) {
            z.write(bytes);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }
}
