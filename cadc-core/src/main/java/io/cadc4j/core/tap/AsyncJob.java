// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.tap;

import io.cadc4j.core.table.RowCursor;
import java.net.URI;
import java.time.Duration;

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

    /** Starts the job (a POST of {@code PHASE=RUN} to its phase resource). */
    void run();

    /**
     * Waits until the job leaves its active phases, or the deadline passes.
     *
     * @param timeout the longest total wait
     * @return the phase the job reached
     * @throws InterruptedException if the waiting thread is interrupted
     * @throws io.cadc4j.core.CadcTimeoutException if the job is still active at the deadline
     */
    ExecutionPhase awaitCompletion(Duration timeout) throws InterruptedException;

    /**
     * Throws if the job ended in ERROR or ABORTED.
     *
     * @throws io.cadc4j.core.QueryException with the job's error summary
     */
    void raiseIfError();

    /**
     * Streams the job's main result.
     *
     * @return a cursor over the result rows
     */
    RowCursor fetchResult();

    /** Asks the server to stop the job (a POST of {@code PHASE=ABORT}). */
    void abort();

    /** Deletes the job on the server. */
    void delete();
}
