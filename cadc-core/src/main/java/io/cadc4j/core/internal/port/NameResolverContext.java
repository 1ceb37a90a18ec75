// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.port;

import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.ServiceId;
import io.cadc4j.core.StandardId;
import io.cadc4j.core.internal.http.HttpPipeline;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link NameResolverProvider} is given to make its resolver: the pipeline to send through
 * (anonymous: credentials never go to a name resolver), the endpoints the user asked for (empty
 * for the adapter's defaults: Sesame's mirrors, or CADC's resolver found in the registry), the
 * longest wait for one endpoint before the next is tried, a registry look-up, and whether the
 * service's full answer is wanted.
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
    /** The default {@link #timeout()}: astropy's {@code remote_timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Registry NO_REGISTRY = (id, standard) -> {
        throw new NotFoundException("no registry to look " + id + " up in: give the resolver's URL instead", 0, null,
                null);
    };

    private final HttpPipeline http;
    private final List<URI> endpoints;
    private final Duration timeout;
    private final Registry registry;
    private final boolean detailed;

    private NameResolverContext(Builder b) {
        this.http = b.http;
        this.endpoints = List.copyOf(b.endpoints);
        this.timeout = b.timeout;
        this.registry = b.registry;
        this.detailed = b.detailed;
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
        return endpoints;
    }

    /**
     * The longest wait for one endpoint's answer before it counts as down.
     *
     * @return a positive duration
     */
    public Duration timeout() {
        return timeout;
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
        return detailed;
    }

    @Override
    public String toString() {
        return "NameResolverContext[" + endpoints + ", " + timeout + "]";
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
        private List<URI> endpoints = List.of();
        private Duration timeout = DEFAULT_TIMEOUT;
        private Registry registry = NO_REGISTRY;
        private boolean detailed;

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
            Objects.requireNonNull(urls, "urls");
            for (URI u : urls) {
                Objects.requireNonNull(u, "url");
                if (!u.isAbsolute() || u.getHost() == null
                        || !("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))) {
                    throw new IllegalArgumentException("a name resolver URL must be an absolute http(s) URL, not '"
                            + u + "'");
                }
            }
            this.endpoints = List.copyOf(urls);
            return this;
        }

        /**
         * Sets the longest wait for one endpoint (default {@link #DEFAULT_TIMEOUT}).
         *
         * @param wait a positive duration
         * @return this builder
         */
        public Builder timeout(Duration wait) {
            Objects.requireNonNull(wait, "wait");
            if (wait.isZero() || wait.isNegative()) {
                throw new IllegalArgumentException("the name resolver timeout must be positive: " + wait);
            }
            this.timeout = wait;
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
            this.detailed = full;
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
