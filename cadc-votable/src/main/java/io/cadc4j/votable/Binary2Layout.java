// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable;

/**
 * How a BINARY2 stream lays out null cells. The two layouts agree on every row without nulls, so
 * choosing the wrong one only shows once a null appears; the reader then fails with a protocol
 * error naming the row and this option.
 *
 * <p>Immutable and thread-safe.
 */
public enum Binary2Layout {
    /** VOTable 1.4 section 5.6: a null cell is flagged and its bytes are still present. The default. */
    STANDARD,
    /**
     * The dialect of CADC's Java library (opencadc cadc-dali, seen in 1.2.31): a null cell is
     * flagged and its bytes are left out.
     */
    CADC_NULLS_OMITTED
}
