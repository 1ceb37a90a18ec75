// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.http;

import io.cadc4j.core.spi.BodyWriter;
import io.cadc4j.core.spi.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code multipart/form-data} body (RFC 7578): text fields and file parts, each file part streamed
 * from disk or written by a {@link BodyWriter} while the request is sent. TAP uploads use it: the
 * query parameters as fields and each table as a file part.
 *
 * <p>The length is known, and the body repeatable, when every part is a field or a file.
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class MultipartBody implements RequestBody {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] DASHES = {'-', '-'};

    private final String boundary;
    private final List<Part> parts;

    private MultipartBody(String boundary, List<Part> parts) {
        this.boundary = boundary;
        this.parts = List.copyOf(parts);
    }

    /**
     * Starts an empty multipart body with a random boundary.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The boundary line that separates the parts.
     *
     * @return the boundary, without the leading dashes
     */
    public String boundary() {
        return boundary;
    }

    /**
     * The parts, in order.
     *
     * @return the parts
     */
    public List<Part> parts() {
        return parts;
    }

    @Override
    public Optional<String> contentType() {
        return Optional.of("multipart/form-data; boundary=" + boundary);
    }

    @Override
    public long contentLength() {
        long total = 0;
        for (Part p : parts) {
            long len = p.contentLength();
            if (len < 0) {
                return -1;
            }
            total += DASHES.length + boundary.length() + CRLF.length + p.headerBytes().length + len + CRLF.length;
        }
        return total + DASHES.length + boundary.length() + DASHES.length + CRLF.length;
    }

    @Override
    public boolean isRepeatable() {
        return parts.stream().allMatch(Part::isRepeatable);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        byte[] boundaryBytes = boundary.getBytes(StandardCharsets.US_ASCII);
        for (Part p : parts) {
            out.write(DASHES);
            out.write(boundaryBytes);
            out.write(CRLF);
            out.write(p.headerBytes());
            p.writeContent(out);
            out.write(CRLF);
        }
        out.write(DASHES);
        out.write(boundaryBytes);
        out.write(DASHES);
        out.write(CRLF);
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        parts.forEach(p -> names.add(p.name()));
        return "MultipartBody" + names;
    }

    /**
     * One part of a multipart body: a text field, or a file whose content is streamed.
     *
     * <p>Immutable and thread-safe.
     */
    public static final class Part {
        private final String name;
        private final String fileName;
        private final String contentType;
        private final String text;
        private final Path file;
        private final BodyWriter writer;
        private final boolean repeatable;

        private Part(String name, String fileName, String contentType, String text, Path file, BodyWriter writer,
                boolean repeatable) {
            this.name = name;
            this.fileName = fileName;
            this.contentType = contentType;
            this.text = text;
            this.file = file;
            this.writer = writer;
            this.repeatable = repeatable;
        }

        /**
         * The form field name of the part.
         *
         * @return the name
         */
        public String name() {
            return name;
        }

        /**
         * The file name sent with a file part.
         *
         * @return the file name, or empty for a text field
         */
        public Optional<String> fileName() {
            return Optional.ofNullable(fileName);
        }

        /**
         * The value of a text field.
         *
         * @return the text, or empty for a file part
         */
        public Optional<String> text() {
            return Optional.ofNullable(text);
        }

        /**
         * The media type of a file part.
         *
         * @return the media type, or empty for a text field
         */
        public Optional<String> contentType() {
            return Optional.ofNullable(contentType);
        }

        boolean isRepeatable() {
            return repeatable;
        }

        long contentLength() {
            if (text != null) {
                return text.getBytes(StandardCharsets.UTF_8).length;
            }
            if (file != null) {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return -1;
                }
            }
            return -1;
        }

        byte[] headerBytes() {
            StringBuilder sb = new StringBuilder("Content-Disposition: form-data; name=\"").append(quote(name)).append('"');
            if (fileName != null) {
                sb.append("; filename=\"").append(quote(fileName)).append('"');
            }
            sb.append("\r\n");
            if (contentType != null) {
                sb.append("Content-Type: ").append(contentType).append("\r\n");
            }
            sb.append("\r\n");
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }

        void writeContent(OutputStream out) throws IOException {
            if (text != null) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            } else if (file != null) {
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(out);
                }
            } else {
                writer.writeTo(new NonClosingOutputStream(out));
            }
        }

        private static String quote(String s) {
            // RFC 7578 §4.2: percent-encode the quote and line breaks in names.
            return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
        }
    }

    /** Collects parts. Single-threaded. */
    public static final class Builder {
        private static final SecureRandom RANDOM = new SecureRandom();
        private final List<Part> parts = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a text field.
         *
         * @param name the field name
         * @param value the text, sent as UTF-8
         * @return this builder
         */
        public Builder field(String name, String value) {
            parts.add(new Part(checkName(name), null, null, Objects.requireNonNull(value, "value"), null, null, true));
            return this;
        }

        /**
         * Adds a file part streamed from disk when the body is sent.
         *
         * @param name the field name
         * @param fileName the file name to send
         * @param contentType the media type of the content
         * @param file the file to stream
         * @return this builder
         */
        public Builder file(String name, String fileName, String contentType, Path file) {
            Objects.requireNonNull(file, "file");
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read upload file " + file);
            }
            parts.add(new Part(checkName(name), Objects.requireNonNull(fileName, "fileName"),
                    Objects.requireNonNull(contentType, "contentType"), null, file, null, true));
            return this;
        }

        /**
         * Adds a file part whose content a callback writes while the body is sent, with no
         * temporary file and no buffering.
         *
         * @param name the field name
         * @param fileName the file name to send
         * @param contentType the media type of the content
         * @param repeatable whether {@code writer} may be called again and then writes the same bytes
         * @param writer writes the content
         * @return this builder
         */
        public Builder stream(String name, String fileName, String contentType, boolean repeatable, BodyWriter writer) {
            parts.add(new Part(checkName(name), Objects.requireNonNull(fileName, "fileName"),
                    Objects.requireNonNull(contentType, "contentType"), null, null,
                    Objects.requireNonNull(writer, "writer"), repeatable));
            return this;
        }

        /**
         * Makes the body.
         *
         * @return the multipart body
         * @throws IllegalStateException if no part was added
         */
        public MultipartBody build() {
            if (parts.isEmpty()) {
                throw new IllegalStateException("a multipart body needs at least one part");
            }
            byte[] random = new byte[12];
            RANDOM.nextBytes(random);
            StringBuilder boundary = new StringBuilder("cadc4j-");
            for (byte b : random) {
                boundary.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return new MultipartBody(boundary.toString(), parts);
        }

        private static String checkName(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty part name");
            }
            return name;
        }
    }

    /** Keeps a part's writer from closing the request stream. */
    private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
