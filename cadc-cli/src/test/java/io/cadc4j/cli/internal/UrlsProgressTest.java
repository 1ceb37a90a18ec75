// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.facade.FakeDataLink;
import io.cadc4j.core.internal.port.PortOverrides;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 2 for {@code cadc urls}: the DataLink calls that resolve many publisher DIDs are
 * shown on stderr as downloads are, in-process with a terminal the test sets: a live line only on a
 * terminal, cleared before the URLs print and on Ctrl-C; one line per resolved batch with
 * {@code --progress=plain}; nothing with {@code --quiet} or off a terminal. The fake DataLink port
 * tells of every 2 identifiers; the query's 5 publisher DIDs make 3 batches. The same as a process
 * in a pseudo-terminal is in {@link ShellProcessTest}. {@code cadc cutouts} shows the DataLink
 * calls that find its cutouts the same way, before its downloads.
 */
class UrlsProgressTest {
    private static final String TAP = "--tap-url=https://tap.example.org/tap";
    private static final String LINKS = "--datalink-url=https://dl.example.org/links";
    private static final String QUERY = "select publisherID from caom2.Plane";

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

    @Test
    void aLiveLineOnATerminalClearedBeforeTheUrlsPrint() {
        terminal.interactive = true;
        assertThat(run("urls", "--query", QUERY, TAP, LINKS)).isZero();
        assertThat(err).startsWith("\r2/5 identifiers resolved  2 links");
        // redrawn in place, then cleared: blanks over the last line, nothing left on it
        assertThat(err).matches("(\r\\d/5 identifiers resolved  \\d+ links? *)+\r +\r").doesNotContain("\n");
        assertThat(out.lines()).hasSize(5).allSatisfy(l -> assertThat(l).startsWith("https://data.example.org/"));
        assertThat(shutdown.pending()).isZero();
    }

    @Test
    void thePlainLineIsOnePerResolvedBatch() {
        assertThat(run("urls", "--progress=plain", "--aux", "--query", QUERY, TAP, LINKS)).isZero();
        assertThat(err.lines().collect(Collectors.toList())).containsExactly(
                "cadc: [2/5] identifiers resolved, 4 links",
                "cadc: [4/5] identifiers resolved, 8 links",
                "cadc: [5/5] identifiers resolved, 10 links");
        assertThat(out.lines()).hasSize(10);
    }

    @Test
    void nothingOffATerminalNorWithQuietNorWithNone() {
        terminal.interactive = false;
        assertThat(run("urls", "--query", QUERY, TAP, LINKS)).isZero();
        assertThat(err).isEmpty();
        terminal.interactive = true;
        assertThat(run("--quiet", "urls", "--query", QUERY, TAP, LINKS)).isZero();
        assertThat(err).isEmpty();
        assertThat(run("urls", "--progress=none", "--query", QUERY, TAP, LINKS)).isZero();
        assertThat(err).isEmpty();
        assertThat(run("urls", "--progress=plain", "--quiet", "--query", QUERY, TAP, LINKS)).isZero();
        assertThat(err).isEmpty();
        assertThat(out.lines()).hasSize(5);
    }

    @Test
    void cutoutsShowTheirResolutionLiveAndClearItBeforeTheUrlsPrint() {
        terminal.interactive = true;
        assertThat(run("cutouts", "01h45m07.5s +23d18m00s", "--radius", "0.01 deg", TAP, LINKS)).isZero();
        int n = (int) out.lines().count();
        assertThat(n).isGreaterThan(2);
        assertThat(err).startsWith("\r2/" + n + " identifiers resolved  2 links")
                .matches("(\r\\d+/" + n + " identifiers resolved  \\d+ links? *)+\r +\r").doesNotContain("\n");
        assertThat(out.lines()).allSatisfy(l -> assertThat(l).startsWith("https://data.example.org/").contains("?POS="));
    }

    @Test
    void cutoutsShowTheirResolutionThenTheirDownloadsPlain() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("cutouts");
        dataLink.progressSteps = 2; // the downloads tell of their end
        try {
            assertThat(run("cutouts", "01h45m07.5s +23d18m00s", "--radius", "0.01 deg", "--progress=plain",
                    "--download", dir.toString(), TAP, LINKS)).isZero();
            int n = (int) out.lines().count();
            List<String> lines = err.lines().collect(Collectors.toList());
            int batches = (n + 1) / 2;
            assertThat(lines).hasSize(batches + n);
            for (int i = 0; i < batches; i++) {
                int done = Math.min(n, 2 * (i + 1));
                assertThat(lines.get(i)).isEqualTo("cadc: [" + done + "/" + n + "] identifiers resolved, " + done
                        + (done == 1 ? " link" : " links"));
            }
            assertThat(lines.subList(batches, lines.size())).allSatisfy(l -> assertThat(l).matches(
                    "cadc: \\[\\d+\\] .*\\.fits.*"));
        } finally {
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void ctrlCWhileResolvingClearsTheLine() {
        terminal.interactive = true;
        List<List<String>> ended = new java.util.ArrayList<>();
        dataLink.afterFirstBatch = () -> ended.add(shutdown.end(Shutdown.Reason.SIGNAL)); // what the JVM's hook does
        run("urls", "--query", QUERY, TAP, LINKS);
        String line = "2/5 identifiers resolved  2 links";
        assertThat(err).startsWith("\r" + line + "\r" + " ".repeat(line.length()) + "\r");
        assertThat(ended).containsExactly(List.of());
    }
}
