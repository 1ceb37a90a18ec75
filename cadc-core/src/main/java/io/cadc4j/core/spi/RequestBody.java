// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of an HTTP request, written to the transport as a stream: bytes in memory, a file, a
 * URL-encoded form ({@link FormBody}), a multipart form whose file parts stream from disk or from a
 * {@link BodyWriter} ({@link MultipartBody}), or any content a {@link BodyWriter} produces.
 *
 * <p>A transport calls {@link #writeTo(OutputStream)} once per attempt. A body that is not
 * {@linkplain #isRepeatable() repeatable} cannot be sent twice, so a 307/308 redirect of such a
 * request fails instead of sending a second, empty body.
 *
 * <p>Implementations shipped here are immutable and thread-safe; {@link #writeTo} may be called
 * from any thread.
 */
public interface RequestBody {

    /**
     * The media type of the body, sent as {@code Content-Type}.
     *
     * @return the media type, or empty to send none
     */
    Optional<String> contentType();

    /**
     * The exact number of bytes {@link #writeTo} writes, when known before writing.
     *
     * @return the length, or -1 when unknown (the transport then streams it chunked)
     */
    long contentLength();

    /**
     * Whether {@link #writeTo} may be called again and writes the same bytes each time.
     *
     * @return true when the body can be re-sent
     */
    boolean isRepeatable();

    /**
     * Writes the body.
     *
     * @param out where to write; the caller closes it
     * @throws IOException if reading the source or writing fails
     */
    void writeTo(OutputStream out) throws IOException;

    /**
     * A body of bytes held in memory (the array is copied).
     *
     * @param bytes the content
     * @param contentType its media type
     * @return a repeatable body of known length
     */
    static RequestBody ofBytes(byte[] bytes, String contentType) {
        byte[] copy = bytes.clone();
        Objects.requireNonNull(contentType, "contentType");
        return new WrittenBody(contentType, copy.length, true, out -> out.write(copy), copy.length + " bytes");
    }

    /**
     * A body of text, encoded as UTF-8.
     *
     * @param text the content
     * @param contentType its media type; say the charset in it if the server needs to know
     * @return a repeatable body of known length
     */
    static RequestBody ofString(String text, String contentType) {
        return ofBytes(text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /**
     * A body streamed from a file when it is sent, never read into memory. Its length is read
     * when the body is made; the file must not change until it has been sent.
     *
     * @param file a readable regular file
     * @param contentType its media type
     * @return a repeatable body of known length
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    static RequestBody ofFile(Path file, String contentType) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(contentType, "contentType");
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read request body file " + file, e);
        }
        return new WrittenBody(contentType, size, true, out -> {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            }
        }, "file " + file.getFileName());
    }

    /**
     * A body written by a callback when it is sent, of unknown length (sent chunked).
     *
     * @param contentType its media type
     * @param repeatable whether {@code writer} may be called again and then writes the same bytes
     * @param writer writes the content
     * @return the body
     */
    static RequestBody ofWriter(String contentType, boolean repeatable, BodyWriter writer) {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(writer, "writer");
        return new WrittenBody(contentType, -1, repeatable, writer, "streamed");
    }
}
