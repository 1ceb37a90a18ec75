// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A polarization state, a value of the SODA {@code POL} parameter (SODA 1.0 §3.3.7, the states of
 * ObsCore {@code pol_states}). A closed set: the standard lists exactly these.
 *
 * <p>Immutable and thread-safe.
 */
public enum Polarization {
    /** Stokes I. */
    I,
    /** Stokes Q. */
    Q,
    /** Stokes U. */
    U,
    /** Stokes V. */
    V,
    /** Circular right-right. */
    RR,
    /** Circular left-left. */
    LL,
    /** Circular right-left. */
    RL,
    /** Circular left-right. */
    LR,
    /** Linear XX. */
    XX,
    /** Linear YY. */
    YY,
    /** Linear XY. */
    XY,
    /** Linear YX. */
    YX,
    /** Polarized intensity. */
    POLI,
    /** Polarization angle. */
    POLA;

    /**
     * Reads a state as written in SODA, ignoring case and surrounding white space.
     *
     * @param text e.g. {@code "I"} or {@code "xx"}
     * @return the state
     * @throws IllegalArgumentException naming the allowed states if the text is none of them
     */
    public static Polarization of(String text) {
        String t = Objects.requireNonNull(text, "text").strip().toUpperCase(Locale.ROOT);
        for (Polarization p : values()) {
            if (p.name().equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("POL: '" + text + "' is not a polarization state; allowed: "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(" ")));
    }
}
