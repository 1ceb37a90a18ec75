// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.CadcInterruptedException;
import io.cadc4j.core.QueryException;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.tap.AsyncJob;
import io.cadc4j.core.tap.JobInfo;
import io.cadc4j.core.tap.JobJournal;
import io.cadc4j.core.tap.ResultReference;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Sees a started async job through to its result, the one way both {@code cadc query --async}
 * and {@code cadc job resume} do: waits for it, writes its result, deletes it (unless kept),
 * keeping the journal up to date and a {@link JobGuard} installed while the job is live.
 *
 * <p>Stateless and thread-safe.
 */
final class JobRunner {
    /** How many times a result written to a file is fetched at most. */
    static final int RESULT_ATTEMPTS = 3;

    private JobRunner() {
    }

    /**
     * Waits for a job and writes its result as the command's options say.
     *
     * @param root the command
     * @param job the job, started
     * @param journal the journal it is recorded in
     * @param maxRecords the MAXREC the query asked for, or -1
     * @param keep whether the job is kept on the server (and in the journal) afterwards and on a signal
     * @return the exit code
     */
    static int complete(CadcCommand root, AsyncJob job, JobJournal journal, long maxRecords, boolean keep) {
        boolean done = false;
        try (JobGuard guard = JobGuard.install(root.shutdown, job, journal, keep, root.err)) {
            try {
                note(journal, job, job.info());
                Jobs.await(job, root.timeout().orElse(Jobs.DEFAULT_WAIT), root.err, root.liveProgress());
                note(journal, job, job.info());
                job.raiseIfError();
                int code = emitRestarting(root, job::fetchResult, maxRecords);
                done = true;
                return code;
            } catch (RuntimeException | Error e) {
                guard.holdIfFired();
                throw e;
            }
        } finally {
            if (!keep) {
                try {
                    job.delete();
                    journal.remove(job.uri());
                } catch (RuntimeException e) {
                    root.err.println("cadc: warning: could not delete job " + job.id() + ": " + e.getMessage()
                            + (done ? "" : "; it stays in the journal: " + JobGuard.resumeLine(job)));
                }
            }
        }
    }

    /**
     * Writes a result as {@link CadcCommand#emit} does; when it goes to a file ({@code -o}) and
     * breaks off on the way (a dropped connection the transport could not resume with a range,
     * a truncated document), fetches it again from the start, up to {@link #RESULT_ATTEMPTS}
     * times in all, saying so on standard error. The file appears only once whole: the reader
     * reaches the document's end before the file is moved into place. Standard output is never
     * restarted (what was printed cannot be taken back).
     *
     * @param root the command
     * @param fetch fetches the result (again)
     * @param maxRecords the MAXREC asked for, or -1
     * @return the exit code
     */
    static int emitRestarting(CadcCommand root, Supplier<RowCursor> fetch, long maxRecords) {
        int attempts = root.output == null ? 1 : RESULT_ATTEMPTS;
        for (int attempt = 1;; attempt++) {
            try {
                return root.emit(fetch.get(), maxRecords);
            } catch (QueryException | ServiceException | CadcInterruptedException e) {
                throw e;
            } catch (CadcException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                root.err.println("cadc: the result broke off (" + e.getMessage() + "); fetching it again from the "
                        + "start (attempt " + (attempt + 1) + " of " + attempts + ")");
            }
        }
    }

    /**
     * Records what the service says of a job now; a job the journal does not hold is left out.
     *
     * @param journal the journal
     * @param job the job
     * @param info what the service said
     */
    static void note(JobJournal journal, AsyncJob job, JobInfo info) {
        journal.find(job.uri().toString()).ifPresent(e -> journal.record(e.seen(info.phase(),
                info.mainResult().map(ResultReference::href).orElse(null), info.destruction().orElse(null))));
        journal.prune(Instant.now());
    }
}
