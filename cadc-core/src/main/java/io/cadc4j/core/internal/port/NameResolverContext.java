// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.port;

import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.ServiceId;
import io.cadc4j.core.StandardId;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.sky.NameResolution;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link NameResolverProvider} is given to make its resolver: the pipeline to send through
 * (anonymous: credentials never go to a name resolver), the endpoints the user asked for (empty
 * for the adapter's defaults: Sesame's mirrors, or CADC's resolver found in the registry), the
 * longest wait for one endpoint before the next is tried, a registry look-up, and whether the
 * service's full answer is wanted. The endpoints, the wait and the detail are the user's
 * {@link NameResolution} settings, which check them.
 *
 * <pre>{@code
 * NameResolver r = provider.create(NameResolverContext.builder(http)
 *         .endpoints(List.of(URI.create("http://127.0.0.1:8080/cgi-bin/nph-sesame/")))
 *         .timeout(Duration.ofSeconds(5)).build());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class NameResolverContext {
    private static final Registry NO_REGISTRY = (id, standard) -> {
        throw new NotFoundException("no registry to look " + id + " up in: give the resolver's URL instead", 0, null,
                null);
    };

    private final HttpPipeline http;
    private final NameResolution settings;
    private final Registry registry;

    private NameResolverContext(Builder b) {
        this.http = b.http;
        this.settings = b.settings.build();
        this.registry = b.registry;
    }

    /**
     * Starts a context.
     *
     * @param http the pipeline requests go through
     * @return a builder
     */
    public static Builder builder(HttpPipeline http) {
        return new Builder(http);
    }

    /**
     * The pipeline to send requests through.
     *
     * @return the pipeline
     */
    public HttpPipeline http() {
        return http;
    }

    /**
     * The endpoints to ask, in order of preference (the next is tried when one is down); empty
     * when the adapter is to use its own defaults.
     *
     * @return the endpoints
     */
    public List<URI> endpoints() {
        return settings.endpoints();
    }

    /**
     * The longest wait for one endpoint's answer before it counts as down.
     *
     * @return a positive duration
     */
    public Duration timeout() {
        return settings.timeout();
    }

    /**
     * The registry look-up of the facade (its registry file and the services' capabilities, cached).
     *
     * @return the look-up; without a registry, one that fails with {@link NotFoundException}
     */
    public Registry registry() {
        return registry;
    }

    /**
     * Whether the service's full answer is wanted (CADC's {@code detail=max}).
     *
     * @return true to ask for every field
     */
    public boolean detailed() {
        return settings.detailed();
    }

    @Override
    public String toString() {
        return "NameResolverContext[" + settings.endpoints() + ", " + settings.timeout() + "]";
    }

    /**
     * Finds a service's endpoint in a registry: the access URL of a capability of the service.
     * Implementations must be thread-safe.
     */
    @FunctionalInterface
    public interface Registry {
        /**
         * Looks an anonymous interface of a capability up.
         *
         * @param service the service id, e.g. {@code ivo://cadc.nrc.ca/resolver}
         * @param standard the capability's standard id
         * @return the access URL
         * @throws NotFoundException if the registry does not know the service or the capability
         * @throws io.cadc4j.core.CadcException if the registry cannot be read
         */
        URI locate(ServiceId service, StandardId standard);
    }

    /**
     * Builds a {@link NameResolverContext}. Single-threaded.
     */
    public static final class Builder {
        private final HttpPipeline http;
        private NameResolution.Builder settings = NameResolution.builder();
        private Registry registry = NO_REGISTRY;

        private Builder(HttpPipeline http) {
            this.http = Objects.requireNonNull(http, "http");
        }

        /**
         * Sets the endpoints to ask, in order (default none: the adapter's own).
         *
         * @param urls absolute http(s) URLs
         * @return this builder
         * @throws IllegalArgumentException if a URL is not an absolute http(s) URL
         */
        public Builder endpoints(List<URI> urls) {
            settings.endpoints(urls);
            return this;
        }

        /**
         * Sets the longest wait for one endpoint (default {@link NameResolution#DEFAULT_TIMEOUT}).
         *
         * @param wait a positive duration
         * @return this builder
         */
        public Builder timeout(Duration wait) {
            settings.timeout(wait);
            return this;
        }

        /**
         * Sets the registry look-up.
         *
         * @param lookup the look-up
         * @return this builder
         */
        public Builder registry(Registry lookup) {
            this.registry = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /**
         * Asks for the service's full answer.
         *
         * @param full true for every field
         * @return this builder
         */
        public Builder detailed(boolean full) {
            settings.detailed(full);
            return this;
        }

        /**
         * Takes the endpoints, the wait and the detail from the user's settings (the rest of them,
         * resolver choice and cache, is the facade's business).
         *
         * @param user the settings
         * @return this builder
         */
        public Builder settings(NameResolution user) {
            this.settings = Objects.requireNonNull(user, "user").toBuilder();
            return this;
        }

        /**
         * Makes the context.
         *
         * @return the context
         */
        public NameResolverContext build() {
            return new NameResolverContext(this);
        }
    }
}
