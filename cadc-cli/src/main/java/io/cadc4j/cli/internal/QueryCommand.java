// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.CadcTimeoutException;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.tap.AsyncJob;
import io.cadc4j.core.tap.JobJournal;
import io.cadc4j.core.tap.QueryPayload;
import io.cadc4j.core.tap.TapQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
                Optional<String> why = maxrec != null ? trySync(cadc, query) : trySyncWithinLimit(cadc, query);
                if (why.isEmpty()) {
                    return ExitCodes.OK;
                }
                root.err.println("cadc: " + why.get() + "; running the query as an async job instead");
            } else if (!asAsync) {
                return JobRunner.emitRestarting(root, () -> cadc.execSync(query), maxrec == null ? -1 : maxrec);
            }
            return runAsync(cadc, query);
        }
    }

    /**
     * AUTO with a MAXREC the user gave: the sync query as asked (its limit is the user's, so an
     * overflow stays a warning); only a timeout before the first byte sends it to async.
     *
     * @return why it must go async, or empty when it ran
     */
    private Optional<String> trySync(Cadc cadc, TapQuery query) {
        RowCursor rows;
        try {
            rows = cadc.execSync(query);
        } catch (CadcTimeoutException e) {
            return Optional.of("the sync request timed out before the first byte (" + e.getMessage() + ")");
        }
        JobRunner.emitRestarting(root, new Once(rows, () -> cadc.execSync(query)), maxrec);
        return Optional.empty();
    }

    /**
     * AUTO without a MAXREC: the sync result is written to a spool file first; if the service cut
     * it at its own limit (OVERFLOW), it is thrown away and the query goes async, else the spool
     * becomes the output.
     *
     * @return why it must go async, or empty when it ran
     */
    private Optional<String> trySyncWithinLimit(Cadc cadc, TapQuery query) {
        Path spool = null;
        try {
            RowCursor rows;
            try {
                rows = cadc.execSync(query);
            } catch (CadcTimeoutException e) {
                return Optional.of("the sync request timed out before the first byte (" + e.getMessage() + ")");
            }
            spool = Files.createTempFile("cadc-auto-", ".part");
            spool.toFile().deleteOnExit();
            long count;
            boolean overflow;
            try (RowCursor r = rows; OutputStream o = Files.newOutputStream(spool)) {
                count = TableWriter.write(root.format(), r, o, root.terminal.width());
                overflow = r.isOverflow();
            }
            if (overflow) {
                return Optional.of("the service cut the sync result at its row limit (" + count + " rows, OVERFLOW)");
            }
            Path written = spool;
            if (root.output == null) {
                Files.copy(written, root.out);
                root.out.flush();
            } else {
                root.writeAtomically(root.output, o -> Files.copy(written, o));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + (root.output == null ? "the result" : root.output)
                    + " failed: " + e.getMessage(), e);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException e) {
                    root.err.println("cadc: warning: could not remove " + spool + ": " + e.getMessage());
                }
            }
        }
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
