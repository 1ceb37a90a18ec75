// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.registry;

import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.StandardId;
import io.cadc4j.core.auth.SecurityPreference;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a TAP service's resources live, and the security method to reach them with.
 *
 * <p>TAP 1.0 and 1.1 (TAP 1.1 §2) place {@code /sync} and {@code /async} under the base URL, the
 * {@code accessURL} of the {@code ivo://ivoa.net/std/TAP} capability. The VOSI resources are
 * under the base too in TAP 1.0 services; TAP 1.1 services list them as capabilities of their own,
 * possibly elsewhere (DaCHS serves its tables at {@code .../tableMetadata}). {@link #of} reads
 * both layouts; {@link #ofBase(URI)} assumes the conventional one for a plain base URL.
 *
 * <p>Immutable and thread-safe.
 */
public final class TapEndpoints {
    private final URI base;
    private final URI tables;
    private final URI availability;
    private final URI capabilities;
    private final SecurityMethod securityMethod;
    private final String version;
    private final TableAccess tableAccess;

    private TapEndpoints(URI base, URI tables, URI availability, URI capabilities, SecurityMethod securityMethod,
            String version, TableAccess tableAccess) {
        this.base = base;
        this.tables = tables;
        this.availability = availability;
        this.capabilities = capabilities;
        this.securityMethod = securityMethod;
        this.version = version;
        this.tableAccess = tableAccess;
    }

    /**
     * Endpoints for a plain TAP base URL, with no registry and no capabilities document: every
     * resource at its conventional place under the base, anonymous access.
     *
     * @param base the TAP base URL, e.g. {@code https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus}
     * @return the endpoints
     * @throws IllegalArgumentException if {@code base} is not an absolute http(s) URL
     */
    public static TapEndpoints ofBase(URI base) {
        URI b = checkBase(base);
        return new TapEndpoints(b, child(b, "tables"), child(b, "availability"), child(b, "capabilities"),
                SecurityMethod.ANONYMOUS, "", null);
    }

    /**
     * Endpoints read from a service's capabilities, choosing each interface by the credentials held.
     *
     * @param caps the service's capabilities
     * @param held the security methods the caller has credentials for
     * @param preference the order in which held methods are tried
     * @return the endpoints
     * @throws io.cadc4j.core.NotFoundException if the document has no TAP capability
     * @throws io.cadc4j.core.AuthenticationException if no TAP interface accepts the credentials held
     *     nor anonymous requests
     */
    public static TapEndpoints of(Capabilities caps, Set<SecurityMethod> held, SecurityPreference preference) {
        Objects.requireNonNull(caps, "caps");
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(preference, "preference");
        Capability tap = caps.require(StandardId.TAP);
        InterfaceChoice choice = tap.requireInterface(held, preference, caps.source());
        URI b = checkBase(choice.accessUrl());
        URI tables = vosi(caps, held, preference, StandardId.VOSI_TABLES_1_1, StandardId.VOSI_TABLES)
                .orElse(child(b, "tables"));
        URI availability = vosi(caps, held, preference, StandardId.VOSI_AVAILABILITY).orElse(child(b, "availability"));
        URI capabilities = vosi(caps, held, preference, StandardId.VOSI_CAPABILITIES).orElse(caps.source());
        return new TapEndpoints(b, tables, availability, capabilities, choice.securityMethod(),
                choice.chosen().version().orElse(""), tap.tableAccess().orElse(null));
    }

    private static Optional<URI> vosi(Capabilities caps, Set<SecurityMethod> held, SecurityPreference preference,
            StandardId... ids) {
        for (StandardId id : ids) {
            Optional<Capability> c = caps.find(id);
            if (c.isPresent()) {
                Optional<InterfaceChoice> choice = c.get().chooseInterface(held, preference);
                if (choice.isPresent()) {
                    return Optional.of(choice.get().accessUrl());
                }
            }
        }
        return Optional.empty();
    }

    private static URI checkBase(URI base) {
        Objects.requireNonNull(base, "base");
        String scheme = base.getScheme();
        if (!base.isAbsolute() || base.getHost() == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("a TAP base URL is an absolute http(s) URL, not '" + base + "'");
        }
        return base;
    }

    private static URI child(URI base, String name) {
        String s = base.toString();
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        return URI.create(s.endsWith("/") ? s + name : s + "/" + name);
    }

    /** @return the TAP base URL */
    public URI base() {
        return base;
    }

    /** @return the synchronous query endpoint, {@code {base}/sync} */
    public URI sync() {
        return child(base, "sync");
    }

    /** @return the UWS job list, {@code {base}/async} */
    public URI async() {
        return child(base, "async");
    }

    /** @return the VOSI tables endpoint */
    public URI tables() {
        return tables;
    }

    /** @return the VOSI availability endpoint */
    public URI availability() {
        return availability;
    }

    /** @return the VOSI capabilities endpoint */
    public URI capabilities() {
        return capabilities;
    }

    /** @return the security method the TAP interface was chosen for, {@link SecurityMethod#ANONYMOUS} for none */
    public SecurityMethod securityMethod() {
        return securityMethod;
    }

    /** @return the TAP interface's version ({@code 1.1}; absent in TAP 1.0 documents), if declared */
    public Optional<String> version() {
        return version.isEmpty() ? Optional.empty() : Optional.of(version);
    }

    /** @return the TAPRegExt extras (limits, formats, upload methods), when read from capabilities */
    public Optional<TableAccess> tableAccess() {
        return Optional.ofNullable(tableAccess);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TapEndpoints)) {
            return false;
        }
        TapEndpoints t = (TapEndpoints) o;
        return base.equals(t.base) && tables.equals(t.tables) && availability.equals(t.availability)
                && capabilities.equals(t.capabilities) && securityMethod.equals(t.securityMethod)
                && version.equals(t.version) && Objects.equals(tableAccess, t.tableAccess);
    }

    @Override
    public int hashCode() {
        return Objects.hash(base, tables, availability, capabilities, securityMethod, version, tableAccess);
    }

    @Override
    public String toString() {
        return "TapEndpoints[" + base + " with " + securityMethod + "]";
    }
}
