// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.auth;

import io.cadc4j.core.SecurityMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Several credentials held at once, for instance a certificate and a login cookie; the
 * negotiation ({@link SecurityPreference}) picks which one an interface gets. The empty set is
 * {@link Credentials#ANONYMOUS}.
 *
 * <p>Thread-safe: the list of parts is immutable; the parts are thread-safe.
 */
public final class CredentialSet implements Credentials {
    private final List<Credentials> parts;
    private final Set<SecurityMethod> methods;

    private CredentialSet(List<Credentials> parts) {
        this.parts = List.copyOf(parts);
        Set<SecurityMethod> m = new LinkedHashSet<>();
        for (Credentials c : this.parts) {
            m.addAll(c.securityMethods());
        }
        if (m.isEmpty()) {
            m.add(SecurityMethod.ANONYMOUS);
        }
        this.methods = Set.copyOf(m);
    }

    /**
     * Combines credentials; nested sets are flattened.
     *
     * @param credentials the credentials, in any order
     * @return the set
     */
    public static CredentialSet of(Credentials... credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return of(Arrays.asList(credentials));
    }

    /**
     * Combines credentials; nested sets are flattened.
     *
     * @param credentials the credentials, in any order
     * @return the set
     */
    public static CredentialSet of(List<? extends Credentials> credentials) {
        Objects.requireNonNull(credentials, "credentials");
        List<Credentials> flat = new ArrayList<>();
        for (Credentials c : credentials) {
            Objects.requireNonNull(c, "credentials element");
            flat.addAll(c.parts());
        }
        return new CredentialSet(flat);
    }

    @Override
    public Set<SecurityMethod> securityMethods() {
        return methods;
    }

    @Override
    public List<Credentials> parts() {
        return parts;
    }

    /** Destroys every part. */
    @Override
    public void destroy() {
        for (Credentials c : parts) {
            c.destroy();
        }
    }

    @Override
    public boolean isDestroyed() {
        return !parts.isEmpty() && parts.stream().allMatch(Credentials::isDestroyed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CredentialSet && ((CredentialSet) o).parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return parts.isEmpty() ? "Credentials[anonymous]" : "CredentialSet" + parts;
    }
}
