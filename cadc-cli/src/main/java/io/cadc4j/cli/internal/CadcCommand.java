// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.AuthenticationException;
import io.cadc4j.core.Cadc;
import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.auth.BasicCredentials;
import io.cadc4j.core.auth.NetrcFile;
import io.cadc4j.core.auth.Realm;
import io.cadc4j.core.datalink.DataLink;
import io.cadc4j.core.datalink.DownloadOutcome;
import io.cadc4j.core.datalink.LinkSet;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.tap.JobJournal;
import io.cadc4j.core.tap.TableUpload;
import io.cadc4j.core.tap.TapQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code cadc} command: global options, and what every subcommand shares (opening the
 * facade with the credentials asked for, writing a table, reporting a failure).
 *
 * <p>Single-threaded: one object per run.
 */
@Command(name = "cadc", mixinStandardHelpOptions = true, versionProvider = CadcCommand.Version.class,
        description = "Query the Canadian Astronomy Data Centre (or any IVOA TAP service) from the shell.",
        subcommands = {QueryCommand.class, RegionCommand.class, NameCommand.class, CollectionsCommand.class,
            TablesCommand.class, UrlsCommand.class, CutoutsCommand.class, DownloadCommand.class, JobCommand.class},
        footer = ExitCodes.HELP, usageHelpAutoWidth = true)
final class CadcCommand implements Callable<Integer> {
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

    final PrintStream out;
    final PrintStream err;
    final Terminal terminal;
    private final Consumer<Cadc.Builder> customiser;

    @Spec
    CommandSpec spec;

