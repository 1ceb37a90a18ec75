// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.CadcTimeoutException;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.datalink.DownloadOutcome;
import io.cadc4j.core.datalink.DownloadRequest;
import io.cadc4j.core.facade.FakeDataLink;
import io.cadc4j.core.internal.port.PortOverrides;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command as a shell user meets it (issue 15, issue 23 item 4), in-process with a terminal
 * whose every answer the test sets: tables fitted only to a terminal, progress, pipes, passwords,
 * exit codes, messages, files, help. The same behaviours as real processes, in a pseudo-terminal
 * where one matters, are in {@link ShellProcessTest}.
 */
class ShellUserTest {
    private static final String TAP = "--tap-url=https://tap.example.org/tap";
    private static final String LINKS = "--datalink-url=https://dl.example.org/links";
    private static final String OBS_ID = "6e711094-f088-451b-ae46-356605427600";

    @TempDir
    Path dir;

    private final TestTerminal terminal = new TestTerminal();
    private final FakeDataLink dataLink = new FakeDataLink();
    private final Shutdown shutdown = new Shutdown();
    private String out;
    private String err;

    @BeforeEach
    void clear() {
        FixtureTapProvider.reset();
    }

    private int run(String... args) {
        CapturedRun r = CapturedRun.of(args, terminal, b -> PortOverrides.dataLink(b, dataLink), shutdown);
        out = r.out;
        err = r.err;
        return r.code;
    }

    private List<String> lines() {
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
    }

    // ------------------------------------------------------------------ 1. tables and terminals

