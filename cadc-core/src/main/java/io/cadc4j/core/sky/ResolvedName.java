// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.sky;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link NameResolver} found for a target name: the ICRS position, the service that
 * answered (Sesame's Simbad, NED or VizieR; CADC's resolver names the same three), the object's
 * canonical name when the service gives one, and any further fields the service sent.
 *
 * <pre>{@code
 * ResolvedName m31 = resolver.resolve("M31");
 * m31.coordinates();      // ICRS 10.684708 41.26875
 * m31.service();          // "Simbad"
 * m31.canonicalName();    // Optional[M  31]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ResolvedName {
    private final String name;
    private final Coordinates coordinates;
    private final String service;
    private final String resolver;
    private final String canonicalName;
    private final URI source;
    private final Map<String, String> details;

    private ResolvedName(Builder b) {
        this.name = b.name;
        this.coordinates = b.coordinates;
        this.service = b.service;
        this.resolver = b.resolver;
        this.canonicalName = b.canonicalName;
        this.source = b.source;
        this.details = Map.copyOf(b.details);
    }

    /**
     * Starts a result.
     *
     * @param name the name that was asked for, as given
     * @param coordinates the ICRS position
     * @param service the service that answered, as it names itself (e.g. {@code Simbad}, {@code ned})
     * @return a builder
     * @throws IllegalArgumentException if the name or the service is blank
     */
    public static Builder builder(String name, Coordinates coordinates, String service) {
        return new Builder(name, coordinates, service);
    }

    /**
     * The name that was asked for.
     *
     * @return the name, as given to the resolver
     */
    public String name() {
        return name;
    }

    /**
     * The position, ICRS.
     *
     * @return the coordinates
     */
    public Coordinates coordinates() {
        return coordinates;
    }

    /**
     * The service that answered, as it names itself: {@code Simbad}, {@code NED} or {@code VizieR}
     * behind Sesame; {@code ned}, {@code simbad} or {@code vizier} behind CADC's resolver.
     *
     * @return the service, never blank
     */
    public String service() {
        return service;
    }

    /**
     * The resolver that asked it: the {@link io.cadc4j.core.spi.Provider#name()} of the adapter,
     * e.g. {@code sesame} or {@code cadc}, or empty when the resolver did not say.
     *
     * @return the resolver's name
     */
    public Optional<String> resolver() {
        return Optional.ofNullable(resolver);
    }

    /**
     * The object's canonical name (Sesame's {@code %I.0} line, CADC's {@code oname}), when the
     * service gave one.
     *
     * @return the canonical name
     */
    public Optional<String> canonicalName() {
        return Optional.ofNullable(canonicalName);
    }

    /**
     * The URL that answered (the Sesame mirror, the resolver's endpoint), when known.
     *
     * @return the URL
     */
    public Optional<URI> source() {
        return Optional.ofNullable(source);
    }

    /**
     * Further fields of the answer, by the service's own keys (CADC's {@code otype}, {@code mtype};
     * Sesame's object type {@code %C.0} as {@code otype}).
     *
     * @return the fields, in no particular order; empty when there are none
     */
    public Map<String, String> details() {
        return details;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ResolvedName)) {
            return false;
        }
        ResolvedName r = (ResolvedName) o;
        return name.equals(r.name) && coordinates.equals(r.coordinates) && service.equals(r.service)
                && Objects.equals(resolver, r.resolver) && Objects.equals(canonicalName, r.canonicalName)
                && Objects.equals(source, r.source) && details.equals(r.details);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, coordinates, service, resolver, canonicalName, source, details);
    }

    @Override
    public String toString() {
        return "ResolvedName[" + name + " = " + coordinates + " by " + service
                + (canonicalName == null ? "" : ", " + canonicalName) + "]";
    }

    /**
     * Builds a {@link ResolvedName}. Single-threaded.
     */
    public static final class Builder {
        private final String name;
        private final Coordinates coordinates;
        private final String service;
        private String resolver;
        private String canonicalName;
        private URI source;
        private final Map<String, String> details = new LinkedHashMap<>();

        private Builder(String name, Coordinates coordinates, String service) {
            this.name = nonBlank(name, "name");
            this.coordinates = Objects.requireNonNull(coordinates, "coordinates");
            this.service = nonBlank(service, "service");
        }

        /**
         * Sets the resolver's name.
         *
         * @param name the adapter's provider name, e.g. {@code sesame}
         * @return this builder
         */
        public Builder resolver(String name) {
            this.resolver = nonBlank(name, "resolver");
            return this;
        }

        /**
         * Sets the canonical name; a blank one is ignored.
         *
         * @param canonical the name the service gives the object
         * @return this builder
         */
        public Builder canonicalName(String canonical) {
            Objects.requireNonNull(canonical, "canonical");
            this.canonicalName = canonical.isBlank() ? null : canonical.strip();
            return this;
        }

        /**
         * Sets the URL that answered.
         *
         * @param url the URL
         * @return this builder
         */
        public Builder source(URI url) {
            this.source = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * Adds a further field.
         *
         * @param key the service's key
         * @param value its value
         * @return this builder
         */
        public Builder detail(String key, String value) {
            details.put(nonBlank(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Makes the result.
         *
         * @return the result
         */
        public ResolvedName build() {
            return new ResolvedName(this);
        }

        private static String nonBlank(String value, String what) {
            Objects.requireNonNull(value, what);
            if (value.isBlank()) {
                throw new IllegalArgumentException(what + " is blank");
            }
            return value;
        }
    }
}
