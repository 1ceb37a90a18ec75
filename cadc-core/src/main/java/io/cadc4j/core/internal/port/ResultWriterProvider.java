// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.port;

import io.cadc4j.core.ProviderNotFoundException;
import io.cadc4j.core.spi.Provider;
import io.cadc4j.core.spi.Providers;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.tap.ResultFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.Set;

/**
 * Writes rows in result formats that need a third-party library ({@link ResultFormat#FITS},
 * {@link ResultFormat#ECSV}), so that the library stays out of the core and out of the adapters
 * that write results; found through {@link java.util.ServiceLoader}. {@code cadc-formats} ships the
 * built-in one, named {@code formats}. Register an implementation in
 * {@code META-INF/services/io.cadc4j.core.internal.port.ResultWriterProvider} and with {@code provides} in
 * {@code module-info.java}.
 *
 * <p>A writer streams: its memory must not grow with the number of rows (it may use temporary
 * files, which it removes before returning or failing).
 *
 * <p>Implementations must be thread-safe and cheap to construct.
 */
public interface ResultWriterProvider extends Provider {

    /**
     * The formats this provider writes.
     *
     * @return the formats, not empty
     */
    Set<ResultFormat> formats();

    /**
     * Writes every remaining row of a cursor.
     *
     * @param format one of {@link #formats()}
     * @param rows the rows, read to their end; not closed
     * @param out where to write; flushed, not closed
     * @return the number of rows written
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if the format is not one of {@link #formats()}
     */
    long write(ResultFormat format, RowCursor rows, OutputStream out) throws IOException;

    /**
     * The provider to write a format with: among the discovered providers that write it, the one
     * with the highest priority.
     *
     * @param format the format
     * @return the provider
     * @throws ProviderNotFoundException if no provider writes the format; the message names the
     *     module to add
     */
    static ResultWriterProvider forFormat(ResultFormat format) {
        Objects.requireNonNull(format, "format");
        for (ResultWriterProvider p : Providers.discover(ResultWriterProvider.class)) {
            if (p.formats().contains(format)) {
                return p;
            }
        }
        throw new ProviderNotFoundException("no ResultWriterProvider writes " + format
                + ": add cadc-formats to the class path or module path");
    }
}
