// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.sky;

/**
 * The port that turns a target name ({@code M31}, {@code NGC 1275}) into a position, as astropy's
 * {@code SkyCoord.from_name} does for astroquery. The adapters of {@code cadc-names} implement it
 * for CDS Sesame (the default, as in astroquery) and CADC's target resolver; they are made by a
 * {@link io.cadc4j.core.internal.port.NameResolverProvider}. {@link Coordinates#parseOrResolve(String, NameResolver)}
 * calls it only for text that is not a coordinate.
 *
 * <pre>{@code
 * ResolvedName r = resolver.resolve("M31");
 * Coordinates c = r.coordinates();
 * }</pre>
 *
 * <p>The contract every adapter passes is {@code io.cadc4j.tests.names.NameResolverContract} in
 * {@code cadc-tests}.
 *
 * <p>Implementations must be thread-safe.
 */
public interface NameResolver {
    /**
     * Looks a target name up.
     *
     * @param name the name as the user gave it, stripped of surrounding white space, never blank
     * @return the position, the service that answered, the canonical name when known
     * @throws io.cadc4j.core.NotFoundException if no service asked knows the name; the message names
     *     the name, the services asked and what they said
     * @throws IllegalArgumentException if the name is blank
     * @throws io.cadc4j.core.CadcException if the resolver cannot be asked (every endpoint down, a
     *     timeout, an unreadable answer)
     */
    ResolvedName resolve(String name);
}
