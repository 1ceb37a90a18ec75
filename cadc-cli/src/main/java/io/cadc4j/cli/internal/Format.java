// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

/**
 * The output formats of {@code --format}. A closed set.
 *
 * <p>Immutable.
 */
enum Format {
    /** Aligned columns fitted to the terminal width, then the row count. */
    table,
    /**
     * Comma-separated values with a header line (RFC 4180 quoting); a null is an empty field, an empty
     * string (or array) a quoted {@code ""}.
     */
    csv,
    /** Tab-separated values with a header line; tabs, newlines and backslashes escaped. */
    tsv,
    /**
     * One JSON object: the columns, the rows as arrays, the row count and the overflow flag; a null is
     * {@code null}, an empty string {@code ""}, and a NaN or infinity (which JSON cannot write) {@code null}.
     */
    json,
    /** A VOTable (TABLEDATA), as the service's columns describe it. */
    votable,
    /** A FITS binary table (BINTABLE after an empty primary HDU), written by cadc-formats. */
    fits,
    /** astropy's ECSV 1.0: a YAML header describing the columns, then CSV rows; written by cadc-formats. */
    ecsv
}
