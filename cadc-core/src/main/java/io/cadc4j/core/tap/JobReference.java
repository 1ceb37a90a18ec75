// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.tap;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One job in a UWS job list (UWS 1.1 §2.2.1.1, {@code jobref}): its id, its URL and the short
 * description the list carries. Some services (Gaia) embed whole job documents in the list
 * instead; {@link #details()} then holds them.
 *
 * <p>Immutable and thread-safe.
 */
public final class JobReference {
    private final String id;
    private final URI href;
    private final ExecutionPhase phase;
    private final String runId;
    private final String ownerId;
    private final Instant creationTime;
    private final JobInfo details;

    private JobReference(String id, URI href, ExecutionPhase phase, String runId, String ownerId,
            Instant creationTime, JobInfo details) {
        this.id = id;
        this.href = href;
        this.phase = phase;
        this.runId = runId;
        this.ownerId = ownerId;
        this.creationTime = creationTime;
        this.details = details;
    }

    /**
     * Makes a reference from a {@code jobref}.
     *
     * @param id the job id
     * @param href the job's URL as listed, or empty
     * @param phase the phase as listed, or empty
     * @param runId the run id, or empty
     * @param ownerId the owner id, or empty
     * @param creationTime the creation time, or empty
     * @return the reference
     */
    public static JobReference of(String id, Optional<URI> href, Optional<ExecutionPhase> phase,
            Optional<String> runId, Optional<String> ownerId, Optional<Instant> creationTime) {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("the job id is blank");
        }
        return new JobReference(id, href.orElse(null), phase.orElse(null), runId.orElse(null),
                ownerId.orElse(null), creationTime.orElse(null), null);
    }

    /**
     * Makes a reference from a whole job document embedded in a list.
     *
     * @param job the job
     * @param href the job's URL, or empty when the list does not give it
     * @return the reference
     */
    public static JobReference of(JobInfo job, Optional<URI> href) {
        Objects.requireNonNull(job, "job");
        return new JobReference(job.jobId(), href.orElse(null), job.phase(), job.runId().orElse(null),
                job.ownerId().orElse(null), job.creationTime().orElse(null), job);
    }

    /** @return the job id */
    public String id() {
        return id;
    }

    /** @return the job's URL as the list gives it; when absent, the job is {@code {async}/{id}} */
    public Optional<URI> href() {
        return Optional.ofNullable(href);
    }

    /** @return the phase as listed, if the list gives it */
    public Optional<ExecutionPhase> phase() {
        return Optional.ofNullable(phase);
    }

    /** @return the run id, if listed */
    public Optional<String> runId() {
        return Optional.ofNullable(runId);
    }

    /** @return the owner id, if listed */
    public Optional<String> ownerId() {
        return Optional.ofNullable(ownerId);
    }

    /** @return the creation time, if listed */
    public Optional<Instant> creationTime() {
        return Optional.ofNullable(creationTime);
    }

    /** @return the whole job document, when the list embedded it */
    public Optional<JobInfo> details() {
        return Optional.ofNullable(details);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JobReference)) {
            return false;
        }
        JobReference j = (JobReference) o;
        return id.equals(j.id) && Objects.equals(href, j.href) && phase == j.phase && Objects.equals(runId, j.runId)
                && Objects.equals(ownerId, j.ownerId) && Objects.equals(creationTime, j.creationTime)
                && Objects.equals(details, j.details);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, href, phase);
    }

    @Override
    public String toString() {
        return "JobReference[" + id + (phase == null ? "" : " " + phase) + "]";
    }
}
