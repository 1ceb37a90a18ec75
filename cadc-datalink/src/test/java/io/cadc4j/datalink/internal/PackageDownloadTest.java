// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.datalink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.datalink.DownloadListener;
import io.cadc4j.core.datalink.DownloadOptions;
import io.cadc4j.core.datalink.DownloadOutcome;
import io.cadc4j.core.datalink.DownloadRequest;
import io.cadc4j.core.internal.http.HttpPipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageDownloadTest {
    private static final byte[] A = "SIMPLE  =                    T".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] B = "a preview".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path temp;

    private Path dir;
    private FileServer server;
    private HttpPipeline http;
    private HttpDownloader downloader;

    @BeforeEach
    void start() throws IOException {
        dir = Files.createDirectories(temp.resolve("downloads"));
        server = new FileServer();
        http = HttpPipeline.builder().build();
        downloader = new HttpDownloader(http);
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    /** One archive entry: a file (data), a directory (data null, no link) or a link. */
    private static final class Entry {
        final String name;
        final byte[] data;
        final String symlink;
        final long declaredSize;

        Entry(String name, byte[] data, String symlink, long declaredSize) {
            this.name = name;
            this.data = data;
            this.symlink = symlink;
            this.declaredSize = declaredSize;
        }

        static Entry file(String name, byte[] data) {
            return new Entry(name, data, null, data.length);
        }

        static Entry dir(String name) {
            return new Entry(name, null, null, 0);
        }

        static Entry link(String name, String target) {
            return new Entry(name, null, target, 0);
        }
    }

    private static byte[] tar(List<Entry> entries, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream raw = gzip ? new GzipCompressorOutputStream(bytes) : bytes;
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(raw)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry e : entries) {
                TarArchiveEntry t;
                if (e.symlink != null) {
                    t = new TarArchiveEntry(e.name, TarArchiveEntry.LF_SYMLINK);
                    t.setLinkName(e.symlink);
                } else {
                    // preserveAbsolutePath: write the name as given, hostile or not.
                    t = new TarArchiveEntry(e.data == null ? e.name + "/" : e.name, true);
                    if (e.data != null) {
                        t.setSize(e.data.length);
                    }
                }
                tar.putArchiveEntry(t);
                if (e.data != null) {
                    tar.write(e.data);
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(List<Entry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // Written to a stream, entries carry their sizes in data descriptors, as a streaming server's would.
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Entry e : entries) {
                zip.putArchiveEntry(new ZipArchiveEntry(e.data == null ? e.name + "/" : e.name));
                if (e.data != null) {
                    zip.write(e.data);
                }
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private DownloadOutcome extract(String path, DownloadOptions options) {
        return downloader.download(DownloadRequest.builder(server.uri(path)).directory(dir).extractArchive(true).build(),
                options, DownloadListener.NONE);
    }

    private List<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted()
                    .collect(Collectors.toList());
        }
    }

    private static List<Entry> goodPackage() {
        return List.of(Entry.dir("pkg"), Entry.file("pkg/1742833o.fits", A), Entry.file("pkg/preview/1742833o.png", B));
    }

    @Test
    void extractsTarTarGzAndZipPackagesIntoADirectoryNamedAfterThem() throws IOException {
        List<Entry> withLink = List.of(Entry.dir("pkg"), Entry.file("pkg/1742833o.fits", A),
                Entry.file("pkg/preview/1742833o.png", B), Entry.link("pkg/latest.fits", "1742833o.fits"));
        server.serve("/pkg/a", tar(withLink, false)).disposition("attachment; filename=CFHT_1742833.tar");
        server.serve("/pkg/b", tar(goodPackage(), true)).disposition("attachment; filename=CFHT_1742833.tar.gz");
        server.serve("/pkg/c", zip(goodPackage())).disposition("attachment; filename=\"CFHT_1742833.zip\"");

        DownloadOutcome a = extract("/pkg/a", DownloadOptions.defaults());
        assertThat(a.path()).contains(dir.resolve("CFHT_1742833"));
        assertThat(tree(a.path().get())).containsExactly("pkg", "pkg/1742833o.fits", "pkg/latest.fits", "pkg/preview",
                "pkg/preview/1742833o.png");
        assertThat(Files.isSymbolicLink(a.path().get().resolve("pkg/latest.fits"))).isTrue();
        assertThat(Files.readAllBytes(a.path().get().resolve("pkg/latest.fits"))).isEqualTo(A);

        DownloadOptions rename = DownloadOptions.builder().overwrite(io.cadc4j.core.datalink.OverwritePolicy.RENAME).build();
        DownloadOutcome b = extract("/pkg/b", rename);
        assertThat(b.path()).contains(dir.resolve("CFHT_1742833-1"));
        assertThat(Files.readAllBytes(b.path().get().resolve("pkg/preview/1742833o.png"))).isEqualTo(B);

        DownloadOutcome c = extract("/pkg/c", rename);
        assertThat(c.path()).contains(dir.resolve("CFHT_1742833-2"));
        assertThat(tree(c.path().get())).containsExactly("pkg", "pkg/1742833o.fits", "pkg/preview",
                "pkg/preview/1742833o.png");
        assertThat(c.bytes()).isEqualTo(zip(goodPackage()).length);

        assertThat(extract("/pkg/a", DownloadOptions.defaults()).status()).isEqualTo(DownloadOutcome.Status.SKIPPED);
        assertThat(tree(dir).stream().filter(p -> !p.contains("/"))).containsExactly("CFHT_1742833", "CFHT_1742833-1",
                "CFHT_1742833-2");
    }

    @Test
    void refusesAZipSlipEntryAndLeavesNothingBehind() throws IOException {
        server.serve("/slip.zip", zip(List.of(Entry.file("ok.txt", B), Entry.file("../../evil.txt", B))));
        assertThatThrownBy(() -> extract("/slip.zip", DownloadOptions.defaults()))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("'../../evil.txt'")
                .hasMessageContaining("zip-slip").hasMessageContaining(server.uri("/slip.zip").toString());
        assertThat(tree(temp)).containsExactly("downloads");
    }

    @Test
    void refusesAbsoluteEntryNames() throws IOException {
        server.serve("/abs.tar", tar(List.of(Entry.file("/tmp/cadc4j-absolute.txt", B)), false));
        assertThatThrownBy(() -> extract("/abs.tar", DownloadOptions.defaults()))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("absolute");
        assertThat(tree(dir)).isEmpty();
    }

    @Test
    void refusesASymbolicLinkPointingOutside() throws IOException {
        server.serve("/link.tar", tar(List.of(Entry.file("a.fits", A), Entry.link("up", "../../outside")), false));
        assertThatThrownBy(() -> extract("/link.tar", DownloadOptions.defaults()))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("'up'")
                .hasMessageContaining("'../../outside', outside the target directory");
        assertThat(tree(dir)).isEmpty();
    }

    @Test
    void refusesAChainOfInsideLinksThatClimbsOut() throws IOException {
        // Each link alone stays inside by its name, but d/d/d is really the top, so ../../.. leaves it.
        server.serve("/chain.tar", tar(List.of(Entry.link("d", "."), Entry.link("d/d/d/up", "../../..")), false));
        assertThatThrownBy(() -> extract("/chain.tar", DownloadOptions.defaults()))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("'d/d/d/up'");
        assertThat(tree(dir)).isEmpty();
    }

    @Test
    void refusesAnEntryDeclaringMoreThanTheSizeLimit() throws IOException {
        server.serve("/big.tar", tar(List.of(Entry.file("big.fits", new byte[4096])), false));
        assertThatThrownBy(() -> extract("/big.tar", DownloadOptions.builder().maxExtractedBytes(1000).build()))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("declares 4096 bytes")
                .hasMessageContaining("limit of 1000 bytes");
        assertThat(tree(dir)).isEmpty();
    }

    @Test
    void refusesACompressedEntryThatInflatesPastTheSizeLimit() throws IOException {
        // Zeros deflate to almost nothing and a streamed zip declares no size: the limit holds while copying.
        server.serve("/bomb.zip", zip(List.of(Entry.file("zeros.fits", new byte[2_000_000]))));
        assertThatThrownBy(() -> extract("/bomb.zip", DownloadOptions.builder().maxExtractedBytes(1_000_000).build()))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("'zeros.fits'")
                .hasMessageContaining("past the limit of 1000000 bytes");
        assertThat(tree(dir)).isEmpty();
    }

    @Test
    void refusesMoreEntriesThanTheLimit() throws IOException {
        server.serve("/many.tar", tar(goodPackage(), false));
        assertThatThrownBy(() -> extract("/many.tar", DownloadOptions.builder().maxArchiveEntries(2).build()))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("more than 2 entries");
    }

    @Test
    void refusesABodyThatIsNoArchive() throws IOException {
        server.serve("/page", "<html><body>maintenance</body></html>".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> extract("/page", DownloadOptions.defaults()))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("not a tar or zip archive");
        assertThat(tree(dir)).isEmpty();
    }
}
