// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.datalink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.datalink.FitsHeader;
import io.cadc4j.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitsCheckTest {
    private static final Path FIXTURES = Fixtures.dir();
    private static final URI URI_ = URI.create("https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/caom2ops/sync?ID=x");

    @TempDir
    Path dir;

    @Test
    void readsTheHeaderOfACadcSodaCutout() throws IOException {
        FitsHeader h = FitsCheck.checkFile(FIXTURES.resolve("soda/cadc-soda-cutout.fits"), URI_, 200);
        assertThat(h.booleanValue("SIMPLE")).contains(true);
        assertThat(h.longValue("BITPIX")).hasValue(16);
        assertThat(h.longValue("NAXIS1")).hasValue(101);
        assertThat(h.longValue("NAXIS2")).hasValue(101);
        assertThat(h.booleanValue("EXTEND")).contains(true);
        assertThat(h.string("OBJECT")).contains("SA 110");
        assertThat(h.string("FILENAME")).contains("806045o");
        assertThat(h.card("FILENAME").get().comment()).contains("Base filename at acquisition");
        assertThat(h.string("PATHNAME")).contains("/data/piko/megacam/05AQ07-N7");
        assertThat(h.longValue("EXTVER")).hasValue(10);
        assertThat(h.comments()).contains("Observation Summary", "-------------------");
        assertThat(h.comments().get(0)).startsWith("FITS (Flexible Image Transport System) format is defined");
        assertThat(h.card("END")).isEmpty();
    }

    @Test
    void readsTheHeaderOfADachsCircleCutout() throws IOException {
        FitsHeader h = FitsCheck.checkFile(FIXTURES.resolve("dachs/soda_cutout_circle.fits"), URI_, 200);
        assertThat(h.longValue("BITPIX")).hasValue(-32);
        assertThat(h.longValue("NAXIS1")).hasValue(14);
        assertThat(h.doubleValue("CRPIX1")).hasValue(-3.5);
        assertThat(h.doubleValue("CDELT1")).hasValue(-0.0025305291987282);
        assertThat(h.doubleValue("CRVAL1")).hasValue(131.32860425617);
        assertThat(h.doubleValue("CRVAL2")).hasValue(54.304878817355);
        assertThat(h.string("CTYPE1")).contains("RA---TAN");
        assertThat(h.string("RADESYS")).contains("ICRS");
        assertThat(h.string("DATE-OBS")).contains("2021-12-07T16:42:28.890");
        assertThat(h.string("OWNER")).contains("");
        assertThat(h.doubleValue("EXPTIME")).hasValue(60.0);
        assertThatThrownBy(() -> h.longValue("CTYPE1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CTYPE1").hasMessageContaining("not an integer");
    }

    @Test
    void readsTheHeaderOfADachsCubeCutout() throws IOException {
        FitsHeader h = FitsCheck.checkFile(FIXTURES.resolve("dachs/soda_cube_cutout.fits"), URI_, 200);
        assertThat(h.longValue("NAXIS")).hasValue(3);
        assertThat(h.longValue("NAXIS3")).hasValue(4);
        assertThat(h.doubleValue("CRVAL3")).hasValue(345796000000.0);
        assertThat(h.doubleValue("CDELT3")).hasValue(500000.0);
        assertThat(h.string("CTYPE3")).contains("FREQ");
        assertThat(h.string("SPECSYS")).contains("LSRK");
        assertThat(h.string("PUBDID")).contains("ivo://cadc.nrc.ca/JCMT?harp_66988_20190027/reduced-27-cube");
    }

    @Test
    void readsAGzipCompressedFits() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(Files.readAllBytes(FIXTURES.resolve("dachs/soda_cutout_circle.fits")));
        }
        Path file = Files.write(dir.resolve("cutout.fits.gz"), gz.toByteArray());
        assertThat(FitsCheck.checkFile(file, URI_, 200).string("OBJECT")).contains("Nr3491_1");
    }

    @Test
    void rejectsAnHtmlErrorPageSavedAsFits() throws IOException {
        Path file = dir.resolve("cutout.fits");
        Files.copy(FIXTURES.resolve("dachs/soda_error_unknown_id.html"), file);
        assertThatThrownBy(() -> FitsCheck.checkFile(file, URI_, 200)).isInstanceOfSatisfying(ServiceException.class,
                e -> {
                    assertThat(e.getMessage()).contains(URI_.toString());
                    assertThat(e.serverMessage()).startsWith("an HTML page instead of FITS: Local CADC-like test DC -- Not Found")
                            .contains("No plane with this publisherID known here. (pubDID: ivo://cadc.nrc.ca/nope)")
                            .doesNotContain("<").doesNotContain("jquery");
                });
    }

    @Test
    void rejectsAVotableErrorDocumentWithItsMessage() throws IOException {
        byte[] vot = Files.readAllBytes(FIXTURES.resolve("dachs/sync_error_bad_adql.vot.xml"));
        assertThatThrownBy(() -> FitsCheck.readHeader(new ByteArrayInputStream(vot), URI_, 200))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.serverMessage()).isEqualTo("a VOTable error document instead of FITS: Field query: No such field"
                                + " known: column 'nosuchcol' could not be located in table metadata"));
    }

    @Test
    void rejectsBytesThatAreNotFits() {
        byte[] junk = "PK\u0003\u0004 something else".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> FitsCheck.readHeader(new ByteArrayInputStream(junk), URI_, 200))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("is not FITS")
                .hasMessageContaining("starts 'PK.. something else'");
        assertThatThrownBy(() -> FitsCheck.readHeader(new ByteArrayInputStream(new byte[0]), URI_, 200))
                .hasMessageContaining("the body is empty");
    }

    @Test
    void rejectsAFileCutInsideItsHeaderOrItsData() throws IOException {
        byte[] fits = Files.readAllBytes(FIXTURES.resolve("soda/cadc-soda-cutout.fits"));
        assertThatThrownBy(() -> FitsCheck.readHeader(new ByteArrayInputStream(Arrays.copyOf(fits, 3000)), URI_, 200))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("before its END card");
        Path file = Files.write(dir.resolve("short.fits"), Arrays.copyOf(fits, fits.length - 100));
        assertThatThrownBy(() -> FitsCheck.checkFile(file, URI_, 200)).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("51740 bytes, not a whole number of 2880-byte blocks");
    }

    @Test
    void rejectsSimpleFalseAndNonAsciiCards() {
        byte[] block = new byte[2880];
        Arrays.fill(block, (byte) ' ');
        byte[] simpleF = "SIMPLE  =                    F".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(simpleF, 0, block, 0, simpleF.length);
        assertThatThrownBy(() -> FitsCheck.readHeader(new ByteArrayInputStream(block), URI_, 200))
                .hasMessageContaining("SIMPLE = F");
        byte[] simpleT = "SIMPLE  =                    T".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(simpleT, 0, block, 0, simpleT.length);
        block[85] = (byte) 0xe9;
        assertThatThrownBy(() -> FitsCheck.readHeader(new ByteArrayInputStream(block), URI_, 200))
                .hasMessageContaining("card 2").hasMessageContaining("0xe9");
    }
}
