// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

import io.cadc4j.core.ProviderNotFoundException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Finds providers through {@link ServiceLoader} (on the class path through
 * {@code META-INF/services}, on the module path through {@code provides}) and chooses one.
 *
 * <p>Discovery happens once per provider type for the default class loader (the provider type's
 * own), lazily, and the result is kept as an immutable list; a provider that fails to load or to
 * answer {@link Provider#name()} is logged at WARNING and skipped. The order of choice, which every
 * builder in cadc4j follows:
 * <ol>
 *   <li>an instance handed to the builder (the builder checks that itself, before asking here);</li>
 *   <li>the provider named on the builder ({@link #select(Class, String, ClassLoader)} with a name);</li>
 *   <li>the discovered provider with the highest {@link Provider#priority()}; a tie is settled by
 *       name, with a warning;</li>
 *   <li>none: a {@link ProviderNotFoundException} naming the module to add.</li>
 * </ol>
 *
 * <p>Thread-safe.
 */
public final class Providers {
    private static final System.Logger LOG = System.getLogger("io.cadc4j.core.spi.Providers");

    /** Which module ships the built-in provider of each type, for the "add X" message. */
    private static final Map<String, String> MODULE_TO_ADD = Map.of(
            HttpTransportProvider.class.getName(), "cadc-http-jdk",
            "io.cadc4j.core.internal.port.TapPortProvider", "cadc-tap",
            "io.cadc4j.core.internal.port.DataLinkPortProvider", "cadc-datalink",
            "io.cadc4j.core.internal.port.AuthPortProvider", "cadc-auth",
            "io.cadc4j.core.internal.port.ResultWriterProvider", "cadc-formats",
            "io.cadc4j.core.internal.port.NameResolverProvider", "cadc-names");

    /** The one piece of global state cadc4j keeps: providers found with the default class loader. */
    private static final Map<Class<?>, List<? extends Provider>> CACHE = new ConcurrentHashMap<>();

    private static final Comparator<Provider> ORDER =
            Comparator.comparingInt(Provider::priority).reversed().thenComparing(Provider::name);

    private Providers() {
    }

    /**
     * The providers of a type found with the type's own class loader, best first. Looked up once;
     * later calls return the same list.
     *
     * @param type the provider interface
     * @param <P> the provider type
     * @return the providers, highest priority first; empty when there are none
     */
    @SuppressWarnings("unchecked")
    public static <P extends Provider> List<P> discover(Class<P> type) {
        Objects.requireNonNull(type, "type");
        return (List<P>) CACHE.computeIfAbsent(type, t -> load(type, type.getClassLoader()));
    }

    /**
     * The providers of a type found with a given class loader, best first. Not cached: a builder
     * that is handed a class loader looks up once, when it builds.
     *
     * @param type the provider interface
     * @param loader the class loader to search
     * @param <P> the provider type
     * @return the providers, highest priority first; empty when there are none
     */
    public static <P extends Provider> List<P> discover(Class<P> type, ClassLoader loader) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(loader, "loader");
        if (loader == type.getClassLoader()) {
            return discover(type);
        }
        return load(type, loader);
    }

    /**
     * Chooses the provider to use: the one with the highest priority.
     *
     * @param type the provider interface
     * @param <P> the provider type
     * @return the chosen provider
     * @throws ProviderNotFoundException if none is found; the message names the module to add
     */
    public static <P extends Provider> P select(Class<P> type) {
        return choose(type, discover(type), null);
    }

    /**
     * Chooses a provider, by name when one is given.
     *
     * @param type the provider interface
     * @param name the provider's {@link Provider#name()}, or null to take the highest priority
     * @param loader the class loader to search, or null for the type's own
     * @param <P> the provider type
     * @return the chosen provider
     * @throws ProviderNotFoundException if none is found, or none has that name
     */
    public static <P extends Provider> P select(Class<P> type, String name, ClassLoader loader) {
        List<P> found = loader == null ? discover(type) : discover(type, loader);
        return choose(type, found, name);
    }

    /**
     * Chooses among providers already found: by name when one is given, else the highest priority.
     *
     * @param type the provider interface, for messages
     * @param found the candidates, in any order
     * @param name the wanted name, or null
     * @param <P> the provider type
     * @return the chosen provider
     * @throws ProviderNotFoundException if there is no candidate, or none has that name
     */
    public static <P extends Provider> P choose(Class<P> type, List<P> found, String name) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(found, "found");
        if (name != null) {
            for (P p : found) {
                if (p.name().equals(name)) {
                    return p;
                }
            }
            throw new ProviderNotFoundException("no " + type.getSimpleName() + " named '" + name + "'; found "
                    + (found.isEmpty() ? "none" : found.stream().map(Provider::name).collect(Collectors.joining(", ")))
                    + hint(type));
        }
        if (found.isEmpty()) {
            throw new ProviderNotFoundException("no " + type.getSimpleName() + " found" + hint(type));
        }
        List<P> sorted = new ArrayList<>(found);
        sorted.sort(ORDER);
        P best = sorted.get(0);
        if (sorted.size() > 1 && sorted.get(1).priority() == best.priority()) {
            LOG.log(Level.WARNING, "several {0}s share the highest priority {1}: {2}; using ''{3}'' (first by name)",
                    type.getSimpleName(), best.priority(),
                    sorted.stream().filter(p -> p.priority() == best.priority()).map(Provider::name)
                            .collect(Collectors.joining(", ")),
                    best.name());
        }
        return best;
    }

    private static String hint(Class<?> type) {
        String module = MODULE_TO_ADD.get(type.getName());
        return module == null ? "" : ": add " + module + " to the class path or module path";
    }

    private static <P extends Provider> List<P> load(Class<P> type, ClassLoader loader) {
        List<P> found = new ArrayList<>();
        Iterator<P> it = ServiceLoader.load(type, loader).iterator();
        // A broken entry is consumed by the failing call, so the loop moves on; the bound only
        // guards against a service loader that keeps failing on the same entry.
        for (int failures = 0; failures < 100; ) {
            P provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError e) {
                failures++;
                LOG.log(Level.WARNING, "skipping a " + type.getSimpleName() + " that failed to load: " + e.getMessage(), e);
                continue;
            }
            try {
                String name = provider.name();
                if (name == null || name.isBlank()) {
                    LOG.log(Level.WARNING, "skipping {0} {1}: it has no name", type.getSimpleName(),
                            provider.getClass().getName());
                    continue;
                }
                provider.priority();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "skipping " + type.getSimpleName() + " " + provider.getClass().getName()
                        + ": it failed to describe itself: " + e, e);
                continue;
            }
            found.add(provider);
        }
        found.sort(ORDER);
        LOG.log(Level.DEBUG, () -> "found " + type.getSimpleName() + "s: "
                + found.stream().map(p -> p.name() + "(" + p.priority() + ")").collect(Collectors.joining(", ")));
        return List.copyOf(found);
    }
}
