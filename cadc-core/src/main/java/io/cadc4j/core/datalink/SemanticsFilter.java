// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which DataLink rows a caller wants, by semantics: the selections that
 * {@code getDataUrls} and {@code getImageList} make.
 *
 * <p>Immutable and thread-safe.
 */
public enum SemanticsFilter implements Predicate<Semantics> {
    /** The data only: {@code #this}. */
    DATA_ONLY {
        @Override
        public boolean test(Semantics s) {
            return Objects.requireNonNull(s, "s").equals(Semantics.THIS);
        }
    },
    /**
     * The data with its auxiliaries: every row but packages ({@code #package}, and CADC's legacy
     * {@code caom2#pkg}), which would repeat the same files in an archive.
     */
    WITH_AUXILIARIES {
        @Override
        public boolean test(Semantics s) {
            return !Objects.requireNonNull(s, "s").isA(Semantics.PACKAGE);
        }
    },
    /** Cutout services: {@code #cutout} (narrower than {@code #proc}). */
    CUTOUTS {
        @Override
        public boolean test(Semantics s) {
            return Objects.requireNonNull(s, "s").isA(Semantics.CUTOUT);
        }
    };

    /**
     * Whether a link passes this filter, by its semantics.
     *
     * @param link a DataLink row
     * @return true if the row's semantics pass
     */
    public boolean accepts(DataLink link) {
        return test(Objects.requireNonNull(link, "link").semantics());
    }
}
