// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * HTTP header fields: names compared without regard to case, each with one or more values in the
 * order they were added.
 *
 * <p>{@link #toString()} prints the names only, so that a header set holding a cookie or an
 * {@code Authorization} value can be logged without leaking it.
 *
 * <p>Immutable and thread-safe. {@link Builder} is single-threaded.
 */
public final class HttpHeaders {
    private static final HttpHeaders EMPTY = new HttpHeaders(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private final Map<String, List<String>> map;

    private HttpHeaders(TreeMap<String, List<String>> map) {
        this.map = Collections.unmodifiableMap(map);
    }

    /**
     * The empty header set.
     *
     * @return a set with no fields
     */
    public static HttpHeaders empty() {
        return EMPTY;
    }

    /**
     * Copies a map of header fields. Names that differ only in case are merged.
     *
     * @param fields names and their values; a name with no values is dropped
     * @return the header set
     */
    public static HttpHeaders of(Map<String, ? extends List<String>> fields) {
        Builder b = builder();
        fields.forEach((name, values) -> values.forEach(v -> b.add(name, v)));
        return b.build();
    }

    /**
     * Starts an empty builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding a copy of these fields.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        map.forEach((name, values) -> b.map.put(name, new ArrayList<>(values)));
        return b;
    }

    /**
     * The first value of a field.
     *
     * @param name the field name, in any case
     * @return the first value, or empty when the field is absent
     */
    public Optional<String> firstValue(String name) {
        List<String> values = map.get(Objects.requireNonNull(name, "name"));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The first value of a field read as a non-negative decimal number, such as
     * {@code Content-Length}.
     *
     * @param name the field name, in any case
     * @return the number, or empty when the field is absent or not a non-negative number
     */
    public OptionalLong firstValueAsLong(String name) {
        Optional<String> value = firstValue(name);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long n = Long.parseLong(value.get().strip());
            return n < 0 ? OptionalLong.empty() : OptionalLong.of(n);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Every value of a field, in order.
     *
     * @param name the field name, in any case
     * @return the values; empty when the field is absent
     */
    public List<String> allValues(String name) {
        List<String> values = map.get(Objects.requireNonNull(name, "name"));
        return values == null ? List.of() : values;
    }

    /**
     * Whether a field is present.
     *
     * @param name the field name, in any case
     * @return true when the field has at least one value
     */
    public boolean contains(String name) {
        return map.containsKey(Objects.requireNonNull(name, "name"));
    }

    /**
     * All fields, sorted by name without regard to case; lookups in the map ignore case too.
     *
     * @return an unmodifiable view
     */
    public Map<String, List<String>> map() {
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpHeaders && ((HttpHeaders) o).map.equals(map);
    }

    @Override
    public int hashCode() {
        return map.hashCode();
    }

    /** Lists the field names only: values may be secrets. */
    @Override
    public String toString() {
        return "HttpHeaders" + map.keySet();
    }

    /**
     * Collects header fields. Single-threaded; build once.
     */
    public static final class Builder {
        private final TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        private Builder() {
        }

        /**
         * Adds a value to a field, after any values it already has.
         *
         * @param name the field name
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException if the name is not an HTTP token or the value holds a
         *     line break
         */
        public Builder add(String name, String value) {
            checkName(name);
            checkValue(name, value);
            map.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
            return this;
        }

        /**
         * Replaces every value of a field with one value.
         *
         * @param name the field name
         * @param value the value
         * @return this builder
         */
        public Builder set(String name, String value) {
            checkName(name);
            checkValue(name, value);
            List<String> values = new ArrayList<>(1);
            values.add(value);
            map.remove(name);
            map.put(name, values);
            return this;
        }

        /**
         * Removes a field.
         *
         * @param name the field name, in any case
         * @return this builder
         */
        public Builder remove(String name) {
            map.remove(Objects.requireNonNull(name, "name"));
            return this;
        }

        /**
         * Whether a field is present.
         *
         * @param name the field name, in any case
         * @return true when it has a value
         */
        public boolean contains(String name) {
            return map.containsKey(Objects.requireNonNull(name, "name"));
        }

        /**
         * Makes the immutable header set.
         *
         * @return the headers
         */
        public HttpHeaders build() {
            TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return new HttpHeaders(copy);
        }

        private static void checkName(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty header name");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                    throw new IllegalArgumentException("not a header name: '" + name + "'");
                }
            }
        }

        private static void checkValue(String name, String value) {
            Objects.requireNonNull(value, "value");
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\r' || c == '\n' || c == 0) {
                    // The value is not echoed: it may be a credential.
                    throw new IllegalArgumentException("header " + name + " has a line break or NUL in its value");
                }
            }
        }
    }
}
