// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.tap;

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
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class TapQuery {
    private final String adql;
    private final long maxRecords;
    private final String responseFormat;
    private final String runId;
    private final List<TableUpload> uploads;

    private TapQuery(Builder b) {
        this.adql = b.adql;
        this.maxRecords = b.maxRecords;
        this.responseFormat = b.responseFormat;
        this.runId = b.runId;
        this.uploads = List.copyOf(b.uploads);
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

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TapQuery)) {
            return false;
        }
        TapQuery q = (TapQuery) o;
        return adql.equals(q.adql) && maxRecords == q.maxRecords && Objects.equals(responseFormat, q.responseFormat)
                && Objects.equals(runId, q.runId) && uploads.equals(q.uploads);
    }

    @Override
    public int hashCode() {
        return Objects.hash(adql, maxRecords, responseFormat, runId, uploads);
    }

    @Override
    public String toString() {
        return "TapQuery[" + adql + (maxRecords >= 0 ? ", MAXREC=" + maxRecords : "") + "]";
    }

    /** Collects a query's parameters. Single-threaded. */
    public static final class Builder {
        private final String adql;
        private long maxRecords = -1;
        private String responseFormat;
        private String runId;
        private final List<TableUpload> uploads = new ArrayList<>();

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

        /** @return the query */
        public TapQuery build() {
            return new TapQuery(this);
        }
    }
}
