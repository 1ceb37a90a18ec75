// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.tap.AsyncJob;
import io.cadc4j.core.tap.JobJournal;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What happens to a running async job when the command is told to stop (SIGINT from Ctrl-C,
 * SIGTERM) before the job's result is out: by default the job is aborted and deleted on the
 * server and forgotten by the journal; with {@code --keep-job} it keeps running, stays in the
 * journal, and the line that resumes it is printed. The JVM then exits with 128 plus the signal's
 * number (130 for SIGINT). A SIGKILL runs nothing: the journal entry stays, so
 * {@code cadc job list --local} shows the job.
 *
 * <p>A step of the command's one {@link Shutdown} path while installed, acting on
 * {@link Shutdown.Reason#SIGNAL} only (a failing run deletes its job itself); {@link #close()}
 * unregisters it once the job's result is out (or the job is dealt with otherwise).
 *
 * <p>Thread-safe: the step runs in the JVM's shutdown thread while the command's thread may still
 * be waiting on the job.
 */
final class JobGuard implements AutoCloseable {
    private final AsyncJob job;
    private final JobJournal journal;
    private final boolean keep;
    private final PrintStream err;
    private final AtomicBoolean fired = new AtomicBoolean();
    private Shutdown.Registration registration;

    private JobGuard(AsyncJob job, JobJournal journal, boolean keep, PrintStream err) {
        this.job = job;
        this.journal = journal;
        this.keep = keep;
        this.err = err;
    }

    /**
     * Installs a guard for a job.
     *
     * @param shutdown the command's shutdown path
     * @param job the job
     * @param journal the journal it is recorded in
     * @param keep whether a signal leaves the job running ({@code --keep-job})
     * @param err standard error
     * @return the guard; close it once the job is dealt with
     */
    static JobGuard install(Shutdown shutdown, AsyncJob job, JobJournal journal, boolean keep, PrintStream err) {
        JobGuard g = new JobGuard(job, journal, keep, err);
        g.registration = shutdown.register((keep ? "leave job " : "abort and delete job ") + job.id(), reason -> {
            if (reason == Shutdown.Reason.SIGNAL) {
                g.onSignal();
            }
        });
        return g;
    }

    /** The line that resumes a job. */
    static String resumeLine(AsyncJob job) {
        return "cadc job resume " + job.uri();
    }

    /** @return whether a signal has been dealt with (the process is ending) */
    boolean fired() {
        return fired.get();
    }

    /**
     * Called by the command's thread when its work failed: if the failure came from the signal
     * (the job aborted under it, its connection closed), the process is ending; the thread waits
     * for the JVM to exit rather than report a failure that is not one.
     */
    void holdIfFired() {
        if (!fired.get()) {
            return;
        }
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void onSignal() {
        if (!fired.compareAndSet(false, true)) {
            return;
        }
        if (keep) {
            err.println();
            err.println("cadc: interrupted; job " + job.id() + " keeps running on the server. Resume it with:");
            err.println("  " + resumeLine(job));
            err.flush();
            return;
        }
        StringBuilder said = new StringBuilder("cadc: interrupted; job " + job.id());
        try {
            job.abort();
            said.append(" aborted");
        } catch (RuntimeException e) {
            said.append(" could not be aborted (").append(e.getMessage()).append(")");
        }
        try {
            job.delete();
            said.append(" and deleted on the server");
            journal.remove(job.uri());
        } catch (RuntimeException e) {
            said.append("; it could not be deleted (").append(e.getMessage()).append("); resume or delete it with: ")
                    .append(resumeLine(job));
        }
        err.println();
        err.println(said);
        err.flush();
    }

    /** The job is dealt with: a signal from now on does nothing to it. */
    @Override
    public void close() {
        registration.close();
    }
}
