// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.sky;

import java.util.Optional;

/**
 * The port that turns a target name ({@code M31}, {@code NGC 1275}) into a position, as astropy's
 * {@code SkyCoord.from_name} does for astroquery. Adapters (CADC's target resolver, CDS Sesame)
 * implement it; {@link Coordinates#parseOrResolve(String, NameResolver)} calls it for text that is
 * not a coordinate.
 *
 * <p>Implementations must be thread-safe.
 */
public interface NameResolver {
    /**
     * Looks a target name up.
     *
     * @param name the name as the user gave it, stripped of surrounding white space, never blank
     * @return the ICRS position, or empty when the resolver does not know the name
     * @throws io.cadc4j.core.CadcException if the resolver cannot be asked (service down, bad answer)
     */
    Optional<Coordinates> resolve(String name);
}
