// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.facade;

import io.cadc4j.core.auth.AuthPort;
import io.cadc4j.core.auth.AuthSettings;
import io.cadc4j.core.datalink.DataLinkPort;
import io.cadc4j.core.internal.port.AuthPortProvider;
import io.cadc4j.core.internal.port.DataLinkPortProvider;
import io.cadc4j.core.internal.port.PortContext;
import io.cadc4j.core.internal.port.TapPortProvider;
import io.cadc4j.core.spi.Provider;
import io.cadc4j.core.spi.ProviderChoice;
import io.cadc4j.core.spi.Providers;
import io.cadc4j.core.tap.TapPort;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The port providers a facade makes its ports with, chosen once when it is built, and the
 * settings of its auth port. TAP is required; DataLink and auth are optional (a TAP-only user
 * needs neither module until a call uses it), unless one was asked for by name.
 *
 * <p>Immutable and thread-safe.
 */
public final class PortProviders {
    private final TapPortProvider tap;
    private final DataLinkPortProvider dataLink;
    private final AuthPortProvider auth;
    private final AuthSettings authSettings;

    /**
     * Groups chosen providers.
     *
     * @param tap the TAP port provider
     * @param dataLink the DataLink port provider, or null when none is found
     * @param auth the auth port provider, or null when none is found
     * @param authSettings the auth port's settings, or null for the provider's defaults
     */
    public PortProviders(TapPortProvider tap, DataLinkPortProvider dataLink, AuthPortProvider auth,
            AuthSettings authSettings) {
        this.tap = Objects.requireNonNull(tap, "tap");
        this.dataLink = dataLink;
        this.auth = auth;
        this.authSettings = authSettings;
    }

    /**
     * Chooses the providers as the builder's choices say: a provider instance handed over through
     * the toolkit wins; else a port instance (used as given by every session), a provider of a
     * name, or the discovered one of highest priority.
     *
     * @param tap the TAP choice
     * @param tapOverride a TAP provider instance, or null
     * @param dataLink the DataLink choice
     * @param dataLinkOverride a DataLink provider instance, or null
     * @param auth the auth choice
     * @param authOverride an auth provider instance, or null
     * @param authSettings the auth settings, or null
     * @param loader the class loader to discover with, or null for the SPI's own
     * @return the providers
     * @throws io.cadc4j.core.ProviderNotFoundException if no TAP provider is found, or none of a
     *     name asked for
     */
    public static PortProviders choose(ProviderChoice<TapPort> tap, TapPortProvider tapOverride,
            ProviderChoice<DataLinkPort> dataLink, DataLinkPortProvider dataLinkOverride,
            ProviderChoice<AuthPort> auth, AuthPortProvider authOverride, AuthSettings authSettings,
            ClassLoader loader) {
        TapPortProvider t = tapOverride != null ? tapOverride
                : pick(TapPortProvider.class, tap, true, loader, GivenTap::new);
        DataLinkPortProvider d = dataLinkOverride != null ? dataLinkOverride
                : pick(DataLinkPortProvider.class, dataLink, false, loader, GivenDataLink::new);
        AuthPortProvider a = authOverride != null ? authOverride
                : pick(AuthPortProvider.class, auth, false, loader, GivenAuth::new);
        return new PortProviders(t, d, a, authSettings);
    }

    private static <P extends Provider, T> P pick(Class<P> type, ProviderChoice<T> choice, boolean required,
            ClassLoader loader, Function<T, P> wrap) {
        if (choice.instance().isPresent()) {
            return wrap.apply(choice.instance().get());
        }
        List<P> found = loader == null ? Providers.discover(type) : Providers.discover(type, loader);
        String name = choice.name().orElse(null);
        if (!required && name == null && found.isEmpty()) {
            return null;
        }
        return Providers.choose(type, found, name);
    }

    /** @return the TAP port provider */
    public TapPortProvider tap() {
        return tap;
    }

    /** @return the DataLink port provider, or null when none was found */
    public DataLinkPortProvider dataLink() {
        return dataLink;
    }

    /** @return the auth port provider, or null when none was found */
    public AuthPortProvider auth() {
        return auth;
    }

    /** @return the auth settings, or null for the provider's defaults */
    public AuthSettings authSettings() {
        return authSettings;
    }

    /** A provider that hands out the one port given to the builder, whatever the context. */
    private abstract static class Given<T> implements Provider {
        final T port;

        Given(T port) {
            this.port = port;
        }

        @Override
        public String name() {
            return "given";
        }
    }

    /** The TAP port given to the builder. */
    private static final class GivenTap extends Given<TapPort> implements TapPortProvider {
        GivenTap(TapPort port) {
            super(port);
        }

        @Override
        public TapPort create(PortContext context) {
            return port;
        }
    }

    /** The DataLink port given to the builder. */
    private static final class GivenDataLink extends Given<DataLinkPort> implements DataLinkPortProvider {
        GivenDataLink(DataLinkPort port) {
            super(port);
        }

        @Override
        public DataLinkPort create(PortContext context) {
            return port;
        }
    }

    /** The auth port given to the builder. */
    private static final class GivenAuth extends Given<AuthPort> implements AuthPortProvider {
        GivenAuth(AuthPort port) {
            super(port);
        }

        @Override
        public AuthPort create(PortContext context) {
            return port;
        }
    }
}
