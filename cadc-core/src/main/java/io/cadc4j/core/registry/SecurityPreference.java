// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.registry;

import io.cadc4j.core.SecurityMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The order in which held credentials are tried when an interface is chosen. The default is
 * certificate, cookie, token, basic; anonymous is always the last resort and is not listed.
 *
 * <p>Immutable and thread-safe.
 */
public final class SecurityPreference {
    private static final SecurityPreference DEFAULTS = new SecurityPreference(List.of(SecurityMethod.CERTIFICATE,
            SecurityMethod.COOKIE, SecurityMethod.TOKEN, SecurityMethod.BASIC));

    private final List<SecurityMethod> order;

    private SecurityPreference(List<SecurityMethod> order) {
        this.order = List.copyOf(order);
    }

    /**
     * The default order: certificate, cookie, token, basic (then anonymous).
     *
     * @return the default preference
     */
    public static SecurityPreference defaults() {
        return DEFAULTS;
    }

    /**
     * A preference in the given order, most preferred first.
     *
     * @param order the methods; {@link SecurityMethod#ANONYMOUS} is not allowed (it always comes last)
     * @return the preference
     * @throws IllegalArgumentException if a method repeats or is anonymous
     */
    public static SecurityPreference of(List<SecurityMethod> order) {
        Objects.requireNonNull(order, "order");
        List<SecurityMethod> copy = new ArrayList<>();
        for (SecurityMethod m : order) {
            Objects.requireNonNull(m, "order element");
            if (m.isAnonymous()) {
                throw new IllegalArgumentException("anonymous is always the last resort; do not list it");
            }
            if (copy.contains(m)) {
                throw new IllegalArgumentException("security method listed twice: " + m);
            }
            copy.add(m);
        }
        return new SecurityPreference(copy);
    }

    /**
     * The methods, most preferred first, without anonymous.
     *
     * @return the order
     */
    public List<SecurityMethod> order() {
        return order;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecurityPreference && ((SecurityPreference) o).order.equals(order);
    }

    @Override
    public int hashCode() {
        return order.hashCode();
    }

    @Override
    public String toString() {
        return "SecurityPreference" + order;
    }
}
