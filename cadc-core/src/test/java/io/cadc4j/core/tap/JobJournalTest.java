// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobJournalTest {
    private static final URI TAP = URI.create("http://127.0.0.1:1/tap");
    private static final Instant T0 = Instant.parse("2026-12-04T07:00:00Z");

    @TempDir
    Path dir;

    private static AsyncJob job(String id) {
        URI uri = URI.create(TAP + "/async/" + id);
        return (AsyncJob) Proxy.newProxyInstance(AsyncJob.class.getClassLoader(), new Class<?>[] {AsyncJob.class},
                (p, m, a) -> {
                    switch (m.getName()) {
                        case "id":
                            return id;
                        case "uri":
                            return uri;
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
    }

    @Test
    void anEntryReadsBackAsWrittenAndIsFoundByIdOrUrl() {
        JobJournal j = JobJournal.at(dir.resolve("a/b"));
        JobJournal.Entry e = JobJournal.Entry.of(TAP, job("k1"),
                TapQuery.builder("select *\nfrom t where s = 'é=:#!'").maxRecords(7).build(), "alice", T0);
        j.record(e);
        assertEquals(List.of(e), j.entries());
        assertEquals(Optional.of(e), j.find("k1"));
        assertEquals(Optional.of(e), j.find(TAP + "/async/k1"));
        assertEquals(Optional.empty(), j.find("k2"));
        JobJournal.Entry read = j.entries().get(0);
        assertEquals("select *\nfrom t where s = 'é=:#!'", read.query());
        assertEquals(OptionalLong.of(7), read.maxRecords());
        assertEquals("PENDING", read.phase());
        assertEquals(Optional.empty(), read.result());
    }

    @Test
    void seenReplacesTheEntryOfTheSameJob() {
        JobJournal j = JobJournal.at(dir);
        JobJournal.Entry e = JobJournal.Entry.of(TAP, job("k1"), TapQuery.of("select 1"), "anonymous", T0);
        j.record(e);
        URI result = URI.create(TAP + "/async/k1/results/result");
        j.record(e.seen(ExecutionPhase.COMPLETED, result, T0.plusSeconds(3600)));
        List<JobJournal.Entry> all = j.entries();
        assertEquals(1, all.size());
        assertEquals("COMPLETED", all.get(0).phase());
        assertEquals(Optional.of(result), all.get(0).result());
        assertEquals(Optional.of(T0.plusSeconds(3600)), all.get(0).destruction());
        assertTrue(j.remove(e.jobUrl()));
        assertFalse(j.remove(e.jobUrl()));
        assertEquals(List.of(), j.entries());
    }

    @Test
    void pruneForgetsJobsPastTheirDestructionOrOldWithoutOne() {
        JobJournal j = JobJournal.at(dir);
        j.record(JobJournal.Entry.of(TAP, job("gone"), TapQuery.of("q"), "a", T0)
                .seen(ExecutionPhase.COMPLETED, null, T0.plusSeconds(60)));
        j.record(JobJournal.Entry.of(TAP, job("later"), TapQuery.of("q"), "a", T0)
                .seen(ExecutionPhase.EXECUTING, null, T0.plus(java.time.Duration.ofDays(60))));
        j.record(JobJournal.Entry.of(TAP, job("unknown"), TapQuery.of("q"), "a", T0));
        assertEquals(1, j.prune(T0.plusSeconds(3600)));
        assertEquals(List.of("later", "unknown"), ids(j));
        assertEquals(1, j.prune(T0.plus(JobJournal.UNKNOWN_DESTRUCTION_KEEP).plusSeconds(1)));
        assertEquals(List.of("later"), ids(j));
    }

    @Test
    void aDamagedFileIsSkippedNotFatal() throws IOException {
        JobJournal j = JobJournal.at(dir);
        j.record(JobJournal.Entry.of(TAP, job("k1"), TapQuery.of("q"), "a", T0));
        Files.writeString(dir.resolve("0000.job"), "service=not a uri\n", StandardCharsets.UTF_8);
        assertEquals(List.of("k1"), ids(j));
    }

    @Test
    void writersAtOnceLoseNoEntryAndLeaveNoTemporaryFile() throws Exception {
        JobJournal j = JobJournal.at(dir);
        int threads = 4;
        int each = 50;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            int n = t;
            Thread th = new Thread(() -> {
                try {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        JobJournal.Entry e = JobJournal.Entry.of(TAP, job("t" + n + "-" + i), TapQuery.of("q"), "a", T0);
                        j.record(e);
                        j.record(e.seen(ExecutionPhase.EXECUTING, null, null));
                        if (i % 10 == 0) {
                            j.entries();
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            th.start();
            started.add(th);
        }
        go.countDown();
        for (Thread th : started) {
            th.join();
        }
        assertEquals(List.of(), failures);
        List<JobJournal.Entry> all = j.entries();
        assertEquals(threads * each, all.size());
        assertTrue(all.stream().allMatch(e -> e.phase().equals("EXECUTING")));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith("."))
                    .collect(Collectors.toList()));
        }
    }

    @Test
    void theDefaultDirectoryFollowsXdgStateHome() {
        Path home = Path.of("/home/u");
        assertEquals(Path.of("/s/cadc4j/jobs"), JobJournal.defaultDirectory(Map.of("XDG_STATE_HOME", "/s"), home));
        assertEquals(Path.of("/home/u/.local/state/cadc4j/jobs"), JobJournal.defaultDirectory(Map.of(), home));
        assertEquals(Path.of("/home/u/.local/state/cadc4j/jobs"),
                JobJournal.defaultDirectory(Map.of("XDG_STATE_HOME", "relative"), home));
    }

    private static List<String> ids(JobJournal j) {
        return j.entries().stream().map(JobJournal.Entry::jobId).sorted().collect(Collectors.toList());
    }
}
