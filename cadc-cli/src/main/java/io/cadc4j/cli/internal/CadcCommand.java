// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.AuthenticationException;
import io.cadc4j.core.AuthorizationException;
import io.cadc4j.core.Cadc;
import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.ServiceLocation;
import io.cadc4j.core.auth.BasicCredentials;
import io.cadc4j.core.auth.CredentialSet;
import io.cadc4j.core.auth.Credentials;
import io.cadc4j.core.auth.NetrcFile;
import io.cadc4j.core.auth.Realm;
import io.cadc4j.core.sky.Coordinates;
import io.cadc4j.core.sky.NameResolution;
import io.cadc4j.core.datalink.DataLink;
import io.cadc4j.core.datalink.DownloadOutcome;
import io.cadc4j.core.datalink.LinkSet;
import io.cadc4j.core.spi.RetryPolicy;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.tap.JobJournal;
import io.cadc4j.core.tap.QueryPayload;
import io.cadc4j.core.tap.TableUpload;
import io.cadc4j.core.tap.TapQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        footer = ExitCodes.HELP, usageHelpAutoWidth = true)
final class CadcCommand implements Callable<Integer> {
    /**
     * The subcommands, in the order help lists them. Not in the annotation: {@link Main} adds only
     * the one a command line names, so that picocli does not build the model of every other one.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(QueryCommand.class, RegionCommand.class, NameCommand.class,
            ResolveCommand.class, CollectionsCommand.class, TablesCommand.class, UrlsCommand.class, CutoutsCommand.class,
            DownloadCommand.class, JobCommand.class);
    /** Made on first use: a SecureRandom set up at start-up costs every run the security providers. */
    private static final class Random {
        static final java.security.SecureRandom INSTANCE = new java.security.SecureRandom();
    }
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

