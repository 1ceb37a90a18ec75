// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.testing;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The repository's captured documents ({@code fixtures/}, see {@code fixtures/SOURCES.md}), found
 * through the system property {@code cadc4j.repo.dir} that the build sets to the repository's root
 * (else the parent of the working directory, a module's folder), and fed to parsers in different
 * read sizes so that bugs at buffer edges show.
 *
 * <p>Stateless and thread-safe.
 */
public final class Fixtures {
    private static final String REPO_DIR = "cadc4j.repo.dir";

    private Fixtures() {
    }

    /**
     * The fixtures folder.
     *
     * @return {@code <repository>/fixtures}
     */
    public static Path dir() {
        return repository().resolve("fixtures");
    }

    /**
     * The repository the tests run in: the system property {@code cadc4j.repo.dir}, which the
     * build sets, else the parent of the working directory (a module's folder).
     *
     * @return the repository's root
     */
    public static Path repository() {
        String repo = System.getProperty(REPO_DIR);
        return repo != null ? Path.of(repo) : Path.of("..");
    }

    /**
     * A captured document.
     *
     * @param relative its path below {@code fixtures/}, e.g. {@code dachs/tap_capabilities.xml}
     * @return its path
     * @throws IllegalStateException if there is no such file, naming where it was looked for
     */
    public static Path path(String relative) {
        Path p = dir().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("fixture missing: " + p.toAbsolutePath());
        }
        return p;
    }

    /**
     * The bytes of a captured document.
     *
     * @param relative its path below {@code fixtures/}
     * @return its content
     * @throws IllegalStateException if there is no such file
     * @throws UncheckedIOException if it cannot be read
     */
    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A made-up address for a document, for parsers that name their source in messages or
     * resolve relative links against it.
     *
     * @param relative its path below {@code fixtures/}
     * @return {@code http://fixtures.test/} followed by the path
     */
    public static URI uri(String relative) {
        return URI.create("http://fixtures.test/" + relative);
    }

    /** How the bytes of a document arrive: at once, one at a time, or in small pieces of random size. */
    public enum Chunking {
        /** Every read gets as much as it asks for. */
        WHOLE,
        /** Every read gets one byte. */
        ONE_BYTE,
        /** Every read gets 1 to 37 bytes, the same sizes on every run. */
        RANDOM_CHUNKS;

        /**
         * A stream of the bytes, arriving this way.
         *
         * @param data the document
         * @return a new stream over it
         */
        public InputStream open(byte[] data) {
            InputStream in = new ByteArrayInputStream(data);
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

    /** Hands out at most a few bytes per read, as a slow network does. */
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
            if (len == 0) {
                return 0;
            }
            return super.read(b, off, Math.min(len, 1 + random.nextInt(max)));
        }
    }
}
