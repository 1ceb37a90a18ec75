// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.names.internal;

import static io.cadc4j.names.internal.SesameAnswerTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.sky.Coordinates;
import io.cadc4j.core.sky.ResolvedName;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CadcResolverAnswerTest {
    private static final URI FIND = URI.create("https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/cadc-target-resolver/find"
            + "?target=m31&service=all&format=ascii");

    @Test
    void readsTheM31AnswerOfNed() throws IOException {
        String text = fixture("cadc-resolver-m31-found.txt");
        assertThat(text).contains("\r\n");
        ResolvedName r = CadcResolverAnswer.read("m31", FIND, text);
        assertThat(r.coordinates()).isEqualTo(Coordinates.of(10.684799, 41.269076));
        assertThat(r.service()).isEqualTo("ned");
        assertThat(r.details()).isEqualTo(Map.of("host", "ned.ipac.caltech.edu", "time(ms)", "2508"));
        assertThat(r.canonicalName()).isEmpty();
        assertThat(r.resolver()).contains("cadc");
        assertThat(r.source()).contains(FIND);
    }

    @Test
    void splitsOnTheFirstEqualsOnlySoAVizierServiceKeepsItsOwn() throws IOException {
        String text = fixture("cadc-resolver-vizier-hd3145-found.txt");
        assertThat(CadcResolverAnswer.fields(text)).containsEntry("service", "V=VizieR (CDS)(cdsweb.u-strasbg.fr)")
                .containsEntry("target", "hd 3145");
        ResolvedName r = CadcResolverAnswer.read("hd 3145", FIND, text);
        assertThat(r.coordinates()).isEqualTo(Coordinates.of(8.6014, -45.4318));
        assertThat(r.service()).isEqualTo("V=VizieR (CDS)");
        assertThat(r.details()).containsEntry("host", "cdsweb.u-strasbg.fr").containsEntry("time(ms)", "311");
    }

    @Test
    void keepsTheFieldsOfDetailMax() {
        String text = "target=m31\r\nservice=simbad(simbad.u-strasbg.fr)\r\ncoordsys=ICRS\r\nra=10.684708\r\n"
                + "dec=41.26875\r\noname=M  31\r\notype=G\r\nmtype=SA(s)b\r\ntime(ms)=40\r\n";
        ResolvedName r = CadcResolverAnswer.read("m31", FIND, text);
        assertThat(r.canonicalName()).contains("M  31");
        assertThat(r.details()).containsEntry("otype", "G").containsEntry("mtype", "SA(s)b");
        assertThat(r.service()).isEqualTo("simbad");
    }

    @Test
    void the425AnswerIsNotFoundWithItsErrorText() throws IOException {
        NotFoundException e = CadcResolverAnswer.notFound("nosuchthing42", FIND, fixture("cadc-resolver-not-found-425.txt"));
        assertThat(e).hasMessageContaining("\"nosuchthing42\"").hasMessageContaining("Target not found")
                .hasMessageContaining("NED, SIMBAD, VIZIER");
        assertThat(e.status()).isEqualTo(425);
        assertThat(e.requestUri()).contains(FIND);
        assertThatThrownBy(() -> CadcResolverAnswer.read("nosuchthing42", FIND, fixture("cadc-resolver-not-found-425.txt")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Target not found");
    }

    @Test
    void aMissingOrUnreadablePositionIsAProtocolViolation() {
        assertThatThrownBy(() -> CadcResolverAnswer.read("m31", FIND, "target=m31\r\nra=10.68\r\n"))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("no dec= line");
        assertThatThrownBy(() -> CadcResolverAnswer.read("m31", FIND, "target=m31\r\nra=ten\r\ndec=41\r\n"))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("'ten'");
        assertThatThrownBy(() -> CadcResolverAnswer.read("m31", FIND, "coordsys=GALACTIC\r\nra=10\r\ndec=41\r\n"))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("not ICRS");
        assertThatThrownBy(() -> CadcResolverAnswer.read("m31", FIND, "ra=10\r\ndec=-91\r\n"))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("out of range");
    }

    @Test
    void quotesNamesAsPythonsUrllibDoes() {
        assertThat(Failover.quote("NGC 3642")).isEqualTo("NGC%203642");
        assertThat(Failover.quote("* alf Gem")).isEqualTo("%2A%20alf%20Gem");
        assertThat(Failover.quote("a&b=c+d#e")).isEqualTo("a%26b%3Dc%2Bd%23e");
        assertThat(Failover.quote("Ω Cen")).isEqualTo("%CE%A9%20Cen");
        assertThat(List.of(Failover.quote("M31"))).containsExactly("M31");
    }
}
