// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.tap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.CadcTimeoutException;
import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.QueryException;
import io.cadc4j.core.spi.CredentialPolicy;
import io.cadc4j.core.internal.port.PortContext;
import io.cadc4j.core.spi.Providers;
import io.cadc4j.core.internal.port.TapPortProvider;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.tap.AsyncJob;
import io.cadc4j.core.tap.ExecutionPhase;
import io.cadc4j.core.tap.JobInfo;
import io.cadc4j.core.tap.JobListFilter;
import io.cadc4j.core.tap.JobReference;
import io.cadc4j.core.tap.TapQuery;
import io.cadc4j.tests.server.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TapAsyncTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private final TapSetup setup = new TapSetup();

    @AfterEach
    void stop() {
        setup.close();
    }

    @Test
    void jobIsCreatedPendingRunWithASeparatePostAndItsResultStreamed() throws InterruptedException {
        AsyncJob job = setup.tap.submit(TapQuery.builder("select * from caom2.Plane").runId("run-7").maxRecords(2).build());

        assertThat(job.phase()).isEqualTo(ExecutionPhase.PENDING);
        assertThat(job.uri()).isEqualTo(setup.service.server().uri("/tap/async/" + job.id()));
        JobInfo info = job.info();
        assertThat(info.runId()).contains("run-7");
        assertThat(info.parameter("maxrec")).contains("2");
        assertThat(info.ownerId()).isEmpty();

        job.run();
        assertThat(setup.service.server().requests("/tap/async/" + job.id() + "/phase"))
                .filteredOn(r -> r.method().equals("POST")).singleElement()
                .satisfies(r -> assertThat(r.bodyText()).isEqualTo("PHASE=RUN"));
        assertThat(setup.service.server().requests("/tap/async")).singleElement()
                .satisfies(r -> assertThat(r.bodyText()).doesNotContain("PHASE"));

        assertThat(job.awaitCompletion(DEADLINE)).isEqualTo(ExecutionPhase.COMPLETED);
        job.raiseIfError();
        assertThat(job.results()).singleElement().satisfies(r -> assertThat(r.isMainResult()).isTrue());
        try (RowCursor rows = job.fetchResult()) {
            int n = 0;
            while (rows.next()) {
                n++;
            }
            assertThat(n).isEqualTo(2);
            assertThat(rows.isOverflow()).isTrue();
        }
        JobInfo done = job.info();
        assertThat(done.startTime()).isPresent();
        assertThat(done.endTime()).isPresent();
        assertThat(done.quote()).isPresent();
        job.delete();
        assertThat(setup.service.jobPhase(job.id())).isEmpty();
    }

    @Test
    void waitingUsesTheBlockingWaitOfUws11() throws InterruptedException {
        setup.service.jobDuration(Duration.ofMillis(600));
        AsyncJob job = setup.tap.submit(TapQuery.of("select * from caom2.Plane"));
        job.run();

        assertThat(job.awaitCompletion(DEADLINE)).isEqualTo(ExecutionPhase.COMPLETED);

        List<RecordedRequest> waits = setup.service.server().requests("/tap/async/" + job.id());
        assertThat(waits).anySatisfy(r -> assertThat(r.uri().getQuery()).contains("WAIT=").contains("PHASE=EXECUTING"));
    }

    @Test
    void waitingFallsBackToPollingWhenTheServerAnswersAtOnce() throws InterruptedException {
        setup.service.blockingWait(false).jobDuration(Duration.ofMillis(800));
        AsyncJob job = setup.tap.submit(TapQuery.of("select * from caom2.Plane"));
        job.run();

        assertThat(job.awaitCompletion(DEADLINE)).isEqualTo(ExecutionPhase.COMPLETED);
        assertThat(setup.service.server().requests("/tap/async/" + job.id()).size()
                + setup.service.server().requests("/tap/async/" + job.id() + "/phase").size()).isGreaterThan(2);
    }

    @Test
    void failedJobRaisesItsSummaryAndErrorDocumentWithTheJobId() throws InterruptedException {
        AsyncJob job = setup.tap.submit(TapQuery.of("select nosuchcol from fault.error"));
        job.run();

        assertThat(job.awaitCompletion(DEADLINE)).isEqualTo(ExecutionPhase.ERROR);
        assertThat(job.info().errorSummary()).hasValueSatisfying(s -> assertThat(s.message()).contains("nosuchcol"));
        assertThatThrownBy(job::raiseIfError)
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("No such field known: nosuchcol")
                .hasMessageContaining("(detail)")
                .satisfies(e -> assertThat(((QueryException) e).jobId()).contains(job.id()));
        assertThatThrownBy(job::fetchResult).isInstanceOf(NotFoundException.class).hasMessageContaining(job.id());
    }

    @Test
    void deadlinePassingWhileTheJobRunsIsATimeoutAndCanAbortTheJob() {
        AsyncJob job = setup.tap.submit(TapQuery.of("select * from fault.hang"));
        job.run();

        assertThatThrownBy(() -> job.awaitCompletion(Duration.ofMillis(1500), true))
                .isInstanceOf(CadcTimeoutException.class).hasMessageContaining(job.id());
        assertThat(setup.service.jobPhase(job.id())).contains("ABORTED");
        assertThatThrownBy(job::raiseIfError).isInstanceOf(QueryException.class).hasMessageContaining("aborted");
    }

    @Test
    void interruptedWaitThrowsAndAbortsTheJobWhenAsked() throws Exception {
        AsyncJob job = setup.tap.submit(TapQuery.of("select * from fault.hang"));
        job.run();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                job.awaitCompletion(Duration.ofMinutes(2), true);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        waiter.start();
        setup.service.server().awaitRequest("/tap/async/" + job.id(), Duration.ofSeconds(10));
        waiter.interrupt();

        assertThat(outcome.get(20, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(setup.service.jobPhase(job.id())).contains("ABORTED");
    }

    @Test
    void timeoutWithoutAbortLeavesTheJobRunning() {
        AsyncJob job = setup.tap.submit(TapQuery.of("select * from fault.hang"));
        job.run();

        assertThatThrownBy(() -> job.awaitCompletion(Duration.ofMillis(300)))
                .isInstanceOf(CadcTimeoutException.class);
        assertThat(setup.service.jobPhase(job.id())).contains("EXECUTING");
        job.abort();
        assertThat(job.phase()).isEqualTo(ExecutionPhase.ABORTED);
    }

    @Test
    void destructionAndExecutionDurationAreSet() {
        AsyncJob job = setup.tap.submit(TapQuery.of("select * from caom2.Plane"));
        Instant when = Instant.parse("2030-01-02T03:04:05Z");

        job.setDestruction(when);
        job.setExecutionDuration(Duration.ofSeconds(90));

        JobInfo info = job.info();
        assertThat(info.destruction()).contains(when);
        assertThat(info.executionDuration()).contains(Duration.ofSeconds(90));
    }

    @Test
    void jobsAreLoadedByIdOrUrlAndUnknownOnesAreNotFound() {
        AsyncJob job = setup.tap.submit(TapQuery.of("select * from caom2.Plane"));

        assertThat(setup.tap.loadJob(job.id()).uri()).isEqualTo(job.uri());
        assertThat(setup.tap.loadJob(job.uri()).id()).isEqualTo(job.id());
        assertThatThrownBy(() -> setup.tap.loadJob("nosuchjob")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("nosuchjob");
        assertThatThrownBy(() -> setup.tap.loadJob("a/b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jobsAreListedWithPhaseAfterAndLastFiltersShortOrFull() throws InterruptedException {
        AsyncJob pending = setup.tap.submit(TapQuery.builder("select * from caom2.Plane").runId("p").build());
        AsyncJob done = setup.tap.submit(TapQuery.builder("select * from caom2.Plane").runId("d").build());
        done.run();
        done.awaitCompletion(DEADLINE);

        List<JobReference> all = setup.tap.listJobs(JobListFilter.all());
        assertThat(all).extracting(JobReference::id).containsExactly(pending.id(), done.id());
        List<JobReference> completed = setup.tap.listJobs(JobListFilter.builder().phases(ExecutionPhase.COMPLETED).build());
        assertThat(completed).extracting(JobReference::id).containsExactly(done.id());
        assertThat(completed.get(0).details()).isEmpty();
        assertThat(setup.tap.listJobs(JobListFilter.builder().last(1).build())).extracting(JobReference::id)
                .containsExactly(done.id());
        assertThat(setup.tap.listJobs(JobListFilter.builder().after(Instant.now().plusSeconds(60)).build())).isEmpty();
        String query = setup.service.server().requests("/tap/async").stream().filter(r -> r.method().equals("GET"))
                .skip(1).findFirst().orElseThrow().uri().getQuery();
        assertThat(query).isEqualTo("PHASE=COMPLETED");

        List<JobReference> full = setup.tap.listJobs(JobListFilter.builder().fullDescriptions(true).build());
        assertThat(full).extracting(r -> r.details().orElseThrow().runId().orElseThrow()).containsExactly("p", "d");
    }

    @Test
    void ownerIsTheAuthenticatedUser() {
        try (var authed = setup.http.withCredentials(basic("alice", "s3cret"))) {
            var tap = Providers.select(TapPortProvider.class).create(PortContext.of(authed, setup.service.base()));
            AsyncJob job = tap.submit(TapQuery.of("select * from caom2.Plane"));
            assertThat(job.info().ownerId()).contains("alice");
        }
    }

    @Test
    void runningAJobTwiceIsRefusedWithTheJobId() {
        AsyncJob job = setup.tap.submit(TapQuery.of("select * from fault.hang"));
        job.run();

        assertThatThrownBy(job::run).isInstanceOf(QueryException.class)
                .satisfies(e -> assertThat(((QueryException) e).jobId()).contains(job.id()));
        job.abort();
    }

    @Test
    void deletedJobIsGone() {
        AsyncJob job = setup.tap.submit(TapQuery.of("select * from caom2.Plane"));
        job.delete();

        assertThatThrownBy(job::phase).isInstanceOf(NotFoundException.class);
    }

    private static CredentialPolicy basic(String user, String password) {
        return (uri, headers) -> headers.add("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
