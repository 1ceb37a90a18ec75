// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.registry;

import io.cadc4j.core.AuthenticationException;
import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.StandardId;
import io.cadc4j.core.auth.SecurityPreference;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code capability} of a VOSI capabilities document: the standard it implements, its
 * interfaces, and for TAP its TAPRegExt extras.
 *
 * <p>Immutable and thread-safe.
 */
public final class Capability {
    private final StandardId standardId;
    private final List<Interface> interfaces;
    private final TableAccess tableAccess;

    private Capability(StandardId standardId, List<Interface> interfaces, TableAccess tableAccess) {
        this.standardId = standardId;
        this.interfaces = List.copyOf(interfaces);
        this.tableAccess = tableAccess;
    }

    /**
     * Makes a capability without TAPRegExt extras.
     *
     * @param standardId the standard id
     * @param interfaces the interfaces, in document order
     * @return the capability
     */
    public static Capability of(StandardId standardId, List<Interface> interfaces) {
        return new Capability(Objects.requireNonNull(standardId, "standardId"),
                Objects.requireNonNull(interfaces, "interfaces"), null);
    }

    /**
     * Makes a TAP capability with its TAPRegExt extras.
     *
     * @param standardId the standard id
     * @param interfaces the interfaces, in document order
     * @param tableAccess the extras
     * @return the capability
     */
    public static Capability of(StandardId standardId, List<Interface> interfaces, TableAccess tableAccess) {
        return new Capability(Objects.requireNonNull(standardId, "standardId"),
                Objects.requireNonNull(interfaces, "interfaces"), Objects.requireNonNull(tableAccess, "tableAccess"));
    }

    /** @return the standard id */
    public StandardId standardId() {
        return standardId;
    }

    /** @return the interfaces, in document order */
    public List<Interface> interfaces() {
        return interfaces;
    }

    /** @return the TAPRegExt extras, present for a {@code tr:TableAccess} capability */
    public Optional<TableAccess> tableAccess() {
        return Optional.ofNullable(tableAccess);
    }

    /**
     * Chooses the interface to use with the credentials held, in the default preference order.
     *
     * @param held the security methods the caller has credentials for (anonymous need not be listed)
     * @return the choice, or empty when no interface accepts any held method nor anonymous requests
     * @see #chooseInterface(Set, SecurityPreference)
     */
    public Optional<InterfaceChoice> chooseInterface(Set<SecurityMethod> held) {
        return chooseInterface(held, SecurityPreference.defaults());
    }

    /**
     * Chooses the interface to use with the credentials held. For each method in the preference's
     * order that is held, the first interface accepting it wins, an https one before an http one;
     * when none does, the first interface open to anonymous requests (again https first) is taken
     * with {@link SecurityMethod#ANONYMOUS}. This follows cadcutils and the DIGEST §2.6 rule.
     *
     * @param held the security methods the caller has credentials for
     * @param preference the order in which held methods are tried
     * @return the choice, or empty when no interface accepts any held method nor anonymous requests
     */
    public Optional<InterfaceChoice> chooseInterface(Set<SecurityMethod> held, SecurityPreference preference) {
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(preference, "preference");
        for (SecurityMethod method : preference.order()) {
            if (held.contains(method)) {
                Optional<Interface> found = firstAccepting(method);
                if (found.isPresent()) {
                    return Optional.of(InterfaceChoice.of(standardId, found.get(), method));
                }
            }
        }
        return firstAccepting(SecurityMethod.ANONYMOUS)
                .map(i -> InterfaceChoice.of(standardId, i, SecurityMethod.ANONYMOUS));
    }

    /**
     * Chooses the interface as {@link #chooseInterface(Set, SecurityPreference)} does, or fails
     * with a message that names what the service accepts and what the caller holds.
     *
     * @param held the security methods the caller has credentials for
     * @param preference the order in which held methods are tried
     * @param source where the capabilities were read, for the message
     * @return the choice
     * @throws AuthenticationException when no interface accepts any held method nor anonymous requests
     */
    public InterfaceChoice requireInterface(Set<SecurityMethod> held, SecurityPreference preference, URI source) {
        return chooseInterface(held, preference).orElseThrow(() -> {
            List<String> offered = new ArrayList<>();
            interfaces().forEach(i -> i.securityMethods().forEach(m -> {
                if (!offered.contains(m.toString())) {
                    offered.add(m.toString());
                }
            }));
            List<String> have = new ArrayList<>();
            held.forEach(m -> have.add(m.toString()));
            return new AuthenticationException("the capability " + standardId() + " at " + source
                    + " accepts only " + offered + " but the credentials held are " + (have.isEmpty() ? "none" : have),
                    0, source, null);
        });
    }

    private Optional<Interface> firstAccepting(SecurityMethod method) {
        Interface plain = null;
        for (Interface i : interfaces) {
            if (i.accepts(method)) {
                if (i.isHttps()) {
                    return Optional.of(i);
                }
                if (plain == null) {
                    plain = i;
                }
            }
        }
        return Optional.ofNullable(plain);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Capability)) {
            return false;
        }
        Capability c = (Capability) o;
        return standardId.equals(c.standardId) && interfaces.equals(c.interfaces)
                && Objects.equals(tableAccess, c.tableAccess);
    }

    @Override
    public int hashCode() {
        return Objects.hash(standardId, interfaces, tableAccess);
    }

    @Override
    public String toString() {
        return "Capability[" + standardId + ", " + interfaces.size() + " interfaces]";
    }
}
