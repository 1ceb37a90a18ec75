// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.names.internal;

import io.cadc4j.core.sky.NameResolver;
import io.cadc4j.core.internal.port.NameResolverContext;
import io.cadc4j.core.internal.port.NameResolverProvider;
import java.util.Objects;

/**
 * The built-in provider of the CDS Sesame resolver, named {@code sesame}: the default (it ranks
 * above {@code cadc}), as astroquery resolves names with Sesame. The context's endpoints are
 * Sesame mirrors ({@code .../nph-sesame/}); without any, astropy's two.
 *
 * <p>Stateless and thread-safe.
 */
public final class SesameNameResolverProvider implements NameResolverProvider {
    /** The provider's name. */
    public static final String NAME = "sesame";

    /** Makes the provider (no I/O). */
    public SesameNameResolverProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return BUILT_IN_PRIORITY;
    }

    @Override
    public NameResolver create(NameResolverContext context) {
        Objects.requireNonNull(context, "context");
        return new SesameNameResolver(context.http(), context.endpoints(), context.timeout());
    }
}
