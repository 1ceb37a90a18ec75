// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.tap.ErrorSummary;
import io.cadc4j.core.tap.ExecutionPhase;
import io.cadc4j.core.tap.JobInfo;
import io.cadc4j.core.tap.JobParameter;
import io.cadc4j.core.tap.JobReference;
import io.cadc4j.core.tap.ResultReference;
import io.cadc4j.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UwsParserTest {

    private static JobInfo job(String fixture) {
        return job(fixture, Fixtures.Chunking.WHOLE);
    }

    private static JobInfo job(String fixture, Fixtures.Chunking mode) {
        return UwsParser.parseJob(mode.open(Fixtures.bytes(fixture)), Fixtures.uri(fixture));
    }

    private static List<JobReference> list(String fixture, Fixtures.Chunking mode) {
        return UwsParser.parseJobList(mode.open(Fixtures.bytes(fixture)), Fixtures.uri(fixture));
    }

    private static JobInfo jobText(String xml) {
        return UwsParser.parseJob(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                URI.create("http://tap.test/async/1"));
    }

    @ParameterizedTest
    @EnumSource(Fixtures.Chunking.class)
    void readsACompletedUws11Job(Fixtures.Chunking mode) {
        JobInfo j = job("uws/job-completed-uws1.1.xml", mode);

        assertThat(j.jobId()).isEqualTo("1337");
        assertThat(j.version()).contains("1.1");
        assertThat(j.phase()).isEqualTo(ExecutionPhase.COMPLETED);
        assertThat(j.ownerId()).isEmpty();
        assertThat(j.runId()).isEmpty();
        assertThat(j.quote()).contains(Instant.parse("2018-01-01T02:00:00Z"));
        assertThat(j.creationTime()).contains(Instant.parse("2018-01-01T00:00:00Z"));
        assertThat(j.startTime()).contains(Instant.parse("2018-01-01T00:05:00Z"));
        assertThat(j.endTime()).contains(Instant.parse("2018-01-01T02:00:00Z"));
        assertThat(j.executionDuration()).contains(Duration.ofSeconds(7200));
        assertThat(j.destruction()).contains(Instant.parse("2018-02-01T00:00:00Z"));
        assertThat(j.parameters()).hasSize(6).contains(JobParameter.of("query", "SELECT 'test'", false));
        assertThat(j.parameter("QUERY")).contains("SELECT 'test'");
        assertThat(j.parameter("maxrec")).isEmpty();
        assertThat(j.mainResult().map(ResultReference::href))
                .contains(URI.create("http://example.com/tap/async/1337/results/result"));
        assertThat(j.errorSummary()).isEmpty();
        assertThat(j.jobInfo()).isEmpty();
    }

    @Test
    void readsTheDachsJobsInEveryPhase() {
        JobInfo pending = job("dachs/uws_job_pending.xml");
        assertThat(pending.phase()).isEqualTo(ExecutionPhase.PENDING);
        assertThat(pending.startTime()).isEmpty();
        assertThat(pending.endTime()).isEmpty();
        assertThat(pending.results()).isEmpty();
        assertThat(pending.parameter("query")).contains(
                "SELECT TOP 5 publisherID, dataProductType FROM caom2.Plane ORDER BY publisherID");

        JobInfo done = job("dachs/uws_job_completed.xml");
        assertThat(done.jobId()).isEqualTo("9gbj77qc");
        assertThat(done.mainResult().orElseThrow().href())
                .hasToString("http://127.0.0.1:8089/__system__/tap/run/async/9gbj77qc/results/result");
        assertThat(done.executionDuration()).contains(Duration.ofHours(1));

        JobInfo upload = job("dachs/uws_job_upload_completed.xml");
        assertThat(upload.parameters()).filteredOn(JobParameter::byReference).singleElement()
                .satisfies(p -> assertThat(p.value()).endsWith("/results/mytab"));

        JobInfo error = job("dachs/uws_job_error.xml");
        assertThat(error.phase()).isEqualTo(ExecutionPhase.ERROR);
        ErrorSummary summary = error.errorSummary().orElseThrow();
        assertThat(summary.message()).startsWith("Field query: No such field known: column 'nosuchcol'");
        assertThat(summary.isTransient()).isFalse();
        assertThat(summary.hasDetail()).isFalse();
    }

    @Test
    void readsAnErrorSummary() {
        JobInfo j = job("uws/job-error-with-errorsummary.xml");

        assertThat(j.errorSummary()).contains(ErrorSummary.of("We have problem", false, false));
        assertThat(j.results()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Fixtures.Chunking.class)
    void trimsCdataWrappedValuesAndReadsOffsetsAndNils(Fixtures.Chunking mode) {
        JobInfo j = job("uws/job-completed-casda-multiple-results.xml", mode);

        assertThat(j.jobId()).isEqualTo("a7b53da7-1201-46ee-8718-0bf5b64dd5b8");
        assertThat(j.runId()).isEmpty();
        assertThat(j.quote()).isEmpty();
        assertThat(j.endTime()).isEmpty();
        assertThat(j.destruction()).isEmpty();
        assertThat(j.errorSummary()).isEmpty();
        assertThat(j.startTime()).contains(Instant.parse("2020-04-17T00:10:22.793Z"));
        assertThat(j.executionDuration()).contains(Duration.ZERO);
        assertThat(j.parameter("id")).contains("ABCDEF");
        assertThat(j.results()).extracting(ResultReference::id).containsExactly("cube-244.checksum", "cube-244", "cube-245");
        assertThat(j.results().get(2).href().getQuery()).contains("X-Amz-Signature=deadbeef1234567890");
        assertThat(j.mainResult()).isEmpty();
    }

    @Test
    void readsExecutingAndSuspendedCasdaJobs() {
        assertThat(job("uws/job-executing-casda.xml").phase()).isEqualTo(ExecutionPhase.EXECUTING);
        JobInfo suspended = job("uws/job-suspended-casda.xml");
        assertThat(suspended.phase()).isEqualTo(ExecutionPhase.SUSPENDED);
        assertThat(suspended.phase().isActive()).isTrue();
        assertThat(suspended.startTime()).contains(Instant.parse("2024-04-17T00:10:22.793Z"));
    }

    @Test
    void readsAUws10JobWithDefaultNamespaceAndNoZone() {
        JobInfo j = job("uws/job-uws1.0-no-version.xml");

        assertThat(j.version()).isEmpty();
        assertThat(j.jobId()).isEqualTo("1576511540079_32840");
        assertThat(j.ownerId()).isEmpty();
        assertThat(j.startTime()).contains(Instant.parse("2019-12-16T10:52:20Z"));
        assertThat(j.parameter("query")).contains("SELECT ra, dec FROM table");
        assertThat(j.results()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("resultsTable");
            assertThat(r.isMainResult()).isTrue();
        });
        assertThat(j.mainResult().map(ResultReference::id)).contains("resultsTable");
    }

    @Test
    void readsCadcsRc3JobWithResultsHoldingPhases() {
        JobInfo j = job("uws/cadc-job-uws-v1.0rc3.xml");

        assertThat(j.jobId()).isEqualTo("88");
        assertThat(j.phase()).isEqualTo(ExecutionPhase.EXECUTING);
        assertThat(j.ownerId()).contains("NULL");
        assertThat(j.quote()).contains(Instant.parse("1977-11-25T08:30:00Z"));
        assertThat(j.executionDuration()).contains(Duration.ofSeconds(11460));
        assertThat(j.results()).extracting(r -> r.href().toString()).containsExactly(
                "http://glenelgin/asynch/88/result/image", "http://glenelgin/asynch/88/result/spectra");
    }

    @Test
    void readsDachsStarjavaJob() {
        JobInfo j = job("uws/job-completed-dachs-starjava.xml");

        assertThat(j.jobId()).isEqualTo("hzktyzsv");
        assertThat(j.parameters()).extracting(JobParameter::id).contains("request", "lang", "query", "verb");
        assertThat(j.parameter("query")).contains("select top 3 s_ra, s_dec from ivoa.obscore");
    }

    @Test
    void keepsJobInfoEntriesApartByNamespace() {
        JobInfo foreign = job("uws/job-with-foreign-namespace.xml");
        assertThat(foreign.jobInfo()).containsExactly(
                java.util.Map.entry("{http://example-tap.org}progress", "50"),
                java.util.Map.entry("{http://example-custom.org}progress", "75"),
                java.util.Map.entry("uniqueElement", "no collision"));

        JobInfo nested = job("uws/job-with-jobinfo.xml");
        assertThat(nested.jobInfo()).containsExactly(
                java.util.Map.entry("tapQueryInfo/pct_complete", "100"),
                java.util.Map.entry("tapQueryInfo/chunks_processed", "1"),
                java.util.Map.entry("tapQueryInfo/total_chunks", "1"));
    }

    @ParameterizedTest
    @EnumSource(Fixtures.Chunking.class)
    void readsJobrefLists(Fixtures.Chunking mode) {
        List<JobReference> dachs = list("dachs/uws_joblist.xml", mode);
        assertThat(dachs).extracting(JobReference::id).containsExactly("85cbbqmo", "9gbj77qc", "8sf0b8rq", "o5yfd681",
                "px3__qte");
        assertThat(dachs.get(0).phase()).contains(ExecutionPhase.ERROR);
        assertThat(dachs.get(1).href()).contains(URI.create("http://127.0.0.1:8089/__system__/tap/run/async/9gbj77qc"));
        assertThat(dachs.get(0).details()).isEmpty();

        List<JobReference> two = list("uws/joblist-completed-error.xml", mode);
        assertThat(two).extracting(j -> j.phase().orElseThrow())
                .containsExactly(ExecutionPhase.COMPLETED, ExecutionPhase.ERROR);

        List<JobReference> rc3 = list("uws/cadc-joblist-uws-v1.0rc3.xml", mode);
        assertThat(rc3).extracting(JobReference::id).containsExactly("88", "888", "8888");
        assertThat(rc3.get(1).phase()).contains(ExecutionPhase.QUEUED);
    }

    @Test
    void readsGaiaListsThatEmbedWholeJobs() {
        List<JobReference> jobs = list("uws/joblist-gaia-full-jobs.xml", Fixtures.Chunking.WHOLE);

        assertThat(jobs).extracting(JobReference::id).containsExactly("1479386030738O", "14793860307381");
        JobReference first = jobs.get(0);
        assertThat(first.href()).isEmpty();
        assertThat(first.ownerId()).contains("anonymous");
        assertThat(first.creationTime()).contains(Instant.parse("2016-11-17T12:33:50.738Z"));
        JobInfo details = first.details().orElseThrow();
        assertThat(details.quote()).isEmpty();
        assertThat(details.executionDuration()).contains(Duration.ofSeconds(1800));
        assertThat(jobs.get(1).phase()).contains(ExecutionPhase.ERROR);
    }

    @Test
    void readsAResultsDocument() {
        List<ResultReference> results = UwsParser.parseResults(
                Fixtures.Chunking.WHOLE.open(Fixtures.bytes("dachs/uws_job_results.xml")), Fixtures.uri("results"));

        assertThat(results).singleElement().satisfies(r -> assertThat(r.isMainResult()).isTrue());
    }

    @Test
    void readsThePhaseResource() {
        String text = new String(Fixtures.bytes("dachs/uws_job_phase.txt"), StandardCharsets.UTF_8);

        assertThat(UwsParser.parsePhase(text, URI.create("http://h/phase"))).isEqualTo(ExecutionPhase.COMPLETED);
        assertThatThrownBy(() -> UwsParser.parsePhase("<html>busy</html>", URI.create("http://h/phase")))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("not a UWS phase")
                .hasMessageContaining("http://h/phase");
    }

    @Test
    void resolvesRelativeResultLinksAgainstTheJob() {
        JobInfo j = jobText("<uws:job xmlns:uws='http://www.ivoa.net/xml/UWS/v1.0' xmlns:xlink='http://www.w3.org/1999/xlink'>"
                + "<uws:jobId>1</uws:jobId><uws:phase>COMPLETED</uws:phase><uws:results>"
                + "<uws:result id='result' xlink:href='1/results/result' size='1234' mime-type='text/csv'/>"
                + "</uws:results></uws:job>");

        ResultReference r = j.mainResult().orElseThrow();
        assertThat(r.href()).hasToString("http://tap.test/async/1/results/result");
        assertThat(r.size()).hasValue(1234);
        assertThat(r.mimeType()).contains("text/csv");
    }

    @Test
    void rejectsAJobWithoutJobIdOrPhase() {
        assertThatThrownBy(() -> job("uws/job-malformed-starjava.xml"))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("no jobId")
                .hasMessageContaining("job-malformed-starjava.xml");
        assertThatThrownBy(() -> jobText("<job><jobId>7</jobId></job>"))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("7 has no phase");
    }

    @Test
    void rejectsAnUnknownPhaseAndABadTimestampWithTheirLocation() {
        assertThatThrownBy(() -> jobText("<job>\n<jobId>7</jobId>\n<phase>RUNNING</phase></job>"))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("'RUNNING' is not a UWS phase")
                .satisfies(e -> assertThat(((ProtocolViolationException) e).line()).hasValue(3));
        assertThatThrownBy(() -> jobText("<job><jobId>7</jobId><phase>PENDING</phase>"
                + "<startTime>yesterday</startTime></job>"))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("<startTime> 'yesterday'");
        assertThatThrownBy(() -> jobText("<job><jobId>7</jobId><phase>PENDING</phase>"
                + "<executionDuration>long</executionDuration></job>"))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("executionDuration");
    }

    @Test
    void rejectsTheVotableErrorDachsSendsForAnUnknownJob() {
        assertThatThrownBy(() -> job("dachs/uws_unknown_job.xml"))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("root element is <VOTABLE>");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 60, 300, 900})
    void rejectsATruncatedJob(int length) {
        byte[] cut = Arrays.copyOf(Fixtures.bytes("dachs/uws_job_completed.xml"), length);

        assertThatThrownBy(() -> UwsParser.parseJob(new ByteArrayInputStream(cut), URI.create("http://h/job")))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("http://h/job");
    }

    @Test
    void rejectsAnHtmlPage() {
        assertThatThrownBy(() -> jobText("<!DOCTYPE html>\n<html><body>Bad Gateway</body></html>"))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("<html>");
        assertThatThrownBy(() -> UwsParser.parseJobList(new ByteArrayInputStream(
                "Service unavailable".getBytes(StandardCharsets.UTF_8)), URI.create("http://h/async")))
                .isInstanceOf(ProtocolViolationException.class);
    }
}
