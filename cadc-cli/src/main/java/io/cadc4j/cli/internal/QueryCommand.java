// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.tap.AsyncJob;
import io.cadc4j.core.tap.JobJournal;
import io.cadc4j.core.tap.QueryPayload;
import io.cadc4j.core.tap.TapQuery;
import java.util.ArrayList;
import java.util.List;
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
        try (Cadc cadc = root.open()) {
            if (dryRun) {
                QueryPayload p = async ? QueryPayload.of(cadc.tapEndpoints().async(), query)
                        : cadc.payloadOf(query);
                root.out.println(p.method() + " " + p.uri());
                root.out.println("Content-Type: " + p.contentType());
                p.parameters().forEach(e -> root.out.println(e.getKey() + "=" + e.getValue()));
                p.inlineTables().forEach(t -> root.out.println("(part " + t.name() + ": "
                        + t.file().map(Object::toString).orElse("written while sent") + ")"));
                return ExitCodes.OK;
            }
            if (!async) {
                return JobRunner.emitRestarting(root, () -> cadc.execSync(query), maxrec == null ? -1 : maxrec);
            }
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
    }

    private void deleteQuietly(AsyncJob job, JobJournal journal) {
        try {
            job.delete();
            journal.remove(job.uri());
        } catch (RuntimeException e) {
            root.err.println("cadc: warning: could not delete job " + job.id() + ": " + e.getMessage());
        }
    }
}
