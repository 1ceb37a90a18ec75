// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable;

import io.cadc4j.core.table.DocumentMetadata;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Finds the shared fixtures and reads documents in different chunkings. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path dir() {
        String prop = System.getProperty("cadc4j.repo.dir");
        Path shared = prop != null ? Paths.get(prop) : Paths.get("..");
        return shared.resolve("fixtures");
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(dir().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How the bytes of a document arrive: at once, one at a time, or in random pieces. */
    enum Chunking {
        WHOLE, ONE_BYTE, RANDOM_CHUNKS;

        InputStream wrap(byte[] data) {
            InputStream in = new ByteArrayInputStream(data);
            switch (this) {
                case ONE_BYTE:
                    return new Throttled(in, new Random(1), 1);
                case RANDOM_CHUNKS:
                    return new Throttled(in, new Random(data.length), 97);
                default:
                    return in;
            }
        }
    }

    /** Hands out at most a few bytes per read, as a slow network does. */
    static final class Throttled extends FilterInputStream {
        private final Random random;
        private final int max;

        Throttled(InputStream in, Random random, int max) {
            super(in);
            this.random = random;
            this.max = max;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            return super.read(b, off, Math.min(len, 1 + random.nextInt(max)));
        }
    }

    /** Everything a cursor gave: lasting row copies, metadata, document, overflow. */
    static final class Outcome {
        final List<Row> rows = new ArrayList<>();
        final List<Object[]> values = new ArrayList<>();
        TableMetadata metadata;
        DocumentMetadata document;
        boolean overflow;
    }

    static Outcome read(VOTableReader reader, InputStream in) {
        Outcome o = new Outcome();
        try (RowCursor c = reader.open(in)) {
            o.metadata = c.metadata();
            while (c.next()) {
                o.rows.add(c.snapshot());
                Object[] v = new Object[c.columnCount()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = c.getObject(i);
                }
                o.values.add(v);
            }
            o.overflow = c.isOverflow();
            o.metadata = c.metadata();
            o.document = c.document();
        }
        return o;
    }

    static Outcome read(String relative, Chunking chunking) {
        return read(VOTableReader.builder().build(), chunking.wrap(bytes(relative)));
    }
}
