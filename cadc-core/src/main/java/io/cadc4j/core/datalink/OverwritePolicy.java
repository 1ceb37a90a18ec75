// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

/**
 * What a download does when its file already exists in the target directory.
 *
 * <p>Immutable and thread-safe.
 */
public enum OverwritePolicy {
    /** Keep the existing file and report the download as skipped. */
    SKIP,
    /** Replace the existing file once the new one is complete and verified. */
    OVERWRITE,
    /** Keep the existing file and save the new one as {@code name-1.ext}, {@code name-2.ext}, ... */
    RENAME
}
