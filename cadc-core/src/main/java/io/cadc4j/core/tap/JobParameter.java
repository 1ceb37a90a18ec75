// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.tap;

import java.util.Objects;

/**
 * One {@code parameter} of a UWS job (UWS 1.1 §2.2.1.9): its id, value and whether the value is a
 * reference (a URL) to the real content.
 *
 * <p>Immutable and thread-safe.
 */
public final class JobParameter {
    private final String id;
    private final String value;
    private final boolean byReference;

    private JobParameter(String id, String value, boolean byReference) {
        this.id = id;
        this.value = value;
        this.byReference = byReference;
    }

    /**
     * Makes a parameter.
     *
     * @param id the parameter id as the server wrote it (servers differ in case: {@code QUERY}, {@code query})
     * @param value the value, trimmed; empty when the server sent none
     * @param byReference whether the value is a URL to the content
     * @return the parameter
     */
    public static JobParameter of(String id, String value, boolean byReference) {
        return new JobParameter(Objects.requireNonNull(id, "id"), Objects.requireNonNull(value, "value"), byReference);
    }

    /** @return the parameter id as the server wrote it */
    public String id() {
        return id;
    }

    /** @return the value; empty when the server sent none */
    public String value() {
        return value;
    }

    /** @return whether the value is a URL to the content */
    public boolean byReference() {
        return byReference;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JobParameter)) {
            return false;
        }
        JobParameter p = (JobParameter) o;
        return id.equals(p.id) && value.equals(p.value) && byReference == p.byReference;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, value, byReference);
    }

    @Override
    public String toString() {
        return id + "=" + (value.length() > 60 ? value.substring(0, 60) + "..." : value);
    }
}
