// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core;

import java.util.List;
import java.util.Objects;

/**
 * One collection as {@link Cadc#getCollections()} describes it, as astroquery's
 * {@code get_collections} does: a description {@code The <C> collection at the CADC} and the
 * energy bands its observations cover ({@code caom2.EnumField.energy_emBand}, nulls skipped).
 *
 * <p>Immutable and thread-safe.
 */
public final class CollectionDescription {
    private final String name;
    private final List<String> bands;

    private CollectionDescription(String name, List<String> bands) {
        this.name = name;
        this.bands = List.copyOf(bands);
    }

    /**
     * Makes a description.
     *
     * @param name the collection, e.g. {@code CFHT}
     * @param bands its energy bands, in the order the service listed them, without duplicates
     * @return the description
     */
    public static CollectionDescription of(String name, List<String> bands) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bands, "bands");
        return new CollectionDescription(name, bands);
    }

    /** @return the collection's name */
    public String name() {
        return name;
    }

    /** @return {@code The <name> collection at the CADC}, astroquery's text */
    public String description() {
        return "The " + name + " collection at the CADC";
    }

    /** @return the energy bands, in the service's order; empty when every band was null */
    public List<String> bands() {
        return bands;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CollectionDescription)) {
            return false;
        }
        CollectionDescription c = (CollectionDescription) o;
        return name.equals(c.name) && bands.equals(c.bands);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, bands);
    }

    @Override
    public String toString() {
        return name + " " + bands;
    }
}
