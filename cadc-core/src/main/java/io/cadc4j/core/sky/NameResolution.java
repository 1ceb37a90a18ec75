// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.sky;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link io.cadc4j.core.Cadc} facade turns target names into positions: whether it does at
 * all, which resolver ({@code sesame}, the default as in astroquery, or {@code cadc}), the
 * resolver's endpoints (Sesame mirrors, or CADC's {@code find} URL; none for the resolver's own),
 * the longest wait for one endpoint before the next is tried, and how answers are cached: in
 * memory, per facade, at most {@link #cacheSize()} names, a found name for {@link #ttl()}, an
 * unknown one for the shorter {@link #negativeTtl()}.
 *
 * <pre>{@code
 * Cadc.builder().nameResolution(NameResolution.builder().resolver("cadc").build())
 * Cadc.builder().nameResolution(NameResolution.builder()
 *         .endpoints(List.of(URI.create("http://sesame.example.org/cgi-bin/nph-sesame/"))).build())
 * Cadc.builder().nameResolution(NameResolution.off())      // a name is an error
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class NameResolution {
    /** The default per-endpoint timeout: astropy's {@code remote_timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The default number of names cached. */
    public static final int DEFAULT_CACHE_SIZE = 1000;
    /** How long a found name is kept by default: positions do not move. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);
    /** How long an unknown name is kept by default: short, as a service may learn it or recover. */
    public static final Duration DEFAULT_NEGATIVE_TTL = Duration.ofMinutes(5);

    private static final NameResolution DEFAULTS = builder().build();
    private static final NameResolution OFF = builder().enabled(false).build();

    private final boolean enabled;
    private final String resolver;
    private final List<URI> endpoints;
    private final Duration timeout;
    private final int cacheSize;
    private final Duration ttl;
    private final Duration negativeTtl;
    private final boolean detailed;

    private NameResolution(Builder b) {
        this.enabled = b.enabled;
        this.resolver = b.resolver;
        this.endpoints = List.copyOf(b.endpoints);
        this.timeout = b.timeout;
        this.cacheSize = b.cacheSize;
        this.ttl = b.ttl;
        this.negativeTtl = b.negativeTtl;
        this.detailed = b.detailed;
    }

    /**
     * Resolution on, with the discovered resolver of highest priority ({@code sesame} when
     * {@code cadc-names} is present) and the defaults above.
     *
     * @return the defaults
     */
    public static NameResolution defaults() {
        return DEFAULTS;
    }

    /**
     * Resolution off: text that is not a coordinate is an error saying so.
     *
     * @return the settings
     */
    public static NameResolution off() {
        return OFF;
    }

    /**
     * Starts from the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these settings.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.enabled = enabled;
        b.resolver = resolver;
        b.endpoints = endpoints;
        b.timeout = timeout;
        b.cacheSize = cacheSize;
        b.ttl = ttl;
        b.negativeTtl = negativeTtl;
        b.detailed = detailed;
        return b;
    }

    /** @return whether names are resolved at all */
    public boolean enabled() {
        return enabled;
    }

    /** @return the resolver's provider name asked for, or empty for the discovered one of highest priority */
    public Optional<String> resolver() {
        return Optional.ofNullable(resolver);
    }

    /** @return the endpoints to ask in order, or empty for the resolver's own */
    public List<URI> endpoints() {
        return endpoints;
    }

    /** @return the longest wait for one endpoint */
    public Duration timeout() {
        return timeout;
    }

    /** @return how many names the cache holds at most (0: no cache) */
    public int cacheSize() {
        return cacheSize;
    }

    /** @return how long a found name is kept */
    public Duration ttl() {
        return ttl;
    }

    /** @return how long an unknown name is kept */
    public Duration negativeTtl() {
        return negativeTtl;
    }

    /** @return whether the service's full answer is asked for (CADC's {@code detail=max}) */
    public boolean detailed() {
        return detailed;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NameResolution)) {
            return false;
        }
        NameResolution n = (NameResolution) o;
        return enabled == n.enabled && Objects.equals(resolver, n.resolver) && endpoints.equals(n.endpoints)
                && timeout.equals(n.timeout) && cacheSize == n.cacheSize && ttl.equals(n.ttl)
                && negativeTtl.equals(n.negativeTtl) && detailed == n.detailed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, resolver, endpoints, timeout, cacheSize, ttl, negativeTtl, detailed);
    }

    @Override
    public String toString() {
        if (!enabled) {
            return "NameResolution[off]";
        }
        return "NameResolution[" + (resolver == null ? "default" : resolver) + (endpoints.isEmpty() ? "" : " " + endpoints)
                + ", timeout " + timeout + ", cache " + cacheSize + " for " + ttl + " (unknown " + negativeTtl + ")]";
    }

    /**
     * Builds {@link NameResolution} settings. Single-threaded.
     */
    public static final class Builder {
        private boolean enabled = true;
        private String resolver;
        private List<URI> endpoints = List.of();
        private Duration timeout = DEFAULT_TIMEOUT;
        private int cacheSize = DEFAULT_CACHE_SIZE;
        private Duration ttl = DEFAULT_TTL;
        private Duration negativeTtl = DEFAULT_NEGATIVE_TTL;
        private boolean detailed;

        private Builder() {
        }

        /**
         * Turns resolution on or off.
         *
         * @param on false to make every name an error
         * @return this builder
         */
        public Builder enabled(boolean on) {
            this.enabled = on;
            return this;
        }

        /**
         * Asks for a resolver by its provider name: {@code sesame} or {@code cadc} for the built-in ones.
         *
         * @param name the provider name
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder resolver(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("the resolver name is blank");
            }
            this.resolver = name.strip();
            return this;
        }

        /**
         * Sets the endpoints to ask, in order: Sesame mirrors (ending in {@code nph-sesame/}) or CADC
         * resolver {@code find} URLs; each is asked when the one before is down.
         *
         * @param urls the endpoints, absolute http(s) URLs
         * @return this builder
         * @throws IllegalArgumentException if one is not an absolute http(s) URL
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
            this.timeout = positive(wait, "timeout");
            return this;
        }

        /**
         * Sets how many names the cache holds (default {@link #DEFAULT_CACHE_SIZE}); 0 turns it off.
         *
         * @param names 0 to 1,000,000
         * @return this builder
         */
        public Builder cacheSize(int names) {
            if (names < 0 || names > 1_000_000) {
                throw new IllegalArgumentException("the name cache size must be 0 to 1000000: " + names);
            }
            this.cacheSize = names;
            return this;
        }

        /**
         * Sets how long found names are kept (default {@link #DEFAULT_TTL}).
         *
         * @param keep zero or positive
         * @return this builder
         */
        public Builder ttl(Duration keep) {
            this.ttl = notNegative(keep, "ttl");
            return this;
        }

        /**
         * Sets how long unknown names are kept (default {@link #DEFAULT_NEGATIVE_TTL}).
         *
         * @param keep zero or positive
         * @return this builder
         */
        public Builder negativeTtl(Duration keep) {
            this.negativeTtl = notNegative(keep, "negativeTtl");
            return this;
        }

        /**
         * Asks the service for its full answer (CADC's {@code detail=max}: canonical name, object type).
         *
         * @param full true for every field
         * @return this builder
         */
        public Builder detailed(boolean full) {
            this.detailed = full;
            return this;
        }

        /**
         * Makes the settings.
         *
         * @return the settings
         */
        public NameResolution build() {
            return new NameResolution(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(what + " must be positive: " + d);
            }
            return d;
        }

        private static Duration notNegative(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative()) {
                throw new IllegalArgumentException(what + " must not be negative: " + d);
            }
            return d;
        }
    }
}
