// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.ServiceId;
import io.cadc4j.core.TransportException;
import io.cadc4j.core.internal.cache.DiskCache;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.internal.registry.ServiceResolver;
import io.cadc4j.testing.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resolver's disk cache: each resolver stands for a new process (its memory cache is empty),
 * sharing one cache directory with the others.
 */
class ServiceResolverDiskCacheTest {
    private static final URI REGISTRY = URI.create("https://reg.test/reg/resource-caps");
    private static final URI ARGUS_CAPS = URI.create("https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus/capabilities");
    private static final String ARGUS = "https://www.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus";

    @TempDir
    Path home;

    private final FakeTransport transport = new FakeTransport();
    private final ServiceResolverTest.MutableClock clock =
            new ServiceResolverTest.MutableClock(Instant.parse("2026-12-04T06:00:00Z"));

    private Path cacheDir() {
        return home.resolve(".cache").resolve("cadc4j");
    }

    /** A resolver as a new process makes it: nothing in memory. */
    private ServiceResolver newProcess(Path cache) {
        HttpPipeline http = HttpPipeline.builder().transport(transport).build();
        return ServiceResolver.builder(http).registry(REGISTRY).clock(clock).cacheTtl(Duration.ofMinutes(10))
                .diskCache(cache).build();
    }

    private void serveCadc() {
        transport.answer(REGISTRY, 200, "text/plain", Fixtures.bytes("registry/cadc-resource-caps.txt"));
        transport.answer(ARGUS_CAPS, 200, "text/xml", Fixtures.bytes("capabilities/cadc-argus-tap-capabilities.xml"));
    }

    private TapEndpoints tap(ServiceResolver r) {
        return r.tap(ServiceId.CADC_TAP, Set.of(SecurityMethod.ANONYMOUS));
    }

    @Test
    void aSecondProcessWithinTheTtlFetchesNothing() throws IOException {
        serveCadc();
        assertThat(tap(newProcess(cacheDir())).sync()).hasToString(ARGUS + "/sync");
        assertThat(transport.requests()).hasSize(2);
        assertThat(cacheDir()).isDirectoryContaining(p -> p.getFileName().toString().startsWith("https___reg.test"));
        try (var files = Files.list(cacheDir())) {
            assertThat(files).hasSize(2);
        }

        clock.advance(Duration.ofMinutes(9));
        TapEndpoints again = tap(newProcess(cacheDir()));

        assertThat(again.sync()).hasToString(ARGUS + "/sync");
        assertThat(again.tableAccess().orElseThrow().uploadLimit().orElseThrow().effective()).hasValue(100000);
        assertThat(transport.requests()).hasSize(2);
    }

    @Test
    void aSecondProcessAfterTheTtlFetchesAgainAndKeepsTheNewCopy() {
        serveCadc();
        tap(newProcess(cacheDir()));
        clock.advance(Duration.ofMinutes(11));

        tap(newProcess(cacheDir()));
        assertThat(transport.count(REGISTRY)).isEqualTo(2);
        assertThat(transport.count(ARGUS_CAPS)).isEqualTo(2);

        // the copies written by the second process are fresh for a third one
        clock.advance(Duration.ofMinutes(5));
        tap(newProcess(cacheDir()));
        assertThat(transport.requests()).hasSize(4);
        assertThat(new DiskCache(cacheDir()).read(REGISTRY).orElseThrow().fetched())
                .isEqualTo(Instant.parse("2026-12-04T06:11:00Z"));
    }

    @Test
    void aZeroTtlFetchesEveryTimeButStillServesTheDiskCopyWhenTheServerFails() {
        serveCadc();
        HttpPipeline http = HttpPipeline.builder().transport(transport).build();
        ServiceResolver.Builder zero = ServiceResolver.builder(http).registry(REGISTRY).clock(clock)
                .cacheTtl(Duration.ZERO).diskCache(cacheDir());
        tap(zero.build());
        tap(zero.build());
        assertThat(transport.requests()).hasSize(4);

        transport.fail(REGISTRY, new IOException("connection refused"));
        transport.fail(ARGUS_CAPS, new IOException("connection refused"));
        assertThat(tap(zero.build()).sync()).hasToString(ARGUS + "/sync");
    }

    @Test
    void anExpiredCopyOnDiskIsUsedWhenTheRefreshFails() {
        serveCadc();
        tap(newProcess(cacheDir()));
        clock.advance(Duration.ofDays(3));
        transport.answer(REGISTRY, 404, "text/plain", "gone");
        transport.answer(ARGUS_CAPS, 200, "text/xml", "not capabilities");

        // both were asked again (not retried: a 404 and an answer that does not parse), both failed
        assertThat(tap(newProcess(cacheDir())).sync()).hasToString(ARGUS + "/sync");
        assertThat(transport.count(REGISTRY)).isEqualTo(2);
        assertThat(transport.count(ARGUS_CAPS)).isEqualTo(2);
    }

    @Test
    void withNothingOnDiskAFailureIsThrown() {
        transport.fail(REGISTRY, new IOException("connection refused"));
        assertThatThrownBy(() -> tap(newProcess(cacheDir()))).isInstanceOf(TransportException.class)
                .hasMessageContaining("connection refused");
        assertThat(cacheDir()).doesNotExist();
    }

    @Test
    void aFailedFetchWritesNothing() {
        transport.answer(REGISTRY, 503, "text/plain", "down for maintenance");
        assertThatThrownBy(() -> tap(newProcess(cacheDir()))).isInstanceOf(ServiceException.class);
        assertThat(new DiskCache(cacheDir()).read(REGISTRY)).isEmpty();
    }

    @Test
    void corruptCopiesAreFetchedAgainAndReplaced() throws IOException {
        serveCadc();
        tap(newProcess(cacheDir()));
        DiskCache disk = new DiskCache(cacheDir());
        Path registryFile = disk.fileFor(REGISTRY);
        Path capsFile = disk.fileFor(ARGUS_CAPS);
        byte[] good = Files.readAllBytes(capsFile);

        // cut short (a crash of something that did not write atomically), and a whole file whose body is not XML
        Files.write(registryFile, java.util.Arrays.copyOf(Files.readAllBytes(registryFile), 60));
        String notXml = "<html>oops</html>";
        Files.writeString(capsFile, "cadc4j-cache 1\n" + ARGUS_CAPS + "\n" + clock.instant().toEpochMilli() + "\n"
                + notXml.length() + "\n" + notXml, StandardCharsets.UTF_8);

        assertThat(tap(newProcess(cacheDir())).sync()).hasToString(ARGUS + "/sync");
        assertThat(transport.count(REGISTRY)).isEqualTo(2);
        assertThat(transport.count(ARGUS_CAPS)).isEqualTo(2);
        assertThat(Files.readAllBytes(capsFile)).isEqualTo(good);
        assertThat(disk.read(REGISTRY)).isPresent();

        // and a third process is served from the repaired copies
        tap(newProcess(cacheDir()));
        assertThat(transport.requests()).hasSize(4);
    }

    @Test
    void aCacheThatCannotBeWrittenIsNoError() throws IOException {
        serveCadc();
        Files.writeString(home.resolve("not-a-directory"), "a file where the cache directory's parent should be");
        Path impossible = home.resolve("not-a-directory").resolve("cadc4j");

        assertThat(tap(newProcess(impossible)).sync()).hasToString(ARGUS + "/sync");
        assertThat(tap(newProcess(impossible)).sync()).hasToString(ARGUS + "/sync");
        assertThat(transport.requests()).hasSize(4);
    }
}
