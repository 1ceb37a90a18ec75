// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.tap;

import io.cadc4j.core.spi.BodyWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A table sent with a query (TAP 1.1 §4.5.2), queried as {@code TAP_UPLOAD.<name>}: a VOTable
 * file, a VOTable written while the request is sent, or a URL the service fetches itself.
 *
 * <p>Inline tables travel as parts of a {@code multipart/form-data} request, announced by
 * {@code UPLOAD=<name>,param:<name>}; a URL table is announced as {@code UPLOAD=<name>,<url>}.
 *
 * <p>Immutable and thread-safe (a writer given to {@link #ofWriter} must be safe to call from the
 * thread that sends the request).
 */
public final class TableUpload {

    /**
     * Where an upload's content comes from. A closed set.
     *
     * <p>Immutable.
     */
    public enum Kind {
        /** A VOTable file, streamed from disk. */
        FILE,
        /** A VOTable written by a callback while the request is sent. */
        WRITER,
        /** A URL the service fetches. */
        URL
    }

    private final String name;
    private final Kind kind;
    private final Path file;
    private final URI url;
    private final BodyWriter writer;
    private final boolean repeatable;

    private TableUpload(String name, Kind kind, Path file, URI url, BodyWriter writer, boolean repeatable) {
        this.name = checkName(name);
        this.kind = kind;
        this.file = file;
        this.url = url;
        this.writer = writer;
        this.repeatable = repeatable;
    }

    /**
     * A VOTable file. Whether it exists and is a VOTable is checked when the request is built,
     * before anything is sent.
     *
     * @param name the table name, an ADQL identifier ({@code [A-Za-z][A-Za-z0-9_]*})
     * @param votable the file
     * @return the upload
     */
    public static TableUpload ofFile(String name, Path votable) {
        return new TableUpload(name, Kind.FILE, Objects.requireNonNull(votable, "votable"), null, null, true);
    }

    /**
     * A table the service fetches from a URL.
     *
     * @param name the table name, an ADQL identifier
     * @param url an absolute http(s) URL
     * @return the upload
     */
    public static TableUpload ofUrl(String name, URI url) {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme();
        if (!url.isAbsolute() || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("an upload URL is an absolute http(s) URL, not '" + url + "'");
        }
        return new TableUpload(name, Kind.URL, null, url, null, true);
    }

    /**
     * A VOTable written into the request while it is sent, with no temporary file.
     *
     * @param name the table name, an ADQL identifier
     * @param writer writes the VOTable document
     * @param repeatable whether the writer may be called again and then writes the same bytes
     *     (needed if a redirect asks for the request again)
     * @return the upload
     */
    public static TableUpload ofWriter(String name, BodyWriter writer, boolean repeatable) {
        return new TableUpload(name, Kind.WRITER, null, null, Objects.requireNonNull(writer, "writer"), repeatable);
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("an upload table name is an ADQL identifier "
                    + "(a letter, then letters, digits or '_'), not '" + name + "'");
        }
        return name;
    }

    /** @return the table name */
    public String name() {
        return name;
    }

    /** @return where the content comes from */
    public Kind kind() {
        return kind;
    }

    /** @return whether the content travels in the request (a file or a writer) */
    public boolean isInline() {
        return kind != Kind.URL;
    }

    /** @return the file, for {@link Kind#FILE} */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** @return the URL, for {@link Kind#URL} */
    public Optional<URI> url() {
        return Optional.ofNullable(url);
    }

    /** @return the writer, for {@link Kind#WRITER} */
    public Optional<BodyWriter> writer() {
        return Optional.ofNullable(writer);
    }

    /** @return whether the content can be produced again with the same bytes */
    public boolean isRepeatable() {
        return repeatable;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TableUpload)) {
            return false;
        }
        TableUpload u = (TableUpload) o;
        return name.equals(u.name) && kind == u.kind && Objects.equals(file, u.file) && Objects.equals(url, u.url)
                && writer == u.writer && repeatable == u.repeatable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, file, url);
    }

    @Override
    public String toString() {
        return "TableUpload[" + name + " " + kind + (file != null ? " " + file : "") + (url != null ? " " + url : "")
                + "]";
    }
}
