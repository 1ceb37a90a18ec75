// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.tap;

/**
 * The formats a query's result can be written in while it streams, by
 * {@link TapPort#writeResult(TapQuery, ResultFormat, java.nio.file.Path)} and
 * {@link AsyncJob#writeResult(ResultFormat, java.nio.file.Path)}.
 *
 * <p>Whatever the format, the result is read as a VOTable as it arrives, so a
 * {@code QUERY_STATUS=ERROR} fails the write with a {@link io.cadc4j.core.QueryException}. Written
 * to a {@link java.nio.file.Path}, the result goes first to a temporary file in the same directory
 * which is moved into place only once the whole result has been read: a failure mid-stream leaves
 * no partial file and does not touch a file already there. Written to an {@link java.io.OutputStream},
 * the bytes go out as they are made and the stream is flushed, not closed.
 *
 * <p>How each format renders the cells:
 * <table>
 * <caption>Rendering of values</caption>
 * <tr><th>value</th><th>CSV / TSV</th><th>JSON</th><th>VOTable re-encoded</th></tr>
 * <tr><td>null (empty cell, {@code VALUES/@null}, NaN, BINARY2 null flag)</td><td>an empty field</td>
 *     <td>{@code null}</td><td>the encoding's null (empty TD, the null flag)</td></tr>
 * <tr><td>number</td><td>the VOTable text form ({@code 131.28}, {@code 1e-05})</td>
 *     <td>a JSON number; a floating-point infinity becomes the string {@code "Infinity"}</td><td>the value</td></tr>
 * <tr><td>boolean</td><td>{@code true} / {@code false}</td><td>{@code true} / {@code false}</td><td>the value</td></tr>
 * <tr><td>array (any {@code arraysize} but char)</td><td>the VOTable text form: elements separated by
 *     single spaces</td><td>a JSON array of numbers (or strings, booleans)</td><td>the value</td></tr>
 * <tr><td>timestamp ({@code xtype="timestamp"})</td><td>the text as the server sent it (ISO 8601, UTC)</td>
 *     <td>a JSON string, as sent</td><td>the value</td></tr>
 * <tr><td>shape ({@code xtype} point, circle, polygon, interval)</td><td>the DALI text form: the
 *     numbers separated by spaces ({@code 131.2 54.3 0.1})</td><td>a JSON array of numbers</td>
 *     <td>the value, with its xtype</td></tr>
 * </table>
 *
 * <p>CSV follows RFC 4180: a header line of column names, CRLF line ends, a field quoted with
 * {@code "} (inner quotes doubled) when it holds a comma, a quote, CR or LF. TSV (IANA
 * text/tab-separated-values) has a header line and LF line ends; a tab, CR, LF or backslash inside a
 * value is written as {@code \t}, {@code \r}, {@code \n}, {@code \\}. JSON is one object:
 * {@code {"columns":[{"name":..,"datatype":..,"arraysize":..,"unit":..,"ucd":..,"xtype":..}],
 * "rows":[[...],...],"overflow":false}} (metadata members only when the FIELD has them), with
 * {@code overflow} true when the service truncated the result at {@code MAXREC}. CSV and TSV
 * cannot carry the overflow flag; the VOTable formats keep the {@code QUERY_STATUS} INFO.
 *
 * <p>{@link #FITS} and {@link #ECSV} are written by a result writer found at run time
 * ({@code cadc-formats} ships it); without it, writing them fails with a
 * {@link io.cadc4j.core.ProviderNotFoundException} that names the module to add. Their
 * Javadoc, and the provider's, say how each value is written.
 *
 * <p>Immutable and thread-safe.
 */
public enum ResultFormat {
    /** The VOTable bytes exactly as the service sent them (still read, to catch an error status). */
    VOTABLE,
    /** The rows re-encoded as a VOTable 1.4 with TABLEDATA serialization. */
    VOTABLE_TABLEDATA,
    /** The rows re-encoded as a VOTable 1.4 with BINARY2 serialization. */
    VOTABLE_BINARY2,
    /** Comma-separated values, RFC 4180. */
    CSV,
    /** Tab-separated values. */
    TSV,
    /** One JSON object with the columns, the rows and the overflow flag. */
    JSON,
    /**
     * A FITS file: an empty primary HDU, then one BINTABLE extension holding the rows, with the
     * columns' names, units, descriptions, UCDs and xtypes in its header. Written by
     * {@code cadc-formats}.
     */
    FITS,
    /**
     * astropy's Enhanced Character Separated Values, version 1.0: a YAML header describing each
     * column (name, datatype, unit, description, meta), then comma-separated rows, a null as an empty
     * field. Written by {@code cadc-formats}.
     */
    ECSV
}
