// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import java.util.Objects;
import java.util.Optional;

/**
 * A VOTable {@code LINK}: a reference from a RESOURCE, TABLE, FIELD or PARAM to something else.
 *
 * <p>Immutable and thread-safe.
 */
public final class Link {
    private final String id;
    private final String contentRole;
    private final String contentType;
    private final String title;
    private final String value;
    private final String href;
    private final String action;

    private Link(String id, String contentRole, String contentType, String title, String value, String href,
            String action) {
        this.id = id;
        this.contentRole = contentRole;
        this.contentType = contentType;
        this.title = title;
        this.value = value;
        this.href = href;
        this.action = action;
    }

    /**
     * Makes a link; every attribute may be null when absent.
     *
     * @param id {@code ID}
     * @param contentRole {@code content-role}
     * @param contentType {@code content-type}
     * @param title {@code title}
     * @param value {@code value}
     * @param href {@code href}
     * @param action {@code action}
     * @return the link
     */
    public static Link of(String id, String contentRole, String contentType, String title, String value, String href,
            String action) {
        return new Link(id, contentRole, contentType, title, value, href, action);
    }

    /** @return the {@code ID}, if any */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** @return the {@code content-role}, if any */
    public Optional<String> contentRole() {
        return Optional.ofNullable(contentRole);
    }

    /** @return the {@code content-type}, if any */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** @return the {@code title}, if any */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /** @return the {@code value}, if any */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /** @return the {@code href}, if any */
    public Optional<String> href() {
        return Optional.ofNullable(href);
    }

    /** @return the {@code action}, if any */
    public Optional<String> action() {
        return Optional.ofNullable(action);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Link)) {
            return false;
        }
        Link l = (Link) o;
        return Objects.equals(id, l.id) && Objects.equals(contentRole, l.contentRole)
                && Objects.equals(contentType, l.contentType) && Objects.equals(title, l.title)
                && Objects.equals(value, l.value) && Objects.equals(href, l.href) && Objects.equals(action, l.action);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, href, value);
    }

    @Override
    public String toString() {
        return "LINK " + (href != null ? href : value != null ? value : "");
    }
}
