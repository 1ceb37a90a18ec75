// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.Cadc;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code cadc download}: fetches files by URL with the session's credentials. Single-threaded. */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Download files by URL (e.g. from 'cadc urls') into a directory, printing each file's path; "
                + "each failure is reported on stderr while the others complete.")
final class DownloadCommand implements Callable<Integer> {
    @ParentCommand
    CadcCommand root;

    @Parameters(paramLabel = "URL", arity = "1..*", description = "The URLs.")
    List<String> urls = new ArrayList<>();

    @Option(names = {"-d", "--directory"}, paramLabel = "DIR", defaultValue = ".",
            description = "Where the files go, created if missing (default: the current directory).")
    Path directory;

    @Override
    public Integer call() {
        List<URI> parsed = new ArrayList<>();
        for (String u : urls) {
            try {
                URI uri = new URI(u);
                if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                    throw new ExitCodes.UsageException("not an http(s) URL: '" + u + "'");
                }
                parsed.add(uri);
            } catch (URISyntaxException e) {
                throw new ExitCodes.UsageException("not a URL: '" + u + "' (" + e.getReason() + ")");
            }
        }
        try (Cadc cadc = root.open()) {
            return root.printDownloads(cadc.download(parsed, directory));
        }
    }
}
