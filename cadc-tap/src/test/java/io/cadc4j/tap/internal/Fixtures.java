// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Random;

/** Finds the shared fixtures and feeds them in different read sizes. */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String relative) {
        String dir = System.getProperty("cadc4j.repo.dir");
        Path base = dir != null ? Paths.get(dir) : Paths.get("..");
        Path p = base.resolve("fixtures").resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("fixture missing: " + p.toAbsolutePath());
        }
        return p;
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static URI uri(String relative) {
        return URI.create("http://fixtures.test/" + relative);
    }

    /** How a document is fed to a parser, so buffer-edge bugs show. */
    enum Mode {
        WHOLE, ONE_BYTE, RANDOM_CHUNKS;

        InputStream open(byte[] data) {
            InputStream in = new java.io.ByteArrayInputStream(data);
            switch (this) {
                case ONE_BYTE:
                    return new Throttled(in, new Random(1), 1);
                case RANDOM_CHUNKS:
                    return new Throttled(in, new Random(42), 37);
                default:
                    return in;
            }
        }
    }

    private static final class Throttled extends FilterInputStream {
        private final Random random;
        private final int max;

        Throttled(InputStream in, Random random, int max) {
            super(in);
            this.random = random;
            this.max = max;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = Math.min(len, max == 1 ? 1 : 1 + random.nextInt(max));
            return super.read(b, off, n);
        }
    }
}
