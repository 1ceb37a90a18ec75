// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.auth;

import io.cadc4j.core.SecurityMethod;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The order in which security methods are preferred, and the negotiation that uses it: given the
 * interfaces a service offers (each with its security methods, from VOSI capabilities) and the
 * credentials held, choose the interface to call and the method to call it with.
 *
 * <p>The rule: for each method in preference order that the credentials satisfy, the first
 * interface offering it wins; when none does, the first anonymous interface (no security method, or
 * an empty one) is chosen, and that fallback is logged at DEBUG on {@code io.cadc4j.auth}. The
 * default order is certificate, cookie, token, basic (cadcutils prefers certificates too), then
 * anonymous.
 *
 * <p>Example:
 * <pre>{@code
 * Optional<SecurityPreference.Choice<Interface>> c =
 *     SecurityPreference.defaults().choose(capability.interfaces(), Interface::securityMethods, held);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SecurityPreference {
    private static final System.Logger LOG = System.getLogger("io.cadc4j.auth");
    private static final SecurityPreference DEFAULTS = of(SecurityMethod.CERTIFICATE, SecurityMethod.COOKIE,
            SecurityMethod.TOKEN, SecurityMethod.BASIC);

    private final List<SecurityMethod> order;

    private SecurityPreference(List<SecurityMethod> order) {
        this.order = order;
    }

    /**
     * Certificate, cookie, token, basic.
     *
     * @return the default preference
     */
    public static SecurityPreference defaults() {
        return DEFAULTS;
    }

    /**
     * A preference in the given order; anonymous always comes last and need not be named.
     *
     * @param order the methods, most preferred first
     * @return the preference
     * @throws IllegalArgumentException if a method appears twice
     */
    public static SecurityPreference of(SecurityMethod... order) {
        Objects.requireNonNull(order, "order");
        return of(Arrays.asList(order));
    }

    /**
     * A preference in the given order; anonymous always comes last and need not be named.
     *
     * @param order the methods, most preferred first
     * @return the preference
     * @throws IllegalArgumentException if a method appears twice
     */
    public static SecurityPreference of(List<SecurityMethod> order) {
        Objects.requireNonNull(order, "order");
        List<SecurityMethod> list = new ArrayList<>();
        Set<SecurityMethod> seen = new LinkedHashSet<>();
        for (SecurityMethod m : order) {
            Objects.requireNonNull(m, "order element");
            if (!seen.add(m)) {
                throw new IllegalArgumentException("security method listed twice: " + m);
            }
            if (!m.isAnonymous()) {
                list.add(m);
            }
        }
        return new SecurityPreference(List.copyOf(list));
    }

    /**
     * The methods, most preferred first, anonymous excluded.
     *
     * @return the order
     */
    public List<SecurityMethod> order() {
        return order;
    }

    /**
     * The methods the credentials satisfy, most preferred first.
     *
     * @param held the credentials
     * @return the usable methods in order; empty for anonymous credentials
     */
    public List<SecurityMethod> usable(Credentials held) {
        Objects.requireNonNull(held, "held");
        List<SecurityMethod> out = new ArrayList<>();
        for (SecurityMethod m : order) {
            if (held.securityMethods().contains(m)) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * Chooses the interface to call and the method to call it with.
     *
     * @param <T> the interface type
     * @param candidates the interfaces, in the service's order
     * @param methodsOf the security methods of an interface; empty (or only anonymous) means anonymous
     * @param held the credentials held
     * @return the choice, or empty when no interface accepts the credentials and none is anonymous
     */
    public <T> Optional<Choice<T>> choose(List<T> candidates, Function<? super T, ? extends Collection<SecurityMethod>> methodsOf,
            Credentials held) {
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(methodsOf, "methodsOf");
        Objects.requireNonNull(held, "held");
        for (SecurityMethod m : usable(held)) {
            for (T candidate : candidates) {
                if (methodsOf.apply(candidate).contains(m)) {
                    return Optional.of(new Choice<>(candidate, m));
                }
            }
        }
        for (T candidate : candidates) {
            Collection<SecurityMethod> offered = methodsOf.apply(candidate);
            if (offered.isEmpty() || offered.stream().allMatch(SecurityMethod::isAnonymous)) {
                if (!held.isAnonymous()) {
                    LOG.log(Level.DEBUG, "no interface accepts the credentials held ({0}); using the anonymous one",
                            held.securityMethods());
                }
                return Optional.of(new Choice<>(candidate, SecurityMethod.ANONYMOUS));
            }
        }
        return Optional.empty();
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

    /**
     * The outcome of a negotiation: an interface and the method to call it with. Immutable if the
     * interface is.
     *
     * @param <T> the interface type
     */
    public static final class Choice<T> {
        private final T candidate;
        private final SecurityMethod method;

        Choice(T candidate, SecurityMethod method) {
            this.candidate = candidate;
            this.method = method;
        }

        /**
         * The chosen interface.
         *
         * @return the interface
         */
        public T candidate() {
            return candidate;
        }

        /**
         * The method to call it with.
         *
         * @return the method; {@link SecurityMethod#ANONYMOUS} for the anonymous fallback
         */
        public SecurityMethod method() {
            return method;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Choice)) {
                return false;
            }
            Choice<?> c = (Choice<?>) o;
            return c.candidate.equals(candidate) && c.method.equals(method);
        }

        @Override
        public int hashCode() {
            return Objects.hash(candidate, method);
        }

        @Override
        public String toString() {
            return "Choice[" + method + ", " + candidate + "]";
        }
    }
}
