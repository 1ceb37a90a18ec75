// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code NameResolver} adapters: CDS Sesame's plain-text interface (the default, as astropy's
 * {@code SkyCoord.from_name} asks it, with its mirrors in astropy's order and failover to the next
 * when one is down, stalls or answers 5xx) and CADC's target resolver ({@code ivo://cadc.nrc.ca/resolver},
 * found in the registry). Exports nothing.
 *
 * @provides io.cadc4j.core.internal.port.NameResolverProvider {@code sesame} (the default) and {@code cadc}
 */
module io.cadc4j.names {
    requires io.cadc4j.core;

    provides io.cadc4j.core.internal.port.NameResolverProvider with io.cadc4j.names.internal.SesameNameResolverProvider,
            io.cadc4j.names.internal.CadcNameResolverProvider;
}
