// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A VOTable {@code VALUES} element: the magic null value of a FIELD or PARAM, its range
 * ({@code MIN}, {@code MAX}) and its enumerated {@code OPTION}s (which may nest).
 *
 * <p>Immutable and thread-safe.
 */
public final class Values {
    /** No VALUES element. */
    public static final Values NONE = new Values(null, null, true, null, true, List.of(), null);

    private final String nullValue;
    private final String min;
    private final boolean minInclusive;
    private final String max;
    private final boolean maxInclusive;
    private final List<Option> options;
    private final String ref;

    private Values(String nullValue, String min, boolean minInclusive, String max, boolean maxInclusive,
            List<Option> options, String ref) {
        this.nullValue = nullValue;
        this.min = min;
        this.minInclusive = minInclusive;
        this.max = max;
        this.maxInclusive = maxInclusive;
        this.options = List.copyOf(options);
        this.ref = ref;
    }

    /**
     * Makes a VALUES.
     *
     * @param nullValue the {@code null} attribute, or null when absent
     * @param min the {@code MIN/@value}, or null
     * @param minInclusive the {@code MIN/@inclusive} (default true)
     * @param max the {@code MAX/@value}, or null
     * @param maxInclusive the {@code MAX/@inclusive} (default true)
     * @param options the OPTIONs in document order
     * @param ref the {@code ref} attribute, or null
     * @return the values
     */
    public static Values of(String nullValue, String min, boolean minInclusive, String max, boolean maxInclusive,
            List<Option> options, String ref) {
        return new Values(nullValue, min, minInclusive, max, maxInclusive, Objects.requireNonNull(options, "options"), ref);
    }

    /** @return the magic value that marks a null cell, if declared */
    public Optional<String> nullValue() {
        return Optional.ofNullable(nullValue);
    }

    /** @return the minimum, if declared */
    public Optional<String> min() {
        return Optional.ofNullable(min);
    }

    /** @return whether the minimum is inclusive (true when not said) */
    public boolean minInclusive() {
        return minInclusive;
    }

    /** @return the maximum, if declared */
    public Optional<String> max() {
        return Optional.ofNullable(max);
    }

    /** @return whether the maximum is inclusive (true when not said) */
    public boolean maxInclusive() {
        return maxInclusive;
    }

    /** @return the options, in document order; empty when none */
    public List<Option> options() {
        return options;
    }

    /** @return the {@code ref} attribute, if any */
    public Optional<String> ref() {
        return Optional.ofNullable(ref);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Values)) {
            return false;
        }
        Values v = (Values) o;
        return Objects.equals(nullValue, v.nullValue) && Objects.equals(min, v.min) && Objects.equals(max, v.max)
                && minInclusive == v.minInclusive && maxInclusive == v.maxInclusive && options.equals(v.options)
                && Objects.equals(ref, v.ref);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nullValue, min, max, options);
    }

    @Override
    public String toString() {
        return "VALUES[null=" + nullValue + ", min=" + min + ", max=" + max + ", " + options.size() + " options]";
    }

    /**
     * An {@code OPTION}: a value, an optional name, and nested options.
     *
     * <p>Immutable and thread-safe.
     */
    public static final class Option {
        private final String name;
        private final String value;
        private final List<Option> options;

        private Option(String name, String value, List<Option> options) {
            this.name = name;
            this.value = value;
            this.options = List.copyOf(options);
        }

        /**
         * Makes an option.
         *
         * @param name the {@code name} attribute, or null
         * @param value the {@code value} attribute
         * @param options nested options
         * @return the option
         */
        public static Option of(String name, String value, List<Option> options) {
            return new Option(name, Objects.requireNonNull(value, "value"), Objects.requireNonNull(options, "options"));
        }

        /** @return the name, if any */
        public Optional<String> name() {
            return Optional.ofNullable(name);
        }

        /** @return the value */
        public String value() {
            return value;
        }

        /** @return nested options; empty when none */
        public List<Option> options() {
            return options;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Option && Objects.equals(((Option) o).name, name) && ((Option) o).value.equals(value)
                    && ((Option) o).options.equals(options);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, value, options);
        }

        @Override
        public String toString() {
            return "OPTION " + (name == null ? "" : name + "=") + value;
        }
    }
}
