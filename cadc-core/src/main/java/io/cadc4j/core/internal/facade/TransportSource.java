// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.facade;

import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpTransport;
import io.cadc4j.core.spi.ProviderChoice;
import io.cadc4j.core.spi.TransportSettings;
import java.util.Objects;

/**
 * How the facade gets its transports: the settings, the transport chosen on the builder and the
 * class loader providers are discovered with. The anonymous pipeline is made from it once; a
 * certificate session makes another, with the certificate's TLS context.
 *
 * <p>Immutable and thread-safe.
 */
public final class TransportSource {
    private final TransportSettings settings;
    private final ProviderChoice<HttpTransport> choice;
    private final ClassLoader classLoader;

    /**
     * Makes the source.
     *
     * @param settings the transport settings
     * @param choice the transport chosen on the builder
     * @param classLoader the class loader providers are discovered with, or null for the SPI's own
     */
    public TransportSource(TransportSettings settings, ProviderChoice<HttpTransport> choice, ClassLoader classLoader) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.choice = Objects.requireNonNull(choice, "choice");
        this.classLoader = classLoader;
    }

    /** @return the transport settings */
    public TransportSettings settings() {
        return settings;
    }

    /** @return the class loader providers are discovered with, or null for the SPI's own */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /** @return whether the builder was handed a ready transport (which stays the caller's) */
    public boolean givenInstance() {
        return choice.instance().isPresent();
    }

    /**
     * A pipeline over the chosen transport with these settings; a transport made for it is closed
     * with it, a given one is not.
     *
     * @param with the settings (the source's own, or them with a client certificate)
     * @return the pipeline
     * @throws io.cadc4j.core.ProviderNotFoundException if no transport provider (of the name asked
     *     for) is found
     */
    public HttpPipeline pipeline(TransportSettings with) {
        HttpPipeline.Builder b = HttpPipeline.builder().settings(with);
        choice.instance().ifPresent(b::transport);
        choice.name().ifPresent(b::transportProvider);
        if (classLoader != null) {
            b.classLoader(classLoader);
        }
        return b.build();
    }
}
