// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.CadcInterruptedException;
import io.cadc4j.core.CadcTimeoutException;
import io.cadc4j.core.tap.AsyncJob;
import io.cadc4j.core.tap.ExecutionPhase;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Waits for jobs, drawing progress on stderr only when it is a terminal.
 *
 * <p>Stateless and thread-safe.
 */
final class Jobs {
    /** How long the command waits for a job when {@code --timeout} is not given. */
    static final Duration DEFAULT_WAIT = Duration.ofHours(1);
    private static final Duration SLICE = Duration.ofSeconds(2);

    private Jobs() {
    }

    /**
     * Waits until the job leaves its active phases.
     *
     * @param job the job
     * @param timeout the longest wait
     * @param err standard error
     * @param progress whether to draw progress there
     * @return the phase reached
     * @throws CadcTimeoutException if the job is still active at the deadline
     */
    static ExecutionPhase await(AsyncJob job, Duration timeout, PrintStream err, boolean progress) {
        try {
            if (!progress) {
                return job.awaitCompletion(timeout);
            }
            long start = System.nanoTime();
            long deadline = start + timeout.toNanos();
            int drawn = 0;
            try {
                while (true) {
                    long left = deadline - System.nanoTime();
                    Duration slice = left < SLICE.toNanos() ? Duration.ofNanos(Math.max(left, 1)) : SLICE;
                    try {
                        return job.awaitCompletion(slice);
                    } catch (CadcTimeoutException e) {
                        ExecutionPhase phase = job.phase();
                        if (System.nanoTime() >= deadline) {
                            throw new CadcTimeoutException("job " + job.id() + " at " + job.uri() + " is still " + phase
                                    + " after " + timeout, job.uri(), e);
                        }
                        String line = "job " + job.id() + ": " + phase + ", "
                                + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s";
                        err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
                        err.flush();
                        drawn = line.length();
                    }
                }
            } finally {
                if (drawn > 0) {
                    // the phase line goes when the job ends: what follows starts on a clean line
                    err.print("\r" + " ".repeat(drawn) + "\r");
                    err.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CadcInterruptedException(job.uri(), e);
        }
    }
}
