// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One file to download: its URL and where it goes, either a directory (the file name coming from
 * the server's {@code Content-Disposition}, else from the URL) or a caller's {@link DownloadSink}.
 * A download to a directory may instead extract a package archive (tar, tar.gz, zip) there, and
 * may be checked to be FITS.
 *
 * <p>Example:
 * <pre>{@code
 * DownloadRequest r = DownloadRequest.builder(uri).directory(Path.of("data")).expectFits(true).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class DownloadRequest {
    private final URI uri;
    private final Path directory;
    private final DownloadSink sink;
    private final String fileName;
    private final boolean extractArchive;
    private final boolean expectFits;

    private DownloadRequest(Builder b) {
        this.uri = b.uri;
        this.directory = b.directory;
        this.sink = b.sink;
        this.fileName = b.fileName;
        this.extractArchive = b.extractArchive;
        this.expectFits = b.expectFits;
    }

    /**
     * Starts a builder for a URL.
     *
     * @param uri an absolute http or https URL
     * @return a new builder
     */
    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    /**
     * A download of a URL into a directory, under the name the server suggests.
     *
     * @param uri the URL
     * @param directory the target directory
     * @return the request
     */
    public static DownloadRequest toDirectory(URI uri, Path directory) {
        return builder(uri).directory(directory).build();
    }

    /**
     * A download of a URL to a caller's sink.
     *
     * @param uri the URL
     * @param sink where the bytes go
     * @return the request
     */
    public static DownloadRequest toSink(URI uri, DownloadSink sink) {
        return builder(uri).sink(sink).build();
    }

    /** @return the URL */
    public URI uri() {
        return uri;
    }

    /** @return the target directory, for a download to a directory */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** @return the caller's sink, for a download to a sink */
    public Optional<DownloadSink> sink() {
        return Optional.ofNullable(sink);
    }

    /** @return the file name the caller chose, overriding the server's */
    public Optional<String> fileName() {
        return Optional.ofNullable(fileName);
    }

    /** @return whether the body is a package archive to extract into the directory */
    public boolean extractArchive() {
        return extractArchive;
    }

    /** @return whether the body must be FITS (its primary header is then read and returned) */
    public boolean expectFits() {
        return expectFits;
    }

    /**
     * A builder holding this request, to change a copy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(uri);
        b.directory = directory;
        b.sink = sink;
        b.fileName = fileName;
        b.extractArchive = extractArchive;
        b.expectFits = expectFits;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DownloadRequest)) {
            return false;
        }
        DownloadRequest r = (DownloadRequest) o;
        return uri.equals(r.uri) && Objects.equals(directory, r.directory) && Objects.equals(sink, r.sink)
                && Objects.equals(fileName, r.fileName) && extractArchive == r.extractArchive
                && expectFits == r.expectFits;
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, directory, sink, fileName, extractArchive, expectFits);
    }

    /** Shows the URL without its query, which may carry session tags, and the target. */
    @Override
    public String toString() {
        String target = directory != null ? directory.toString() : "sink";
        return "DownloadRequest[" + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + " -> "
                + target + "]";
    }

    /**
     * Collects a download request. Single-threaded; build once.
     */
    public static final class Builder {
        private final URI uri;
        private Path directory;
        private DownloadSink sink;
        private String fileName;
        private boolean extractArchive;
        private boolean expectFits;

        private Builder(URI uri) {
            Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                throw new IllegalArgumentException("not an absolute http(s) URL with a host: " + uri);
            }
            this.uri = uri;
        }

        /**
         * Saves the body as a file in this directory (created if missing).
         *
         * @param directory the directory
         * @return this builder
         */
        public Builder directory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            this.sink = null;
            return this;
        }

        /**
         * Writes the body to this sink instead of a file.
         *
         * @param sink the sink
         * @return this builder
         */
        public Builder sink(DownloadSink sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            this.directory = null;
            return this;
        }

        /**
         * Saves under this name rather than the server's; it is sanitised like a server's name.
         *
         * @param fileName the name, without any directory
         * @return this builder
         */
        public Builder fileName(String fileName) {
            Objects.requireNonNull(fileName, "fileName");
            if (fileName.isBlank()) {
                throw new IllegalArgumentException("fileName is blank");
            }
            this.fileName = fileName;
            return this;
        }

        /**
         * Extracts the body, a tar, tar.gz or zip archive (a DataLink {@code #package}), into a
         * new directory inside the target directory, instead of saving the archive.
         *
         * @param extract true to extract
         * @return this builder
         */
        public Builder extractArchive(boolean extract) {
            this.extractArchive = extract;
            return this;
        }

        /**
         * Checks that the body is FITS before it is moved into place, and reads its primary
         * header; an HTML or VOTable error page fails the download.
         *
         * @param expect true to check
         * @return this builder
         */
        public Builder expectFits(boolean expect) {
            this.expectFits = expect;
            return this;
        }

        /**
         * Makes the request.
         *
         * @return the request
         * @throws IllegalStateException if neither a directory nor a sink is set, or an archive is
         *     to be extracted into a sink
         */
        public DownloadRequest build() {
            if (directory == null && sink == null) {
                throw new IllegalStateException("a download needs a directory or a sink: " + uri);
            }
            if (extractArchive && sink != null) {
                throw new IllegalStateException("an archive can only be extracted into a directory: " + uri);
            }
            if (extractArchive && expectFits) {
                throw new IllegalStateException("an archive to extract is not a FITS file: " + uri);
            }
            return new DownloadRequest(this);
        }
    }
}
