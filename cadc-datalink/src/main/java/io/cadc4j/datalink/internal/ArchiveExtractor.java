// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.datalink.internal;

import io.cadc4j.core.ProtocolViolationException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveException;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.ArchiveStreamFactory;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Extracts a tar, tar.gz, tar.bz2 or zip archive into a directory as it streams in (a DataLink
 * {@code #package}), refusing what would escape the directory or fill the disk. Single-threaded:
 * one instance per archive.
 *
 * <p>Refused, as a {@link ProtocolViolationException} naming the entry:
 * <ul>
 *   <li>entry names that are absolute or, once normalised, climb out of the directory
 *       ("zip-slip": {@code ../../.bashrc});</li>
 *   <li>entries whose parent directory, once symbolic links already extracted are followed, lies
 *       outside (a chain of links can climb where no single name does);</li>
 *   <li>symbolic and hard links whose target lies outside, and any entry that would write
 *       through an existing symbolic link;</li>
 *   <li>more entries than the limit, and more extracted bytes than the limit, whether declared
 *       in an entry's header or found while copying (a compression bomb declares nothing).</li>
 * </ul>
 * Device and FIFO entries are skipped. A zip read as a stream carries its Unix modes only in the
 * central directory at its end, so a zip symbolic link arrives as a small regular file holding
 * the link's target: safe, if not faithful.
 */
final class ArchiveExtractor {
    private static final System.Logger LOG = System.getLogger("io.cadc4j.datalink");

    private final Path root;
    private final URI uri;
    private final long maxBytes;
    private final int maxEntries;
    private long extracted;
    private int entries;

    ArchiveExtractor(Path root, URI uri, long maxBytes, int maxEntries) throws IOException {
        Files.createDirectories(root);
        this.root = root.toRealPath();
        this.uri = uri;
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
    }

    long extractedBytes() {
        return extracted;
    }

    int entries() {
        return entries;
    }

    /** Extracts every entry of the archive on the stream; does not close it. */
    void extract(InputStream body) throws IOException {
        InputStream in = new BufferedInputStream(body, 8192);
        in.mark(4);
        int b1 = in.read();
        int b2 = in.read();
        int b3 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            in = new BufferedInputStream(new GzipCompressorInputStream(in, true), 8192);
        } else if (b1 == 'B' && b2 == 'Z' && b3 == 'h') {
            in = new BufferedInputStream(new BZip2CompressorInputStream(in, true), 8192);
        }
        String format;
        try {
            format = ArchiveStreamFactory.detect(in);
        } catch (ArchiveException e) {
            throw new ProtocolViolationException("the package from " + uri
                    + " is not a tar or zip archive (plain, gzip or bzip2 compressed)", uri, e);
        }
        ArchiveInputStream<? extends ArchiveEntry> archive;
        if (ArchiveStreamFactory.TAR.equals(format)) {
            archive = new TarArchiveInputStream(in);
        } else if (ArchiveStreamFactory.ZIP.equals(format)) {
            // Stored entries with a data descriptor are legal zip; accept them.
            archive = new ZipArchiveInputStream(in, "UTF-8", true, true);
        } else {
            throw new ProtocolViolationException("the package from " + uri + " is a " + format
                    + " archive; only tar and zip are extracted", uri, null);
        }
        ArchiveEntry entry;
        while ((entry = archive.getNextEntry()) != null) {
            if (++entries > maxEntries) {
                throw refuse(entry.getName(), "the archive has more than " + maxEntries + " entries, the limit");
            }
            if (!archive.canReadEntryData(entry)) {
                throw refuse(entry.getName(), "its data cannot be read (unsupported compression or encryption)");
            }
            extractEntry(entry, archive);
        }
    }

    private void extractEntry(ArchiveEntry entry, InputStream data) throws IOException {
        String name = entry.getName().replace('\\', '/');
        if (name.indexOf('\0') >= 0) {
            throw refuse(entry.getName(), "its name holds a NUL character");
        }
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            throw refuse(entry.getName(), "its name is an absolute path");
        }
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root)) {
            throw refuse(entry.getName(), "it would be written outside the target directory (zip-slip)");
        }
        if (target.equals(root)) {
            return;
        }
        if (entry.isDirectory()) {
            Files.createDirectories(target);
            requireInside(entry, target.toRealPath());
            return;
        }
        Files.createDirectories(target.getParent());
        Path parent = target.getParent().toRealPath();
        requireInside(entry, parent);
        Path real = parent.resolve(target.getFileName());
        if (Files.isSymbolicLink(real)) {
            throw refuse(entry.getName(), "it would be written through a symbolic link");
        }
        if (entry instanceof TarArchiveEntry) {
            TarArchiveEntry tar = (TarArchiveEntry) entry;
            if (tar.isSymbolicLink()) {
                link(entry, parent, real, tar.getLinkName());
                return;
            }
            if (tar.isLink()) {
                hardLink(entry, real, tar.getLinkName());
                return;
            }
            if (tar.isCharacterDevice() || tar.isBlockDevice() || tar.isFIFO()) {
                LOG.log(Level.DEBUG, "skipping the device or FIFO entry {0} of the package from {1}", name, uri);
                return;
            }
        }
        long declared = entry.getSize();
        if (declared > maxBytes - extracted) {
            throw refuse(entry.getName(), "it declares " + declared + " bytes, which would take the extracted size past "
                    + "the limit of " + maxBytes + " bytes");
        }
        try (OutputStream out = Files.newOutputStream(real, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = data.read(buf)) > 0) {
                extracted += n;
                if (extracted > maxBytes) {
                    throw refuse(entry.getName(), "extracting it takes the extracted size past the limit of "
                            + maxBytes + " bytes");
                }
                out.write(buf, 0, n);
            }
        }
        if (entry instanceof ZipArchiveEntry && ((ZipArchiveEntry) entry).isUnixSymlink()) {
            LOG.log(Level.DEBUG, "the zip symbolic link {0} from {1} was saved as a file", name, uri);
        }
    }

    private void link(ArchiveEntry entry, Path parent, Path real, String linkName) throws IOException {
        if (linkName.isEmpty() || linkName.startsWith("/") || linkName.matches("^[A-Za-z]:.*")) {
            throw refuse(entry.getName(), "it is a symbolic link to the absolute path '" + linkName + "'");
        }
        Path resolved = parent.resolve(linkName).normalize();
        if (!resolved.startsWith(root)) {
            throw refuse(entry.getName(), "it is a symbolic link to '" + linkName + "', outside the target directory");
        }
        Files.deleteIfExists(real);
        Files.createSymbolicLink(real, real.getFileSystem().getPath(linkName));
    }

    private void hardLink(ArchiveEntry entry, Path real, String linkName) throws IOException {
        Path source = root.resolve(linkName.replace('\\', '/')).normalize();
        if (linkName.startsWith("/") || !source.startsWith(root)) {
            throw refuse(entry.getName(), "it is a hard link to '" + linkName + "', outside the target directory");
        }
        if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            throw refuse(entry.getName(), "it is a hard link to '" + linkName + "', which is not an extracted file");
        }
        Path realSource = source.toRealPath();
        if (!realSource.startsWith(root)) {
            throw refuse(entry.getName(), "it is a hard link to '" + linkName + "', outside the target directory");
        }
        Files.deleteIfExists(real);
        Files.createLink(real, realSource);
    }

    private void requireInside(ArchiveEntry entry, Path real) {
        if (!real.startsWith(root)) {
            throw refuse(entry.getName(), "symbolic links extracted before it lead outside the target directory");
        }
    }

    private ProtocolViolationException refuse(String entryName, String why) {
        return new ProtocolViolationException("refusing entry '" + entryName + "' of the package from " + uri + ": "
                + why, uri, null);
    }
}
