// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * The registry identifier of a service, an {@code ivo://} URI such as {@code ivo://cadc.nrc.ca/argus}.
 *
 * <p>{@link #of(String)} accepts the full URI or, as CADC's tools do, a short name that stands for
 * {@code ivo://cadc.nrc.ca/<name>}. Identifiers compare by their URI text, exactly.
 *
 * <p>Immutable and thread-safe.
 */
public final class ServiceId {
    /** CADC's TAP service (argus). */
    public static final ServiceId CADC_TAP = of("ivo://cadc.nrc.ca/argus");
    /** CADC's DataLink and SODA service (caom2ops). */
    public static final ServiceId CADC_DATALINK = of("ivo://cadc.nrc.ca/caom2ops");
    /** CADC's group management service, which hosts the login endpoint (gms). */
    public static final ServiceId CADC_LOGIN = of("ivo://cadc.nrc.ca/gms");

    private static final String CADC_AUTHORITY_PREFIX = "ivo://cadc.nrc.ca/";

    private final URI uri;

    private ServiceId(URI uri) {
        this.uri = uri;
    }

    /**
     * Parses a service identifier.
     *
     * @param id an {@code ivo://authority/path} URI, or a bare name such as {@code argus} that
     *     stands for {@code ivo://cadc.nrc.ca/argus}
     * @return the identifier
     * @throws IllegalArgumentException if {@code id} is blank, not a URI, or a URI of another scheme
     */
    public static ServiceId of(String id) {
        Objects.requireNonNull(id, "id");
        String text = id.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("service id is blank");
        }
        if (!text.contains(":")) {
            if (!text.matches("[A-Za-z0-9][A-Za-z0-9._~-]*")) {
                throw new IllegalArgumentException("not a service name: '" + id + "'");
            }
            text = CADC_AUTHORITY_PREFIX + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a service id: '" + id + "': " + e.getMessage(), e);
        }
        if (!"ivo".equalsIgnoreCase(uri.getScheme()) || uri.getAuthority() == null) {
            throw new IllegalArgumentException("a service id is an ivo://authority/path URI, not '" + id + "'");
        }
        return new ServiceId(uri);
    }

    /**
     * The identifier as a URI.
     *
     * @return the {@code ivo://} URI
     */
    public URI uri() {
        return uri;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceId && ((ServiceId) o).uri.toString().equals(uri.toString());
    }

    @Override
    public int hashCode() {
        return uri.toString().hashCode();
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
