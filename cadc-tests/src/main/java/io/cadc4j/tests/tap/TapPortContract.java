// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.tap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.CadcTimeoutException;
import io.cadc4j.core.QueryException;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableDescription;
import io.cadc4j.core.tap.AsyncJob;
import io.cadc4j.core.tap.ExecutionPhase;
import io.cadc4j.core.tap.TableUpload;
import io.cadc4j.core.tap.TapPort;
import io.cadc4j.core.tap.TapQuery;
import io.cadc4j.tests.server.tap.TapStandIn;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TapPort} must do, checked against the stand-in TAP/UWS/VOSI service
 * {@link TapStandIn}. A port passes by extending this class and making {@link #createPort} return
 * a port to the given base URL: sync rows run once, MAXREC and OVERFLOW, query errors under HTTP
 * 200 and 400, HTTP errors, the async lifecycle with a deadline, uploads refused before sending,
 * VOSI names without regard to case.
 *
 * <p>Single-threaded: JUnit makes one instance per test.
 */
public abstract class TapPortContract {
    /** The longest any job in these tests may take. */
    protected static final Duration DEADLINE = Duration.ofSeconds(20);

    private TapStandIn service;
    private HttpPipeline http;
    private TapPort tap;

    /**
     * Makes the port under test.
     *
     * @param http a pipeline over the discovered transport, closed after the test
     * @param tapBase the stand-in service's TAP base URL
     * @return the port
     */
    protected abstract TapPort createPort(HttpPipeline http, URI tapBase);

    @BeforeEach
    void startService() {
        service = TapStandIn.start();
        http = HttpPipeline.builder().build();
        tap = createPort(http, service.base());
    }

    @AfterEach
    void stopService() {
        http.close();
        service.close();
    }

    @Test
    void syncQueryStreamsEveryRowFromOneExecution() {
        long n = 0;
        try (RowCursor rows = tap.query(TapQuery.of("select * from caom2.Plane"))) {
            while (rows.next()) {
                assertThat(rows.getString(0)).isEqualTo(TapStandIn.PLANES.get((int) n).get(0));
                n++;
            }
            assertThat(rows.isOverflow()).isFalse();
        }
        assertThat(n).isEqualTo(TapStandIn.PLANES.size());
        assertThat(service.executions()).isEqualTo(1);
    }

    @Test
    void maxrecIsSentAndOverflowShown() {
        try (RowCursor rows = tap.query(TapQuery.builder("select * from caom2.Plane").maxRecords(2).build())) {
            int n = 0;
            while (rows.next()) {
                n++;
            }
            assertThat(n).isEqualTo(2);
            assertThat(rows.isOverflow()).isTrue();
        }
    }

    @Test
    void queryErrorsAreQueryExceptionsWhateverTheStatus() {
        assertThatThrownBy(() -> tap.query(TapQuery.of("select * from fault.error_200")))
                .isInstanceOf(QueryException.class).hasMessageContaining("Could not parse your query");
        assertThatThrownBy(() -> tap.query(TapQuery.of("select * from fault.error_400")))
                .isInstanceOf(QueryException.class).hasMessageContaining("nosuchcol");
    }

    @Test
    void httpErrorsAreServiceExceptionsWithTheServersText() {
        assertThatThrownBy(() -> tap.query(TapQuery.of("select * from fault.html_500")))
                .isInstanceOf(ServiceException.class).hasMessageContaining("the database went away");
    }

    @Test
    void asyncJobRunsToCompletionWithinADeadline() throws InterruptedException {
        AsyncJob job = tap.submit(TapQuery.of("select * from caom2.Plane"));
        assertThat(job.phase()).isEqualTo(ExecutionPhase.PENDING);
        job.run();

        assertThat(job.awaitCompletion(DEADLINE)).isEqualTo(ExecutionPhase.COMPLETED);
        job.raiseIfError();
        try (RowCursor rows = job.fetchResult()) {
            assertThat(rows.next()).isTrue();
        }
        job.delete();
    }

    @Test
    void failedJobRaisesItsErrorWithTheJobId() throws InterruptedException {
        AsyncJob job = tap.submit(TapQuery.of("select * from fault.error"));
        job.run();

        assertThat(job.awaitCompletion(DEADLINE)).isEqualTo(ExecutionPhase.ERROR);
        assertThatThrownBy(job::raiseIfError).isInstanceOf(QueryException.class)
                .satisfies(e -> assertThat(((QueryException) e).jobId()).contains(job.id()));
    }

    @Test
    void waitPastTheDeadlineTimesOutAndAbortsWhenAsked() {
        AsyncJob job = tap.submit(TapQuery.of("select * from fault.hang"));
        job.run();

        assertThatThrownBy(() -> job.awaitCompletion(Duration.ofMillis(500), true))
                .isInstanceOf(CadcTimeoutException.class);
        assertThat(service.jobPhase(job.id())).contains("ABORTED");
    }

    @Test
    void missingUploadFileIsRefusedBeforeSending() {
        assertThatThrownBy(() -> tap.query(TapQuery.builder("select * from tap_upload.t")
                .upload(TableUpload.ofFile("t", Path.of("no-such-dir", "no-such-file.xml"))).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(service.server().requests("/tap/sync")).isEmpty();
    }

    @Test
    void tablesAreNamedWithoutRegardToCase() {
        assertThat(tap.tables()).anySatisfy(t -> assertThat(t.isNamed("CAOM2.plane")).isTrue());
        TableDescription plane = tap.table("caom2.PLANE");
        assertThat(plane.column("publisherid")).isPresent();
        assertThat(plane.foreignKeys()).hasSize(1);
    }
}
