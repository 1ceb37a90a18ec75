// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.cache;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Documents kept on disk between runs, one file per URL, so that a second short-lived process
 * (the {@code cadc} command, a serverless function) does not fetch the registry file and the
 * capabilities again while they are fresh.
 *
 * <p>A file holds a header and the document's bytes exactly as fetched:
 * <pre>
 * cadc4j-cache 1
 * URL
 * fetched, epoch milliseconds
 * length of the body in bytes
 * body
 * </pre>
 * A file is written to a temporary file beside it and moved into place, so a reader sees a whole
 * file or none, and two processes writing at once leave one of the two whole documents. A file that
 * does not read back exactly (another format, another URL, a cut or padded body) is ignored as if it
 * were not there, and replaced by the next write. Nothing here throws for a cache that cannot be
 * read or written (a read-only home, a full disk): the caller just fetches, and the failure is logged
 * at DEBUG.
 *
 * <p>Whether a copy is fresh is the caller's decision: this class keeps when it was fetched.
 *
 * <p>Thread-safe and process-safe (no locks; atomic moves).
 */
public final class DiskCache {
    /** The largest document kept; a larger one is neither written nor read. */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger("io.cadc4j.registry");
    private static final String MAGIC = "cadc4j-cache 1";
    private static final int MAX_NAME = 80;
    private static final AtomicLong TEMP_COUNTER = new AtomicLong();

    private final Path directory;

    /**
     * A cache in a directory, made (with its parents) on the first write.
     *
     * @param directory the directory
     */
    public DiskCache(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath();
    }

    /**
     * The default directory: {@code $XDG_CACHE_HOME/cadc4j} when that variable holds an absolute
     * path (the XDG Base Directory rule: a relative one is ignored), else {@code ~/.cache/cadc4j}.
     *
     * @param environment the environment variables
     * @param userHome the user's home directory, or null when unknown
     * @return the directory, or empty when there is neither
     */
    public static Optional<Path> defaultDirectory(Map<String, String> environment, String userHome) {
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty()) {
            Path p = Path.of(xdg);
            if (p.isAbsolute()) {
                return Optional.of(p.resolve("cadc4j"));
            }
        }
        if (userHome == null || userHome.isEmpty() || "?".equals(userHome)) {
            return Optional.empty();
        }
        return Optional.of(Path.of(userHome, ".cache", "cadc4j"));
    }

    /** @return the directory */
    public Path directory() {
        return directory;
    }

    /**
     * The file a URL's document is kept in: a readable form of the URL, cut to 80 characters, and
     * the URL's hash (two URLs with one name are told apart by the URL inside the file).
     *
     * @param url the URL
     * @return the file
     */
    public Path fileFor(URI url) {
        String text = url.toString();
        StringBuilder name = new StringBuilder(MAX_NAME + 16);
        for (int i = 0; i < text.length() && name.length() < MAX_NAME; i++) {
            char c = text.charAt(i);
            name.append(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-') ? c : '_');
        }
        name.append('-').append(Integer.toHexString(text.hashCode())).append(".cache");
        return directory.resolve(name.toString());
    }

    /**
     * Reads the copy of a URL's document.
     *
     * @param url the URL
     * @return the copy, or empty when there is none or it does not read back whole
     */
    public Optional<Entry> read(URI url) {
        Path file = fileFor(url);
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BODY_BYTES + 4096L) {
                LOG.log(Level.DEBUG, "ignoring the cached copy {0}: too large", file);
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "cannot read the cached copy {0}: {1}", file, e.toString());
            return Optional.empty();
        }
        Entry entry = decode(bytes, url);
        if (entry == null) {
            LOG.log(Level.DEBUG, "ignoring the cached copy {0}: not a whole cadc4j cache file for {1}", file, url);
        }
        return Optional.ofNullable(entry);
    }

    /**
     * Keeps a document, replacing any copy. Never throws: a cache that cannot be written is logged
     * at DEBUG and left as it was.
     *
     * @param url the URL it was fetched from
     * @param body its bytes
     * @param fetched when it was fetched
     * @return whether it was written
     */
    public boolean write(URI url, byte[] body, Instant fetched) {
        if (body.length > MAX_BODY_BYTES) {
            return false;
        }
        Path file = fileFor(url);
        byte[] header = (MAGIC + "\n" + url + "\n" + fetched.toEpochMilli() + "\n" + body.length + "\n")
                .getBytes(StandardCharsets.UTF_8);
        try {
            makeDirectory();
            writeAtomically(file, header, body);
            return true;
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException | SecurityException e) {
            LOG.log(Level.DEBUG, "cannot keep {0} in the cache {1}: {2}", url, directory, e.toString());
            return false;
        }
    }

    /**
     * Writes to a temporary file beside the target, then moves it into place. Not
     * {@code Files.createTempFile}: its random names cost a start-up the security providers.
     */
    private static void writeAtomically(Path file, byte[] header, byte[] body) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().getId() + "-" + TEMP_COUNTER.incrementAndGet() + ".part");
        boolean moved = false;
        try {
            Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try (SeekableByteChannel out = file.getFileSystem().supportedFileAttributeViews().contains("posix")
                    ? Files.newByteChannel(temp, options, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")))
                    : Files.newByteChannel(temp, options)) {
                ByteBuffer h = ByteBuffer.wrap(header);
                ByteBuffer b = ByteBuffer.wrap(body);
                while (h.hasRemaining()) {
                    out.write(h);
                }
                while (b.hasRemaining()) {
                    out.write(b);
                }
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private void makeDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(directory);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(directory)) {
                throw e;
            }
        }
    }

    private static Entry decode(byte[] bytes, URI url) {
        int[] at = {0};
        String magic = line(bytes, at);
        String source = line(bytes, at);
        String millis = line(bytes, at);
        String length = line(bytes, at);
        if (!MAGIC.equals(magic) || !url.toString().equals(source) || millis == null || length == null) {
            return null;
        }
        long fetched;
        int size;
        try {
            fetched = Long.parseLong(millis);
            size = Integer.parseInt(length);
        } catch (NumberFormatException e) {
            return null;
        }
        if (size < 0 || size != bytes.length - at[0]) {
            return null;
        }
        return new Entry(Arrays.copyOfRange(bytes, at[0], bytes.length), Instant.ofEpochMilli(fetched));
    }

    /** The next header line (without its LF), or null when there is none within 8 KiB. */
    private static String line(byte[] bytes, int[] at) {
        int start = at[0];
        int end = Math.min(bytes.length, start + 8192);
        for (int i = start; i < end; i++) {
            if (bytes[i] == '\n') {
                at[0] = i + 1;
                return new String(bytes, start, i - start, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** A kept document and when it was fetched. Immutable (the body is not copied on access: do not change it). */
    public static final class Entry {
        private final byte[] body;
        private final Instant fetched;

        Entry(byte[] body, Instant fetched) {
            this.body = body;
            this.fetched = fetched;
        }

        /** @return the document's bytes */
        public byte[] body() {
            return body;
        }

        /** @return when it was fetched */
        public Instant fetched() {
            return fetched;
        }
    }
}
