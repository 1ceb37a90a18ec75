// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.datalink.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The domain a service descriptor gives one input parameter, as written in its {@code VALUES}
 * (DataLink 1.1 §4.1, SODA 1.0 §3.3): the text of {@code MIN} and {@code MAX} and the
 * {@code OPTION} values, with the parameter's {@code xtype}. For SODA the meaning depends on the
 * xtype: an {@code interval} (BAND, TIME) has scalar MIN and MAX that the interval must overlap;
 * a {@code circle} or {@code polygon} has a MAX that is the data's footprint, which the cut must
 * overlap; a plain number must lie between MIN and MAX. Immutable.
 */
final class ParamLimits {
    private final String xtype;
    private final String min;
    private final String max;
    private final List<String> options;

    private ParamLimits(String xtype, String min, String max, List<String> options) {
        this.xtype = xtype;
        this.min = min;
        this.max = max;
        this.options = options;
    }

    /**
     * Makes limits from the descriptor's texts.
     *
     * @param xtype the PARAM's xtype, or null
     * @param min the MIN value text, or null
     * @param max the MAX value text, or null
     * @param options the OPTION values; empty when none
     */
    static ParamLimits of(String xtype, String min, String max, List<String> options) {
        return new ParamLimits(xtype, blankToNull(min), blankToNull(max),
                List.copyOf(Objects.requireNonNull(options, "options")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    Optional<String> xtype() {
        return Optional.ofNullable(xtype);
    }

    Optional<String> min() {
        return Optional.ofNullable(min);
    }

    Optional<String> max() {
        return Optional.ofNullable(max);
    }

    List<String> options() {
        return options;
    }

    @Override
    public String toString() {
        return "ParamLimits[xtype=" + xtype + ", min=" + min + ", max=" + max + ", options=" + options + "]";
    }
}
