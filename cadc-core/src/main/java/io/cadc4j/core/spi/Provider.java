// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

/**
 * What every provider found through {@link java.util.ServiceLoader} has in common: a short name a
 * user can ask for, and a priority that settles which one is used when several are present.
 *
 * <p>A provider is a small factory, not the port itself: it has a public no-argument constructor,
 * does no I/O when built, and makes the port when asked. Built-in providers use
 * {@link #BUILT_IN_PRIORITY}, so that any provider a user adds outranks them.
 *
 * <p>Implementations must be thread-safe.
 */
public interface Provider {
    /** The priority of the providers cadc4j ships. */
    int BUILT_IN_PRIORITY = -100;

    /** The priority of a provider that does not say. */
    int DEFAULT_PRIORITY = 0;

    /**
     * The provider's short name, such as {@code jdk}; users ask for a provider by it.
     *
     * @return a non-blank name, unique among providers of one type
     */
    String name();

    /**
     * The provider's priority: when nothing else decides, the highest wins.
     *
     * @return the priority; {@link #DEFAULT_PRIORITY} unless overridden
     */
    default int priority() {
        return DEFAULT_PRIORITY;
    }
}
