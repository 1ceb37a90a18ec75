// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * The delays between polls of a UWS job whose server does not block on {@code WAIT} (UWS 1.0
 * servers return at once; DIGEST §3.3): growing geometrically from an initial delay, capped, and
 * jittered so that many clients do not poll in step. Never longer than the time left before the
 * caller's deadline.
 *
 * <p>The random source is injected, so tests get exact delays.
 *
 * <p>Single-threaded: one instance per wait.
 */
final class PollingBackoff {
    /** Delay before the first poll. */
    static final Duration DEFAULT_INITIAL = Duration.ofMillis(500);
    /** Largest delay between polls. */
    static final Duration DEFAULT_MAX = Duration.ofSeconds(30);
    /** Growth factor from one delay to the next (pyvo uses 1.2; CADC jobs mostly take seconds). */
    static final double DEFAULT_FACTOR = 1.5;
    /** Relative jitter: each delay is drawn from [d(1-j), d(1+j)], then capped. */
    static final double DEFAULT_JITTER = 0.2;

    private final Duration initial;
    private final Duration max;
    private final double factor;
    private final double jitter;
    private final DoubleSupplier random;
    private double nextNanos;

    /**
     * Makes a backoff.
     *
     * @param initial the first delay, positive
     * @param max the cap, at least {@code initial}
     * @param factor the growth factor, at least 1
     * @param jitter the relative jitter, in [0, 1)
     * @param random values in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble}
     */
    PollingBackoff(Duration initial, Duration max, double factor, double jitter, DoubleSupplier random) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.max = Objects.requireNonNull(max, "max");
        this.random = Objects.requireNonNull(random, "random");
        if (initial.isZero() || initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
        if (!(factor >= 1.0) || !(jitter >= 0.0 && jitter < 1.0)) {
            throw new IllegalArgumentException("need factor >= 1 and 0 <= jitter < 1, got " + factor + ", " + jitter);
        }
        this.factor = factor;
        this.jitter = jitter;
        this.nextNanos = initial.toNanos();
    }

    /**
     * The default policy: 0.5 s, growing by 1.5, capped at 30 s, with 20% jitter.
     *
     * @param random values in [0, 1)
     * @return the backoff
     */
    static PollingBackoff defaults(DoubleSupplier random) {
        return new PollingBackoff(DEFAULT_INITIAL, DEFAULT_MAX, DEFAULT_FACTOR, DEFAULT_JITTER, random);
    }

    /**
     * The next delay, and advances the policy.
     *
     * @param remaining the time left before the caller's deadline
     * @return a delay in [0, remaining], never more than the cap
     */
    Duration next(Duration remaining) {
        Objects.requireNonNull(remaining, "remaining");
        double r = random.getAsDouble();
        if (!(r >= 0.0 && r < 1.0)) {
            throw new IllegalStateException("the random source gave " + r + ", not a value in [0, 1)");
        }
        double jittered = nextNanos * (1.0 - jitter + 2.0 * jitter * r);
        long nanos = (long) Math.min(jittered, (double) max.toNanos());
        nextNanos = Math.min(nextNanos * factor, (double) max.toNanos());
        Duration delay = Duration.ofNanos(nanos);
        if (remaining.isNegative() || remaining.isZero()) {
            return Duration.ZERO;
        }
        return delay.compareTo(remaining) > 0 ? remaining : delay;
    }

    /** Starts again from the initial delay (after the job changed phase, say). */
    void reset() {
        nextNanos = initial.toNanos();
    }
}
