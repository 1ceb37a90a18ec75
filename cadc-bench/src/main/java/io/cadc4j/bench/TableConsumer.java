// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench;

import java.io.IOException;
import java.io.InputStream;

/**
 * The seam every measured reader plugs into: read one whole VOTable document and fold every cell (or, for the
 * bare limits, every character or decoded byte) into a checksum, so the JIT cannot skip any of the work.
 *
 * <p>Implementations: {@link Consumers} lists them by name; cadc4j's own reader is a {@code RowCursor} loop that
 * reads every cell through its typed accessors. A new reader is registered in {@link Consumers} and gets one
 * {@code @Benchmark} method in {@link TableDataBenchmark} and one in {@link Binary2Benchmark}.
 *
 * <p>Implementations are stateless or keep only reusable buffers; an instance is used by one thread at a time
 * (single-threaded).
 */
@FunctionalInterface
public interface TableConsumer {
    /**
     * Reads the document to its end and returns a checksum of its content.
     *
     * @param in the whole document; the consumer reads it but does not close it
     * @return a checksum over every value seen
     * @throws IOException if the document cannot be read or parsed
     */
    long consume(InputStream in) throws IOException;
}
