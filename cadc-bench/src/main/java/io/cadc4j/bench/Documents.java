// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench;

import io.cadc4j.bench.internal.Caom2Table;
import io.cadc4j.bench.internal.DocumentWriter;
import io.cadc4j.bench.internal.DocumentWriter.Format;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The generated documents the benchmarks read: written to a temporary file once per trial (fork), deleted after
 * it, never kept in memory and never committed. Not instantiable; its nested states are JMH states (each one is
 * set up and torn down by JMH on one thread, then only read, so thread-safe for the benchmark threads).
 */
public final class Documents {
    /**
     * Rows in each benchmark document. A compile-time constant because {@code @OperationsPerInvocation} needs one:
     * one JMH operation is one row, so JMH's ops/s are rows/s.
     */
    public static final int ROWS = 100_000;

    private Documents() {
    }

    /** Common part of the two states: one generated file per trial. Thread-safe after set-up (only read). */
    public abstract static class Generated {
        private Path file;

        abstract Format format();

        /**
         * Writes the document to a new temporary file.
         *
         * @throws IOException if it cannot be written
         */
        @Setup(Level.Trial)
        public void generate() throws IOException {
            file = Files.createTempFile("cadc4j-bench-" + format().name().toLowerCase(Locale.ROOT) + "-", ".xml");
            DocumentWriter.write(file, format(), ROWS, Caom2Table.SEED);
        }

        /**
         * Deletes the document.
         *
         * @throws IOException if it cannot be deleted
         */
        @TearDown(Level.Trial)
        public void delete() throws IOException {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }

        /**
         * Reads the whole document with one consumer.
         *
         * @param consumer the reader
         * @return its checksum
         * @throws IOException if reading fails
         */
        public long read(TableConsumer consumer) throws IOException {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                return consumer.consume(in);
            }
        }
    }

    /** The table as TABLEDATA, about 100 MB. Thread-safe after set-up (only read). */
    @State(Scope.Benchmark)
    public static class TableData extends Generated {
        @Override
        Format format() {
            return Format.TABLEDATA;
        }
    }

    /** The table as BINARY2 in base64, standard layout. Thread-safe after set-up (only read). */
    @State(Scope.Benchmark)
    public static class Binary2 extends Generated {
        @Override
        Format format() {
            return Format.BINARY2;
        }
    }
}
