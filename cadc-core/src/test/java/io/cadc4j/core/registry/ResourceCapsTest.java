// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.ServiceId;
import io.cadc4j.testing.Fixtures;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResourceCapsTest {
    private static final URI SOURCE = URI.create("https://reg.test/resource-caps");

    private static ResourceCaps parse(String fixture) {
        return ResourceCaps.parse(new InputStreamReader(Fixtures.Chunking.ONE_BYTE.open(Fixtures.bytes(fixture)),
                StandardCharsets.UTF_8), Fixtures.uri(fixture));
    }

    private static ResourceCaps parseText(String text) {
        return ResourceCaps.parse(new StringReader(text), SOURCE);
    }

    @Test
    void readsCadcsRegistryFile() {
        ResourceCaps reg = parse("registry/cadc-resource-caps.txt");

        assertThat(reg.capabilitiesUrl(ServiceId.CADC_TAP))
                .contains(URI.create("https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus/capabilities"));
        assertThat(reg.capabilitiesUrl(ServiceId.CADC_DATALINK))
                .contains(URI.create("https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/caom2ops/capabilities"));
        assertThat(reg.capabilitiesUrl(ServiceId.of("ivo://cadc.nrc.ca/cadc/minoc")))
                .contains(URI.create("https://ws-cadc.canfar.net/minoc/capabilities"));
        assertThat(reg.capabilitiesUrl(ServiceId.of("reg")))
                .contains(URI.create("https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/reg/capabilities"));
        assertThat(reg.capabilitiesUrl(ServiceId.of("ivo://cadc.nrc.ca/nosuch"))).isEmpty();
        assertThat(reg.entries().keySet()).first().isEqualTo(ServiceId.of("ivo://cadc.nrc.ca/reg"));
        assertThat(reg.entries()).hasSizeGreaterThan(10);
    }

    @Test
    void readsTheDachsStandInRegistry() {
        ResourceCaps reg = parse("dachs/resource-caps.txt");

        assertThat(reg.entries()).hasSize(4);
        assertThat(reg.capabilitiesUrl(ServiceId.CADC_TAP)).contains(URI.create("http://127.0.0.1:8089/tap/capabilities"));
    }

    @Test
    void splitsOnTheFirstEqualsSignAndExpandsShortNames() {
        ResourceCaps reg = parseText("# comment\n\n  argus =  https://h.test/cap?a=b&c=d  \r\n"
                + "ivo://other.org/x=https://o.test/caps\n");

        assertThat(reg.capabilitiesUrl(ServiceId.of("ivo://cadc.nrc.ca/argus")))
                .contains(URI.create("https://h.test/cap?a=b&c=d"));
        assertThat(reg.capabilitiesUrl(ServiceId.of("ivo://other.org/x"))).contains(URI.create("https://o.test/caps"));
    }

    @Test
    void letsTheLastOfARepeatedIdWin() {
        ResourceCaps reg = parseText("argus = https://a.test/1\nargus = https://a.test/2\n");

        assertThat(reg.capabilitiesUrl(ServiceId.CADC_TAP)).contains(URI.create("https://a.test/2"));
    }

    @Test
    void rejectsAnHtmlPageNamingTheLine() {
        assertThatThrownBy(() -> parseText("\n<html>\n<body>Not Found</body></html>"))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining(SOURCE.toString())
                .satisfies(e -> assertThat(((ProtocolViolationException) e).line()).hasValue(2));
    }

    @Test
    void rejectsALineWithoutAUsableUrlOrId() {
        assertThatThrownBy(() -> parseText("argus = not a url"))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> parseText("argus = /relative/caps"))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("absolute");
        assertThatThrownBy(() -> parseText("http://x.test/a = https://h.test/caps"))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("service id");
    }
}
