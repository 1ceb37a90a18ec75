// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When {@link HttpPipeline} sends a request again: how many tries, how long it waits between them,
 * and how much time all the tries of one request may take together.
 *
 * <p>The pipeline retries only requests that are safe to send twice ({@link HttpRequest#isSafeToRepeat()}:
 * GET, HEAD, and POSTs a port marks as reads, with a body that can be replayed), and only for
 * answers that say "later": 429, 502, 503 and 504, and failures before any byte of an answer
 * arrived (a refused or reset connection, no headers within the request timeout). The wait before
 * try <i>n</i> + 1 is the server's {@code Retry-After} when it sends one, else
 * {@code base × 2^(n-1)}; either is capped at {@link #maxDelay()}, spread by up to
 * {@link #jitter()} of itself, and never reaches past the {@linkplain #budget() budget} or the
 * client's overall deadline (then the pipeline stops trying and reports how often it tried).
 *
 * <p>Defaults: 4 tries, 1 s base delay, 30 s cap, jitter 0.2, a budget of 2 minutes.
 * {@link #none()} sends every request once.
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final double jitter;
    private final Duration budget;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.baseDelay = b.baseDelay;
        this.maxDelay = b.maxDelay;
        this.jitter = b.jitter;
        this.budget = b.budget;
    }

    /**
     * The default policy: 4 tries, 1 s base delay, 30 s cap, jitter 0.2, budget 2 minutes.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A policy that never retries.
     *
     * @return a policy with one try
     */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * The default policy with another number of retries (what {@code cadc --retries N} sets).
     *
     * @param retries how many times a request may be sent again, 0 for never
     * @return the policy
     */
    public static RetryPolicy ofRetries(int retries) {
        if (retries < 0 || retries > 20) {
            throw new IllegalArgumentException("retries must be 0 to 20: " + retries);
        }
        return builder().maxAttempts(retries + 1).build();
    }

    /**
     * Starts a builder with every default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this policy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxAttempts = maxAttempts;
        b.baseDelay = baseDelay;
        b.maxDelay = maxDelay;
        b.jitter = jitter;
        b.budget = budget;
        return b;
    }

    /**
     * The most tries of one request, the first included.
     *
     * @return 1 (no retry) or more
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The wait before the first retry when the server names none; it doubles with every further one.
     *
     * @return the base delay
     */
    public Duration baseDelay() {
        return baseDelay;
    }

    /**
     * The longest single wait, the server's {@code Retry-After} included.
     *
     * @return the cap
     */
    public Duration maxDelay() {
        return maxDelay;
    }

    /**
     * How far a wait is spread at random, as a fraction of itself, so that many clients turned away
     * at once do not come back at once.
     *
     * @return 0 to 1
     */
    public double jitter() {
        return jitter;
    }

    /**
     * The most time all tries of one request may take together, waits included.
     *
     * @return the budget
     */
    public Duration budget() {
        return budget;
    }

    /**
     * Whether this policy ever retries.
     *
     * @return true when {@link #maxAttempts()} is more than 1
     */
    public boolean retries() {
        return maxAttempts > 1;
    }

    /**
     * The wait before a retry.
     *
     * @param retry 1 for the first retry, 2 for the second, ...
     * @param retryAfter the server's {@code Retry-After}, or null
     * @return the wait: capped, spread by the jitter, never negative
     */
    public Duration delayBefore(int retry, Duration retryAfter) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry counts from 1: " + retry);
        }
        long cap = maxDelay.toMillis();
        long ms;
        if (retryAfter != null) {
            ms = Math.min(Math.max(0, retryAfter.toMillis()), cap);
            // The server's time is a floor: spread only upwards, and not past the cap.
            long spread = Math.round(ms * jitter * ThreadLocalRandom.current().nextDouble());
            return Duration.ofMillis(Math.min(cap, ms + spread));
        }
        int shift = Math.min(retry - 1, 30);
        ms = Math.min(cap, baseDelay.toMillis() << shift);
        if (ms < 0) {
            ms = cap;
        }
        double factor = 1 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.max(0, Math.min(cap, Math.round(ms * factor))));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RetryPolicy)) {
            return false;
        }
        RetryPolicy p = (RetryPolicy) o;
        return p.maxAttempts == maxAttempts && p.baseDelay.equals(baseDelay) && p.maxDelay.equals(maxDelay)
                && Double.compare(p.jitter, jitter) == 0 && p.budget.equals(budget);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, baseDelay, maxDelay, jitter, budget);
    }

    @Override
    public String toString() {
        return "RetryPolicy[tries=" + maxAttempts + ", base=" + baseDelay + ", cap=" + maxDelay + ", jitter=" + jitter
                + ", budget=" + budget + "]";
    }

    /** Collects a policy; every setter checks its value. Single-threaded. */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration baseDelay = Duration.ofSeconds(1);
        private Duration maxDelay = Duration.ofSeconds(30);
        private double jitter = 0.2;
        private Duration budget = Duration.ofMinutes(2);

        private Builder() {
        }

        /**
         * Sets the most tries of one request, the first included.
         *
         * @param attempts 1 (never retry) to 21
         * @return this builder
         */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1 || attempts > 21) {
                throw new IllegalArgumentException("maxAttempts must be 1 to 21: " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * Sets the wait before the first retry when the server names none.
         *
         * @param delay zero or more
         * @return this builder
         */
        public Builder baseDelay(Duration delay) {
            this.baseDelay = notNegative(delay, "baseDelay");
            return this;
        }

        /**
         * Sets the longest single wait.
         *
         * @param delay zero or more
         * @return this builder
         */
        public Builder maxDelay(Duration delay) {
            this.maxDelay = notNegative(delay, "maxDelay");
            return this;
        }

        /**
         * Sets the random spread of each wait.
         *
         * @param fraction 0 (none) to 1
         * @return this builder
         */
        public Builder jitter(double fraction) {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("jitter must be 0 to 1: " + fraction);
            }
            this.jitter = fraction;
            return this;
        }

        /**
         * Sets the most time all tries of one request may take together.
         *
         * @param budget a positive duration
         * @return this builder
         */
        public Builder budget(Duration budget) {
            Objects.requireNonNull(budget, "budget");
            if (budget.isNegative() || budget.isZero()) {
                throw new IllegalArgumentException("budget must be positive: " + budget);
            }
            this.budget = budget;
            return this;
        }

        /**
         * Makes the policy.
         *
         * @return the policy
         */
        public RetryPolicy build() {
            if (baseDelay.compareTo(maxDelay) > 0) {
                throw new IllegalArgumentException("baseDelay " + baseDelay + " is longer than maxDelay " + maxDelay);
            }
            return new RetryPolicy(this);
        }

        private static Duration notNegative(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative()) {
                throw new IllegalArgumentException(what + " must not be negative: " + d);
            }
            return d;
        }
    }
}