    final PrintStream out;
    final PrintStream err;
    final Terminal terminal;
    final Shutdown shutdown;
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
            description = "Log in as this user; the password is asked for on the terminal (/dev/tty), "
                    + "without echo, even with the output redirected.")
    String user;

    @Option(names = "--password-stdin", scope = ScopeType.INHERIT,
            description = "With --user: read the password from the first line of standard input (for scripts).")
    boolean passwordStdin;

    @Option(names = "--netrc", scope = ScopeType.INHERIT, paramLabel = "FILE", arity = "0..1", fallbackValue = "",
            description = "Send HTTP basic credentials from a netrc file (default $NETRC, else $HOME/.netrc), "
                    + "looked up by the service's host (for 'download', by each URL's host).")
    String netrc;

    @Option(names = "--cert", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Authenticate with a PEM client certificate and key (e.g. ~/.ssl/cadcproxy.pem).")
    Path cert;

    @Option(names = "--timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
            description = "Longest time the whole command may take, retries, waits for an async job and downloads "
                    + "included (e.g. 30s, 5m, 1h, PT2M); it ends with exit code 3 when the time runs out.")
    String timeout;

    @Option(names = "--retries", scope = ScopeType.INHERIT, paramLabel = "N",
            description = "How many times a request that is safe to repeat is sent again when the service is busy "
                    + "(503, 429, 502, 504, honouring Retry-After) or the connection fails before an answer "
                    + "(default 3; 0 turns retries off).")
    Integer retries;

    /** When {@link #open()} started the clock of {@code --timeout}, in {@link System#nanoTime()} terms. */
    private long startNanos = System.nanoTime();

    @Option(names = "--resolver", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Which service turns target names (M31) into positions: sesame (CDS Sesame, the default, "
                    + "as astroquery) or cadc (CADC's target resolver, found in the registry).")
    String resolver;

    @Option(names = "--resolver-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The name resolver's endpoint, repeatable: Sesame mirrors (ending in nph-sesame/), asked in "
                    + "order, the next when one is down; or the CADC resolver's find URL.")
    List<URI> resolverUrls;

    @Option(names = "--no-resolve", scope = ScopeType.INHERIT,
            description = "Never resolve target names: a position must be written as coordinates.")
    boolean noResolve;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "-v: one log line per HTTP exchange, and stack traces with errors; "
                    + "-vv: the JDK's HTTP and TLS internals too.")
    boolean[] verbosity = new boolean[0];

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print no warnings and no progress (errors still go to stderr).")
    boolean quiet;

    @Option(names = "--progress", scope = ScopeType.INHERIT, paramLabel = "MODE",
            description = "Progress on stderr: auto (a live line when stderr is a terminal), "
                    + "plain (a line per finished item, for logs) or none (default: auto).")
    ProgressOption progress;

    @Option(names = "--columns", scope = ScopeType.INHERIT, paramLabel = "A,B", split = ",",
            description = "Only these columns, in this order (every format).")
    List<String> columns;

    @Option(names = "--format", scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: table).")
    Format format;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Write the result to FILE (it appears only once complete, as the umask allows) "
                    + "instead of standard output.")
    Path output;

    @Option(names = "--samp", scope = ScopeType.INHERIT,
            description = "Send the result to the tools of the running SAMP hub (TOPCAT, Aladin) instead of printing "
                    + "it; with cutouts --download, each FITS file (to Aladin, DS9).")
    boolean samp;

    @Option(names = "--samp-client", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "With --samp: send to this SAMP client only (e.g. topcat), not to all that accept it.")
    String sampClient;

    /** The values of {@code --progress}. */
    enum ProgressOption {
        /** A live line when stderr is a terminal. */
        auto,
        /** A line per finished item. */
        plain,
        /** Nothing. */
        none
    }

    CadcCommand(PrintStream out, PrintStream err, Terminal terminal, Consumer<Cadc.Builder> customiser) {
        this(out, err, terminal, customiser, new Shutdown());
    }

    CadcCommand(PrintStream out, PrintStream err, Terminal terminal, Consumer<Cadc.Builder> customiser,
            Shutdown shutdown) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.customiser = customiser;
        this.shutdown = shutdown;
    }

    /** Bare {@code cadc}: the usage on stderr, as for any other missing argument. */
    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return ExitCodes.USAGE;
    }

    /** @return how many times {@code -v} was given */
    int verbosity() {
        return verbosity.length;
    }

    /**
     * Writes a warning on stderr, unless {@code --quiet}.
     *
     * @param message the warning
     */
    void warn(String message) {
        if (!quiet) {
            err.println("cadc: warning: " + message);
        }
    }

    /**
     * The progress drawn for downloads and DataLink resolutions.
     *
     * @param count how many downloads there are, 0 when not known (or for a resolution)
     * @return the listener; close it when they end
     */
    Progress progress(int count) {
        Progress.Mode mode;
        ProgressOption p = progress == null ? ProgressOption.auto : progress;
        if (quiet || p == ProgressOption.none) {
            mode = Progress.Mode.NONE;
        } else if (p == ProgressOption.plain) {
            mode = Progress.Mode.PLAIN;
        } else {
            mode = terminal.interactive() ? Progress.Mode.LIVE : Progress.Mode.NONE;
        }
        int width = mode == Progress.Mode.LIVE ? terminal.width() : SystemTerminal.DEFAULT_WIDTH;
        return new Progress(mode, err, width, count, System::currentTimeMillis).clearedBy(shutdown);
    }

    /** @return whether a live phase line may be drawn while waiting for a job */
    boolean liveProgress() {
        return !quiet && (progress == null || progress == ProgressOption.auto) && terminal.interactive();
    }

    /** @return the messages of this run (durations echoed as the user wrote them) */
    Messages messages() {
        Duration d = null;
        try {
            d = timeout().orElse(null);
        } catch (ExitCodes.UsageException e) {
            d = null;
        }
        return new Messages(timeout, d);
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

    /**
     * How long an async job may still be waited for: what is left of {@code --timeout}, else
     * {@link Jobs#DEFAULT_WAIT}.
     *
     * @return the wait
     */
    Duration jobWait() {
        Optional<Duration> t = timeout();
        if (t.isEmpty()) {
            return Jobs.DEFAULT_WAIT;
        }
        Duration left = t.get().minusNanos(System.nanoTime() - startNanos);
        return left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left;
    }

    /** The output format, {@code table} by default. */
    Format format() {
        return format == null ? Format.table : format;
    }

    /**
     * Opens the facade with the options given, and the credentials asked for, sent to the TAP
     * service's host.
     *
     * @return the facade; the caller closes it
     */
    Cadc open() {
        return open(null, null, b -> { });
    }

    /**
     * The job journal the command records its async jobs in: {@code $XDG_STATE_HOME/cadc4j/jobs},
     * else {@code ~/.local/state/cadc4j/jobs}.
     *
     * @return the journal
     */
    JobJournal journal() {
        return JobJournal.at(JobJournal.defaultDirectory(terminal.environment(),
                terminal.home().orElseGet(() -> Path.of(System.getProperty("user.home")))));
    }

    /**
     * Opens the facade as {@link #open()} does, with a last change to the builder.
     *
     * @param extra applied after the options, before the test customiser
     * @return the facade; the caller closes it
     */
    Cadc open(Consumer<Cadc.Builder> extra) {
        return open(null, null, extra);
    }

    /**
     * Opens the facade as {@link #open()} does, but for the TAP service at this URL whatever
     * {@code --tap-url} says (for a job the journal recorded with its service).
     *
     * @param tapBaseUrl the TAP base URL
     * @return the facade; the caller closes it
     */
    Cadc openAt(URI tapBaseUrl) {
        return open(null, ServiceLocation.at(tapBaseUrl), b -> { });
    }

    /**
     * Opens the facade for downloads of plain URLs: nothing is resolved (no registry is asked), and
     * HTTP basic credentials ({@code --user}, {@code --netrc}) are chosen by each URL's host.
     *
     * @param urls the URLs to be downloaded
     * @return the facade; the caller closes it
     */
    Cadc openForDownloads(List<URI> urls) {
        return open(urls, null, b -> { });
    }

    private Cadc open(List<URI> downloads, ServiceLocation tap, Consumer<Cadc.Builder> extra) {
        if ((user != null ? 1 : 0) + (netrc != null ? 1 : 0) + (cert != null ? 1 : 0) > 1) {
            throw new ExitCodes.UsageException("give only one of --user, --netrc and --cert");
        }
        if (passwordStdin && user == null) {
            throw new ExitCodes.UsageException("--password-stdin goes with --user NAME");
        }
        if ((samp || sampClient != null) && output != null) {
            throw new ExitCodes.UsageException("give --samp or -o FILE, not both");
        }
        Cadc.Builder b = Cadc.builder();
        if (registry != null) {
            b.registry(registry);
        }
        if (tap != null) {
            b.tap(tap);
        } else if (tapUrl != null) {
            b.tap(ServiceLocation.at(tapUrl));
        }
        if (dataLinkUrl != null) {
            b.dataLink(ServiceLocation.at(dataLinkUrl));
        }
        if (retries != null) {
            if (retries < 0 || retries > 20) {
                throw new ExitCodes.UsageException("--retries must be 0 to 20: " + retries);
            }
            b.retryPolicy(RetryPolicy.ofRetries(retries));
        }
        Optional<Duration> overall = timeout();
        startNanos = System.nanoTime();
        overall.ifPresent(d -> b.requestTimeout(d).overallTimeout(d));

        timeout().ifPresent(b::requestTimeout);
        b.nameResolution(nameResolution());
        b.jobJournal(journal().directory());
        extra.accept(b);
        customiser.accept(b);
        Cadc cadc = b.build();
        try {
            if (cert != null) {
                cadc.login(cert);
            } else if (user != null) {
                loginWithPassword(cadc, downloads);
            } else if (netrc != null) {
                useNetrc(cadc, downloads);
            }
            return cadc;
        } catch (RuntimeException e) {
            cadc.close();
            throw e;
        }
    }

    /** The name resolution the options ask for. */
    private NameResolution nameResolution() {
        if (noResolve) {
            if (resolver != null || resolverUrls != null) {
                throw new ExitCodes.UsageException("--no-resolve turns name resolution off: give it without "
                        + "--resolver and --resolver-url");
            }
            return NameResolution.off();
        }
        NameResolution.Builder n = NameResolution.builder();
        if (resolver != null) {
            String r = resolver.strip().toLowerCase(Locale.ROOT);
            if (!r.equals("sesame") && !r.equals("cadc")) {
                throw new ExitCodes.UsageException("--resolver takes sesame or cadc, not '" + resolver + "'");
            }
            n.resolver(r);
        }
        if (resolverUrls != null) {
            try {
                n.endpoints(resolverUrls);
            } catch (IllegalArgumentException e) {
                throw new ExitCodes.UsageException("--resolver-url: " + e.getMessage());
            }
        }
        timeout().ifPresent(n::timeout);
        return n.build();
    }

    /**
     * The position a subcommand's COORDS argument stands for: coordinates as written, else a target
     * name resolved by the facade (never with {@code --no-resolve}, which makes a name a usage error).
     *
     * @param cadc the facade
     * @param text the argument
     * @return the ICRS position
     */
    Coordinates position(Cadc cadc, String text) {
        if (noResolve && Coordinates.parseIfCoordinate(text).isEmpty()) {
            throw new ExitCodes.UsageException("not a coordinate: \"" + text + "\", and --no-resolve turns name "
                    + "resolution off (accepted forms: " + Coordinates.ACCEPTED_FORMS + ")");
        }
        return cadc.coordinates(text);
    }

    /** The password: from standard input with --password-stdin, else from the terminal. */
    private char[] password() {
        if (passwordStdin) {
            try {
                char[] p = SystemTerminal.readLine(terminal.stdin());
                if (p.length == 0) {
                    throw new ExitCodes.UsageException("--password-stdin: standard input has no password");
                }
                return p;
            } catch (IOException e) {
                throw new ExitCodes.UsageException("--password-stdin: standard input cannot be read: "
                        + e.getMessage());
            }
        }
        return terminal.readPassword("Password for " + user + ": ").orElseThrow(() ->
                new ExitCodes.UsageException("--user needs a terminal to ask for the password; there is none, so "
                        + "give it on standard input with --password-stdin, or use --netrc [FILE] or --cert FILE"));
    }

    private void loginWithPassword(Cadc cadc, List<URI> downloads) {
        char[] password = password();
        try {
            if (downloads != null) {
                List<Credentials> each = new ArrayList<>();
                for (URI host : hostsOf(downloads)) {
                    each.add(BasicCredentials.of(user, password.clone(), realmOf(host)));
                }
                cadc.useCredentials(each.size() == 1 ? each.get(0) : CredentialSet.of(each));
                return;
            }
            char[] copy = Arrays.copyOf(password, password.length);
            try {
                cadc.login(user, password);
            } catch (NotFoundException e) {
                // No login service (a plain TAP service, a DaCHS registry): the service's own HTTP
                // basic is the way in, sent only to the TAP host.
                URI tap = cadc.tapEndpoints().base();
                cadc.useCredentials(BasicCredentials.of(user, copy, realmOf(tap)));
                if (verbosity() > 0) {
                    err.println("cadc: no login service (" + messages().clean(e.getMessage())
                            + "); using HTTP basic with " + tap.getHost());
                }
            } finally {
                Arrays.fill(copy, '\0');
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** One URI (scheme and authority) per distinct scheme, host and port. */
    private static List<URI> hostsOf(List<URI> urls) {
        Map<String, URI> hosts = new LinkedHashMap<>();
        for (URI u : urls) {
            String key = u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":"
                    + u.getPort();
            hosts.putIfAbsent(key, u);
        }
        return new ArrayList<>(hosts.values());
    }

    /**
     * The netrc file of {@code --netrc} with no value: {@code $NETRC}, else {@code $HOME/.netrc}.
     *
     * @return the file
     * @throws ExitCodes.UsageException naming every path tried, when there is none
     */
    Path locateNetrc() {
        List<String> tried = new ArrayList<>();
        String fromEnv = terminal.environment().get("NETRC");
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path p = Path.of(fromEnv);
            if (Files.isRegularFile(p)) {
                return p;
            }
            tried.add("$NETRC (" + p + ")");
        } else {
            tried.add("$NETRC (not set)");
        }
        Optional<Path> home = terminal.home();
        if (home.isPresent()) {
            Path p = home.get().resolve(".netrc");
            if (Files.isRegularFile(p)) {
                return p;
            }
            tried.add(p.toString());
        } else {
            tried.add("$HOME/.netrc ($HOME not set)");
        }
        throw new ExitCodes.UsageException("--netrc: no netrc file; tried " + String.join(", ", tried)
                + " (or give one: --netrc=FILE)");
    }

    private void useNetrc(Cadc cadc, List<URI> downloads) {
        Path file = netrc.isEmpty() ? locateNetrc() : Path.of(netrc);
        if (!Files.isReadable(file)) {
            throw new ExitCodes.UsageException("--netrc: " + file + ": " + (Files.exists(file) ? "permission denied"
                    : "no such file"));
        }
        List<URI> hosts = downloads != null ? hostsOf(downloads) : List.of(cadc.tapEndpoints().base());
        NetrcFile parsed = NetrcFile.read(file);
        try {
            List<Credentials> found = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (URI h : hosts) {
                Optional<BasicCredentials> basic = parsed.basicFor(h.getHost(), "http".equalsIgnoreCase(h.getScheme()));
                if (basic.isPresent()) {
                    found.add(basic.get());
                } else {
                    missing.add(h.getHost());
                }
            }
            if (found.isEmpty()) {
                throw new AuthenticationException("the netrc file " + file + " has no entry for "
                        + String.join(", ", missing), 0, hosts.get(0), null);
            }
            if (!missing.isEmpty()) {
                warn("the netrc file " + file + " has no entry for " + String.join(", ", missing));
            }
            cadc.useCredentials(found.size() == 1 ? found.get(0) : CredentialSet.of(found));
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
     * error if the service cut it at its row limit. Only a table going to a terminal is fitted to
     * its width; anything else gets every column and every character.
     *
     * @param rows the rows; closed here
     * @param maxRecords the limit asked for, or -1 for the service's default
     * @return the exit code
     */
    int emit(RowCursor rows, long maxRecords) {
        if (samp || sampClient != null) {
            return SampOutput.sendTable(this, rows, maxRecords);
        }
        RowCursor selected;
        try {
            selected = columns == null ? rows : ColumnSelection.of(rows, columns);
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
        try (RowCursor r = selected) {
            long count;
            if (output == null) {
                int width = terminal.stdoutIsTerminal() ? terminal.width() : 0;
                count = TableWriter.write(format(), r, out, width);
            } else {
                count = writeAtomically(output, o -> TableWriter.write(format(), r, o, 0));
            }
            if (r.isOverflow()) {
                warn("the result was cut at the row limit (overflow): " + count + " rows, limit "
                        + (maxRecords >= 0 ? "MAXREC=" + maxRecords : "the service's default (" + count + ")"));
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new OutputException(output == null ? "standard output" : output.toString(), e);
        }
    }

    /**
     * Prints the request a query would send, instead of sending it ({@code --dry-run}).
     *
     * @param p the request
     * @return {@link ExitCodes#OK}
     */
    int printPayload(QueryPayload p) {
        out.println(p.method() + " " + p.uri());
        out.println("Content-Type: " + p.contentType());
        p.parameters().forEach(e -> out.println(e.getKey() + "=" + e.getValue()));
        p.inlineTables().forEach(t -> out.println("(part " + t.name() + ": "
                + t.file().map(Object::toString).orElse("written while sent") + ")"));
        out.flush();
        return ExitCodes.OK;
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
            err.println("cadc: no link for " + e.id() + ": " + messages().clean(e.errorMessage().orElse("(no message)")));
        }
        return errors.isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    /**
     * Prints the path of every file downloaded and reports every failure on standard error.
     *
     * @param outcomes the outcomes
     * @return {@link ExitCodes#OK} when all succeeded; {@link ExitCodes#AUTHENTICATION} with a hint
     *     when every one failed for want of credentials (401, 403); {@link ExitCodes#SERVICE} when
     *     every one failed otherwise; {@link ExitCodes#PARTIAL} when some did and some did not
     */
    int printDownloads(List<DownloadOutcome> outcomes) {
        int failed = 0;
        int refused = 0;
        Messages m = messages();
        for (DownloadOutcome o : outcomes) {
            if (o.failure().isPresent()) {
                Throwable f = o.failure().get();
                failed++;
                if (f instanceof AuthenticationException || f instanceof AuthorizationException) {
                    refused++;
                }
                String text = m.of(f);
                String url = o.request().uri().toString();
                // the library's messages usually name the URL already
                err.println("cadc: download failed: " + (text.contains(url) ? text : url + ": " + text));
                if (verbosity() > 0) {
                    f.printStackTrace(err);
                }
            } else {
                out.println(o.path().map(Path::toString).orElse(o.request().uri().toString())
                        + (o.status() == DownloadOutcome.Status.SKIPPED ? " (already there)" : ""));
            }
        }
        out.flush();
        if (failed == 0) {
            return ExitCodes.OK;
        }
        err.println("cadc: " + failed + " of " + outcomes.size() + " downloads failed");
        if (failed == outcomes.size() && refused == failed) {
            err.println(user != null || netrc != null || cert != null
                    ? "cadc: hint: the server refused the credentials given; check the user, the netrc entry or the "
                        + "certificate, and that the account may read these files"
                    : "cadc: hint: these files need credentials; give --netrc [FILE] (an entry for the host), "
                        + "--user NAME (asks for the password) or --cert FILE");
            return ExitCodes.AUTHENTICATION;
        }
        return failed == outcomes.size() ? ExitCodes.SERVICE : ExitCodes.PARTIAL;
    }

    /** Something that writes into a stream and returns a count. */
    interface StreamWriter {
        long write(OutputStream out) throws IOException;
    }

    /**
     * Writes a file so that it appears only once complete: into a hidden temporary file beside it,
     * created as {@code >} would create it (the umask decides its mode; a file replaced keeps its
     * mode), then moved into place. The temporary file is removed on any failure and on Ctrl-C
     * (through {@link Shutdown}); errors name the file the user gave.
     *
     * @param target the file
     * @param writer what writes it
     * @return the writer's count
     * @throws IOException if writing fails
     */
    long writeAtomically(Path target, StreamWriter writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(target.toString(), null, "no such directory: " + dir);
        }
        if (Files.isDirectory(absolute)) {
            throw new FileSystemException(target.toString(), null, "is a directory");
        }
        Path tmp = null;
        for (int attempt = 0; tmp == null; attempt++) {
            Path candidate = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(Random.INSTANCE.nextLong())
                    + ".part");
            try {
                tmp = Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            } catch (AccessDeniedException e) {
                throw new AccessDeniedException(target.toString(), null, "permission denied (in " + dir + ")");
            }
        }
        Path part = tmp;
        Shutdown.Registration cleanup = shutdown.register("remove " + part, reason -> Files.deleteIfExists(part));
        boolean moved = false;
        try {
            keepMode(absolute, part);
            long n;
            try (OutputStream o = Files.newOutputStream(part)) {
                n = writer.write(o);
            }
            try {
                Files.move(part, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            cleanup.close();
            return n;
        } finally {
            if (!moved) {
                cleanup.runNow(Shutdown.Reason.FAILURE);
            }
        }
    }

    /** A file replaced keeps its permissions, as with {@code >}. */
    private static void keepMode(Path existing, Path replacement) {
        try {
            if (Files.isRegularFile(existing)) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(existing);
                Files.setPosixFilePermissions(replacement, mode);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not POSIX, or not ours: the umask's mode stays
        }
    }

    /**
     * Reports a failure: one line on stderr, with the stack trace only under {@code -v}.
     *
     * @param e the failure
     */
    void report(Throwable e) {
        String message = messages().of(e);
        if (ExitCodes.of(e) == ExitCodes.FAILURE && !(e instanceof OutputException)) {
            message = "unexpected failure: " + message;
        }
        err.println("cadc: " + message);
        if (verbosity() > 0) {
            e.printStackTrace(err);
        }
    }

    /** Writing the output failed: names the file the user gave (or standard output). */
    static final class OutputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputException(String where, IOException cause) {
            super("cannot write " + where + ": " + reason(cause), cause);
        }

        private static String reason(IOException e) {
            if (e instanceof FileSystemException) {
                FileSystemException f = (FileSystemException) e;
                if (f.getReason() != null) {
                    return f.getReason();
                }
                if (e instanceof NoSuchFileException) {
                    return "no such file or directory";
                }
                if (e instanceof AccessDeniedException) {
                    return "permission denied";
                }
            }
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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
