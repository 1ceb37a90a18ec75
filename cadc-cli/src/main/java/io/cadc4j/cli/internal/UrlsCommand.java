// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.datalink.LinkSet;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.votable.VOTableReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code cadc urls}: astroquery's {@code get_data_urls}. Single-threaded. */
@Command(name = "urls", mixinStandardHelpOptions = true,
        description = "Data URLs (DataLink) of the observations of a query or of a saved VOTable result "
                + "(astroquery's get_data_urls), one per line; identifiers without links are reported on stderr.")
final class UrlsCommand implements Callable<Integer> {
    @ParentCommand
    CadcCommand root;

    @Option(names = "--aux", description = "Every link but packages (previews, auxiliary files), not only #this.")
    boolean auxiliaries;

    @Option(names = "--dry-run", description = "With --query: print the query's request instead of sending it "
            + "(the DataLink calls depend on its answer).")
    boolean dryRun;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Where the publisher DIDs come from. Single-threaded. */
    static final class Source {
        @Option(names = "--query", paramLabel = "ADQL", required = true,
                description = "A query whose result has a publisherID column.")
        String adql;

        @Option(names = "--result", paramLabel = "FILE", required = true,
                description = "A VOTable saved earlier (e.g. with --format votable -o FILE) with a publisherID column.")
        Path file;
    }

    @Override
    public Integer call() {
        try (Cadc cadc = root.open()) {
            LinkSet links;
            if (dryRun) {
                if (source.adql == null) {
                    throw new ExitCodes.UsageException("--dry-run goes with --query (--result sends no query)");
                }
                return root.printPayload(cadc.payloadOf(source.adql));
            }
            if (source.adql != null) {
                try (RowCursor rows = cadc.execSync(source.adql)) {
                    links = resolve(cadc, rows);
                }
            } else {
                links = fromFile(cadc, source.file);
            }
            return root.printLinks(links);
        }
    }

    /** Resolves the rows' publisher DIDs, the progress of the DataLink calls on stderr, cleared before the links print. */
    private LinkSet resolve(Cadc cadc, RowCursor rows) {
        try (Progress progress = root.progress(0)) {
            return cadc.getDataUrls(rows, auxiliaries, progress);
        }
    }

    private LinkSet fromFile(Cadc cadc, Path file) {
        if (!Files.isReadable(file)) {
            throw new ExitCodes.UsageException("--result: no readable file " + file);
        }
        try (InputStream in = Files.newInputStream(file);
                RowCursor rows = VOTableReader.builder().build().open(in, file.toUri())) {
            return resolve(cadc, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " failed: " + e.getMessage(), e);
        }
    }
}
