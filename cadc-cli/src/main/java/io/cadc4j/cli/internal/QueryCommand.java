// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.tap.AsyncJob;
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
                return root.printPayload(p);
            }
            if (!async) {
                return root.emit(cadc.execSync(query), maxrec == null ? -1 : maxrec);
            }
            AsyncJob job = cadc.createAsync(query);
            try {
                job.run();
                Jobs.await(job, root.timeout().orElse(Jobs.DEFAULT_WAIT), root.err, root.liveProgress());
                job.raiseIfError();
                return root.emit(job.fetchResult(), maxrec == null ? -1 : maxrec);
            } finally {
                deleteQuietly(job);
            }
        }
    }

    private void deleteQuietly(AsyncJob job) {
        try {
            job.delete();
        } catch (RuntimeException e) {
            root.warn("could not delete job " + job.id() + ": " + root.messages().of(e));
        }
    }
}
