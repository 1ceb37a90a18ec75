// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.names.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.sky.Coordinates;
import io.cadc4j.core.sky.ResolvedName;
import io.cadc4j.testing.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SesameAnswerTest {
    static final Path RESOLVER = Fixtures.dir().resolve("resolver");
    private static final URI MIRROR = URI.create("https://cds.unistra.fr/cgi-bin/nph-sesame/SNV?x");

    static String fixture(String name) throws IOException {
        return Files.readString(RESOLVER.resolve(name), StandardCharsets.UTF_8);
    }

    private static ResolvedName read(String name, String file) throws IOException {
        return SesameAnswer.read(name, "SNV", MIRROR, fixture(file));
    }

    @Test
    void readsTheFourteenDecimalPositionOfASimbadHit() throws IOException {
        ResolvedName r = read("ngc3642", "sesame-snv-ngc3642-found.txt");
        assertThat(r.coordinates()).isEqualTo(Coordinates.of(170.57458768232, 59.07452101151));
        assertThat(r.service()).isEqualTo("Simbad");
        assertThat(r.canonicalName()).contains("NGC 3642");
        assertThat(r.details()).isEqualTo(Map.of("otype", "LIN"));
        assertThat(r.resolver()).contains("sesame");
        assertThat(r.source()).contains(MIRROR);
        assertThat(r.name()).isEqualTo("ngc3642");
    }

    @Test
    void readsAnAnswerFromSesamesCacheWithAStarsName() throws IOException {
        ResolvedName r = read("castor", "sesame-snv-castor-found.txt");
        assertThat(r.coordinates()).isEqualTo(Coordinates.of(113.649471640, 31.888282216));
        assertThat(r.service()).isEqualTo("Simbad");
        assertThat(r.canonicalName()).contains("* alf Gem");
        assertThat(r.details()).containsEntry("otype", "**");
    }

    @Test
    void readsTheSevenDecimalSimbadAnswerOf2013() throws IOException {
        ResolvedName r = read("NGC 3642", "sesame-simbad-ngc3642-found-2013.txt");
        assertThat(r.coordinates()).isEqualTo(Coordinates.of(170.5750583, 59.0742417));
        assertThat(r.service()).isEqualTo("Simbad");
        assertThat(r.canonicalName()).contains("NGC 3642");
    }

    @Test
    void readsTheTwoDecimalVizierPosition() throws IOException {
        ResolvedName r = read("NGC 3642", "sesame-vizier-ngc3642-found-2013.txt");
        assertThat(r.coordinates()).isEqualTo(Coordinates.of(170.56, 59.08));
        assertThat(r.service()).isEqualTo("VizieR");
        assertThat(r.canonicalName()).contains("NGC 3642");
    }

    @Test
    void readsAZeroPaddedRaAfterATabWithTrailingSpaces() throws IOException {
        String text = fixture("sesame-vizier-hd3145-found.txt");
        assertThat(text).contains("\t#Q").contains("  \n");
        ResolvedName r = SesameAnswer.read("hd 3145", "SNV", MIRROR, text);
        assertThat(r.coordinates()).isEqualTo(Coordinates.of(8.6014, -45.4318));
        assertThat(r.service()).isEqualTo("VizieR");
        assertThat(r.canonicalName()).contains("HD 3145");
    }

    @Test
    void anAnswerWithoutPositionIsNotFoundWithSesamesWords() throws IOException {
        assertThatThrownBy(() -> read("m31", "sesame-vizier-m31-not-found.txt"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("\"m31\"")
                .hasMessageContaining("Simbad, NED, VizieR")
                .hasMessageContaining("*** Nothing found ***")
                .hasMessageContaining(MIRROR.toString());
    }

    @Test
    void takesTheFirstPositionAfterADatabasesFailureInsideAFoundAnswer() {
        // Sesame's SNV answer when Simbad fails and NED answers: the block of each database asked.
        String text = "# ngc3642\t#Q-00001\n"
                + "#=S=Simbad (via url):    0\n"
                + "#! Simbad: *** Nothing found *** \n"
                + "#=N=NED: 1\n"
                + "%I.0 NGC 3642\n"
                + "%J 170.57500 +59.07417 = 11:22:18.00 +59:04:27.0\n"
                + "#=V=VizieR (local):    1\n"
                + "%J 170.56 +59.08 = 11:22.2     +59:05\n"
                + "#====Done (2024-Feb-15,11:26:16z)====\n";
        ResolvedName r = SesameAnswer.read("ngc3642", "SNV", MIRROR, text);
        assertThat(r.coordinates()).isEqualTo(Coordinates.of(170.575, 59.07417));
        assertThat(r.service()).isEqualTo("NED");
        assertThat(r.canonicalName()).contains("NGC 3642");
    }

    @Test
    void theCanonicalNameMayFollowThePosition() {
        String text = "# x\n#=V=VizieR (CDS):    1\n%J 008.6014 -45.4318 = 00:34:24.3  -45:25:54  \n%I.0 {HD} 3145\n";
        assertThat(SesameAnswer.read("x", "V", MIRROR, text).canonicalName()).contains("HD 3145");
    }

    @Test
    void somethingElseThanSesameIsAProtocolViolation() {
        assertThatThrownBy(() -> SesameAnswer.read("M31", "SNV", MIRROR, "<html><body>Service moved</body></html>"))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("not Sesame's plain text")
                .hasMessageContaining("Service moved");
    }

    @Test
    void anUnreadableOrImpossiblePositionIsAProtocolViolation() {
        assertThatThrownBy(() -> SesameAnswer.read("M31", "SNV", MIRROR, "# M31\n#=S=Simbad:\n%J ten +41 = x\n"))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("unreadable")
                .hasMessageContaining("line 3");
        assertThatThrownBy(() -> SesameAnswer.read("M31", "SNV", MIRROR, "# M31\n#=S=Simbad:\n%J 10.68 +141.2 = x\n"))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("out of range");
    }

    @Test
    void namesTheDatabasesByTheirLetters() {
        assertThat(SesameAnswer.describe("SNV")).isEqualTo("Simbad, NED, VizieR");
        assertThat(SesameAnswer.describe("V")).isEqualTo("VizieR");
    }
}
