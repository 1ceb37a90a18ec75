// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the facade finds one of its services (TAP, DataLink, login): either by its
 * {@linkplain ServiceId registry id}, looked up in the registry file, or at a URL given directly,
 * with no registry asked.
 *
 * <pre>{@code
 * Cadc.builder().tap(ServiceLocation.at(URI.create("http://127.0.0.1:8089/tap")))   // astroquery's Cadc(url=...)
 * Cadc.builder().tap(ServiceLocation.byId(ServiceId.of("ivo://example.org/tap")))   // found in the registry
 * }</pre>
 *
 * <p>What a direct URL names depends on the service: a TAP base URL (its capabilities are read
 * when it has them), a DataLink {@code links} endpoint, or the endpoint a login posts user and
 * password to. Two locations are equal when they name the same id or the same URL.
 *
 * <p>Immutable and thread-safe.
 */
public final class ServiceLocation {
    private final ServiceId id;
    private final URI url;

    private ServiceLocation(ServiceId id, URI url) {
        this.id = id;
        this.url = url;
    }

    /**
     * A service found in the registry by its id.
     *
     * @param id the service id, e.g. {@link ServiceId#CADC_TAP}
     * @return the location
     */
    public static ServiceLocation byId(ServiceId id) {
        return new ServiceLocation(Objects.requireNonNull(id, "id"), null);
    }

    /**
     * A service at a URL, used as given with no registry.
     *
     * @param url an absolute {@code http} or {@code https} URL with a host
     * @return the location
     * @throws IllegalArgumentException if the URL is relative, of another scheme or has no host
     */
    public static ServiceLocation at(URI url) {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))
                || url.getHost() == null) {
            throw new IllegalArgumentException("a service URL is an absolute http or https URL with a host, not '"
                    + url + "'");
        }
        return new ServiceLocation(null, url);
    }

    /**
     * The registry id, when the service is found in the registry.
     *
     * @return the id, or empty for a service at a direct URL
     */
    public Optional<ServiceId> id() {
        return Optional.ofNullable(id);
    }

    /**
     * The direct URL, when the service is used with no registry.
     *
     * @return the URL, or empty for a service found by its id
     */
    public Optional<URI> url() {
        return Optional.ofNullable(url);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ServiceLocation)) {
            return false;
        }
        ServiceLocation other = (ServiceLocation) o;
        return Objects.equals(id, other.id) && Objects.equals(url, other.url);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, url);
    }

    /** @return "registry id ivo://..." or "URL http://..." */
    @Override
    public String toString() {
        return id != null ? "registry id " + id : "URL " + url;
    }
}
