// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.tap;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which jobs to list (UWS 1.1 §2.2.1.1): only some phases ({@code PHASE}, repeatable, a union),
 * only jobs created after an instant ({@code AFTER}), only the most recent n ({@code LAST}). An
 * empty filter lists what the server lists by default. The list gives short descriptions (id, phase,
 * run id, owner, creation time); {@link Builder#fullDescriptions(boolean)} asks the port to read
 * each job's whole description as well (one more request per job).
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class JobListFilter {
    private static final JobListFilter ALL = new Builder().build();

    private final Set<ExecutionPhase> phases;
    private final Instant after;
    private final int last;
    private final boolean full;

    private JobListFilter(Builder b) {
        this.full = b.full;
        this.phases = Collections.unmodifiableSet(b.phases.isEmpty()
                ? EnumSet.noneOf(ExecutionPhase.class) : EnumSet.copyOf(b.phases));
        this.after = b.after;
        this.last = b.last;
    }

    /**
     * The empty filter.
     *
     * @return a filter that sends no parameter
     */
    public static JobListFilter all() {
        return ALL;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the phases asked for, in phase order; empty for all */
    public Set<ExecutionPhase> phases() {
        return phases;
    }

    /** @return the creation time jobs must be later than, if set */
    public Optional<Instant> after() {
        return Optional.ofNullable(after);
    }

    /** @return how many of the most recent jobs to list, if set */
    public OptionalInt last() {
        return last < 0 ? OptionalInt.empty() : OptionalInt.of(last);
    }

    /**
     * Whether each listed job's whole description is read too ({@link JobReference#details()}).
     *
     * @return true for full descriptions
     */
    public boolean fullDescriptions() {
        return full;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JobListFilter)) {
            return false;
        }
        JobListFilter f = (JobListFilter) o;
        return phases.equals(f.phases) && Objects.equals(after, f.after) && last == f.last && full == f.full;
    }

    @Override
    public int hashCode() {
        return Objects.hash(phases, after, last, full);
    }

    @Override
    public String toString() {
        return "JobListFilter[phases " + phases + (after == null ? "" : ", after " + after)
                + (last < 0 ? "" : ", last " + last) + (full ? ", full" : "") + "]";
    }

    /** Collects a filter. Single-threaded. */
    public static final class Builder {
        private final Set<ExecutionPhase> phases = EnumSet.noneOf(ExecutionPhase.class);
        private Instant after;
        private int last = -1;
        private boolean full;

        private Builder() {
        }

        /**
         * Asks for each job's whole description, read from the job itself, not only the list's
         * short one.
         *
         * @param full true for full descriptions
         * @return this builder
         */
        public Builder fullDescriptions(boolean full) {
            this.full = full;
            return this;
        }

        /**
         * Adds phases to list (a union).
         *
         * @param phases the phases
         * @return this builder
         */
        public Builder phases(ExecutionPhase... phases) {
            for (ExecutionPhase p : phases) {
                this.phases.add(Objects.requireNonNull(p, "phase"));
            }
            return this;
        }

        /**
         * Lists only jobs created after an instant.
         *
         * @param after the instant
         * @return this builder
         */
        public Builder after(Instant after) {
            this.after = Objects.requireNonNull(after, "after");
            return this;
        }

        /**
         * Lists only the most recent jobs.
         *
         * @param count how many, at least 1
         * @return this builder
         */
        public Builder last(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("LAST must be at least 1: " + count);
            }
            this.last = count;
            return this;
        }

        /** @return the filter */
        public JobListFilter build() {
            return new JobListFilter(this);
        }
    }
}
