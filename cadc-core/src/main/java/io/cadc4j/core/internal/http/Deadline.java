// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.http;

import io.cadc4j.core.CadcTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The moment by which everything a client does must have ended (its overall timeout), and the
 * one daemon thread that closes what is still open when it passes, so that a blocked read ends.
 *
 * <p>Immutable and thread-safe.
 */
public final class Deadline {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cadc4j-deadline");
        t.setDaemon(true);
        return t;
    });

    private final Instant at;
    private final Duration total;

    private Deadline(Instant at, Duration total) {
        this.at = at;
        this.total = total;
    }

    /**
     * A deadline some time from now.
     *
     * @param total the overall timeout
     * @return the deadline
     */
    public static Deadline after(Duration total) {
        return new Deadline(Instant.now().plus(total), total);
    }

    /**
     * A deadline at a given moment.
     *
     * @param at the moment
     * @param total the overall timeout it stands for, for messages
     * @return the deadline
     */
    public static Deadline at(Instant at, Duration total) {
        return new Deadline(Objects.requireNonNull(at, "at"), Objects.requireNonNull(total, "total"));
    }

    /**
     * The moment.
     *
     * @return the instant
     */
    public Instant instant() {
        return at;
    }

    /**
     * The overall timeout it stands for.
     *
     * @return the duration
     */
    public Duration total() {
        return total;
    }

    /**
     * The time left, never negative.
     *
     * @return the remaining time
     */
    public Duration remaining() {
        Duration d = Duration.between(Instant.now(), at);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * Whether the moment has passed.
     *
     * @return true when no time is left
     */
    public boolean passed() {
        return !Instant.now().isBefore(at);
    }

    /**
     * The exception for work that did not end in time.
     *
     * @param what what was being done, e.g. "waiting for the answer of GET https://..."
     * @param uri the request concerned, or null
     * @param cause the failure seen, or null
     * @return the exception
     */
    public CadcTimeoutException exceeded(String what, URI uri, Throwable cause) {
        return new CadcTimeoutException("the overall timeout of " + Durations.text(total) + " ran out while " + what,
                uri, cause);
    }

    /**
     * Runs an action when the moment passes, unless cancelled first.
     *
     * @param action what to do, quickly (close a stream)
     * @return the handle to cancel it with
     */
    public ScheduledFuture<?> schedule(Runnable action) {
        long ms = Math.max(0, remaining().toMillis());
        return WATCHDOG.schedule(action, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public String toString() {
        return "Deadline[" + at + ", " + total + "]";
    }
}
