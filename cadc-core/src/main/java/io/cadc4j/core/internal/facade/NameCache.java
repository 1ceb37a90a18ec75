// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.facade;

import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.sky.NameResolver;
import io.cadc4j.core.sky.ResolvedName;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;

/**
 * A facade's memory of resolved names, in front of its {@link NameResolver}: at most
 * {@code capacity} names (the least recently used goes first), a found name kept for {@code ttl},
 * an unknown one ({@link NotFoundException}) for {@code negativeTtl}; other failures (a resolver
 * down) are not kept. Threads asking for the same name while it is being looked up wait for that
 * one look-up, so a loop over many {@code queryRegion("M31", ...)}, sequential or parallel, asks
 * the service once.
 *
 * <p>Thread-safe.
 */
public final class NameCache implements NameResolver {
    private final NameResolver resolver;
    private final int capacity;
    private final long ttlNanos;
    private final long negativeTtlNanos;
    private final LongSupplier clock;
    private final Map<String, Cached> entries;
    private final Map<String, CompletableFuture<Cached>> pending = new HashMap<>();

    /**
     * Makes a cache on the system's monotonic clock.
     *
     * @param resolver the resolver asked on a miss
     * @param capacity how many names are kept at most; 0 keeps none
     * @param ttl how long a found name is kept
     * @param negativeTtl how long an unknown name is kept
     */
    public NameCache(NameResolver resolver, int capacity, Duration ttl, Duration negativeTtl) {
        this(resolver, capacity, ttl, negativeTtl, System::nanoTime);
    }

    /**
     * Makes a cache on a given clock (tests).
     *
     * @param resolver the resolver asked on a miss
     * @param capacity how many names are kept at most; 0 keeps none
     * @param ttl how long a found name is kept
     * @param negativeTtl how long an unknown name is kept
     * @param clock nanoseconds, monotonic
     */
    public NameCache(NameResolver resolver, int capacity, Duration ttl, Duration negativeTtl, LongSupplier clock) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity is negative: " + capacity);
        }
        this.capacity = capacity;
        this.ttlNanos = saturatedNanos(ttl);
        this.negativeTtlNanos = saturatedNanos(negativeTtl);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > NameCache.this.capacity;
            }
        };
    }

    private static long saturatedNanos(Duration d) {
        Objects.requireNonNull(d, "ttl");
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The resolver behind the cache. @return the resolver */
    public NameResolver resolver() {
        return resolver;
    }

    @Override
    public ResolvedName resolve(String name) {
        Objects.requireNonNull(name, "name");
        String key = name.strip();
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a target name is blank");
        }
        CompletableFuture<Cached> mine = null;
        CompletableFuture<Cached> theirs;
        synchronized (this) {
            Cached e = entries.get(key);
            if (e != null && clock.getAsLong() - e.expires < 0) {
                return e.answer();
            }
            if (e != null) {
                entries.remove(key);
            }
            theirs = pending.get(key);
            if (theirs == null) {
                mine = new CompletableFuture<>();
                pending.put(key, mine);
            }
        }
        if (mine == null) {
            try {
                return theirs.join().answer();
            } catch (CompletionException ce) {
                // the look-up we waited for failed without a cacheable answer: its failure is ours
                throw ce.getCause() instanceof RuntimeException ? (RuntimeException) ce.getCause() : ce;
            }
        }
        Cached made;
        try {
            made = lookUp(key);
        } catch (RuntimeException | Error failure) {
            synchronized (this) {
                pending.remove(key);
            }
            mine.completeExceptionally(failure);
            throw failure;
        }
        synchronized (this) {
            pending.remove(key);
            long keep = made.found != null ? ttlNanos : negativeTtlNanos;
            if (capacity > 0 && keep > 0) {
                made.expires = clock.getAsLong() + Math.min(keep, Long.MAX_VALUE / 4);
                entries.put(key, made);
            }
        }
        mine.complete(made);
        return made.answer();
    }

    private Cached lookUp(String key) {
        try {
            ResolvedName found = Objects.requireNonNull(resolver.resolve(key), "the name resolver returned null");
            return new Cached(found, null);
        } catch (NotFoundException unknown) {
            return new Cached(null, unknown);
        }
    }

    /**
     * How many names are held now (expired ones included until they are asked for again).
     *
     * @return the count
     */
    public synchronized int size() {
        return entries.size();
    }

    @Override
    public String toString() {
        return "NameCache[" + resolver + "]";
    }

    /** A found name or an unknown one, and when it expires (clock nanoseconds). */
    private static final class Cached {
        final ResolvedName found;
        final NotFoundException unknown;
        long expires;

        Cached(ResolvedName found, NotFoundException unknown) {
            this.found = found;
            this.unknown = unknown;
        }

        ResolvedName answer() {
            if (found != null) {
                return found;
            }
            // A fresh exception for this caller, with the resolver's words; the first one is its cause.
            throw new NotFoundException(unknown.getMessage(), unknown.status(), unknown.requestUri().orElse(null),
                    unknown);
        }
    }
}
