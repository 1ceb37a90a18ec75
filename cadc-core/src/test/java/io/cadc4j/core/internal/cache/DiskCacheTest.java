// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskCacheTest {
    private static final URI URL = URI.create("http://127.0.0.1:8089/static/reg/resource-caps");
    private static final Instant WHEN = Instant.parse("2026-12-04T06:30:00.123Z");

    @TempDir
    Path dir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsBackWhatWasWritten() {
        DiskCache cache = new DiskCache(dir.resolve("c"));
        byte[] body = utf8("ivo://cadc.nrc.ca/argus = http://127.0.0.1:8089/tap/capabilities\n\u00e9\n");
        assertThat(cache.read(URL)).isEmpty();

        assertThat(cache.write(URL, body, WHEN)).isTrue();

        DiskCache.Entry e = cache.read(URL).orElseThrow();
        assertThat(e.body()).isEqualTo(body);
        assertThat(e.fetched()).isEqualTo(WHEN);
        assertThat(cache.read(URI.create("http://127.0.0.1:8089/tap/capabilities"))).isEmpty();
    }

    @Test
    void oneFilePerUrlNamedAfterIt() {
        DiskCache cache = new DiskCache(dir);
        Path a = cache.fileFor(URL);
        Path b = cache.fileFor(URI.create("http://127.0.0.1:8089/tap/capabilities"));
        assertThat(a).isNotEqualTo(b);
        assertThat(a.getParent()).isEqualTo(dir.toAbsolutePath());
        assertThat(a.getFileName().toString()).startsWith("http___127.0.0.1_8089_static_reg_resource-caps-")
                .endsWith(".cache");
        String longUrl = "https://example.org/" + "x".repeat(500);
        assertThat(cache.fileFor(URI.create(longUrl)).getFileName().toString().length()).isLessThan(110);
    }

    @Test
    void theDirectoryIsMadeOnFirstWritePrivateToTheUser() throws IOException {
        Path where = dir.resolve("home").resolve(".cache").resolve("cadc4j");
        DiskCache cache = new DiskCache(where);
        assertThat(where).doesNotExist();
        cache.write(URL, utf8("x"), WHEN);
        assertThat(where).isDirectory();
        if (where.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(where)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        }
        try (var files = Files.list(where)) {
            assertThat(files).containsExactly(cache.fileFor(URL));
        }
    }

    @Test
    void aFileThatDoesNotReadBackWholeIsIgnored() throws IOException {
        DiskCache cache = new DiskCache(dir);
        byte[] body = utf8("ivo://cadc.nrc.ca/argus = http://127.0.0.1:8089/tap/capabilities\n");
        cache.write(URL, body, WHEN);
        Path file = cache.fileFor(URL);
        byte[] whole = Files.readAllBytes(file);

        List<byte[]> damaged = new ArrayList<>();
        damaged.add(new byte[0]);
        damaged.add(utf8("garbage"));
        damaged.add(Arrays.copyOf(whole, whole.length - 1));     // cut
        damaged.add(Arrays.copyOf(whole, whole.length + 1));     // padded
        damaged.add(utf8(new String(whole, StandardCharsets.UTF_8).replace("cadc4j-cache 1", "cadc4j-cache 9")));
        damaged.add(utf8(new String(whole, StandardCharsets.UTF_8).replace("8089/static", "8090/static")));
        damaged.add(utf8(new String(whole, StandardCharsets.UTF_8).replace(String.valueOf(WHEN.toEpochMilli()),
                "yesterday")));
        damaged.add(utf8("cadc4j-cache 1\n" + URL + "\n" + WHEN.toEpochMilli() + "\n-5\n"));
        damaged.add(utf8("x".repeat(20_000)));
        for (byte[] d : damaged) {
            Files.write(file, d);
            assertThat(cache.read(URL)).as(new String(d, StandardCharsets.UTF_8)).isEmpty();
        }
        Files.createDirectories(dir.resolve("sub"));
        DiskCache onADirectory = new DiskCache(dir.resolve("sub"));
        Files.createDirectory(onADirectory.fileFor(URL));
        assertThat(onADirectory.read(URL)).isEmpty();
        assertThat(onADirectory.write(URL, body, WHEN)).isFalse();

        assertThat(cache.write(URL, body, WHEN)).isTrue();
        assertThat(cache.read(URL).orElseThrow().body()).isEqualTo(body);
    }

    @Test
    void concurrentWritersLeaveOneWholeDocumentAndReadersNeverSeeAPart() throws Exception {
        DiskCache cache = new DiskCache(dir.resolve("shared"));
        int writers = 6;
        List<byte[]> bodies = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            // different lengths, so a mix of two would not read back whole
            bodies.add(utf8(("writer " + w + " ").repeat(2000 + 500 * w)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger writersLeft = new AtomicInteger(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                byte[] body = bodies.get(w);
                done.add(pool.submit(() -> {
                    start.await();
                    try {
                        for (int i = 0; i < 20; i++) {
                            assertThat(cache.write(URL, body, WHEN.plusSeconds(i))).isTrue();
                        }
                    } finally {
                        writersLeft.decrementAndGet();
                    }
                    return null;
                }));
            }
            for (int r = 0; r < 2; r++) {
                done.add(pool.submit(() -> {
                    start.await();
                    // reads while any writer writes, and at least once after the last one (on a
                    // loaded machine the writers may not have started when 100 reads are over)
                    boolean afterTheWriters = false;
                    for (int i = 0; i < 100 || !afterTheWriters; i++) {
                        afterTheWriters = writersLeft.get() == 0;
                        cache.read(URL).ifPresent(e -> {
                            reads.incrementAndGet();
                            assertThat(bodies).anySatisfy(b -> assertThat(e.body()).isEqualTo(b));
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(bodies).anySatisfy(b -> assertThat(cache.read(URL).orElseThrow().body()).isEqualTo(b));
        assertThat(reads.get()).isPositive();
        try (var files = Files.list(cache.directory())) {
            assertThat(files).containsExactly(cache.fileFor(URL));
        }
    }

    @Test
    void aCacheWhoseDirectoryCannotBeMadeWritesNothingAndThrowsNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("home-is-a-file"), "x");
        DiskCache cache = new DiskCache(file.resolve(".cache").resolve("cadc4j"));
        assertThat(cache.write(URL, utf8("x"), WHEN)).isFalse();
        assertThat(cache.read(URL)).isEmpty();
    }

    @Test
    void aReadOnlyHomeWritesNothingAndThrowsNothing() throws IOException {
        Path made = Files.createDirectory(dir.resolve("home"));
        Files.setPosixFilePermissions(made, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root writes into a directory whatever its mode; nobody, root included, makes entries in
            // /proc/self, a directory of a read-only kind of file system
            Path home = Files.isWritable(made) ? Path.of("/proc/self") : made;
            Assumptions.assumeTrue(Files.isDirectory(home), "no read-only directory to use: " + made
                    + " is writable by this user and there is no /proc/self");
            DiskCache cache = new DiskCache(home.resolve(".cache").resolve("cadc4j"));
            assertThat(cache.write(URL, utf8("x"), WHEN)).isFalse();
            assertThat(cache.read(URL)).isEmpty();
            assertThat(home.resolve(".cache")).doesNotExist();
        } finally {
            Files.setPosixFilePermissions(made, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void theDefaultDirectoryFollowsXdg() {
        assertThat(DiskCache.defaultDirectory(Map.of("XDG_CACHE_HOME", "/var/cache/me"), "/home/me"))
                .contains(Path.of("/var/cache/me/cadc4j"));
        assertThat(DiskCache.defaultDirectory(Map.of("XDG_CACHE_HOME", "relative/cache"), "/home/me"))
                .contains(Path.of("/home/me/.cache/cadc4j"));
        assertThat(DiskCache.defaultDirectory(Map.of("XDG_CACHE_HOME", ""), "/home/me"))
                .contains(Path.of("/home/me/.cache/cadc4j"));
        assertThat(DiskCache.defaultDirectory(Map.of(), "/home/me")).contains(Path.of("/home/me/.cache/cadc4j"));
        assertThat(DiskCache.defaultDirectory(Map.of(), null)).isEmpty();
        assertThat(DiskCache.defaultDirectory(Map.of(), "?")).isEmpty();
    }
}
