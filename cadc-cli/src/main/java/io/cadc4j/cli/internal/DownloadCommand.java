// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.datalink.DownloadOutcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code cadc download}: fetches files by URL with the credentials given, chosen by each URL's
 * host; no registry or DataLink service is asked. URLs come from the arguments, or from standard
 * input ({@code -}, or no argument with standard input not a terminal), one per line, so that
 * {@code cadc urls ... | cadc download -d data/} works. Single-threaded.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = {"Download files by URL into a directory, printing each file's path; each failure is "
                + "reported on stderr while the others complete.",
            "With '-' (or no URL and standard input not a terminal) the URLs are read from standard input, one per "
                + "line; blank lines and lines starting with # are skipped: cadc urls --query ... | cadc download -d data/",
            "An interrupted download leaves NAME.part, which the next run resumes."})
final class DownloadCommand implements Callable<Integer> {
    @ParentCommand
    CadcCommand root;

    @Parameters(paramLabel = "URL", arity = "0..*", description = "The URLs, or - for standard input.")
    List<String> urls = new ArrayList<>();

    @Option(names = {"-d", "--directory"}, paramLabel = "DIR", defaultValue = ".",
            description = "Where the files go, created if missing (default: the current directory).")
    Path directory;

    @Override
    public Integer call() {
        List<String> texts = new ArrayList<>();
        boolean fromStdin = urls.isEmpty() ? !root.terminal.stdinIsTerminal() : urls.contains("-");
        if (urls.isEmpty() && !fromStdin) {
            throw new ExitCodes.UsageException("download needs URLs: as arguments, or on standard input "
                    + "(cadc urls ... | cadc download -d DIR)");
        }
        if (fromStdin && root.passwordStdin) {
            throw new ExitCodes.UsageException("--password-stdin and URLs on standard input cannot share it; "
                    + "give the URLs as arguments, or use --netrc");
        }
        for (String u : urls) {
            if (!"-".equals(u)) {
                texts.add(u);
            }
        }
        if (fromStdin) {
            texts.addAll(readUrls());
            if (texts.isEmpty()) {
                throw new ExitCodes.UsageException("standard input holds no URL");
            }
        }
        List<URI> parsed = new ArrayList<>();
        for (String u : texts) {
            parsed.add(parse(u));
        }
        try (Cadc cadc = root.openForDownloads(parsed); Progress progress = root.progress(parsed.size())) {
            List<DownloadOutcome> outcomes = cadc.download(parsed, directory, progress);
            progress.close();
            return root.printDownloads(outcomes);
        }
    }

    private List<String> readUrls() {
        List<String> out = new ArrayList<>();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(root.terminal.stdin(), StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
        } catch (IOException e) {
            throw new ExitCodes.UsageException("standard input cannot be read: " + e.getMessage());
        }
        return out;
    }

    private static URI parse(String u) {
        try {
            URI uri = new URI(u);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new ExitCodes.UsageException("not an http(s) URL: '" + u + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ExitCodes.UsageException("not a URL: '" + u + "' (" + e.getReason() + ")");
        }
    }
}
