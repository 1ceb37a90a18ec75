// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable;

/**
 * The VOTable DATA serializations the writer can produce (VOTable 1.4 section 5).
 *
 * <p>Immutable and thread-safe.
 */
public enum Serialization {
    /** XML {@code TABLEDATA}: one {@code TR} per row, one {@code TD} per cell. */
    TABLEDATA,
    /** {@code BINARY}: base64 rows without null flags (integer nulls need {@code VALUES/@null}). */
    BINARY,
    /** {@code BINARY2}: base64 rows, each led by a null-flag bitmap (VOTable 1.3+). */
    BINARY2
}
