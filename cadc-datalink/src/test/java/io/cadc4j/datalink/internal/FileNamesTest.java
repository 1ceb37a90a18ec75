// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.datalink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void readsFilenameFromContentDisposition() {
        assertThat(FileNames.fromContentDisposition("attachment; filename=2366419_2366419p_proc.fits"))
                .contains("2366419_2366419p_proc.fits");
        assertThat(FileNames.fromContentDisposition("inline; FILENAME=\"a \\\"quoted\\\" name.fits\"; size=3"))
                .contains("a \"quoted\" name.fits");
        assertThat(FileNames.fromContentDisposition("attachment")).isEmpty();
        assertThat(FileNames.fromContentDisposition("attachment; filename=\"\"")).isEmpty();
    }

    @Test
    void prefersAnRfc5987FilenameStarAndFallsBackWhenItCannotBeDecoded() {
        assertThat(FileNames.fromContentDisposition(
                "attachment; filename*=UTF-8''na%C3%AFve%20%E2%82%AC.fits; filename=\"naive.fits\""))
                .contains("na\u00efve \u20ac.fits");
        assertThat(FileNames.fromContentDisposition("attachment; filename*=iso-8859-1'en'%A3%20rates.txt"))
                .contains("\u00a3 rates.txt");
        assertThat(FileNames.fromContentDisposition("attachment; filename=\"plain.fits\"; filename*=KOI8-R''%C1"))
                .contains("plain.fits");
        assertThat(FileNames.fromContentDisposition("attachment; filename=\"plain.fits\"; filename*=UTF-8''%zz"))
                .contains("plain.fits");
    }

    @Test
    void takesTheLastPathSegmentOfAUrl() {
        assertThat(FileNames.fromUrl(URI.create("https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/data/pub/CFHT/1742833o.fits.fz?RUNID=abc")))
                .contains("1742833o.fits.fz");
        assertThat(FileNames.fromUrl(URI.create("http://h/dir/sub/"))).contains("sub");
        assertThat(FileNames.fromUrl(URI.create("http://h/a%2F..%2Fb"))).contains("a/../b");
        assertThat(FileNames.fromUrl(URI.create("http://h"))).isEmpty();
    }

    @Test
    void sanitisesNamesAgainstTraversalAndBadCharacters() {
        assertThat(FileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitize("..\\..\\Windows\\win.ini")).isEqualTo("win.ini");
        assertThat(FileNames.sanitize("a/../b")).isEqualTo("b");
        assertThat(FileNames.sanitize("..")).isEqualTo("download");
        assertThat(FileNames.sanitize(".")).isEqualTo("download");
        assertThat(FileNames.sanitize("/")).isEqualTo("download");
        assertThat(FileNames.sanitize(".bashrc")).isEqualTo("_bashrc");
        assertThat(FileNames.sanitize("c:evil?.fits")).isEqualTo("c_evil_.fits");
        assertThat(FileNames.sanitize("line\nbreak\u0000.fits")).isEqualTo("line_break_.fits");
        assertThat(FileNames.sanitize("right\u202eto-left.fits")).isEqualTo("right_to-left.fits");
        assertThat(FileNames.sanitize("name. . ")).isEqualTo("name");
        assertThat(FileNames.sanitize("CON.fits")).isEqualTo("_CON.fits");
        assertThat(FileNames.sanitize("\u20ac rates.txt")).isEqualTo("\u20ac rates.txt");
    }

    @Test
    void cutsLongNamesKeepingTheExtension() {
        String name = FileNames.sanitize("\u00e9".repeat(300) + ".fits.fz");
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
        assertThat(name).endsWith("\u00e9.fits.fz");
    }

    @Test
    void numbersRenamedCopiesBeforeTheExtension() {
        assertThat(FileNames.numbered("a.fits", 1)).isEqualTo("a-1.fits");
        assertThat(FileNames.numbered("a.fits.fz", 2)).isEqualTo("a-2.fits.fz");
        assertThat(FileNames.numbered("pkg.tar.gz", 3)).isEqualTo("pkg-3.tar.gz");
        assertThat(FileNames.numbered("noext", 1)).isEqualTo("noext-1");
        assertThat(FileNames.withoutArchiveExtension("CFHT.tar.gz")).isEqualTo("CFHT");
        assertThat(FileNames.withoutArchiveExtension("x.ZIP")).isEqualTo("x");
        assertThat(FileNames.withoutArchiveExtension(".tar")).isEqualTo(".tar");
    }
}
