// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cadc4j.tests.server.RecordedRequest;
import io.cadc4j.tests.server.tap.TapStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 item 4 as a person meets it: a result (an async job's, a sync one written with
 * {@code -o}) that the stand-in cuts at half its bytes and drops the connection on still ends as
 * the same file an unbroken run writes: resumed with {@code Range} when the service offers ranges
 * and validators, started again otherwise; each test says which happened from the requests the
 * server saw.
 */
class ResultResumeProcessTest {
    private static final String ROWS = "select top 20000 * from stand_in.generated";

    @TempDir
    Path dir;

    private Path state;
    private Path out;
    private TapStandIn tap;

    @BeforeEach
    void start() throws IOException {
        CadcProcess.assumeBuilt();
        state = Files.createDirectories(dir.resolve("state"));
        out = Files.createDirectories(dir.resolve("out"));
        tap = TapStandIn.start();
    }

    @AfterEach
    void stop() {
        tap.close();
    }

    private CadcProcess cadc(String... args) throws Exception {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--tap-url=" + tap.base();
        return CadcProcess.run(dir, state, all);
    }

    private byte[] unbroken(boolean async) throws Exception {
        Path whole = out.resolve("whole.csv");
        CadcProcess p = async ? cadc("query", "--async", "--format=csv", "-o", whole.toString(), ROWS)
                : cadc("query", "--format=csv", "-o", whole.toString(), ROWS);
        assertEquals(0, p.code(), p.describe());
        byte[] bytes = Files.readAllBytes(whole);
        assertEquals(20001, new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lines().count());
        return bytes;
    }

    private List<RecordedRequest> resultGets() {
        return tap.server().requests().stream()
                .filter(r -> r.method().equals("GET") && r.path().endsWith("/results/result"))
                .collect(Collectors.toList());
    }

    @Test
    void anAsyncResultCutAtHalfIsResumedWithRangeIntoTheSameBytes() throws Exception {
        tap.resultRanges(true);
        byte[] whole = unbroken(true);
        int before = resultGets().size();

        tap.cutResults(1);
        Path cut = out.resolve("cut.csv");
        CadcProcess p = cadc("query", "--async", "--format=csv", "-o", cut.toString(), ROWS);
        assertEquals(0, p.code(), p.describe());
        assertArrayEquals(whole, Files.readAllBytes(cut), "the same bytes as the unbroken run");

        List<RecordedRequest> gets = resultGets().subList(before, resultGets().size());
        assertEquals(2, gets.size(), "one cut GET, one ranged GET: " + gets);
        assertFalse(gets.get(0).headers().firstValue("Range").isPresent());
        String range = gets.get(1).headers().firstValue("Range").orElse("");
        assertTrue(range.matches("bytes=[1-9][0-9]*-"), "RESUMED with " + range);
        assertTrue(gets.get(1).headers().firstValue("If-Range").isPresent(), "the validator is sent");
        assertFalse(p.err().contains("fetching it again"), p.describe());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aSyncResultWrittenToAFileCutAtHalfIsResumedWithRange() throws Exception {
        tap.resultRanges(true);
        byte[] whole = unbroken(false);
        int before = resultGets().size();

        tap.cutResults(1);
        Path cut = out.resolve("cut.csv");
        CadcProcess p = cadc("query", "--format=csv", "-o", cut.toString(), ROWS);
        assertEquals(0, p.code(), p.describe());
        assertArrayEquals(whole, Files.readAllBytes(cut));
        List<RecordedRequest> gets = resultGets().subList(before, resultGets().size());
        assertEquals(2, gets.size(), gets.toString());
        assertTrue(gets.get(1).headers().firstValue("Range").isPresent(), "RESUMED: " + gets);
        assertEquals(gets.get(0).path(), gets.get(1).path(), "the same result, not the query again");
    }

    @Test
    void withoutRangesACutResultIsFetchedAgainFromTheStartIntoTheSameBytes() throws Exception {
        byte[] whole = unbroken(true);
        int before = resultGets().size();

        tap.cutResults(1);
        Path cut = out.resolve("cut.csv");
        CadcProcess p = cadc("query", "--async", "--format=csv", "-o", cut.toString(), ROWS);
        assertEquals(0, p.code(), p.describe());
        assertArrayEquals(whole, Files.readAllBytes(cut), "no row doubled or lost");
        List<RecordedRequest> gets = resultGets().subList(before, resultGets().size());
        assertEquals(2, gets.size(), "RESTARTED: two whole GETs: " + gets);
        assertTrue(gets.stream().noneMatch(r -> r.headers().firstValue("Range").isPresent()));
        assertTrue(p.err().contains("fetching it again from the start (attempt 2 of 3)"), p.describe());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aResultThatKeepsBreakingFailsAfterThreeAttemptsAndLeavesNoFile() throws Exception {
        tap.cutResults(100);
        Path cut = out.resolve("cut.csv");
        CadcProcess p = cadc("query", "--format=csv", "-o", cut.toString(), ROWS);
        assertNotEquals(0, p.code(), p.describe());
        assertFalse(Files.exists(cut), p.describe());
        assertEquals(List.of(), leftovers(), "no temporary file left");
        assertEquals(3, resultGets().size(), "three attempts: " + resultGets());
        assertTrue(p.err().contains("attempt 3 of 3"), p.describe());
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(f -> f.getFileName().toString().startsWith(".")).collect(Collectors.toList());
        }
    }
}
