// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.tap.AsyncJob;
import io.cadc4j.core.tap.JobJournal;
import io.cadc4j.core.tap.QueryPayload;
import io.cadc4j.core.tap.SyncAttempt;
import io.cadc4j.core.tap.TapQuery;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code cadc query}: runs ADQL, synchronously or as an async job. Single-threaded. */
@Command(name = "query", description = "Run an ADQL query and print its result.", mixinStandardHelpOptions = true)
final class QueryCommand implements Callable<Integer> {
    @ParentCommand
    CadcCommand root;

    @Option(names = "--async", description = "Run the query as an asynchronous job (waits for it, then deletes it).")
    boolean async;

    /** How a query runs. */
    enum Mode {
        /** Synchronously. */
        sync,
        /** As an async job. */
        async,
        /** Synchronously, as an async job when the service's sync limit or a timeout would fail it. */
        auto
    }

    @Option(names = "--mode", paramLabel = "MODE", description = "sync (the default), async (as --async), or auto: "
            + "sync, switching to an async job (journaled, waited for) when the service's sync row limit cuts the "
            + "result or the sync request times out before its first byte; a --maxrec you give is kept.")
    Mode mode;

    @Option(names = "--sync-timeout", paramLabel = "DURATION", description = "With --mode auto: how long the "
            + "sync request may wait for its answer to start before the query runs as an async job instead "
            + "(e.g. 30s, 5m; default: the request timeout).")
    String syncTimeout;

    @Option(names = "--keep-job", description = "With --async: keep the job on the server (and in the local "
            + "journal) when interrupted or done; Ctrl-C then prints the 'cadc job resume' line.")
    boolean keepJob;

    @Option(names = "--maxrec", paramLabel = "N", description = "Row limit sent to the service (MAXREC).")
    Long maxrec;

    @Option(names = "--upload", paramLabel = "NAME=FILE",
            description = "Send a VOTable file (or a URL the service fetches), queried as TAP_UPLOAD.NAME.")
    List<String> uploads = new ArrayList<>();

    @Option(names = "--dry-run", description = "Print the request (method, URL, parameters) instead of sending it.")
    boolean dryRun;

    @Parameters(paramLabel = "ADQL", description = "The query.")
    String adql;

    @Override
    public Integer call() {
        TapQuery.Builder o = TapQuery.builder(adql);
        if (maxrec != null) {
            o.maxRecords(maxrec);
        }
        CadcCommand.addUploads(uploads, o);
        TapQuery query = o.build();
        if (syncTimeout != null && mode != Mode.auto) {
            throw new ExitCodes.UsageException("--sync-timeout goes with --mode auto");
        }
        if (async && mode != null && mode != Mode.async) {
            throw new ExitCodes.UsageException("--async and --mode " + mode + " contradict each other");
        }
        boolean asAsync = async || mode == Mode.async;
        try (Cadc cadc = root.open()) {
            if (dryRun) {
                QueryPayload p = asAsync ? QueryPayload.of(cadc.tapEndpoints().async(), query)
                        : cadc.payloadOf(query);
                return root.printPayload(p);
            }
            if (mode == Mode.auto) {
                TapQuery auto = syncTimeout == null ? query : query.toBuilder().syncTimeout(syncTimeout()).build();
                try (SyncAttempt attempt = cadc.attemptSync(auto)) {
                    if (attempt.rows().isPresent()) {
                        // A restart (a result to -o that broke off) runs the query sync again as asked.
                        return JobRunner.emitRestarting(root, new Once(attempt.rows().get(),
                                () -> cadc.execSync(query)), maxrec == null ? -1 : maxrec);
                    }
                    root.err.println("cadc: " + attempt.asyncReason().orElseThrow()
                            + "; running the query as an async job instead");
                }
            } else if (!asAsync) {
                return JobRunner.emitRestarting(root, () -> cadc.execSync(query), maxrec == null ? -1 : maxrec);
            }
            return runAsync(cadc, query);
        }
    }

    private Duration syncTimeout() {
        try {
            String t = syncTimeout.strip().toUpperCase(Locale.ROOT);
            Duration d = Duration.parse(t.startsWith("P") ? t : "PT" + t);
            if (!d.isZero() && !d.isNegative()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new ExitCodes.UsageException("--sync-timeout: not a positive duration: '" + syncTimeout
                + "' (write 30s, 5m, 1h or PT2M)");
    }

    /** The rows already fetched, then fresh ones on a restart. */
    private static final class Once implements Supplier<RowCursor> {
        private RowCursor first;
        private final Supplier<RowCursor> again;

        Once(RowCursor first, Supplier<RowCursor> again) {
            this.first = first;
            this.again = again;
        }

        @Override
        public RowCursor get() {
            RowCursor r = first;
            first = null;
            return r != null ? r : again.get();
        }
    }

    private int runAsync(Cadc cadc, TapQuery query) {
        AsyncJob job = cadc.createAsync(query);
        JobJournal journal = cadc.jobJournal().orElseGet(root::journal);
        try {
            job.run();
        } catch (RuntimeException e) {
            if (!keepJob) {
                deleteQuietly(job, journal);
            }
            throw e;
        }
        return JobRunner.complete(root, job, journal, maxrec == null ? -1 : maxrec, keepJob);
    }

    private void deleteQuietly(AsyncJob job, JobJournal journal) {
        try {
            job.delete();
            journal.remove(job.uri());
        } catch (RuntimeException e) {
            root.warn("could not delete job " + job.id() + ": " + root.messages().of(e));
        }
    }
}
