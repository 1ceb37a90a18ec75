// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.samp;

import java.util.Objects;
import java.util.Optional;

/**
 * Another client of the SAMP hub: its hub-given id and the name it declared ({@code samp.name},
 * e.g. {@code topcat}).
 *
 * <p>Immutable and thread-safe.
 */
public final class SampPeer {
    private final String id;
    private final String name;

    private SampPeer(String id, String name) {
        this.id = id;
        this.name = name;
    }

    /**
     * Creates a peer.
     *
     * @param id the hub's id for the client
     * @param name the declared name, or null when the client declared none
     * @return the peer
     */
    public static SampPeer of(String id, String name) {
        return new SampPeer(Objects.requireNonNull(id, "id"), name);
    }

    /** @return the hub's id for the client, e.g. {@code c3} */
    public String id() {
        return id;
    }

    /** @return the name the client declared, e.g. {@code topcat} */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return the name, or the id when there is none */
    public String label() {
        return name == null ? id : name;
    }

    /**
     * Whether this peer answers to a name the user gave: its declared name or its id, ignoring case.
     *
     * @param wanted the name
     * @return true when it matches
     */
    public boolean matches(String wanted) {
        return id.equalsIgnoreCase(wanted) || name != null && name.equalsIgnoreCase(wanted);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampPeer && ((SampPeer) o).id.equals(id) && Objects.equals(((SampPeer) o).name, name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name);
    }

    @Override
    public String toString() {
        return label() + " (" + id + ")";
    }
}
