// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable;

import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.internal.xml.Stax;
import io.cadc4j.core.table.DocumentMetadata;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.votable.internal.VOTableCursor;
import java.io.InputStream;
import java.net.URI;
import java.util.Objects;
import javax.xml.stream.XMLInputFactory;

/**
 * Reads VOTable documents (1.1 to 1.5, and namespace-less legacy ones) as a stream of rows.
 *
 * <p>{@link #open} reads the document up to the first row of the results table (the first TABLE
 * outside a {@code RESOURCE type="meta"}) and returns a {@link RowCursor} over its rows; the
 * metadata of everything before is ready at once, the rest (trailing INFOs, service descriptors
 * after the table) once the rows are consumed. TABLEDATA, BINARY and BINARY2 are read, the latter
 * two from an inline base64 STREAM (optionally gzip-encoded) or a {@code STREAM href} fetched
 * through the {@link HttpPipeline} given to the builder.
 *
 * <p>Streaming: memory does not grow with the number of rows. Rows are handed out as soon as
 * their bytes have arrived, except that an inline base64 STREAM read with Woodstox is decoded a
 * block (about 16 KB of base64 text) at a time, so on a slow connection its rows come in such
 * batches. For loops over many rows, {@link io.cadc4j.core.table.Row#getCharSequence(int)} reads
 * text cells without making a String.
 *
 * <p>Speed: with Woodstox and a UTF-8 document, the rows of the results table's TABLEDATA and the
 * text of its inline base64 STREAM are read from the document's bytes without the XML parser, for
 * as long as they are written the plain way (a TABLEDATA row of TR and TD tags without
 * attributes; a STREAM of base64 and whitespace). Whatever else they hold (comments, CDATA,
 * attributes, anything malformed) goes back to the parser from the start of the row or from that
 * point of the STREAM, so that the rows, the failures and their line and column are those of a
 * reading by the parser alone.
 *
 * <p>Status (DALI 1.1 section 4.4): the last {@code INFO name="QUERY_STATUS"} wins.
 * {@code ERROR} before the rows fails {@code open}, after them the last {@code next()}, with
 * {@link io.cadc4j.core.QueryException} carrying the server's text; legacy errors
 * ({@code INFO name="Error"}, {@code PARAM name="Error"} at the root, in DEFINITIONS or in a
 * RESOURCE) likewise. {@code OVERFLOW} sets {@link RowCursor#isOverflow()}.
 *
 * <p>Nulls, one rule per serialization (what {@link RowCursor#isNull} and {@code getObject() == null}
 * say):
 * <ul>
 *   <li>TABLEDATA: an empty {@code <TD/>} (VOTable 1.3) is null for every type, so a string or
 *       array with no characters or elements is null; so are the FIELD's {@code VALUES null} value,
 *       a float NaN (or {@code null}, {@code NaN} text) and a complex with a NaN part.
 *   <li>BINARY (no flags): the {@code VALUES null} magic value, a float NaN, a complex with a NaN in
 *       either part, a boolean {@code ?}, a string with no characters (a fixed one cut at its first
 *       NUL and trimmed) and a zero-length variable array are null. A bit or a fixed-size array
 *       has no null there.
 *   <li>BINARY2: the row's null flag alone decides, both ways: a flagged cell is null whatever its
 *       bytes hold; an unflagged cell is its value, the empty string, an empty array, a NaN and a
 *       magic value included (a boolean {@code ?} still has no value and reads null).
 *   <li>Arrays: a null array (by the rules above) is not an array of nulls: elements that are NaN
 *       or magic values stay in the array as they are.
 * </ul>
 *
 * <p>Failures: a malformed, truncated or limit-breaking document raises
 * {@link io.cadc4j.core.ProtocolViolationException} naming the line, column, row and byte of
 * the first bad character (for damage only the decoded bytes of a base64 STREAM show, the
 * character that encodes the failed cell; gzip data, which is checked only at its end, where the
 * inflater found the damage; data fetched by {@code href}, its offset in the decoded bytes); a
 * document with no TABLE too; FITS-serialized data a {@link io.cadc4j.core.CadcException} saying
 * it is unsupported; an I/O failure {@link io.cadc4j.core.TransportException}.
 *
 * <pre>{@code
 * VOTableReader reader = VOTableReader.builder().build();
 * try (RowCursor rows = reader.open(in)) {
 *     int ra = rows.columnIndex("ra");
 *     while (rows.next()) {
 *         sum += rows.getDouble(ra);
 *     }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; each cursor it opens is single-threaded.
 */
