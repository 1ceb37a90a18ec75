// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.datalink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.ServiceLocation;
import io.cadc4j.core.datalink.DataLink;
import io.cadc4j.core.datalink.DataLinkPort;
import io.cadc4j.core.datalink.Downloader;
import io.cadc4j.core.datalink.LinkListener;
import io.cadc4j.core.datalink.LinkOptions;
import io.cadc4j.core.datalink.LinkSet;
import io.cadc4j.core.datalink.Semantics;
import io.cadc4j.core.datalink.ServiceDescriptor;
import io.cadc4j.core.datalink.SodaCutout;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.internal.port.DataLinkPortProvider;
import io.cadc4j.core.internal.port.PortContext;
import io.cadc4j.core.sky.Circle;
import io.cadc4j.core.spi.Providers;
import io.cadc4j.tests.server.StandInServer;
import io.cadc4j.tests.server.datalink.DataLinkStandIn;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LinkListener} (issue 15 item 2: progress of {@code cadc urls}): the HTTP DataLink adapter
 * tells it of each answered call with running totals, one call at a time, from the threads that
 * resolve the batches, counting only the links it returns; a failure stops it; a listener that
 * throws changes nothing; the facade passes it on; a port that does not batch tells it once; the
 * cutout links of {@code cadc cutouts} are told the same way.
 */
class LinkListenerTest {
    private final StandInServer server = StandInServer.start();
    private final HttpPipeline http = HttpPipeline.builder().build();

    @AfterEach
    void close() {
        http.close();
        server.close();
    }

    private DataLinkPort port(DataLinkStandIn standIn) {
        return Providers.select(DataLinkPortProvider.class).create(PortContext.of(http, standIn.linksUrl()));
    }

