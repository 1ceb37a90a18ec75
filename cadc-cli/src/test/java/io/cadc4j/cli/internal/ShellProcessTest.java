// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command run as a person types it in a shell (issue 15, issue 23 item 4): real processes
 * ({@link Shell}), in a pseudo-terminal made by {@code script -q} where a terminal matters, talking
 * to the test fixtures or to a {@link LoopbackServer}.
 */
class ShellProcessTest {
    private static final String TAP = "--tap-url=https://tap.example.org/tap";
    private static final String REGION = "cadc region '08h45m07.5s +54d18m00s' " + TAP;

    @TempDir
    Path dir;

    private LoopbackServer server;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n"));
    }

    // ------------------------------------------------------------------ 1. the real terminal's width

    @Test
    void aTableFitsTheWidthTheTerminalHasNotEighty() throws Exception {
        Shell sh = Shell.fixtures(dir);
        Shell.Result r = sh.inTerminal(150, REGION, "");
        assertThat(r.code).as(r.toString()).isZero();
        List<String> table = lines(r.out.strip());
        assertThat(table).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(150));
        assertThat(table.stream().mapToInt(String::length).max().getAsInt()).isGreaterThan(120);
        assertThat(table.get(table.size() - 1)).contains("columns not shown").contains("--columns");
        assertThat(table.get(2)).contains("\u2026");
    }

    @Test
    void withNoSizeFromTheTerminalColumnsThenEightyAreUsed() throws Exception {
        Shell sh = Shell.fixtures(dir);
        Shell.Result r = sh.inTerminal(0, "stty rows 0; COLUMNS=100 " + REGION, "");
        assertThat(r.code).as(r.toString()).isZero();
        List<String> table = lines(r.out.strip());
        assertThat(table.stream().mapToInt(String::length).max().getAsInt()).isBetween(90, 100);
        r = sh.inTerminal(0, "stty rows 0; " + REGION, "");
        assertThat(lines(r.out.strip()).stream().mapToInt(String::length).max().getAsInt()).isBetween(70, 80);
    }

    @Test
    void aRedirectedTableHoldsEveryColumnEvenFromATerminal() throws Exception {
        Shell sh = Shell.fixtures(dir);
        Shell.Result r = sh.inTerminal(80, REGION + " > out.txt", "");
        assertThat(r.code).as(r.toString()).isZero();
        List<String> file = Files.readAllLines(dir.resolve("out.txt"));
        assertThat(file.get(0).split("\\s+")).hasSize(60);
        assertThat(file.get(file.size() - 1)).isEqualTo("(26 rows)");
        r = sh.inTerminal(80, REGION + " -o r.txt", "");
        assertThat(Files.readAllLines(dir.resolve("r.txt")).get(0).split("\\s+")).hasSize(60);
        assertThat(Files.readString(dir.resolve("r.txt"))).isEqualTo(Files.readString(dir.resolve("out.txt")));
    }

    // ------------------------------------------------------------------ 2. progress

    @Test
    void aDownloadShowsItsProgressOnATerminalAndNothingInALog() throws Exception {
        Shell sh = Shell.network(dir);
        String url = server.url() + "/public/big.fits?bytes=3000000&ms=1500";
        Shell.Result r = sh.inTerminal(100, "cadc download '" + url + "' -d data", "");
        assertThat(r.code).as(r.toString()).isZero();
        assertThat(r.out).contains("\rbig.fits  ").contains(" of 3.0 MB").contains("/s").contains("ETA");
        assertThat(r.out.strip()).endsWith("\rdata/big.fits"); // the line cleared, then the file's path

        r = sh.run("cadc download '" + url + "' -d data2 2> err.txt", "");
        assertThat(r.code).as(r.toString()).isZero();
        assertThat(Files.readString(dir.resolve("err.txt"))).isEmpty();
        r = sh.run("cadc download --progress=plain '" + url + "' -d data3", "");
        assertThat(r.err.strip()).startsWith("cadc: [1/1] data3/big.fits 3.0 MB (")
                .doesNotContain("\r");
    }

    @Test
    void urlsShowTheirDataLinkBatchesOnATerminalAndNothingRedirected() throws Exception {
        StringBuilder ids = new StringBuilder("<?xml version=\"1.0\"?>\n<VOTABLE version=\"1.4\" "
                + "xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE type=\"results\"><TABLE>"
                + "<FIELD name=\"publisherID\" datatype=\"char\" arraysize=\"*\"/><DATA><TABLEDATA>\n");
        for (int i = 0; i < 100; i++) {
            ids.append("<TR><TD>ivo://example.org/obs?").append(i).append("</TD></TR>\n");
        }
        Files.writeString(dir.resolve("ids.xml"), ids.append("</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>\n"));
        Shell sh = Shell.network(dir);
        String urls = "cadc --datalink-url " + server.url() + "/links urls --result ids.xml";
        // 100 identifiers: 5 calls of 20, 4 at once, each answered after 300 ms
        Shell.Result r = sh.inTerminal(100, urls + " > urls.txt", "");
        assertThat(r.code).as(r.toString()).isZero();
        assertThat(r.out).startsWith("\r").contains("/100 identifiers resolved  ").contains(" links")
                .doesNotContain("\n").matches("(?s).*\r +\r$"); // redrawn in place, then cleared
        List<String> got = Files.readAllLines(dir.resolve("urls.txt"));
        assertThat(got).hasSize(100).first().isEqualTo(server.url() + "/public/0.fits");

        r = sh.run(urls + " 2> err.txt", "");
        assertThat(r.code).as(r.toString()).isZero();
        assertThat(lines(r.out.strip())).isEqualTo(got);
        assertThat(Files.readString(dir.resolve("err.txt"))).isEmpty();

        r = sh.run(urls.replace(" urls ", " urls --progress=plain "), "");
        assertThat(r.code).as(r.toString()).isZero();
        List<String> plain = lines(r.err.strip());
        assertThat(plain).hasSize(5).last()
                .isEqualTo("cadc: [100/100] identifiers resolved, 100 links");
        assertThat(plain).allSatisfy(l -> assertThat(l)
                .matches("cadc: \\[(\\d+)/100\\] identifiers resolved, \\1 links"));
    }

    // ------------------------------------------------------------------ 3, 5, 6, 8: pipes, exit codes, no registry, umask

    @Test
    void urlsOnStandardInputAreDownloadedWithNoRegistryAndTheUmasksMode() throws Exception {
        Shell sh = Shell.network(dir);
        String urls = "# two files\n" + server.url() + "/public/a.fits\n\n" + server.url() + "/public/b.fits\n";
        Shell.Result r = sh.run("cadc download -d data", urls);
        assertThat(r.code).as(r.toString()).isZero();
        assertThat(lines(r.out.strip())).containsExactly("data/a.fits", "data/b.fits");
        // the default registry is CADC's, out of reach here: only the two files were asked for
        assertThat(server.requests).containsExactlyInAnyOrder("GET /public/a.fits", "GET /public/b.fits");
        Path plain = Files.createFile(dir.resolve("plain"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("data/a.fits")))
                .isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void everyFileRefusedForCredentialsExitsFiveWithAHintAndTheRightCredentialsGetThem() throws Exception {
        Shell sh = Shell.network(dir);
        String a = server.url() + "/private/a.fits";
        Shell.Result r = sh.run("cadc download '" + a + "' '" + server.url() + "/private/b.fits' -d data", "");
        assertThat(r.code).as(r.toString()).isEqualTo(5);
        assertThat(r.err).contains("HTTP 401").contains("Authentication Required: The resource you are trying to "
                + "access is protected, and your browser does not provide valid credentials for this site.")
                .doesNotContain("invalid@example.com").doesNotContain("<");
        assertThat(r.err).contains("hint:").contains("--netrc").contains("--user").contains("--cert");

        r = sh.run("cadc download '" + a + "' '" + server.url() + "/public/b.fits' -d data", "");
        assertThat(r.code).as(r.toString()).isEqualTo(6);

        Files.writeString(dir.resolve("home/.netrc"), "machine 127.0.0.1 login alice password s3cret\n");
        r = sh.run("cadc --netrc download '" + a + "' -d data", "");
        assertThat(r.code).as(r.toString()).isZero();
        assertThat(r.out + r.err).doesNotContain("s3cret");
    }

    // ------------------------------------------------------------------ 4. passwords

    @Test
    void thePasswordIsAskedOnTheTerminalWithTheOutputRedirected() throws Exception {
        Shell sh = Shell.network(dir);
        Shell.Result r = sh.inTerminal(100, "cadc --user alice download '" + server.url() + "/private/a.fits' -d data"
                + " > list.txt", "Password for alice: ", "s3cret\n");
        assertThat(r.code).as(r.toString()).isZero();
        assertThat(r.out).contains("Password for alice: ").doesNotContain("s3cret");
        assertThat(Files.readString(dir.resolve("list.txt")).strip()).isEqualTo("data/a.fits");

        r = sh.run("echo s3cret | cadc --user alice --password-stdin download '" + server.url() + "/private/b.fits'"
                + " -d data", "");
        assertThat(r.code).as(r.toString()).isZero();
        r = sh.run("cadc --user alice download '" + server.url() + "/private/c.fits' -d data", "");
        assertThat(r.code).as(r.toString()).isEqualTo(2);
        assertThat(r.err).contains("--password-stdin");
    }

    // ------------------------------------------------------------------ 7, 9: messages, verbosity

    @Test
    void aRefusedConnectionSaysSo() throws Exception {
        Shell sh = Shell.network(dir);
        int port = server.url().lastIndexOf(':');
        server.close();
        Shell.Result r = sh.run("cadc --tap-url " + server.url() + "/tap query 'select 1'", "");
        assertThat(r.code).as(r.toString()).isEqualTo(3);
        assertThat(r.err.strip()).isEqualTo("cadc: connection refused (" + server.url() + "): no server is listening "
                + "there");
        assertThat(port).isPositive();
    }

    @Test
    void oneVerboseLinePerExchangeAndTheJdksOwnOnlyWithTwo() throws Exception {
        Shell sh = Shell.network(dir);
        String url = server.url() + "/public/a.fits";
        Shell.Result r = sh.run("cadc -v download '" + url + "' -d data", "");
        assertThat(r.code).as(r.toString()).isZero();
        assertThat(r.err.lines().collect(Collectors.toList())).hasSize(1).allSatisfy(l -> assertThat(l)
                .matches("cadc: debug: GET " + url.replace("?", "\\?") + " -> 200 \\(\\d+ ms\\)"));
        r = sh.run("cadc -vv download '" + url + "' -d data2", "");
        assertThat(r.code).as(r.toString()).isZero();
        assertThat(r.err).contains("found HttpTransportProviders").contains("cadc: debug: GET " + url);
    }

    // ------------------------------------------------------------------ issue 23 item 4: Ctrl-C leaves nothing

    @Test
    void ctrlCDuringAQueryToAFileLeavesNothingBehind() throws Exception {
        signalLeavesNothing("INT", 130);
    }

    @Test
    void sigtermDuringAQueryToAFileLeavesNothingBehind() throws Exception {
        signalLeavesNothing("TERM", 143);
    }

    private void signalLeavesNothing(String signal, int expected) throws Exception {
        Shell sh = Shell.network(dir);
        Process p = sh.startLine("cadc --tap-url " + server.url() + "/tap query 'select * from t' --format csv "
                + "-o res.csv");
        assertThat(server.streaming.await(60, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Shell.names(dir).stream().noneMatch(n -> n.startsWith(".res.csv.") && n.endsWith(".part"))) {
            assertThat(System.nanoTime()).as("no temporary file appeared: " + Shell.names(dir)).isLessThan(deadline);
            Thread.sleep(50);
        }
        Thread.sleep(300); // rows are being written
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
        assertThat(kill.waitFor()).isZero();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(expected);
        assertThat(Shell.names(dir)).containsExactlyInAnyOrder("bin", "home", "stdout.txt", "stderr.txt");
    }
}
