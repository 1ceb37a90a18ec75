// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.names.internal;

import io.cadc4j.core.sky.NameResolver;
import io.cadc4j.core.internal.port.NameResolverContext;
import io.cadc4j.core.internal.port.NameResolverProvider;
import java.util.Objects;

/**
 * The built-in provider of CADC's target resolver, named {@code cadc}; it ranks below
 * {@code sesame}, so it is used when asked for by name. The context's endpoints are {@code find}
 * URLs; without any, the resolver's capability is looked up in the registry.
 *
 * <p>Stateless and thread-safe.
 */
public final class CadcNameResolverProvider implements NameResolverProvider {
    /** The provider's name. */
    public static final String NAME = "cadc";

    /** Makes the provider (no I/O). */
    public CadcNameResolverProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return BUILT_IN_PRIORITY - 10;
    }

    @Override
    public NameResolver create(NameResolverContext context) {
        return new CadcTargetResolver(Objects.requireNonNull(context, "context"));
    }
}
