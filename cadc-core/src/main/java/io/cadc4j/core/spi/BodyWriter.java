// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the bytes of a request body, or of one part of a multipart body, as they are produced, so
 * that nothing has to be held in memory or staged in a file (a VOTable written row by row for an
 * upload, for instance).
 *
 * <p>The writer must write everything and return; it must not close the stream. Whether it may be
 * called more than once is said when the body is made ({@code repeatable}).
 *
 * <p>Implementations need not be thread-safe: a transport calls {@code writeTo} from one thread at
 * a time, though not necessarily the thread that made the request.
 */
@FunctionalInterface
public interface BodyWriter {
    /**
     * Writes the content.
     *
     * @param out where to write; do not close it
     * @throws IOException if writing fails; the request fails with it
     */
    void writeTo(OutputStream out) throws IOException;
}
