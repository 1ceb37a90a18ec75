// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.facade;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.CadcInterruptedException;
import io.cadc4j.core.CadcTimeoutException;
import io.cadc4j.core.internal.io.CountingOutputStream;
import io.cadc4j.core.registry.TableAccess;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.tap.AsyncJob;
import io.cadc4j.core.tap.JobJournal;
import io.cadc4j.core.tap.ResultFormat;
import io.cadc4j.core.tap.SyncAttempt;
import io.cadc4j.core.tap.TapPort;
import io.cadc4j.core.tap.TapQuery;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The two steps of {@link TapQuery.Mode#AUTO} and the whole of {@link TapQuery.Mode#ASYNC}, in one
 * place for the facade and the command.
 *
 * <p>The sync step: with a {@code MAXREC} the query set, the sync answer streams as it is (its
 * limit is the query's own, an overflow stays the caller's to see), and only a timeout while it
 * opens sends the query to async. Without one, the answer is kept, byte for byte, in a temporary
 * file while it arrives (memory does not grow with it), then read through to see whether the
 * service cut it at its own limit: {@code OVERFLOW}, or as many rows as the row limit its
 * capabilities declare. If it did, the file is removed and the query goes async; if not, the
 * caller reads the file, removed when the cursor closes. A timeout before a single byte of the
 * answer arrived also sends the query to async; one after that fails as it is (part of the answer
 * came, so the service was answering).
 *
 * <p>Stateless and thread-safe.
 */
public final class AutoSync {
    private static final System.Logger LOG = System.getLogger("io.cadc4j.core");

    /** How long {@link #complete} waits for a job when nothing else is said. */
    public static final Duration DEFAULT_WAIT = Duration.ofHours(1);

    private AutoSync() {
    }

    /**
     * Runs the sync step of an AUTO query, whatever the query's mode says.
     *
     * @param tap the port
     * @param query the query
     * @return the result that stands, or why the query must go async
     */
    public static SyncAttempt attempt(TapPort tap, TapQuery query) {
        TapQuery sync = query.toBuilder().mode(TapQuery.Mode.SYNC).build();
        if (query.maxRecords().isPresent()) {
            try {
                return SyncAttempt.ran(tap.query(sync));
            } catch (CadcTimeoutException e) {
                return SyncAttempt.goAsync(timedOut(e));
            }
        }
        Path spool;
        try {
            spool = Files.createTempFile("cadc4j-auto-", ".xml");
        } catch (IOException e) {
            throw new CadcException("cannot make a temporary file to keep the sync result in: " + e, null, false, e);
        }
        boolean handedOver = false;
        try {
            CountingOutputStream out;
            try (OutputStream file = Files.newOutputStream(spool)) {
                out = new CountingOutputStream(new BufferedOutputStream(file, 64 * 1024));
                try {
                    tap.writeResult(sync, ResultFormat.VOTABLE, out);
                } catch (CadcTimeoutException e) {
                    if (out.count() == 0) {
                        return SyncAttempt.goAsync(timedOut(e));
                    }
                    throw e;
                }
                out.flush();
            }
            URI source = tap.endpoints().sync();
            long rows = 0;
            boolean overflow;
            try (RowCursor scan = tap.read(Files.newInputStream(spool), source)) {
                while (scan.next()) {
                    rows++;
                }
                overflow = scan.isOverflow();
            }
            if (overflow) {
                return SyncAttempt.goAsync("the service cut the sync result at its row limit (" + rows
                        + " rows, OVERFLOW)");
            }
            OptionalLong limit = declaredRowLimit(tap);
            if (limit.isPresent() && rows >= limit.getAsLong()) {
                return SyncAttempt.goAsync("the sync result has as many rows as the service's declared limit ("
                        + rows + " rows)");
            }
            InputStream in = Files.newInputStream(spool);
            RowCursor kept = tap.read(in, source);
            handedOver = true;
            return SyncAttempt.ran(new ClosingCursor(kept, () -> remove(spool)));
        } catch (IOException e) {
            throw new CadcException("keeping the sync result in " + spool + " failed: " + e, null, false, e);
        } finally {
            if (!handedOver) {
                remove(spool);
            }
        }
    }

    /**
     * Sees a created job through: runs it, waits, and returns its result; the job is deleted (and
     * left out of the journal) once the cursor closes. A wait that is interrupted deletes the job
     * (which aborts it); one that runs out of time does too, unless a journal holds it: then it
     * keeps running, to be picked up later ({@code cadc job resume}). A job that fails is deleted.
     * When the client's overall timeout has run out, no DELETE can be sent any more: the
     * exception then says the job may still be running, and where it is.
     *
     * @param job the job, created
     * @param journal the journal it is recorded in, or null
     * @param wait how long to wait for it
     * @return its rows; the caller closes them
     */
    public static RowCursor complete(AsyncJob job, JobJournal journal, Duration wait) {
        try {
            job.run();
            job.awaitCompletion(wait, journal == null);
            job.raiseIfError();
            RowCursor rows = job.fetchResult();
            return new ClosingCursor(rows, () -> delete(job, journal));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delete(job, journal);
            throw new CadcInterruptedException(job.uri(), e);
        } catch (CadcTimeoutException e) {
            if (journal != null) {
                throw new CadcTimeoutException(e.getMessage() + "; the job keeps running, kept in the journal: "
                        + job.uri(), job.uri(), e);
            }
            if (delete(job, null)) {
                throw e;
            }
            // An overall timeout that ran out leaves no time to send the DELETE either.
            throw new CadcTimeoutException(e.getMessage() + "; the job could not be deleted and may still be "
                    + "running: " + job.uri(), job.uri(), e);
        } catch (RuntimeException | Error e) {
            delete(job, journal);
            throw e;
        }
    }

    /** Deletes the job and forgets it; a failure is logged (the caller has its own to report). */
    private static boolean delete(AsyncJob job, JobJournal journal) {
        try {
            job.delete();
            if (journal != null) {
                journal.remove(job.uri());
            }
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not delete job {0}: {1}", job.uri(), e.getMessage());
            return false;
        }
    }

    /** The row limit the service declares for queries that set none, if it declares one in rows. */
    private static OptionalLong declaredRowLimit(TapPort tap) {
        return tap.endpoints().tableAccess().flatMap(TableAccess::outputLimit)
                .filter(l -> TableAccess.Limit.ROW.equals(l.unit()))
                .map(TableAccess.Limit::defaultValue).orElse(OptionalLong.empty());
    }

    private static String timedOut(CadcTimeoutException e) {
        return "the sync request timed out before any of its answer arrived (" + e.getMessage() + ")";
    }

    private static void remove(Path spool) {
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not remove the temporary file {0}: {1}", spool, e.toString());
        }
    }
}
