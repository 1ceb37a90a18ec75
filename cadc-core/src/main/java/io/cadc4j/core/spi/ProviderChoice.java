// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * Which implementation of something a builder uses: an instance handed to it, the discovered
 * provider with a given {@linkplain Provider#name() name}, or whichever discovered provider has
 * the highest priority. These are the first three steps of the order of choice that
 * {@link Providers} describes; the default of every builder is {@link #discovered()}.
 *
 * <pre>{@code
 * Cadc.builder().transport(ProviderChoice.of(myTransport))     // this instance (the caller closes it)
 * Cadc.builder().transport(ProviderChoice.named("jdk"))        // the provider named jdk, else an error
 * Cadc.builder().transport(ProviderChoice.discovered())        // the default
 * }</pre>
 *
 * <p>Two choices are equal when they name the same provider, hold the same instance (by identity)
 * or are both {@link #discovered()}.
 *
 * <p>Immutable and thread-safe (an instance it holds is the caller's).
 *
 * @param <T> what the chosen implementation is, e.g. {@link HttpTransport}
 */
public final class ProviderChoice<T> {
    private static final ProviderChoice<?> DISCOVERED = new ProviderChoice<>(null, null);

    private final T instance;
    private final String name;

    private ProviderChoice(T instance, String name) {
        this.instance = instance;
        this.name = name;
    }

    /**
     * The discovered provider of highest priority (the default).
     *
     * @param <T> what is chosen
     * @return the choice
     */
    @SuppressWarnings("unchecked")
    public static <T> ProviderChoice<T> discovered() {
        return (ProviderChoice<T>) DISCOVERED;
    }

    /**
     * The discovered provider with this name; none of that name fails the build with a
     * {@link io.cadc4j.core.ProviderNotFoundException} that lists the names found.
     *
     * @param name the provider name, e.g. {@code jdk}
     * @param <T> what is chosen
     * @return the choice
     * @throws IllegalArgumentException if the name is blank
     */
    public static <T> ProviderChoice<T> named(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a provider name is blank");
        }
        return new ProviderChoice<>(null, name.strip());
    }

    /**
     * This instance, with no discovery.
     *
     * @param instance the implementation; it stays the caller's (to close, where it is closeable)
     * @param <T> what is chosen
     * @return the choice
     */
    public static <T> ProviderChoice<T> of(T instance) {
        return new ProviderChoice<>(Objects.requireNonNull(instance, "instance"), null);
    }

    /**
     * The instance handed over.
     *
     * @return the instance, or empty unless made by {@link #of(Object)}
     */
    public Optional<T> instance() {
        return Optional.ofNullable(instance);
    }

    /**
     * The provider name asked for.
     *
     * @return the name, or empty unless made by {@link #named(String)}
     */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /**
     * Whether discovery decides.
     *
     * @return true for {@link #discovered()}
     */
    public boolean isDiscovered() {
        return instance == null && name == null;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ProviderChoice)) {
            return false;
        }
        ProviderChoice<?> other = (ProviderChoice<?>) o;
        return instance == other.instance && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
        return instance != null ? System.identityHashCode(instance) : Objects.hashCode(name);
    }

    /** @return "discovered", "provider 'jdk'" or "the instance given" */
    @Override
    public String toString() {
        return instance != null ? "the instance given" : name != null ? "provider '" + name + "'" : "discovered";
    }
}
