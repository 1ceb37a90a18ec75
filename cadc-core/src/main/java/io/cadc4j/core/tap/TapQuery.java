// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.tap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One TAP query: the ADQL text and the optional parameters sent with it.
 *
 * <p>{@code MAXREC} is sent exactly when {@link Builder#maxRecords(long)} was set. The response
 * format defaults to the service's (a TABLEDATA VOTable at CADC). Tables given with
 * {@link Builder#upload(TableUpload)} are sent with the query and read as {@code TAP_UPLOAD.<name>}.
 *
 * <p>The {@link Mode} says how {@link io.cadc4j.core.Cadc#query(TapQuery)} runs it: synchronously
 * (the default), as an async job, or {@link Mode#AUTO}, synchronously unless the service's own sync
 * limit or a timeout would fail it. Ports ignore the mode: {@link TapPort#query} is always sync,
 * {@link TapPort#submit} always async.
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class TapQuery {

    /** How {@link io.cadc4j.core.Cadc#query(TapQuery)} runs a query. */
    public enum Mode {
        /** Synchronously, as one request whose answer streams in (the default). */
        SYNC,
        /** As an async (UWS) job: created, run, waited for, its result streamed, then deleted. */
        ASYNC,
        /**
         * Synchronously; as an async job instead when the service's own sync row limit cut the
         * result (an {@code OVERFLOW} at a limit the query did not set, or as many rows as the
         * limit its capabilities declare) or when the sync request timed out before any of its
         * answer arrived. A query with {@code MAXREC} set only switches on the timeout: the
         * limit it set is its own, never overridden.
         */
        AUTO
    }

    private final String adql;
    private final long maxRecords;
    private final String responseFormat;
    private final String runId;
    private final List<TableUpload> uploads;
    private final Mode mode;
    private final Duration syncTimeout;
    private final Duration jobTimeout;

    private TapQuery(Builder b) {
        this.adql = b.adql;
        this.maxRecords = b.maxRecords;
        this.responseFormat = b.responseFormat;
        this.runId = b.runId;
        this.uploads = List.copyOf(b.uploads);
        this.mode = b.mode;
        this.syncTimeout = b.syncTimeout;
        this.jobTimeout = b.jobTimeout;
    }

    /**
     * A query with no optional parameters.
     *
     * @param adql the ADQL text
     * @return the query
     */
    public static TapQuery of(String adql) {
        return builder(adql).build();
    }

    /**
     * Starts a builder.
     *
     * @param adql the ADQL text
     * @return a new builder
     */
    public static Builder builder(String adql) {
        return new Builder(adql);
    }

    /** @return the ADQL text */
    public String adql() {
        return adql;
    }

    /** @return the row limit to send as {@code MAXREC}, if set */
    public OptionalLong maxRecords() {
        return maxRecords < 0 ? OptionalLong.empty() : OptionalLong.of(maxRecords);
    }

    /** @return the {@code RESPONSEFORMAT} to send, if set */
    public Optional<String> responseFormat() {
        return Optional.ofNullable(responseFormat);
    }

    /** @return the {@code RUNID} to send, if set */
    public Optional<String> runId() {
        return Optional.ofNullable(runId);
    }

    /** @return the tables sent with the query, in the order given */
    public List<TableUpload> uploads() {
        return uploads;
    }

    /** @return how {@link io.cadc4j.core.Cadc#query(TapQuery)} runs the query; {@link Mode#SYNC} unless set */
    public Mode mode() {
        return mode;
    }

    /**
     * How long a sync request for this query may wait for the start of its answer, when set
     * (else the transport's request timeout): with {@link Mode#AUTO}, how soon it gives up on sync
     * and runs the query as an async job. A sync request with a timeout of its own is sent once,
     * never retried (retries would multiply the wait the caller bounded).
     *
     * @return the timeout, if set
     */
    public Optional<Duration> syncTimeout() {
        return Optional.ofNullable(syncTimeout);
    }

    /**
     * How long {@link io.cadc4j.core.Cadc#query(TapQuery)} waits for the async job of this query
     * to end ({@link Mode#ASYNC}, or {@link Mode#AUTO} once it has switched), when set; else one
     * hour. A job not done by then is deleted (or, with a job journal, kept there to resume) and
     * the call fails with {@link io.cadc4j.core.CadcTimeoutException}.
     *
     * @return the wait, if set
     */
    public Optional<Duration> jobTimeout() {
        return Optional.ofNullable(jobTimeout);
    }

    /**
     * A builder holding this query's text and parameters, to change some of them.
     *
     * <pre>{@code
     * TapQuery auto = query.toBuilder().mode(TapQuery.Mode.AUTO).build();
     * }</pre>
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(adql);
        b.maxRecords = maxRecords;
        b.responseFormat = responseFormat;
        b.runId = runId;
        b.uploads.addAll(uploads);
        b.mode = mode;
        b.syncTimeout = syncTimeout;
        b.jobTimeout = jobTimeout;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TapQuery)) {
            return false;
        }
        TapQuery q = (TapQuery) o;
        return adql.equals(q.adql) && maxRecords == q.maxRecords && Objects.equals(responseFormat, q.responseFormat)
                && Objects.equals(runId, q.runId) && uploads.equals(q.uploads) && mode == q.mode
                && Objects.equals(syncTimeout, q.syncTimeout) && Objects.equals(jobTimeout, q.jobTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(adql, maxRecords, responseFormat, runId, uploads, mode, syncTimeout, jobTimeout);
    }

    @Override
    public String toString() {
        return "TapQuery[" + adql + (maxRecords >= 0 ? ", MAXREC=" + maxRecords : "")
                + (mode == Mode.SYNC ? "" : ", " + mode) + "]";
    }

    /** Collects a query's parameters. Single-threaded. */
    public static final class Builder {
        private final String adql;
        private long maxRecords = -1;
        private String responseFormat;
        private String runId;
        private final List<TableUpload> uploads = new ArrayList<>();
        private Mode mode = Mode.SYNC;
        private Duration syncTimeout;
        private Duration jobTimeout;

        private Builder(String adql) {
            Objects.requireNonNull(adql, "adql");
            if (adql.isBlank()) {
                throw new IllegalArgumentException("the ADQL query is blank");
            }
            this.adql = adql;
        }

        /**
         * Sets the row limit, sent as {@code MAXREC}; 0 asks for metadata only.
         *
         * @param maxRecords a non-negative row count
         * @return this builder
         */
        public Builder maxRecords(long maxRecords) {
            if (maxRecords < 0) {
                throw new IllegalArgumentException("maxRecords must not be negative: " + maxRecords);
            }
            this.maxRecords = maxRecords;
            return this;
        }

        /**
         * Sets the response format, sent as {@code RESPONSEFORMAT} (a MIME type or an alias such as
         * {@code votable}, {@code csv}).
         *
         * @param format the format
         * @return this builder
         */
        public Builder responseFormat(String format) {
            this.responseFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * Sets an opaque tag the service records with the query, sent as {@code RUNID}.
         *
         * @param runId the tag
         * @return this builder
         */
        public Builder runId(String runId) {
            this.runId = Objects.requireNonNull(runId, "runId");
            return this;
        }

        /**
         * Adds a table to send with the query.
         *
         * @param upload the table
         * @return this builder
         * @throws IllegalArgumentException if a table of the same name (ignoring case) was added
         */
        public Builder upload(TableUpload upload) {
            Objects.requireNonNull(upload, "upload");
            for (TableUpload u : uploads) {
                if (u.name().equalsIgnoreCase(upload.name())) {
                    throw new IllegalArgumentException("two upload tables named '" + upload.name() + "'");
                }
            }
            uploads.add(upload);
            return this;
        }

        /**
         * Sets how {@link io.cadc4j.core.Cadc#query(TapQuery)} runs the query.
         *
         * @param mode sync, async, or auto
         * @return this builder
         */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Sets how long a sync request may wait for the start of its answer (see
         * {@link TapQuery#syncTimeout()}).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder syncTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("syncTimeout must be positive: " + timeout);
            }
            this.syncTimeout = timeout;
            return this;
        }

        /**
         * Sets how long an async run waits for its job to end (see {@link TapQuery#jobTimeout()}).
         *
         * <pre>{@code
         * TapQuery.builder(adql).mode(TapQuery.Mode.ASYNC).jobTimeout(Duration.ofHours(6)).build()
         * }</pre>
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder jobTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("jobTimeout must be positive: " + timeout);
            }
            this.jobTimeout = timeout;
            return this;
        }

        /** @return the query */
        public TapQuery build() {
            return new TapQuery(this);
        }
    }
}
