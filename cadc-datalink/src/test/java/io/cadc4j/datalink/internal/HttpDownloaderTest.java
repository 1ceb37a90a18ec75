// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.datalink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import io.cadc4j.core.AuthenticationException;
import io.cadc4j.core.AuthorizationException;
import io.cadc4j.core.CadcException;
import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.TransportException;
import io.cadc4j.core.datalink.ChecksumMismatchException;
import io.cadc4j.core.datalink.DownloadListener;
import io.cadc4j.core.datalink.DownloadOptions;
import io.cadc4j.core.datalink.DownloadOutcome;
import io.cadc4j.core.datalink.DownloadRequest;
import io.cadc4j.core.datalink.OverwritePolicy;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpDownloaderTest {
    private static final Path DACHS = Fixtures.dir().resolve("dachs");

    @TempDir
    Path dir;

    private FileServer server;
    private HttpPipeline http;
    private HttpDownloader downloader;

    @BeforeEach
    void start() throws IOException {
        server = new FileServer();
        // one try per request: these tests drop a transfer and resume it in the next call; the
        // retry policy's resume within a call is FaultMatrixTest's (cadc-tests)
        http = HttpPipeline.builder().settings(io.cadc4j.core.spi.TransportSettings.builder()
                .retryPolicy(io.cadc4j.core.spi.RetryPolicy.none()).build()).build();
        downloader = new HttpDownloader(http);
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    private static String digest(String algorithm, byte[] body) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance(algorithm).digest(body));
    }

    private DownloadOutcome download(String path) {
        return downloader.download(DownloadRequest.toDirectory(server.uri(path), dir), DownloadOptions.defaults(),
                DownloadListener.NONE);
    }

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void savesACutoutUnderItsContentDispositionNameAndReadsItsFitsHeader() throws Exception {
        byte[] fits = Files.readAllBytes(DACHS.resolve("soda_cutout_circle.fits"));
        server.serve("/sync", fits).disposition("attachment; filename=2366419_2366419p_proc.fits")
                .lastModified("Sat, 21 Nov 2026 19:23:22 GMT").ranges();

        DownloadOutcome outcome = downloader.download(DownloadRequest.builder(server.uri("/sync?ID=ivo%3A%2F%2Fx&POS=CIRCLE+1+2+3"))
                .directory(dir).expectFits(true).build(), DownloadOptions.defaults(), DownloadListener.NONE);

        assertThat(outcome.status()).isEqualTo(DownloadOutcome.Status.DONE);
        assertThat(outcome.path()).contains(dir.resolve("2366419_2366419p_proc.fits"));
        assertThat(outcome.bytes()).isEqualTo(5760);
        assertThat(Files.readAllBytes(outcome.path().get())).isEqualTo(fits);
        assertThat(outcome.fitsHeader().get().longValue("NAXIS1")).hasValue(14);
        assertThat(outcome.fitsHeader().get().string("PUBDID")).contains("ivo://cadc.nrc.ca/CFHT?2366419/2366419p");
        assertThat(filesInDir()).containsExactly("2366419_2366419p_proc.fits");
        assertThat(server.requests().get(0).getFirst("Accept-Encoding")).isEqualTo("identity");
    }

    @Test
    void decodesAnRfc5987FilenameStarInPreferenceToFilename() throws Exception {
        server.serve("/f", "rates".getBytes(StandardCharsets.UTF_8))
                .disposition("attachment; filename=\"EURO rates.txt\"; filename*=UTF-8''%e2%82%ac%20rates.txt");
        assertThat(download("/f").path()).contains(dir.resolve("\u20ac rates.txt"));
    }

    @Test
    void keepsOnlyTheLastSegmentOfATraversingName() throws Exception {
        server.serve("/evil", "x".getBytes(StandardCharsets.UTF_8)).disposition("attachment; filename=\"../../etc/passwd\"");
        server.serve("/evil2", "y".getBytes(StandardCharsets.UTF_8)).disposition("attachment; filename=\"..\"");
        assertThat(download("/evil").path()).contains(dir.resolve("passwd"));
        assertThat(download("/evil2").path()).contains(dir.resolve("download"));
        assertThat(filesInDir()).containsExactly("download", "passwd");
    }

    @Test
    void fallsBackToTheDecodedUrlPath() throws Exception {
        server.serve("/data/pub/CFHT/data set.fits.fz", "z".getBytes(StandardCharsets.UTF_8));
        assertThat(download("/data/pub/CFHT/data%20set.fits.fz").path()).contains(dir.resolve("data set.fits.fz"));
    }

    @Test
    void resumesADroppedDownloadWithRangeAndIfRangeAndVerifiesTheWholeFile() throws Exception {
        byte[] body = randomBytes(300_000, 1);
        server.serve("/big.fits", body).etag("\"v1\"").ranges().header("Digest", "md5=" + digest("MD5", body))
                .dropAfter(120_000);

        assertThatThrownBy(() -> download("/big.fits")).isInstanceOf(TransportException.class)
                .hasMessageContaining(server.uri("/big.fits").toString()).hasMessageContaining("of 300000")
                .hasMessageContaining("kept to resume").matches(e -> ((CadcException) e).isTransient());
        List<String> left = filesInDir();
        assertThat(left).hasSize(2).allMatch(n -> n.startsWith("big.fits.") && (n.endsWith(".part") || n.endsWith(".part.meta")));
        Path part = dir.resolve(left.stream().filter(n -> n.endsWith(".part")).findFirst().get());
        long kept = Files.size(part);
        assertThat(kept).isPositive().isLessThanOrEqualTo(120_000);

        List<Long> progress = Collections.synchronizedList(new ArrayList<>());
        List<Long> startedFrom = new ArrayList<>();
        DownloadOutcome outcome = downloader.download(DownloadRequest.toDirectory(server.uri("/big.fits"), dir),
                DownloadOptions.defaults(), new DownloadListener() {
                    @Override
                    public void started(DownloadRequest request, String fileName, long resumedFrom) {
                        startedFrom.add(resumedFrom);
                    }

                    @Override
                    public void progress(DownloadRequest request, long bytesSoFar, OptionalLong total) {
                        assertThat(total).hasValue(300_000);
                        progress.add(bytesSoFar);
                    }
                });

        assertThat(outcome.status()).isEqualTo(DownloadOutcome.Status.DONE);
        assertThat(outcome.bytes()).isEqualTo(300_000);
        assertThat(Files.readAllBytes(dir.resolve("big.fits"))).isEqualTo(body);
        assertThat(filesInDir()).containsExactly("big.fits");
        Headers resumed = server.requests().get(1);
        assertThat(resumed.getFirst("Range")).isEqualTo("bytes=" + kept + "-");
        assertThat(resumed.getFirst("If-Range")).isEqualTo("\"v1\"");
        assertThat(startedFrom).containsExactly(kept);
        assertThat(progress).isSorted().last().isEqualTo(300_000L);
        assertThat(progress.get(0)).isGreaterThan(kept);
    }

    @Test
    void restartsFromZeroWhenTheServerAnswersARangedRequestWith200() throws Exception {
        byte[] first = randomBytes(200_000, 2);
        FileServer.Resource r = server.serve("/changing.fits", first).etag("\"v1\"").ranges().dropAfter(70_000);
        assertThatThrownBy(() -> download("/changing.fits")).isInstanceOf(TransportException.class);

        byte[] second = randomBytes(150_000, 3);
        r.body(second).etag("\"v2\"").header("Digest", "sha-256=" + digest("SHA-256", second));
        DownloadOutcome outcome = download("/changing.fits");

        assertThat(server.requests().get(1).getFirst("If-Range")).isEqualTo("\"v1\"");
        assertThat(outcome.bytes()).isEqualTo(150_000);
        assertThat(Files.readAllBytes(dir.resolve("changing.fits"))).isEqualTo(second);
        assertThat(filesInDir()).containsExactly("changing.fits");
    }

    @Test
    void restartsAPartialFileWhenTheServerOffersNoValidator() throws Exception {
        byte[] body = randomBytes(100_000, 4);
        server.serve("/novalidator", body).ranges().dropAfter(30_000);
        assertThatThrownBy(() -> download("/novalidator")).isInstanceOf(TransportException.class);
        assertThat(download("/novalidator").bytes()).isEqualTo(100_000);
        assertThat(server.requests().get(1).getFirst("Range")).isNull();
        assertThat(Files.readAllBytes(dir.resolve("novalidator"))).isEqualTo(body);
    }

    @Test
    void deletesThePartAndRaisesOnAWrongChecksum() throws Exception {
        byte[] body = randomBytes(50_000, 5);
        server.serve("/bad.fits", body).header("Digest", "md5=" + digest("MD5", "other".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> download("/bad.fits")).isInstanceOfSatisfying(ChecksumMismatchException.class, e -> {
            assertThat(e.algorithm()).isEqualTo("MD5");
            assertThat(e.getMessage()).contains(server.uri("/bad.fits").toString()).contains("deleted");
            assertThat(e.expected()).isNotEqualTo(e.actual()).hasSize(32);
        });
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void acceptsContentMd5InHexAsCadcSendsItAndInBase64() throws Exception {
        byte[] body = randomBytes(10_000, 6);
        byte[] md5 = MessageDigest.getInstance("MD5").digest(body);
        server.serve("/hex", body).header("Content-MD5", Checksum.hex(md5));
        server.serve("/b64", body).header("Content-MD5", Base64.getEncoder().encodeToString(md5));
        server.serve("/wronghex", body).header("Content-MD5", Checksum.hex(new byte[16]));
        assertThat(download("/hex").isDone()).isTrue();
        assertThat(download("/b64").isDone()).isTrue();
        assertThatThrownBy(() -> download("/wronghex")).isInstanceOf(ChecksumMismatchException.class);
    }

    @Test
    void appliesTheOverwritePolicy() throws Exception {
        server.serve("/a.fits", "new".getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("a.fits"), "old");
        URI uri = server.uri("/a.fits");

        DownloadOutcome skipped = downloader.download(DownloadRequest.toDirectory(uri, dir), DownloadOptions.defaults(),
                DownloadListener.NONE);
        assertThat(skipped.status()).isEqualTo(DownloadOutcome.Status.SKIPPED);
        assertThat(skipped.path()).contains(dir.resolve("a.fits"));
        assertThat(Files.readString(dir.resolve("a.fits"))).isEqualTo("old");

        DownloadOptions rename = DownloadOptions.builder().overwrite(OverwritePolicy.RENAME).build();
        assertThat(downloader.download(DownloadRequest.toDirectory(uri, dir), rename, DownloadListener.NONE).path())
                .contains(dir.resolve("a-1.fits"));
        assertThat(downloader.download(DownloadRequest.toDirectory(uri, dir), rename, DownloadListener.NONE).path())
                .contains(dir.resolve("a-2.fits"));
        assertThat(Files.readString(dir.resolve("a.fits"))).isEqualTo("old");

        DownloadOptions overwrite = DownloadOptions.builder().overwrite(OverwritePolicy.OVERWRITE).build();
        assertThat(downloader.download(DownloadRequest.toDirectory(uri, dir), overwrite, DownloadListener.NONE).path())
                .contains(dir.resolve("a.fits"));
        assertThat(Files.readString(dir.resolve("a.fits"))).isEqualTo("new");
        assertThat(filesInDir()).containsExactly("a-1.fits", "a-2.fits", "a.fits");
    }

    @Test
    void skipsAnExistingFileWithoutAskingWhenTheCallerNamedIt() throws Exception {
        Files.writeString(dir.resolve("mine.fits"), "old");
        DownloadOutcome o = downloader.download(DownloadRequest.builder(server.uri("/whatever")).directory(dir)
                .fileName("mine.fits").build(), DownloadOptions.defaults(), DownloadListener.NONE);
        assertThat(o.status()).isEqualTo(DownloadOutcome.Status.SKIPPED);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void reportsEveryOutcomeOfTenParallelDownloadsWhenOneIs404() throws Exception {
        List<DownloadRequest> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            if (i != 6) {
                server.serve("/f" + i + ".fits", randomBytes(20_000 + i, i));
            }
            requests.add(DownloadRequest.toDirectory(server.uri("/f" + i + ".fits"), dir));
        }
        AtomicInteger active = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        Map<URI, DownloadOutcome> heard = new ConcurrentHashMap<>();
        DownloadListener listener = new DownloadListener() {
            @Override
            public void started(DownloadRequest request, String fileName, long resumedFrom) {
                peak.accumulateAndGet(active.incrementAndGet(), Math::max);
            }

            @Override
            public void finished(DownloadOutcome outcome) {
                if (outcome.isDone()) {
                    active.decrementAndGet();
                }
                heard.put(outcome.request().uri(), outcome);
            }
        };

        List<DownloadOutcome> outcomes = downloader.downloadAll(requests,
                DownloadOptions.builder().maxConcurrent(4).maxPerHost(2).build(), listener);

        assertThat(outcomes).hasSize(10);
        for (int i = 0; i < 10; i++) {
            DownloadOutcome o = outcomes.get(i);
            assertThat(o.request()).isEqualTo(requests.get(i));
            if (i == 6) {
                assertThat(o.status()).isEqualTo(DownloadOutcome.Status.FAILED);
                assertThat(o.failure().get()).isInstanceOf(NotFoundException.class)
                        .hasMessageContaining(server.uri("/f6.fits").toString());
            } else {
                assertThat(o.status()).as("download %d", i).isEqualTo(DownloadOutcome.Status.DONE);
                assertThat(Files.readAllBytes(o.path().get())).isEqualTo(randomBytes(20_000 + i, i));
            }
        }
        assertThat(heard).hasSize(10);
        assertThat(peak.get()).isBetween(1, 2);
    }

    @Test
    void downloadsTheSameUrlRequestedTwiceInParallelOnlyOnce() throws Exception {
        byte[] body = randomBytes(200_000, 9);
        server.serve("/twice.fits", body);
        DownloadRequest r = DownloadRequest.toDirectory(server.uri("/twice.fits"), dir);

        List<DownloadOutcome> outcomes = downloader.downloadAll(List.of(r, r), DownloadOptions.defaults(),
                DownloadListener.NONE);

        assertThat(outcomes).extracting(DownloadOutcome::status)
                .containsExactlyInAnyOrder(DownloadOutcome.Status.DONE, DownloadOutcome.Status.SKIPPED);
        assertThat(Files.readAllBytes(dir.resolve("twice.fits"))).isEqualTo(body);
        assertThat(filesInDir()).containsExactly("twice.fits");
    }

    @Test
    void raisesAuthenticationAndAuthorizationErrorsNamingTheUrl() {
        server.serve("/private.fits", "no".getBytes(StandardCharsets.UTF_8)).status(401);
        server.serve("/proprietary.fits", "forbidden".getBytes(StandardCharsets.UTF_8)).status(403);
        assertThatThrownBy(() -> download("/private.fits")).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining(server.uri("/private.fits").toString());
        assertThatThrownBy(() -> download("/proprietary.fits")).isInstanceOf(AuthorizationException.class)
                .hasMessageContaining(server.uri("/proprietary.fits").toString()).hasMessageContaining("forbidden");

        List<DownloadOutcome> all = downloader.downloadAll(List.of(
                DownloadRequest.toDirectory(server.uri("/private.fits"), dir),
                DownloadRequest.toDirectory(server.uri("/proprietary.fits"), dir)), DownloadOptions.defaults(),
                DownloadListener.NONE);
        assertThat(all.get(0).failure().get()).isInstanceOf(AuthenticationException.class);
        assertThat(all.get(1).failure().get()).isInstanceOf(AuthorizationException.class);
    }

    @Test
    void rejectsAnHtmlErrorPageSavedUnderAFitsName() throws Exception {
        byte[] html = Files.readAllBytes(DACHS.resolve("soda_error_unknown_id.html"));
        server.serve("/sync", html).disposition("attachment; filename=cutout.fits").header("Content-Type", "image/fits");

        assertThatThrownBy(() -> downloader.download(DownloadRequest.builder(server.uri("/sync")).directory(dir)
                .expectFits(true).build(), DownloadOptions.defaults(), DownloadListener.NONE))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(200);
                    assertThat(e.serverMessage()).startsWith("an HTML page instead of FITS")
                            .contains("No plane with this publisherID known here. (pubDID: ivo://cadc.nrc.ca/nope)")
                            .doesNotContain("<div");
                });
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void streamsToACallersSinkWithTheSuggestedName() throws Exception {
        byte[] fits = Files.readAllBytes(DACHS.resolve("soda_cube_cutout.fits"));
        server.serve("/cube", fits).disposition("attachment; filename=harp_66988_20190027_reduced-27-cube_proc.fits")
                .header("Digest", "md5=" + digest("MD5", fits));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        List<String> names = new ArrayList<>();
        DownloadOutcome o = downloader.download(DownloadRequest.builder(server.uri("/cube")).sink((name, length) -> {
            names.add(name + " " + length.getAsLong());
            return sink;
        }).expectFits(true).build(), DownloadOptions.defaults(), DownloadListener.NONE);

        assertThat(names).containsExactly("harp_66988_20190027_reduced-27-cube_proc.fits 11520");
        assertThat(sink.toByteArray()).isEqualTo(fits);
        assertThat(o.path()).isEmpty();
        assertThat(o.fitsHeader().get().longValue("NAXIS3")).hasValue(4);
    }

    @Test
    void neverOpensTheSinkForAnErrorPage() throws Exception {
        server.serve("/sync", Files.readAllBytes(DACHS.resolve("soda_error_unknown_id.html")));
        AtomicInteger opened = new AtomicInteger();
        assertThatThrownBy(() -> downloader.download(DownloadRequest.builder(server.uri("/sync")).sink((n, l) -> {
            opened.incrementAndGet();
            return new ByteArrayOutputStream();
        }).expectFits(true).build(), DownloadOptions.defaults(), DownloadListener.NONE))
                .isInstanceOf(ServiceException.class);
        assertThat(opened).hasValue(0);
    }
}
