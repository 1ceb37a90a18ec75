// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.tap;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a UWS job as the server described it in its job document (UWS 1.1 §2.2.1): phase,
 * times, owner, parameters, results, error summary and any {@code jobInfo}.
 *
 * <p>A snapshot does not change; ask the job again for a newer one. Absent and {@code xsi:nil}
 * elements are empty {@code Optional}s.
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class JobInfo {
    private final String jobId;
    private final String runId;
    private final String ownerId;
    private final ExecutionPhase phase;
    private final Instant quote;
    private final Instant creationTime;
    private final Instant startTime;
    private final Instant endTime;
    private final Duration executionDuration;
    private final Instant destruction;
    private final List<JobParameter> parameters;
    private final List<ResultReference> results;
    private final ErrorSummary errorSummary;
    private final Map<String, String> jobInfo;
    private final String version;

    private JobInfo(Builder b) {
        this.jobId = b.jobId;
        this.runId = b.runId;
        this.ownerId = b.ownerId;
        this.phase = b.phase;
        this.quote = b.quote;
        this.creationTime = b.creationTime;
        this.startTime = b.startTime;
        this.endTime = b.endTime;
        this.executionDuration = b.executionDuration;
        this.destruction = b.destruction;
        this.parameters = List.copyOf(b.parameters);
        this.results = List.copyOf(b.results);
        this.errorSummary = b.errorSummary;
        this.jobInfo = Collections.unmodifiableMap(new LinkedHashMap<>(b.jobInfo));
        this.version = b.version;
    }

    /**
     * Starts a builder.
     *
     * @param jobId the job id
     * @param phase the phase
     * @return a new builder
     */
    public static Builder builder(String jobId, ExecutionPhase phase) {
        return new Builder(jobId, phase);
    }

    /** @return the job id */
    public String jobId() {
        return jobId;
    }

    /** @return the caller's run id, if set */
    public Optional<String> runId() {
        return Optional.ofNullable(runId);
    }

    /** @return the owner's id, if the server names one */
    public Optional<String> ownerId() {
        return Optional.ofNullable(ownerId);
    }

    /** @return the phase at the time of the snapshot */
    public ExecutionPhase phase() {
        return phase;
    }

    /** @return when the server expects the job to finish, if it says */
    public Optional<Instant> quote() {
        return Optional.ofNullable(quote);
    }

    /** @return when the job was created (UWS 1.1), if given */
    public Optional<Instant> creationTime() {
        return Optional.ofNullable(creationTime);
    }

    /** @return when the job started, if it has */
    public Optional<Instant> startTime() {
        return Optional.ofNullable(startTime);
    }

    /** @return when the job ended, if it has */
    public Optional<Instant> endTime() {
        return Optional.ofNullable(endTime);
    }

    /** @return how long the job may run; zero means no limit (UWS 1.1 §2.2.1.5); empty when not given */
    public Optional<Duration> executionDuration() {
        return Optional.ofNullable(executionDuration);
    }

    /** @return when the server will destroy the job, if it says */
    public Optional<Instant> destruction() {
        return Optional.ofNullable(destruction);
    }

    /** @return the parameters, in document order */
    public List<JobParameter> parameters() {
        return parameters;
    }

    /**
     * The value of the first parameter with an id, compared without regard to case (servers write
     * {@code QUERY} or {@code query}).
     *
     * @param id the parameter id
     * @return the value, or empty when absent or empty
     */
    public Optional<String> parameter(String id) {
        Objects.requireNonNull(id, "id");
        for (JobParameter p : parameters) {
            if (p.id().equalsIgnoreCase(id) && !p.value().isEmpty()) {
                return Optional.of(p.value());
            }
        }
        return Optional.empty();
    }

    /** @return the results, in document order */
    public List<ResultReference> results() {
        return results;
    }

    /**
     * TAP's main result: the one with id {@code result}, else one whose href ends in
     * {@code /results/result}, else the only result.
     *
     * @return the main result, if the job lists one
     */
    public Optional<ResultReference> mainResult() {
        for (ResultReference r : results) {
            if (ResultReference.MAIN_RESULT_ID.equals(r.id())) {
                return Optional.of(r);
            }
        }
        for (ResultReference r : results) {
            if (r.isMainResult()) {
                return Optional.of(r);
            }
        }
        return results.size() == 1 ? Optional.of(results.get(0)) : Optional.empty();
    }

    /** @return the error summary, present when the job failed and the server said why */
    public Optional<ErrorSummary> errorSummary() {
        return Optional.ofNullable(errorSummary);
    }

    /**
     * The text of each leaf element inside {@code jobInfo}, keyed by its path below {@code jobInfo}:
     * element names joined with {@code /}, each in Clark notation ({@code {namespace}local}) when
     * namespaced, so that same-named elements of different namespaces stay apart.
     *
     * @return the entries in document order; empty when the job has no {@code jobInfo}
     */
    public Map<String, String> jobInfo() {
        return jobInfo;
    }

    /** @return the UWS version on the root element ({@code 1.1}); empty for UWS 1.0 documents */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JobInfo)) {
            return false;
        }
        JobInfo j = (JobInfo) o;
        return jobId.equals(j.jobId) && Objects.equals(runId, j.runId) && Objects.equals(ownerId, j.ownerId)
                && phase == j.phase && Objects.equals(quote, j.quote) && Objects.equals(creationTime, j.creationTime)
                && Objects.equals(startTime, j.startTime) && Objects.equals(endTime, j.endTime)
                && Objects.equals(executionDuration, j.executionDuration) && Objects.equals(destruction, j.destruction)
                && parameters.equals(j.parameters) && results.equals(j.results)
                && Objects.equals(errorSummary, j.errorSummary) && jobInfo.equals(j.jobInfo)
                && Objects.equals(version, j.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobId, phase, creationTime, startTime, endTime, results);
    }

    @Override
    public String toString() {
        return "JobInfo[" + jobId + " " + phase + "]";
    }

    /** Collects a job's description. Single-threaded. */
    public static final class Builder {
        private final String jobId;
        private final ExecutionPhase phase;
        private String runId;
        private String ownerId;
        private Instant quote;
        private Instant creationTime;
        private Instant startTime;
        private Instant endTime;
        private Duration executionDuration;
        private Instant destruction;
        private final List<JobParameter> parameters = new ArrayList<>();
        private final List<ResultReference> results = new ArrayList<>();
        private ErrorSummary errorSummary;
        private final Map<String, String> jobInfo = new LinkedHashMap<>();
        private String version;

        private Builder(String jobId, ExecutionPhase phase) {
            Objects.requireNonNull(jobId, "jobId");
            if (jobId.isBlank()) {
                throw new IllegalArgumentException("the job id is blank");
            }
            this.jobId = jobId;
            this.phase = Objects.requireNonNull(phase, "phase");
        }

        /**
         * Sets the run id.
         *
         * @param runId the run id
         * @return this builder
         */
        public Builder runId(String runId) {
            this.runId = Objects.requireNonNull(runId, "runId");
            return this;
        }

        /**
         * Sets the owner id.
         *
         * @param ownerId the owner id
         * @return this builder
         */
        public Builder ownerId(String ownerId) {
            this.ownerId = Objects.requireNonNull(ownerId, "ownerId");
            return this;
        }

        /**
         * Sets the quote.
         *
         * @param quote the expected end
         * @return this builder
         */
        public Builder quote(Instant quote) {
            this.quote = Objects.requireNonNull(quote, "quote");
            return this;
        }

        /**
         * Sets the creation time.
         *
         * @param time the time
         * @return this builder
         */
        public Builder creationTime(Instant time) {
            this.creationTime = Objects.requireNonNull(time, "time");
            return this;
        }

        /**
         * Sets the start time.
         *
         * @param time the time
         * @return this builder
         */
        public Builder startTime(Instant time) {
            this.startTime = Objects.requireNonNull(time, "time");
            return this;
        }

        /**
         * Sets the end time.
         *
         * @param time the time
         * @return this builder
         */
        public Builder endTime(Instant time) {
            this.endTime = Objects.requireNonNull(time, "time");
            return this;
        }

        /**
         * Sets the execution duration.
         *
         * @param duration the duration; zero means no limit
         * @return this builder
         */
        public Builder executionDuration(Duration duration) {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("negative execution duration: " + duration);
            }
            this.executionDuration = duration;
            return this;
        }

        /**
         * Sets the destruction time.
         *
         * @param time the time
         * @return this builder
         */
        public Builder destruction(Instant time) {
            this.destruction = Objects.requireNonNull(time, "time");
            return this;
        }

        /**
         * Adds a parameter.
         *
         * @param parameter the parameter
         * @return this builder
         */
        public Builder parameter(JobParameter parameter) {
            parameters.add(Objects.requireNonNull(parameter, "parameter"));
            return this;
        }

        /**
         * Adds a result.
         *
         * @param result the result
         * @return this builder
         */
        public Builder result(ResultReference result) {
            results.add(Objects.requireNonNull(result, "result"));
            return this;
        }

        /**
         * Sets the error summary.
         *
         * @param summary the summary
         * @return this builder
         */
        public Builder errorSummary(ErrorSummary summary) {
            this.errorSummary = Objects.requireNonNull(summary, "summary");
            return this;
        }

        /**
         * Adds a {@code jobInfo} entry.
         *
         * @param path the element path below {@code jobInfo}
         * @param text the element's text
         * @return this builder
         */
        public Builder jobInfo(String path, String text) {
            jobInfo.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(text, "text"));
            return this;
        }

        /**
         * Sets the UWS version of the document.
         *
         * @param version the version, e.g. {@code 1.1}
         * @return this builder
         */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** @return the job description */
        public JobInfo build() {
            return new JobInfo(this);
        }
    }
}