    private static List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("ivo://example.org/data?" + i + "/p" + i);
        }
        return ids;
    }

    /** Records every call, and fails the test's checks if two calls ever overlap. */
    private static final class Recorder implements LinkListener {
        final List<int[]> events = Collections.synchronizedList(new ArrayList<>());
        final List<String> threads = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger inside = new AtomicInteger();
        volatile boolean overlapped;

        @Override
        public void batchResolved(int idsDone, int idsTotal, int linksFound) {
            if (inside.incrementAndGet() > 1) {
                overlapped = true;
            }
            events.add(new int[] {idsDone, idsTotal, linksFound});
            threads.add(Thread.currentThread().getName());
            try {
                Thread.sleep(5); // long enough for an overlapping call to be seen
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inside.decrementAndGet();
        }

        List<Integer> done() {
            List<Integer> d = new ArrayList<>();
            events.forEach(e -> d.add(e[0]));
            return d;
        }

        int[] last() {
            return events.get(events.size() - 1);
        }
    }

    @Test
    void toldOncePerAnsweredCallWithRunningTotalsOneCallAtATime() {
        DataLinkStandIn standIn = DataLinkStandIn.on(server).latency(Duration.ofMillis(20)).install();
        Recorder r = new Recorder();
        LinkSet set = port(standIn).links(ids(95), LinkOptions.defaults(), r);
        assertThat(standIn.calls()).isEqualTo(5);
        assertThat(standIn.maxInFlight()).isGreaterThan(1);
        assertThat(r.events).hasSize(5);
        assertThat(r.overlapped).as("calls to the listener overlapped").isFalse();
        assertThat(r.events).allSatisfy(e -> assertThat(e[1]).isEqualTo(95));
        List<Integer> done = r.done();
        assertThat(done).isSorted().doesNotHaveDuplicates().endsWith(95);
        List<Integer> steps = new ArrayList<>();
        for (int i = 0; i < done.size(); i++) {
            steps.add(done.get(i) - (i == 0 ? 0 : done.get(i - 1)));
        }
        assertThat(steps).containsExactlyInAnyOrder(20, 20, 20, 20, 15);
        // every id has 4 rows (#this, #preview, #package, #cutout): the count follows the ids done
        assertThat(r.events).allSatisfy(e -> assertThat(e[2]).isEqualTo(e[0] * 4));
        assertThat(r.last()[2]).isEqualTo(set.links().size()).isEqualTo(380);
        assertThat(r.threads).allSatisfy(t -> assertThat(t).startsWith("cadc4j-datalink-"));
    }

    @Test
    void dataLinksCountOnlyTheLinksTheyReturnAndRepeatedIdsOnce() {
        DataLinkStandIn standIn = DataLinkStandIn.on(server).install();
        List<String> ids = ids(45);
        ids.set(3, "ivo://example.org/unknown?3/3");
        ids.set(30, "ivo://example.org/unknown?30/30");
        ids.add(ids.get(0)); // asked once
        Recorder data = new Recorder();
        LinkSet set = port(standIn).dataLinks(ids, false, data);
        assertThat(data.events).hasSize(3);
        assertThat(data.last()).containsExactly(45, 45, 43);
        assertThat(set.links()).hasSize(43).allSatisfy(l -> assertThat(l.semantics()).isEqualTo(Semantics.THIS));
        assertThat(set.errors()).hasSize(2);

        Recorder aux = new Recorder();
        LinkSet withAux = port(standIn).dataLinks(ids, true, aux);
        assertThat(aux.last()).containsExactly(45, 45, 86);
        assertThat(withAux.links()).hasSize(86);
    }

    @Test
    void cutoutLinksCountTheCutoutsAsEachBatchIsResolved() {
        DataLinkStandIn standIn = DataLinkStandIn.on(server).install();
        List<String> ids = ids(45);
        ids.set(7, "ivo://example.org/unknown?7/7");
        Recorder r = new Recorder();
        LinkSet set = port(standIn).cutoutLinks(ids, Circle.of(131.3, 54.3, 0.05), r);
        List<Integer> done = r.done(); // batches of 20, 20 and 5, told as they end
        assertThat(done).hasSize(3).isSorted().endsWith(45);
        assertThat(List.of(done.get(0), done.get(1) - done.get(0), 45 - done.get(1)))
                .containsExactlyInAnyOrder(20, 20, 5);
        assertThat(r.last()).containsExactly(45, 45, 44); // one #cutout with a SODA service per known id
        assertThat(set.links()).hasSize(44).allSatisfy(l -> assertThat(l.semantics()).isEqualTo(Semantics.CUTOUT));
        assertThat(set.errors()).hasSize(1);
    }

    @Test
    void oneCallAtATimeReportsInTheOrderAsked() {
        DataLinkStandIn standIn = DataLinkStandIn.on(server).install();
        Recorder r = new Recorder();
        port(standIn).links(ids(50), LinkOptions.builder().batchSize(10).maxConcurrent(1).build(), r);
        assertThat(r.done()).containsExactly(10, 20, 30, 40, 50);
        assertThat(r.threads).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void anIdTheServiceLeftOutIsDoneOnlyOnceItsBatchEnds() {
        DataLinkStandIn standIn = DataLinkStandIn.on(server).maxIdsPerAnswer(7).install();
        Recorder r = new Recorder();
        port(standIn).links(ids(20), LinkOptions.defaults(), r);
        assertThat(standIn.calls()).isGreaterThan(1); // one batch, asked again for what was left out
        assertThat(r.events).hasSize(1);
        assertThat(r.last()).containsExactly(20, 20, 80);
    }

    @Test
    void aFailedResolutionStopsTellingAndAThrowingListenerChangesNothing() throws InterruptedException {
        DataLinkStandIn standIn = DataLinkStandIn.on(server).latency(Duration.ofMillis(20)).install();
        List<String> ids = ids(100);
        ids.set(5, "ivo://example.org/fail?5/5");
        Recorder r = new Recorder();
        assertThatThrownBy(() -> port(standIn).links(ids, LinkOptions.defaults(), r))
                .isInstanceOf(ServiceException.class);
        int told = r.events.size();
        assertThat(told).isLessThan(5);
        Thread.sleep(200); // the other calls in flight end, and are not told
        assertThat(r.events).hasSize(told);

        AtomicInteger calls = new AtomicInteger();
        LinkSet set = port(standIn).links(ids(60), LinkOptions.defaults(), (done, total, links) -> {
            calls.incrementAndGet();
            throw new IllegalStateException("a listener's bug");
        });
        assertThat(set.links()).hasSize(240);
        assertThat(calls).hasValue(3);
    }

    @Test
    void theFacadePassesTheListenerOn() {
        DataLinkStandIn standIn = DataLinkStandIn.on(server).install();
        Recorder r = new Recorder();
        try (Cadc cadc = Cadc.builder().dataLink(ServiceLocation.at(standIn.linksUrl())).build()) {
            LinkSet set = cadc.getDataUrls(ids(41), true, r);
            assertThat(set.links()).hasSize(82);
        }
        assertThat(r.done()).hasSize(3).endsWith(41);
        assertThat(r.last()).containsExactly(41, 41, 82);
    }

    @Test
    void aPortThatDoesNotBatchTellsOnceAtTheEnd() {
        DataLinkPort plain = new DataLinkPort() {
            @Override
            public LinkSet links(Collection<String> ids, LinkOptions options) {
                List<DataLink> rows = new ArrayList<>();
                for (String id : ids) {
                    rows.add(DataLink.of(id, URI.create("https://x.example.org/" + id.hashCode()), null, null,
                            Semantics.THIS, null));
                }
                return LinkSet.of(rows);
            }

            @Override
            public LinkSet dataLinks(Collection<String> ids, boolean withAuxiliaries) {
                return links(ids, LinkOptions.defaults());
            }

            @Override
            public LinkSet cutoutLinks(Collection<String> ids, Circle circle) {
                throw new UnsupportedOperationException();
            }

            @Override
            public URI cutoutUrl(ServiceDescriptor descriptor, SodaCutout cut) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Downloader downloader() {
                throw new UnsupportedOperationException();
            }
        };
        Recorder r = new Recorder();
        plain.dataLinks(List.of("a", "b", "a", "c"), false, r);
        assertThat(r.events).hasSize(1);
        assertThat(r.last()).containsExactly(3, 3, 4);
    }
}
