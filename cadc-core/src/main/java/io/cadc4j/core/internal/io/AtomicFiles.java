// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.io;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.spi.BodyWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * Writes an output file so that it is either complete or not there: the bytes go to a hidden
 * temporary file in the target's directory, which is moved into place (atomically where the file
 * system allows) only when the writer returned; on any failure the temporary file is removed and an
 * existing target is left untouched. Result files of queries are written this way.
 *
 * <p>Stateless and thread-safe.
 */
public final class AtomicFiles {
    private static final System.Logger LOG = System.getLogger("io.cadc4j.core.internal.io.AtomicFiles");

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private AtomicFiles() {
    }

    /**
     * Writes a file atomically.
     *
     * @param target the file to write (replaced if it exists)
     * @param writer writes the content; any exception it throws, checked or not, aborts the write
     * @return the number of bytes written
     * @throws IllegalArgumentException if the target's directory does not exist or the target is a directory
     * @throws CadcException if the file cannot be written or moved; unchecked exceptions of the writer
     *     pass through unchanged
     */
    public static long write(Path target, BodyWriter writer) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(writer, "writer");
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("cannot write " + target + ": its directory does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("cannot write " + target + ": it is a directory");
        }
        Path temp = null;
        try {
            // created as any new file is (not createTempFile's 0600): the umask decides its mode
            while (temp == null) {
                try {
                    temp = Files.createFile(dir.resolve("." + absolute.getFileName() + "."
                            + Long.toHexString(RANDOM.nextLong()) + ".part"));
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    temp = null;
                }
            }
        } catch (IOException e) {
            throw new CadcException("cannot make a temporary file in " + dir + ": " + e, null, false, e);
        }
        boolean moved = false;
        try {
            long written;
            try (CountingOutputStream out =
                    new CountingOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 64 * 1024))) {
                writer.writeTo(out);
                written = out.count();
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            return written;
        } catch (IOException e) {
            throw new CadcException("writing " + target + " failed: " + e, null, false, e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot remove the temporary file {0}: {1}", temp, e.toString());
                }
            }
        }
    }
}
