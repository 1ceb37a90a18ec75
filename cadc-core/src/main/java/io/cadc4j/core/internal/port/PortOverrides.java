// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.port;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands a builder a port provider instance instead of one chosen by discovery: the route cadc4j's
 * own modules and tests take to plug in a stand-in adapter. A builder's public methods choose a
 * discovered provider by name only, since the provider types live in this package, which a user
 * module cannot read.
 *
 * <p>A builder type registers, once, how its provider slots are set ({@link #register}); this
 * class names no builder, so the toolkit does not depend on the facade. Thread-safe.
 */
public final class PortOverrides {
    private static final Map<Class<?>, Slots<?>> SLOTS = new ConcurrentHashMap<>();

    private PortOverrides() {
    }

    /**
     * How one builder type takes provider instances. Implementations must be thread-safe (they
     * hold no state; the builder they set is single-threaded).
     *
     * @param <B> the builder type
     */
    public interface Slots<B> {
        /**
         * Sets the TAP port provider.
         *
         * @param builder the builder
         * @param provider the provider, not null
         */
        void tap(B builder, TapPortProvider provider);

        /**
         * Sets the DataLink port provider.
         *
         * @param builder the builder
         * @param provider the provider, not null
         */
        void dataLink(B builder, DataLinkPortProvider provider);

        /**
         * Sets the auth port provider.
         *
         * @param builder the builder
         * @param provider the provider, not null
         */
        void auth(B builder, AuthPortProvider provider);
    }

    /**
     * Registers the slots of a builder type; called from the builder's static initializer, so
     * they are in place before any instance of it can be handed to this class.
     *
     * @param builderType the builder type
     * @param slots how its provider slots are set
     * @param <B> the builder type
     * @throws IllegalStateException if the type has registered already
     */
    public static <B> void register(Class<B> builderType, Slots<B> slots) {
        Objects.requireNonNull(slots, "slots");
        if (SLOTS.putIfAbsent(Objects.requireNonNull(builderType, "builderType"), slots) != null) {
            throw new IllegalStateException("port slots of " + builderType.getName() + " are registered already");
        }
    }

    /**
     * Makes the builder use this TAP port provider.
     *
     * @param builder the builder
     * @param provider the provider
     * @param <B> the builder type
     * @return the builder
     */
    public static <B> B tap(B builder, TapPortProvider provider) {
        slots(builder).tap(builder, Objects.requireNonNull(provider, "provider"));
        return builder;
    }

    /**
     * Makes the builder use this DataLink port provider.
     *
     * @param builder the builder
     * @param provider the provider
     * @param <B> the builder type
     * @return the builder
     */
    public static <B> B dataLink(B builder, DataLinkPortProvider provider) {
        slots(builder).dataLink(builder, Objects.requireNonNull(provider, "provider"));
        return builder;
    }

    /**
     * Makes the builder use this auth port provider.
     *
     * @param builder the builder
     * @param provider the provider
     * @param <B> the builder type
     * @return the builder
     */
    public static <B> B auth(B builder, AuthPortProvider provider) {
        slots(builder).auth(builder, Objects.requireNonNull(provider, "provider"));
        return builder;
    }

    @SuppressWarnings("unchecked")
    private static <B> Slots<B> slots(B builder) {
        Slots<?> slots = SLOTS.get(Objects.requireNonNull(builder, "builder").getClass());
        if (slots == null) {
            throw new IllegalArgumentException(builder.getClass().getName() + " takes no port provider instances");
        }
        return (Slots<B>) slots;
    }
}
