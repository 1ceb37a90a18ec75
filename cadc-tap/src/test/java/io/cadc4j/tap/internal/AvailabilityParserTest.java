// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.registry.Availability;
import io.cadc4j.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AvailabilityParserTest {

    private static Availability parse(String fixture) {
        return AvailabilityParser.parse(Fixtures.Chunking.ONE_BYTE.open(Fixtures.bytes(fixture)), Fixtures.uri(fixture));
    }

    private static Availability text(String xml) {
        return AvailabilityParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                URI.create("http://tap.test/availability"));
    }

    @Test
    void readsTheDachsAvailability() {
        Availability a = parse("dachs/tap_availability.xml");

        assertThat(a.isAvailable()).isTrue();
        assertThat(a.upSince()).contains(Instant.parse("2026-11-21T19:22:56Z"));
        assertThat(a.notes()).isEmpty();
    }

    @Test
    void readsCadcAndCasdaAvailability() {
        Availability cadc = parse("availability/cadc-availability.xml");
        assertThat(cadc.isAvailable()).isTrue();
        assertThat(cadc.notes()).containsExactly("this service is available");

        Availability casda = parse("availability/casda-availability.xml");
        assertThat(casda.upSince()).contains(Instant.parse("2022-04-07T11:11:40.006Z"));
        assertThat(casda.notes()).isEmpty();
    }

    @Test
    void dropsUnreadableTimesButKeepsTheRest() {
        Availability a = parse("availability/availability-pyvo.xml");

        assertThat(a.isAvailable()).isTrue();
        assertThat(a.upSince()).isEmpty();
        assertThat(a.downAt()).isEmpty();
        assertThat(a.backAt()).isEmpty();
        assertThat(a.notes()).containsExactly("foo", "bar");
    }

    @Test
    void readsADownService() {
        Availability a = text("<availability xmlns='http://www.ivoa.net/xml/VOSIAvailability/v1.0'>"
                + "<available>false</available><backAt>2026-12-01T00:00:00Z</backAt><note>upgrade</note></availability>");

        assertThat(a.isAvailable()).isFalse();
        assertThat(a.backAt()).contains(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void rejectsAMissingOrUnreadableAvailableFlag() {
        assertThatThrownBy(() -> text("<availability><note>hi</note></availability>"))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("no <available>");
        assertThatThrownBy(() -> text("<availability><available>maybe</available></availability>"))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("'maybe'");
        assertThatThrownBy(() -> text("<html><body>down</body></html>"))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("<html>");
        assertThatThrownBy(() -> text("<availability><available>true</avail"))
                .isInstanceOf(ProtocolViolationException.class);
    }
}
