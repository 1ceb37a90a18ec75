// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.NotFoundException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DownloadValuesTest {
    private static final URI URL = URI.create("https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/data/pub/CFHT/1742833o.fits.fz?RUNID=secret");

    @Test
    void buildsRequestsToADirectoryOrASink() {
        DownloadRequest r = DownloadRequest.builder(URL).directory(Path.of("data")).fileName("x.fits").expectFits(true)
                .build();
        assertThat(r.directory()).contains(Path.of("data"));
        assertThat(r.sink()).isEmpty();
        assertThat(r.fileName()).contains("x.fits");
        assertThat(r.expectFits()).isTrue();
        assertThat(r.toBuilder().build()).isEqualTo(r).hasSameHashCodeAs(r);
        assertThat(r.toString()).doesNotContain("secret").contains("/data/pub/CFHT/1742833o.fits.fz");
        DownloadSink sink = (name, length) -> new ByteArrayOutputStream();
        DownloadRequest s = DownloadRequest.toSink(URL, sink);
        assertThat(s.sink()).contains(sink);
        assertThat(s.directory()).isEmpty();
    }

    @Test
    void refusesIncompleteOrContradictoryRequests() {
        assertThatThrownBy(() -> DownloadRequest.builder(URL).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a directory or a sink");
        assertThatThrownBy(() -> DownloadRequest.builder(URL).sink((n, l) -> null).extractArchive(true).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only be extracted into a directory");
        assertThatThrownBy(() -> DownloadRequest.builder(URL).directory(Path.of("d")).extractArchive(true)
                .expectFits(true).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DownloadRequest.builder(URI.create("ftp://h/x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http(s)");
        assertThatThrownBy(() -> DownloadRequest.builder(URI.create("/relative"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DownloadRequest.builder(URL).fileName(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hasDocumentedDefaultOptionsAndRefusesNonPositiveLimits() {
        DownloadOptions d = DownloadOptions.defaults();
        assertThat(d.overwrite()).isEqualTo(OverwritePolicy.SKIP);
        assertThat(d.resume()).isTrue();
        assertThat(d.verifyChecksums()).isTrue();
        assertThat(d.maxConcurrent()).isEqualTo(4);
        assertThat(d.maxPerHost()).isEqualTo(2);
        assertThat(d.maxExtractedBytes()).isEqualTo(64L << 30);
        assertThat(d.maxArchiveEntries()).isEqualTo(100_000);
        assertThat(d.toBuilder().maxPerHost(1).build()).isNotEqualTo(d);
        assertThat(d.toBuilder().build()).isEqualTo(d);
        assertThatThrownBy(() -> DownloadOptions.builder().maxConcurrent(0)).hasMessageContaining("maxConcurrent must be at least 1");
        assertThatThrownBy(() -> DownloadOptions.builder().maxExtractedBytes(0)).hasMessageContaining("maxExtractedBytes");
    }

    @Test
    void reportsOutcomes() {
        DownloadRequest r = DownloadRequest.toDirectory(URL, Path.of("d"));
        NotFoundException missing = new NotFoundException(404, "gone", URL, null, null);
        DownloadOutcome failed = DownloadOutcome.failed(r, missing);
        assertThat(failed.status()).isEqualTo(DownloadOutcome.Status.FAILED);
        assertThat(failed.failure()).containsSame(missing);
        assertThat(failed.path()).isEmpty();
        assertThat(failed.isDone()).isFalse();
        DownloadOutcome done = DownloadOutcome.done(r, Path.of("d/x.fits"), 10, null);
        assertThat(done.isDone()).isTrue();
        assertThat(done.bytes()).isEqualTo(10);
        assertThat(done.fitsHeader()).isEmpty();
        assertThat(DownloadOutcome.skipped(r, Path.of("d/x.fits")).status()).isEqualTo(DownloadOutcome.Status.SKIPPED);
        assertThatThrownBy(() -> DownloadOutcome.done(r, null, -1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void describesAChecksumMismatch() {
        ChecksumMismatchException e = new ChecksumMismatchException(URL, "MD5", "00ff", "ff00");
        assertThat(e.getMessage()).contains("MD5").contains("00ff").contains("ff00").contains(URL.getPath());
        assertThat(e.isTransient()).isTrue();
        assertThat(e.requestUri()).contains(URL);
    }
}