public final class VOTableReader {
    private final ParserLimits limits;
    private final Binary2Layout layout;
    private final HttpPipeline http;
    private final XMLInputFactory factory;

    private VOTableReader(Builder b) {
        this.limits = b.limits;
        this.layout = b.layout;
        this.http = b.http;
        this.factory = Stax.hardenedFactory(limits.maxDepth() + 1, limits.maxAttributeLength() + 1);
    }

    /** @return a builder with the default limits and the standard BINARY2 layout */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the limits this reader applies */
    public ParserLimits limits() {
        return limits;
    }

    /** @return the BINARY2 layout this reader expects */
    public Binary2Layout binary2Layout() {
        return layout;
    }

    /**
     * Opens a cursor over a document of unknown origin.
     *
     * @param in the document; the cursor closes it
     * @return the cursor, before its first row
     * @throws io.cadc4j.core.QueryException if the document reports an error before its rows
     * @throws io.cadc4j.core.ProtocolViolationException if it is not a readable VOTable
     */
    public RowCursor open(InputStream in) {
        Objects.requireNonNull(in, "in");
        return new VOTableCursor(factory, in, null, limits, layout, http);
    }

    /**
     * Opens a cursor over a document read from a URI; the URI appears in error messages and
     * resolves relative {@code STREAM href}s.
     *
     * @param in the document; the cursor closes it
     * @param source where it came from
     * @return the cursor, before its first row
     * @throws io.cadc4j.core.QueryException if the document reports an error before its rows
     * @throws io.cadc4j.core.ProtocolViolationException if it is not a readable VOTable
     */
    public RowCursor open(InputStream in, URI source) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        return new VOTableCursor(factory, in, source, limits, layout, http);
    }

    /**
     * Reads the metadata of a whole document (resources, tables' FIELDs, PARAMs, GROUPs, INFOs,
     * service descriptors), skipping any rows and not interpreting {@code QUERY_STATUS}: for
     * documents that are only metadata, such as DataLink service descriptor templates.
     *
     * @param in the document; closed before this returns
     * @return the document metadata
     * @throws io.cadc4j.core.ProtocolViolationException if it is not a readable VOTable
     */
    public DocumentMetadata readMetadata(InputStream in) {
        Objects.requireNonNull(in, "in");
        return VOTableCursor.readMetadata(factory, in, null, limits);
    }

    /**
     * Reads the metadata of a whole document read from a URI (named in error messages).
     *
     * @param in the document; closed before this returns
     * @param source where it came from
     * @return the document metadata
     * @throws io.cadc4j.core.ProtocolViolationException if it is not a readable VOTable
     */
    public DocumentMetadata readMetadata(InputStream in, URI source) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        return VOTableCursor.readMetadata(factory, in, source, limits);
    }

    /** Collects reader options. Single-threaded. */
    public static final class Builder {
        private ParserLimits limits = ParserLimits.defaults();
        private Binary2Layout layout = Binary2Layout.STANDARD;
        private HttpPipeline http;

        private Builder() {
        }

        /**
         * Sets the parser limits.
         *
         * @param limits the parser limits
         * @return this builder
         */
        public Builder limits(ParserLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Sets the BINARY2 layout to expect.
         *
         * @param layout the BINARY2 layout to expect
         * @return this builder
         */
        public Builder binary2Layout(Binary2Layout layout) {
            this.layout = Objects.requireNonNull(layout, "layout");
            return this;
        }

        /**
         * Sets the pipeline through which {@code STREAM href} data is fetched; without one such a
         * document fails with a message saying so.
         *
         * @param http the pipeline (the reader does not close it)
         * @return this builder
         */
        public Builder httpPipeline(HttpPipeline http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /** @return the reader */
        public VOTableReader build() {
            return new VOTableReader(this);
        }
    }
}
