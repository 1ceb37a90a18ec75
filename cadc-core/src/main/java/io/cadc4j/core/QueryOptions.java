// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core;

import io.cadc4j.core.tap.TableUpload;
import io.cadc4j.core.tap.TapQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@link Cadc#execSync} and {@link Cadc#createAsync} send with a query besides its ADQL: the
 * row limit ({@code MAXREC}, which astroquery forgets to send and cadc4j sends), tables to upload,
 * the response format and a run id.
 *
 * <pre>{@code
 * QueryOptions options = QueryOptions.builder()
 *         .maxRecords(1000)
 *         .upload(TableUpload.ofFile("targets", Path.of("targets.xml")))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class QueryOptions {
    private static final QueryOptions DEFAULTS = builder().build();

    private final long maxRecords;
    private final List<TableUpload> uploads;
    private final String responseFormat;
    private final String runId;

    private QueryOptions(Builder b) {
        this.maxRecords = b.maxRecords;
        this.uploads = List.copyOf(b.uploads);
        this.responseFormat = b.responseFormat;
        this.runId = b.runId;
    }

    /**
     * No options: the service's default row limit and format, no uploads.
     *
     * @return the empty options
     */
    public static QueryOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the row limit sent as {@code MAXREC}, if set */
    public OptionalLong maxRecords() {
        return maxRecords < 0 ? OptionalLong.empty() : OptionalLong.of(maxRecords);
    }

    /** @return the tables sent with the query, in the order given */
    public List<TableUpload> uploads() {
        return uploads;
    }

    /** @return the {@code RESPONSEFORMAT} sent, if set */
    public Optional<String> responseFormat() {
        return Optional.ofNullable(responseFormat);
    }

    /** @return the {@code RUNID} sent, if set */
    public Optional<String> runId() {
        return Optional.ofNullable(runId);
    }

    /**
     * The TAP query these options make with an ADQL text.
     *
     * @param adql the ADQL text
     * @return the query
     * @throws IllegalArgumentException if the ADQL is blank, or two uploads share a name
     */
    public TapQuery toQuery(String adql) {
        TapQuery.Builder b = TapQuery.builder(adql);
        if (maxRecords >= 0) {
            b.maxRecords(maxRecords);
        }
        uploads.forEach(b::upload);
        if (responseFormat != null) {
            b.responseFormat(responseFormat);
        }
        if (runId != null) {
            b.runId(runId);
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof QueryOptions)) {
            return false;
        }
        QueryOptions q = (QueryOptions) o;
        return maxRecords == q.maxRecords && uploads.equals(q.uploads) && Objects.equals(responseFormat, q.responseFormat)
                && Objects.equals(runId, q.runId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxRecords, uploads, responseFormat, runId);
    }

    @Override
    public String toString() {
        return "QueryOptions[" + (maxRecords >= 0 ? "MAXREC=" + maxRecords + " " : "") + "uploads=" + uploads
                + (responseFormat == null ? "" : " RESPONSEFORMAT=" + responseFormat)
                + (runId == null ? "" : " RUNID=" + runId) + "]";
    }

    /** Collects options. Single-threaded. */
    public static final class Builder {
        private long maxRecords = -1;
        private final List<TableUpload> uploads = new ArrayList<>();
        private String responseFormat;
        private String runId;

        private Builder() {
        }

        /**
         * Sets the row limit, sent as {@code MAXREC}; 0 asks for the columns only.
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
         * Adds a table to upload, queried as {@code TAP_UPLOAD.<name>}.
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
         * Sets the response format, sent as {@code RESPONSEFORMAT} (a MIME type or an alias such as
         * {@code votable} or {@code csv}); only {@link Cadc#execSync(String, QueryOptions, java.nio.file.Path)}
         * can keep a result that is not a VOTable.
         *
         * @param format the format
         * @return this builder
         */
        public Builder responseFormat(String format) {
            Objects.requireNonNull(format, "format");
            if (format.isBlank()) {
                throw new IllegalArgumentException("the response format is blank");
            }
            this.responseFormat = format;
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

        /** @return the options */
        public QueryOptions build() {
            return new QueryOptions(this);
        }
    }
}
