// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.registry;

import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.StandardId;
import java.net.URI;
import java.util.Objects;

/**
 * The interface chosen for a capability and the security method to use with it.
 *
 * <p>Immutable and thread-safe.
 */
public final class InterfaceChoice {
    private final StandardId standardId;
    private final Interface chosen;
    private final SecurityMethod securityMethod;

    private InterfaceChoice(StandardId standardId, Interface chosen, SecurityMethod securityMethod) {
        this.standardId = standardId;
        this.chosen = chosen;
        this.securityMethod = securityMethod;
    }

    /**
     * Makes a choice.
     *
     * @param standardId the capability's standard id
     * @param chosen the interface
     * @param securityMethod the method to authenticate with; {@link SecurityMethod#ANONYMOUS} for none
     * @return the choice
     * @throws IllegalArgumentException if the interface does not accept the method
     */
    public static InterfaceChoice of(StandardId standardId, Interface chosen, SecurityMethod securityMethod) {
        Objects.requireNonNull(standardId, "standardId");
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(securityMethod, "securityMethod");
        if (!chosen.accepts(securityMethod)) {
            throw new IllegalArgumentException(chosen + " does not accept " + securityMethod);
        }
        return new InterfaceChoice(standardId, chosen, securityMethod);
    }

    /** @return the standard id of the capability the interface belongs to */
    public StandardId standardId() {
        return standardId;
    }

    /** @return the chosen interface */
    public Interface chosen() {
        return chosen;
    }

    /** @return the security method to authenticate with, {@link SecurityMethod#ANONYMOUS} for none */
    public SecurityMethod securityMethod() {
        return securityMethod;
    }

    /** @return the chosen interface's access URL */
    public URI accessUrl() {
        return chosen.accessUrl();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof InterfaceChoice)) {
            return false;
        }
        InterfaceChoice c = (InterfaceChoice) o;
        return standardId.equals(c.standardId) && chosen.equals(c.chosen) && securityMethod.equals(c.securityMethod);
    }

    @Override
    public int hashCode() {
        return Objects.hash(standardId, chosen, securityMethod);
    }

    @Override
    public String toString() {
        return standardId + " at " + chosen.accessUrl() + " with " + securityMethod;
    }
}
