// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

import io.cadc4j.core.spi.BodyWriter;
import io.cadc4j.core.spi.RequestBody;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * A request body described by its media type, length and repeatability, whose bytes a
 * {@link BodyWriter} produces: what {@code RequestBody.ofBytes/ofFile/ofWriter} make. Immutable;
 * as thread-safe as its writer.
 */
final class WrittenBody implements RequestBody {
    private final String contentType;
    private final long length;
    private final boolean repeatable;
    private final BodyWriter writer;
    private final String description;

    /**
     * Makes a body.
     *
     * @param contentType the media type
     * @param length the exact length, or -1 when unknown
     * @param repeatable whether the writer may be called again
     * @param writer writes the bytes
     * @param description what {@link #toString()} says after the media type (never content)
     */
    public WrittenBody(String contentType, long length, boolean repeatable, BodyWriter writer, String description) {
        this.contentType = contentType;
        this.length = length;
        this.repeatable = repeatable;
        this.writer = writer;
        this.description = description;
    }

    @Override
    public Optional<String> contentType() {
        return Optional.of(contentType);
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public boolean isRepeatable() {
        return repeatable;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        writer.writeTo(out);
    }

    @Override
    public String toString() {
        return "RequestBody[" + contentType + ", " + description + "]";
    }
}
