// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import java.util.Objects;

/**
 * A VOTable {@code INFO}: a name, a value and free text, such as {@code QUERY_STATUS}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Info {
    private final String name;
    private final String value;
    private final String content;
    private final String id;

    private Info(String name, String value, String content, String id) {
        this.name = name;
        this.value = value;
        this.content = content;
        this.id = id;
    }

    /**
     * Makes an INFO.
     *
     * @param name the name attribute
     * @param value the value attribute
     * @param content the text inside the element (empty when none)
     * @return the INFO
     */
    public static Info of(String name, String value, String content) {
        return new Info(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"),
                Objects.requireNonNull(content, "content"), null);
    }

    /**
     * Makes an INFO that has an {@code ID}.
     *
     * @param id the ID attribute
     * @param name the name attribute
     * @param value the value attribute
     * @param content the text inside the element (empty when none)
     * @return the INFO
     */
    public static Info of(String id, String name, String value, String content) {
        return new Info(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"),
                Objects.requireNonNull(content, "content"), Objects.requireNonNull(id, "id"));
    }

    /** @return the {@code ID}, if any */
    public java.util.Optional<String> id() {
        return java.util.Optional.ofNullable(id);
    }

    /** @return the name attribute */
    public String name() {
        return name;
    }

    /** @return the value attribute */
    public String value() {
        return value;
    }

    /** @return the text content, empty when none */
    public String content() {
        return content;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Info && ((Info) o).name.equals(name) && ((Info) o).value.equals(value)
                && ((Info) o).content.equals(content) && Objects.equals(((Info) o).id, id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, value, content);
    }

    @Override
    public String toString() {
        return "INFO " + name + "=" + value;
    }
}