    @Option(names = "--registry", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Registry file services are looked up in (default: CADC's).")
    URI registry;

    @Option(names = "--tap-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "A TAP service's base URL, used directly with no registry.")
    URI tapUrl;

    @Option(names = "--datalink-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "A DataLink links endpoint, used directly with no registry.")
    URI dataLinkUrl;

    @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Log in as this user; the password is asked for on the terminal, without echo.")
    String user;

    @Option(names = "--netrc", scope = ScopeType.INHERIT, paramLabel = "FILE", arity = "0..1", fallbackValue = "",
            description = "Send HTTP basic credentials from a netrc file (default $NETRC, else ~/.netrc), "
                    + "looked up by the TAP service's host.")
    String netrc;

    @Option(names = "--cert", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Authenticate with a PEM client certificate and key (e.g. ~/.ssl/cadcproxy.pem).")
    Path cert;

    @Option(names = "--timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
            description = "Longest wait for an answer, and for an async job (e.g. 30s, 5m, 1h, PT2M).")
    String timeout;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show stack traces with errors.")
    boolean verbose;

    @Option(names = "--format", scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: table).")
    Format format;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Write the result to FILE (it appears only once complete) instead of standard output.")
    Path output;

    CadcCommand(PrintStream out, PrintStream err, Terminal terminal, Consumer<Cadc.Builder> customiser) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.customiser = customiser;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(out);
        return ExitCodes.USAGE;
    }

    /** The timeout asked for, if any. */
    Optional<Duration> timeout() {
        if (timeout == null) {
            return Optional.empty();
        }
        String t = timeout.strip().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE_DURATION.matcher(t);
        Duration d;
        if (m.matches()) {
            double v = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double ms;
            switch (unit) {
                case "ms":
                    ms = v;
                    break;
                case "m":
                case "min":
                    ms = v * 60_000;
                    break;
                case "h":
                    ms = v * 3_600_000;
                    break;
                default:
                    ms = v * 1000;
            }
            d = Duration.ofMillis(Math.round(ms));
        } else {
            try {
                d = Duration.parse(timeout.strip().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new ExitCodes.UsageException("--timeout: not a duration: '" + timeout
                        + "' (write 30s, 5m, 1h or an ISO-8601 duration such as PT2M)");
            }
        }
        if (d.isZero() || d.isNegative()) {
            throw new ExitCodes.UsageException("--timeout must be positive: '" + timeout + "'");
        }
        return Optional.of(d);
    }

    /** The output format, {@code table} by default. */
    Format format() {
        return format == null ? Format.table : format;
    }

    /**
     * Opens the facade with the options given, and the credentials asked for.
     *
     * @return the facade; the caller closes it
     */
    Cadc open() {
        return open(b -> { });
    }

    /**
     * The job journal the command records its async jobs in: {@code $XDG_STATE_HOME/cadc4j/jobs},
     * else {@code ~/.local/state/cadc4j/jobs}.
     *
     * @return the journal
     */
    JobJournal journal() {
        return JobJournal.at(JobJournal.defaultDirectory(terminal.environment(), terminal.home()));
    }

    /**
     * Opens the facade as {@link #open()} does, with a last change to the builder.
     *
     * @param extra applied after the options, before the test customiser
     * @return the facade; the caller closes it
     */
    Cadc open(Consumer<Cadc.Builder> extra) {
        if ((user != null ? 1 : 0) + (netrc != null ? 1 : 0) + (cert != null ? 1 : 0) > 1) {
            throw new ExitCodes.UsageException("give only one of --user, --netrc and --cert");
        }
        Cadc.Builder b = Cadc.builder();
        if (registry != null) {
            b.registry(registry);
        }
        if (tapUrl != null) {
            b.tapUrl(tapUrl);
        }
        if (dataLinkUrl != null) {
            b.dataLinkUrl(dataLinkUrl);
        }
        timeout().ifPresent(b::requestTimeout);
        b.jobJournal(journal().directory());
        extra.accept(b);
        customiser.accept(b);
        Cadc cadc = b.build();
        try {
            if (cert != null) {
                cadc.login(cert);
            } else if (user != null) {
                loginWithPassword(cadc);
            } else if (netrc != null) {
                useNetrc(cadc);
            }
            return cadc;
        } catch (RuntimeException e) {
            cadc.close();
            throw e;
        }
    }

    private void loginWithPassword(Cadc cadc) {
        char[] password = terminal.readPassword("Password for " + user + ": ").orElseThrow(() ->
                new ExitCodes.UsageException("--user needs a terminal to ask for the password; "
                        + "use --netrc FILE or --cert FILE when there is none"));
        char[] copy = Arrays.copyOf(password, password.length);
        try {
            try {
                cadc.login(user, password);
            } catch (NotFoundException e) {
                // No login service (a plain TAP service, a DaCHS registry): the service's own HTTP
                // basic is the way in, sent only to the TAP host.
                URI tap = cadc.tapEndpoints().base();
                cadc.useCredentials(BasicCredentials.of(user, copy, realmOf(tap)));
                if (verbose) {
                    err.println("cadc: no login service (" + e.getMessage() + "); using HTTP basic with " + tap.getHost());
                }
            }
        } finally {
            Arrays.fill(copy, '\0');
            Arrays.fill(password, '\0');
        }
    }

    private void useNetrc(Cadc cadc) {
        Path file;
        if (netrc.isEmpty()) {
            file = NetrcFile.locate(terminal.environment(), terminal.home()).orElseThrow(() ->
                    new ExitCodes.UsageException("--netrc: there is no $NETRC file and no ~/.netrc"));
        } else {
            file = Path.of(netrc);
        }
        URI tap = cadc.tapEndpoints().base();
        NetrcFile parsed = NetrcFile.read(file);
        try {
            Optional<BasicCredentials> basic = parsed.basicFor(tap.getHost(), "http".equalsIgnoreCase(tap.getScheme()));
            if (basic.isEmpty()) {
                throw new AuthenticationException("the netrc file " + file + " has no entry for " + tap.getHost(), 0,
                        tap, null);
            }
            cadc.useCredentials(basic.get());
        } finally {
            parsed.destroy();
        }
    }

    private static Realm realmOf(URI service) {
        return Realm.builder().host(service.getHost()).httpAllowed("http".equalsIgnoreCase(service.getScheme())).build();
    }

    /**
     * Parses {@code --upload NAME=FILE} values: a file, or a URL the service fetches.
     *
     * @param uploads the values
     * @param options where to add them
     */
    static void addUploads(List<String> uploads, TapQuery.Builder options) {
        for (String u : uploads) {
            int eq = u.indexOf('=');
            if (eq <= 0 || eq == u.length() - 1) {
                throw new ExitCodes.UsageException("--upload takes NAME=FILE (or NAME=URL), not '" + u + "'");
            }
            String name = u.substring(0, eq);
            String where = u.substring(eq + 1);
            if (where.startsWith("http://") || where.startsWith("https://")) {
                try {
                    options.upload(TableUpload.ofUrl(name, new URI(where)));
                } catch (URISyntaxException e) {
                    throw new ExitCodes.UsageException("--upload " + name + ": not a URL: '" + where + "'");
                }
            } else {
                Path file = Path.of(where);
                if (!Files.isReadable(file)) {
                    throw new ExitCodes.UsageException("--upload " + name + ": no readable file " + file);
                }
                options.upload(TableUpload.ofFile(name, file));
            }
        }
    }

    /**
     * Writes a table to standard output or to {@code -o FILE} (atomically), then warns on standard
     * error if the service cut it at its row limit.
     *
     * @param rows the rows; closed here
     * @param maxRecords the limit asked for, or -1 for the service's default
     * @return the exit code
     */
    int emit(RowCursor rows, long maxRecords) {
        try (RowCursor r = rows) {
            long count;
            if (output == null) {
                count = TableWriter.write(format(), r, out, terminal.width());
                out.flush();
            } else {
                count = writeAtomically(output, o -> TableWriter.write(format(), r, o, terminal.width()));
            }
            if (r.isOverflow()) {
                err.println("cadc: warning: the result was cut at the row limit (overflow): " + count + " rows, limit "
                        + (maxRecords >= 0 ? "MAXREC=" + maxRecords : "the service's default (" + count + ")"));
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("writing " + (output == null ? "the result" : output) + " failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Prints the access URLs of links, one per line, and reports the error rows on standard error.
     *
     * @param links the links
     * @return {@link ExitCodes#OK}, or {@link ExitCodes#PARTIAL} when there were error rows
     */
    int printLinks(LinkSet links) {
        for (DataLink l : links.links()) {
            out.println(l.accessUrl().get());
        }
        out.flush();
        return reportLinkErrors(links.errors());
    }

    /**
     * Reports DataLink error rows on standard error, one line each.
     *
     * @param errors the error rows
     * @return {@link ExitCodes#OK} when there are none, else {@link ExitCodes#PARTIAL}
     */
    int reportLinkErrors(List<DataLink> errors) {
        for (DataLink e : errors) {
            err.println("cadc: no link for " + e.id() + ": " + e.errorMessage().orElse("(no message)")
                    .replaceAll("\\s*\\R\\s*", " "));
        }
        return errors.isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    /**
     * Prints the path of every file downloaded and reports every failure on standard error.
     *
     * @param outcomes the outcomes
     * @return {@link ExitCodes#OK} when all succeeded, else {@link ExitCodes#PARTIAL}
     */
    int printDownloads(List<DownloadOutcome> outcomes) {
        int failed = 0;
        for (DownloadOutcome o : outcomes) {
            if (o.failure().isPresent()) {
                failed++;
                String m = o.failure().get().getMessage();
                m = m == null ? o.failure().get().toString() : m.replaceAll("\\s*\\R\\s*", " ");
                String url = o.request().uri().toString();
                // the library's messages usually name the URL already
                err.println("cadc: download failed: " + (m.contains(url) ? m : url + ": " + m));
                if (verbose) {
                    o.failure().get().printStackTrace(err);
                }
            } else {
                out.println(o.path().map(Path::toString).orElse(o.request().uri().toString())
                        + (o.status() == DownloadOutcome.Status.SKIPPED ? " (already there)" : ""));
            }
        }
        out.flush();
        if (failed > 0) {
            err.println("cadc: " + failed + " of " + outcomes.size() + " downloads failed");
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    /** Something that writes into a stream and returns a count. */
    interface StreamWriter {
        long write(OutputStream out) throws IOException;
    }

    static long writeAtomically(Path target, StreamWriter writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            long n;
            try (OutputStream o = Files.newOutputStream(tmp)) {
                n = writer.write(o);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return n;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reports a failure: one line on stderr, with the stack trace only under {@code -v}.
     *
     * @param e the failure
     */
    void report(Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
        err.println("cadc: " + (ExitCodes.of(e) == ExitCodes.FAILURE && !(e instanceof java.io.UncheckedIOException)
                ? e.getClass().getSimpleName() + ": " : "") + message.replaceAll("\\s*\\R\\s*", " "));
        if (verbose) {
            e.printStackTrace(err);
        }
    }

    /** The version line of {@code --version}. Stateless. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CadcCommand.class.getPackage().getImplementationVersion();
            return new String[] {"cadc " + (v == null ? "(development build)" : v) + ", Java " + Runtime.version()};
        }
    }
}
