// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.tap;

import io.cadc4j.core.table.RowCursor;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A TAP query running as a UWS job on the server.
 *
 * <p>Call order: {@link #run()}, {@link #awaitCompletion(Duration)}, {@link #raiseIfError()}, then
 * {@link #fetchResult()}; {@link #delete()} when done. Every method asks the server; none caches
 * the phase.
 *
 * <pre>{@code
 * AsyncJob job = tap.submit(TapQuery.of("select top 10 * from caom2.Plane"));
 * job.run();
 * job.awaitCompletion(Duration.ofMinutes(5));
 * job.raiseIfError();
 * try (RowCursor rows = job.fetchResult()) { ... }
 * job.delete();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public interface AsyncJob {

    /** @return the job id the server gave */
    String id();

    /** @return the job's URI */
    URI uri();

    /**
     * The job's current phase, asked of the server.
     *
     * @return the phase
     */
    ExecutionPhase phase();

    /**
     * The job's current description, asked of the server: phase, times, owner, run id, execution
     * duration, destruction, parameters, results and error summary.
     *
     * @return the snapshot
     */
    JobInfo info();

    /** Starts the job (a POST of {@code PHASE=RUN} to its phase resource). */
    void run();

    /**
     * Waits until the job leaves its active phases, or the deadline passes. Uses the UWS 1.1
     * blocking {@code WAIT} and falls back to polling with capped, jittered backoff when the server
     * returns at once.
     *
     * @param timeout the longest total wait
     * @return the phase the job reached
     * @throws InterruptedException if the waiting thread is interrupted
     * @throws io.cadc4j.core.CadcTimeoutException if the job is still active at the deadline
     */
    ExecutionPhase awaitCompletion(Duration timeout) throws InterruptedException;

    /**
     * Waits as {@link #awaitCompletion(Duration)} does and, if the wait is interrupted or times out
     * and {@code abortOnCancel} is true, asks the server to abort the job before throwing.
     *
     * @param timeout the longest total wait
     * @param abortOnCancel whether a cancelled wait aborts the job
     * @return the phase the job reached
     * @throws InterruptedException if the waiting thread is interrupted
     * @throws io.cadc4j.core.CadcTimeoutException if the job is still active at the deadline
     */
    ExecutionPhase awaitCompletion(Duration timeout, boolean abortOnCancel) throws InterruptedException;

    /**
     * Throws if the job ended in ERROR or ABORTED.
     *
     * @throws io.cadc4j.core.QueryException with the job's error summary (or its {@code /error}
     *     document) and the job id
     */
    void raiseIfError();

    /**
     * The job's results list.
     *
     * @return the results, in the server's order
     */
    List<ResultReference> results();

    /**
     * Streams the job's main result (id {@code result}).
     *
     * @return a cursor over the result rows
     * @throws io.cadc4j.core.NotFoundException if the job lists no main result
     */
    RowCursor fetchResult();

    /**
     * Writes the job's main result to a stream while it arrives, as {@link ResultFormat} describes;
     * the stream is flushed, not closed.
     *
     * @param format the format to write
     * @param out where to write
     * @throws io.cadc4j.core.NotFoundException if the job lists no main result
     */
    void writeResult(ResultFormat format, OutputStream out);

    /**
     * Writes the job's main result to a file, atomically (a temporary file moved into place once
     * the whole result is read).
     *
     * @param format the format to write
     * @param target the file to make or replace
     * @throws io.cadc4j.core.NotFoundException if the job lists no main result
     */
    void writeResult(ResultFormat format, Path target);

    /**
     * Sets when the server may destroy the job.
     *
     * @param when the destruction time
     */
    void setDestruction(Instant when);

    /**
     * Sets how long the job may run; zero asks for no limit. The server may cap it.
     *
     * @param duration the execution duration
     */
    void setExecutionDuration(Duration duration);

    /** Asks the server to stop the job (a POST of {@code PHASE=ABORT}). */
    void abort();

    /** Deletes the job on the server. */
    void delete();
}