    @Test
    void aTableOnATerminalNarrowsCellsInTheMiddleThenDropsColumnsAndSaysSo() {
        terminal.stdoutIsTerminal = true;
        terminal.width = 150;
        assertThat(run("region", "08h45m07.5s +54d18m00s", TAP)).isZero();
        List<String> lines = lines();
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(150));
        // the identifier keeps its start and its end around the ellipsis
        assertThat(lines.get(2)).containsPattern("^6e711094\\S*\u2026\\S*5427600 ");
        assertThat(lines.get(0)).contains("...");
        String footer = lines.get(lines.size() - 1);
        assertThat(footer.length()).isLessThanOrEqualTo(150);
        assertThat(footer).matches("\\(26 rows; \\d+ of 60 columns not shown: --format csv shows every column, "
                + "--columns a,b chooses them\\)");
        int hidden = Integer.parseInt(footer.replaceAll("^\\(26 rows; (\\d+) of.*", "$1"));
        int shown = lines.get(0).split("\\s+").length - 1; // less the "..."
        assertThat(shown + hidden).isEqualTo(60);
        assertThat(shown).isGreaterThan(8); // narrowed cells make room for more than the widest few
    }

    @Test
    void narrowingIsEnoughWhenItMakesTheColumnsFit() {
        terminal.stdoutIsTerminal = true;
        terminal.width = 30;
        assertThat(run("query", "--maxrec", "3", "SELECT obsID, collection FROM caom2.Observation", TAP)).isZero();
        assertThat(lines().get(0)).startsWith("obsID").contains("collection").doesNotContain("...");
        assertThat(lines().subList(0, 5)).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(30));
        assertThat(lines().get(2)).contains("\u2026");
        assertThat(lines().get(lines().size() - 1)).isEqualTo("(3 rows)");
    }

    @Test
    void aTableThatGoesToAPipeOrAFileHasEveryColumnAndEveryCharacter() throws Exception {
        terminal.stdoutIsTerminal = false;
        terminal.width = 80;
        assertThat(run("region", "08h45m07.5s +54d18m00s", TAP)).isZero();
        assertThat(lines().get(0).split("\\s+")).hasSize(60);
        assertThat(lines().get(2)).startsWith(OBS_ID).doesNotContain("\u2026");
        assertThat(lines().get(lines().size() - 1)).isEqualTo("(26 rows)");

        terminal.stdoutIsTerminal = true; // -o is never the terminal
        Path file = dir.resolve("r.txt");
        assertThat(run("region", "08h45m07.5s +54d18m00s", "-o", file.toString(), TAP)).isZero();
        List<String> written = Files.readAllLines(file);
        assertThat(written.get(0).split("\\s+")).hasSize(60);
        assertThat(written.get(2)).startsWith(OBS_ID);
    }

    @Test
    void columnsChoosesAndOrdersTheColumnsOfEveryFormat() {
        assertThat(run("region", "08h45m07.5s +54d18m00s", "--columns", "collection,obsID", "--format", "csv", TAP))
                .isZero();
        assertThat(lines().get(0)).isEqualTo("collection,obsID");
        assertThat(lines().get(1)).isEqualTo("CFHT," + OBS_ID);
        assertThat(run("region", "08h45m07.5s +54d18m00s", "--columns=target_name,OBSID", TAP)).isZero();
        assertThat(lines().get(0)).matches("target_name +obsID");
        assertThat(run("region", "08h45m07.5s +54d18m00s", "--columns", "collection,nope", TAP))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("no column 'nope'").contains("obsID,collection,");
    }

    @Test
    void theFooterIsBrokenAtSpacesToFitANarrowTerminal() {
        terminal.stdoutIsTerminal = true;
        terminal.width = 60;
        assertThat(run("region", "08h45m07.5s +54d18m00s", TAP)).isZero();
        assertThat(lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
        String footer = out.substring(out.indexOf("(26 rows"));
        assertThat(footer.lines().count()).isGreaterThan(1);
        assertThat(footer.replace('\n', ' ').strip()).matches("\\(26 rows; \\d+ of 60 columns not shown: --format csv "
                + "shows every column, --columns a,b chooses them\\)");
    }

    @Test
    void middleEllipsisKeepsBothEnds() {
        assertThat(TextTable.middleEllipsis("ivo://cadc.nrc.ca/CFHT?2366419/2366419p", 15)).isEqualTo("ivo://c\u2026366419p");
        assertThat(TextTable.middleEllipsis("short", 15)).isEqualTo("short");
        assertThat(TextTable.middleEllipsis("abcdef", 1)).isEqualTo("a");
    }

    @Test
    void columnsVariableIsReadOnlyAsANumberOfAtLeastTwenty() {
        assertThat(SystemTerminal.columns("150")).hasValue(150);
        assertThat(SystemTerminal.columns(" 95\n")).hasValue(95);
        assertThat(SystemTerminal.columns("0")).isEmpty();
        assertThat(SystemTerminal.columns("wide")).isEmpty();
        assertThat(SystemTerminal.columns(null)).isEmpty();
    }

    // ------------------------------------------------------------------ 2. progress

    @Test
    void downloadsDrawALiveLineOnlyOnATerminalAndClearIt() {
        dataLink.progressSteps = 3;
        terminal.interactive = true;
        assertThat(run("download", "https://data.example.org/a/one.fits", "https://data.example.org/b/two.fits",
                "-d", dir.toString(), TAP, LINKS)).isZero();
        assertThat(err).contains("\r").contains(" files  ").contains("/s");
        assertThat(err).endsWith("\r").doesNotContain("\n"); // cleared, nothing left on the line
        assertThat(lines()).hasSize(2);

        terminal.interactive = false;
        assertThat(run("download", "https://data.example.org/a/one.fits", "-d", dir.toString(), TAP, LINKS)).isZero();
        assertThat(err).isEmpty();
        terminal.interactive = true;
        assertThat(run("--quiet", "download", "https://data.example.org/a/one.fits", "-d", dir.toString(), TAP, LINKS))
                .isZero();
        assertThat(err).isEmpty();
    }

    @Test
    void plainProgressIsOneLinePerFinishedFile() {
        dataLink.progressSteps = 2;
        assertThat(run("download", "--progress=plain", "https://data.example.org/a/one.fits",
                "https://data.example.org/private/two.fits", "-d", dir.toString(), TAP, LINKS))
                .isEqualTo(ExitCodes.PARTIAL);
        assertThat(err).doesNotContain("\r");
        List<String> plain = err.lines().filter(l -> l.startsWith("cadc: [")).collect(java.util.stream.Collectors.toList());
        assertThat(plain).hasSize(2);
        assertThat(plain.get(0)).startsWith("cadc: [1/2] " + dir.resolve("one.fits") + " 2.9 KB (").endsWith("/s overall)");
        assertThat(plain.get(1)).isEqualTo("cadc: [2/2] failed https://data.example.org/private/two.fits");
    }

    @Test
    void theLiveLineShowsBytesRateAndTimeLeft() {
        AtomicLong now = new AtomicLong(0);
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        Progress p = new Progress(Progress.Mode.LIVE, new PrintStream(e, true, StandardCharsets.UTF_8), 100, 1, now::get);
        DownloadRequest r = DownloadRequest.toDirectory(URI.create("https://x.example.org/big.fits"), dir);
        p.started(r, "big.fits", 0);
        now.set(3000);
        p.progress(r, 20_000_000, OptionalLong.of(60_000_000));
        assertThat(p.line(3000)).isEqualTo("big.fits  20.0 MB of 60.0 MB  6.7 MB/s  ETA 6 s");
        p.finished(DownloadOutcome.done(r, dir.resolve("big.fits"), 60_000_000, null));
        p.close();
        String drawn = e.toString(StandardCharsets.UTF_8);
        assertThat(drawn).contains("\rbig.fits  20.0 MB of 60.0 MB  6.7 MB/s  ETA 6 s").endsWith("\r");
    }

    @Test
    void theJobPhaseLineIsClearedWhenTheJobEnds() {
        terminal.interactive = true;
        assertThat(run("query", "--async", "select sleepy from t", "--format", "csv", TAP)).isZero();
        assertThat(err).startsWith("\rjob job1: EXECUTING, 0 s").endsWith("\r").doesNotContain("\n");
        terminal.interactive = false;
        FixtureTapProvider.reset();
        assertThat(run("query", "--async", "select sleepy from t", "--format", "csv", TAP)).isZero();
        assertThat(err).isEmpty();
    }

    @Test
    void aJobTimeoutIsEchoedAsTheUserWroteIt() {
        terminal.interactive = true;
        assertThat(run("query", "--async", "--timeout", "1s", "select sleepy forever from t", TAP))
                .isEqualTo(ExitCodes.SERVICE);
        assertThat(err).contains("is still EXECUTING after 1s").doesNotContain("PT1S");
    }

    // ------------------------------------------------------------------ 3. pipes

    @Test
    void downloadReadsUrlsFromStandardInput() {
        terminal.stdin("# from cadc urls\nhttps://data.example.org/a/one.fits\n\n  https://data.example.org/b/two.fits  \n");
        assertThat(run("download", "-d", dir.toString(), TAP, LINKS)).isZero();
        assertThat(lines()).containsExactly(dir.resolve("one.fits").toString(), dir.resolve("two.fits").toString());

        terminal.stdin("https://data.example.org/b/two.fits\n");
        assertThat(run("download", "https://data.example.org/a/one.fits", "-", "-d", dir.toString(), TAP, LINKS))
                .isZero();
        assertThat(lines()).hasSize(2);

        terminal.stdinIsTerminal = true;
        assertThat(run("download", "-d", dir.toString(), TAP, LINKS)).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("needs URLs");
    }

    // ------------------------------------------------------------------ 4. passwords

    @Test
    void thePasswordComesFromTheTerminalOrStandardInputNeverAnArgument() {
        terminal.password = "s3cret";
        assertThat(run("--user", "alice", "--netrc", "x", "collections", TAP)).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--user", "alice", "download", "https://data.example.org/a/one.fits", "-d", dir.toString(),
                TAP, LINKS)).isZero();
        assertThat(terminal.prompted).isEqualTo("Password for alice: ");
        assertThat(dataLink.contexts).isNotEmpty();

        terminal.password = null;
        terminal.prompted = null;
        terminal.stdin("s3cret\n");
        assertThat(run("--user", "alice", "--password-stdin", "download", "https://data.example.org/a/one.fits", "-d",
                dir.toString(), TAP, LINKS)).isZero();
        assertThat(terminal.prompted).isNull();

        assertThat(run("--user", "alice", "download", "https://data.example.org/a/one.fits", TAP, LINKS))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("--password-stdin").contains("--netrc");
        assertThat(run("--password-stdin", "collections", TAP)).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("--user");
    }

    // ------------------------------------------------------------------ 5. exit codes

    @Test
    void everyDownloadRefusedForCredentialsIsAnAuthenticationFailureWithAHint() {
        assertThat(run("download", "https://data.example.org/private/one.fits",
                "https://data.example.org/private/two.fits", "-d", dir.toString(), TAP, LINKS))
                .isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(err).contains("2 of 2 downloads failed").contains("hint").contains("--netrc").contains("--user")
                .contains("--cert");
        assertThat(run("download", "https://data.example.org/private/one.fits", "https://data.example.org/a/two.fits",
                "-d", dir.toString(), TAP, LINKS)).isEqualTo(ExitCodes.PARTIAL);
        assertThat(err).doesNotContain("hint");
        dataLink.missing = "gone";
        assertThat(run("download", "https://data.example.org/gone/one.fits", "-d", dir.toString(), TAP, LINKS))
                .isEqualTo(ExitCodes.SERVICE);
    }

    // ------------------------------------------------------------------ 7. messages

    @Test
    void messagesAreForAShellUser() {
        Messages m = new Messages("3s", Duration.ofSeconds(3));
        assertThat(m.of(new CadcTimeoutException("job j1 at https://x/async/j1 is still EXECUTING after PT3S",
                URI.create("https://x/async/j1"), null))).endsWith("after 3s");
        assertThat(m.of(new CadcException("GET http://127.0.0.1:9/tap/capabilities: ConnectException",
                URI.create("http://127.0.0.1:9/tap/capabilities"), true, new ConnectException())))
                .isEqualTo("connection refused (http://127.0.0.1:9): no server is listening there");
        // DaCHS's answer to the status of a deleted job
        String votable = "<?xml-stylesheet href='/static/xsl/dalierror-to-html.xsl' type='text/xsl'?><VOTABLE "
                + "version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE type=\"results\"><INFO "
                + "name=\"QUERY_STATUS\" value=\"ERROR\">UWS job 'x1' could not be located in jobs table</INFO>"
                + "</RESOURCE></VOTABLE>";
        assertThat(m.of(new ServiceException(404, votable, URI.create("http://h/tap/async/x1"), null, null)))
                .endsWith(": UWS job 'x1' could not be located in jobs table").doesNotContain("<");
        assertThat(m.clean("not a coordinate: \"x\"; a target name needs a name resolver (Coordinates.parseOrResolve)"))
                .isEqualTo("not a coordinate: \"x\"; a target name needs a name resolver");
        assertThat(m.clean("only the collection (CFHT) at (line:1, col:16)"))
                .isEqualTo("only the collection (CFHT) at (line:1, col:16)");
        assertThat(Messages.htmlPage("<html><head><title>Oops</title></head><body><p>It broke. Try later.</p>"
                + "<address>x@example.org</address></body></html>")).isEqualTo("Oops: It broke.");
    }

    @Test
    void aFailedOutputFileIsNamedAsTheUserGaveIt() {
        assertThat(run("collections", "-o", "no/such/dir/out.txt", TAP)).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.strip()).isEqualTo("cadc: cannot write no/such/dir/out.txt: no such directory: "
                + Path.of("no/such/dir").toAbsolutePath());
    }

    @Test
    void badCoordinatesNameNoJavaApi() {
        // a text of no coordinate form is a target name; with names off it is a usage error
        assertThat(run("region", "nowhere special", "--no-resolve", TAP)).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("\"nowhere special\"").doesNotContain("Coordinates.").doesNotContain("Exception");
    }

    // ------------------------------------------------------------------ 8. files and paths

    @Test
    void outputFilesGetTheModeTheUmaskGivesAndAReplacedFileKeepsItsOwn() throws Exception {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path file = dir.resolve("out.csv");
        assertThat(run("collections", "--format", "csv", "-o", file.toString(), TAP)).isZero();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
        Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ));
        assertThat(run("collections", "--format", "csv", "-o", file.toString(), TAP)).isZero();
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ);
        assertThat(Shell.names(dir)).containsExactlyInAnyOrder("plain", "out.csv");
    }

    @Test
    void netrcIsLookedForInNetrcThenHomeAndTheMessageNamesEveryPathTried() throws Exception {
        terminal.environment.put("NETRC", dir.resolve("missing-netrc").toString());
        terminal.environment.put("HOME", dir.resolve("home").toString());
        assertThat(run("--netrc", "collections", TAP)).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("$NETRC (" + dir.resolve("missing-netrc") + ")")
                .contains(dir.resolve("home").resolve(".netrc").toString());

        Files.createDirectories(dir.resolve("home"));
        Files.writeString(dir.resolve("home").resolve(".netrc"), "machine tap.example.org login a password b\n");
        assertThat(run("--netrc", "collections", TAP)).isZero();

        terminal.environment.remove("HOME");
        terminal.environment.remove("NETRC");
        assertThat(run("--netrc", "collections", TAP)).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("$NETRC (not set)").contains("$HOME not set");
    }

    @Test
    void netrcCredentialsForADownloadAreChosenByTheUrlsHost() throws Exception {
        Path netrc = Files.writeString(dir.resolve("netrc"), "machine data.example.org login a password b\n");
        assertThat(run("--netrc", netrc.toString(), "download", "https://data.example.org/a/one.fits", "-d",
                dir.toString(), TAP, LINKS)).isZero();
        // no registry, no TAP service, no DataLink service asked: only the downloader's port was made
        assertThat(FixtureTapProvider.CONTEXTS).isEmpty();
        assertThat(run("--netrc", netrc.toString(), "download", "https://other.example.org/a/one.fits", "-d",
                dir.toString(), TAP, LINKS)).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(err).contains("no entry for other.example.org").doesNotContain("password b");
    }

    // ------------------------------------------------------------------ 10. help and small things

    @Test
    void helpOfACommandAndBareCadc() {
        assertThat(run("help", "query")).isZero();
        assertThat(out).startsWith("Usage: cadc query [OPTIONS] ADQL").contains("--async");
        String query = out;
        assertThat(run("query", "--help")).isZero();
        assertThat(out).isEqualTo(query);
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
        assertThat(out).isEmpty();
        assertThat(err).startsWith("Usage: cadc");
        assertThat(run("job")).isEqualTo(ExitCodes.USAGE);
        assertThat(out).isEmpty();
        assertThat(err).startsWith("Usage: cadc job");
    }

    @Test
    void subcommandHelpListsTheCommonOptionsOnceInTheirOwnSection() {
        assertThat(run("region", "--help")).isZero();
        assertThat(out).contains("Common options (before or after the command):");
        String own = out.substring(0, out.indexOf("Common options"));
        String common = out.substring(out.indexOf("Common options"));
        assertThat(own).contains("--radius").contains("--dry-run").doesNotContain("--registry");
        assertThat(common).contains("--registry").contains("--quiet").doesNotContain("--radius");
        assertThat(out.split("--registry", -1)).hasSize(2);
    }

    @Test
    void theHelpFooterIsNeverWrapped() {
        assertThat(run("--help")).isZero();
        String footer = out.substring(out.indexOf("Exit codes:"));
        assertThat(footer.lines()).allSatisfy(l -> assertThat(l.length()).isLessThan(80));
        assertThat(footer).contains("  6  partial: some links or downloads failed (each reported on stderr),\n"
                + "     the others completed");
    }

    @Test
    void dryRunPrintsTheRequestOfEveryCommandThatSendsAQuery() {
        assertThat(run("region", "08h45m07.5s +54d18m00s", "--dry-run", TAP)).isZero();
        assertThat(lines().get(0)).isEqualTo("POST https://tap.example.org/tap/sync");
        assertThat(out).contains("QUERY=SELECT").contains("INTERSECTS");
        assertThat(run("name", "Nr3491_1", "--dry-run", TAP)).isZero();
        assertThat(out).contains("QUERY=").contains("nr3491_1");
        assertThat(run("urls", "--query", "select publisherID from caom2.Plane", "--dry-run", TAP, LINKS)).isZero();
        assertThat(out).contains("QUERY=select publisherID from caom2.Plane");
        assertThat(FixtureTapProvider.QUERIES).isEmpty();
        assertThat(dataLink.asked).isEmpty();
    }

    @Test
    void quietDropsWarnings() {
        assertThat(run("query", "--maxrec", "3", "SELECT obsID, collection FROM caom2.Observation", TAP)).isZero();
        assertThat(err).contains("overflow");
        assertThat(run("-q", "query", "--maxrec", "3", "SELECT obsID, collection FROM caom2.Observation", TAP)).isZero();
        assertThat(err).isEmpty();
    }

    // ------------------------------------------------------------------ issue 23, item 4: nothing left behind

    @Test
    void aFailureMidStreamLeavesWholeRowsAndAFailingExitCode() {
        assertThat(run("query", "select * from broken", "--format", "tsv", TAP)).isNotZero();
        List<String> lines = lines();
        assertThat(out).endsWith("\n");
        assertThat(lines.size()).isGreaterThan(2);
        assertThat(lines).allSatisfy(l -> assertThat(l.chars().filter(c -> c == '\t').count()).isEqualTo(59));
        assertThat(err).startsWith("cadc: ");

        assertThat(run("query", "select * from broken", "--format", "csv", TAP)).isNotZero();
        assertThat(out).endsWith("\n");

        assertThat(run("query", "select * from broken", "--format", "json", TAP)).isNotZero();
        assertThat(out).endsWith("]");
        try (JsonReader r = Json.createReader(new StringReader(out + "],\"cut\":true}"))) {
            JsonObject o = r.readObject();
            assertThat(o.getJsonArray("rows")).isNotEmpty().allSatisfy(row ->
                    assertThat(row.asJsonArray()).hasSize(60));
        }
    }

    @Test
    void aFailureRemovesTheTemporaryOutputFile() throws Exception {
        Path file = dir.resolve("res.csv");
        assertThat(run("query", "select * from broken", "--format", "csv", "-o", file.toString(), TAP)).isNotZero();
        assertThat(Shell.names(dir)).isEmpty();
        assertThat(shutdown.pending()).isZero();
    }

    @Test
    void aSignalRemovesTheTemporaryOutputFileWhileTheCommandStillWrites() throws Exception {
        Path file = dir.resolve("res.csv");
        FixtureTapProvider.SLOW.set(new java.util.concurrent.CountDownLatch(1));
        java.util.concurrent.CountDownLatch reached = new java.util.concurrent.CountDownLatch(1);
        FixtureTapProvider.REACHED.set(reached);
        int[] code = new int[1];
        Thread command = new Thread(() -> code[0] = run("query", "select * from slow", "--format", "csv", "-o",
                file.toString(), TAP));
        command.start();
        assertThat(reached.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(Shell.names(dir)).hasSize(1).allSatisfy(n -> assertThat(n).startsWith(".res.csv.").endsWith(".part"));

        assertThat(shutdown.end(Shutdown.Reason.SIGNAL)).isEmpty(); // what the JVM's hook does on Ctrl-C

        assertThat(Shell.names(dir)).isEmpty();
        FixtureTapProvider.SLOW.get().countDown();
        command.join(30_000);
        assertThat(code[0]).isNotZero();
        assertThat(Shell.names(dir)).isEmpty();
    }
}
