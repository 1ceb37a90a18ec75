// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.registry;

import io.cadc4j.core.AuthenticationException;
import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.ServiceId;
import io.cadc4j.core.StandardId;
import io.cadc4j.core.TransportException;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.internal.registry.ServiceResolver;
import io.cadc4j.testing.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceResolverTest {
    private static final URI REGISTRY = URI.create("https://reg.test/reg/resource-caps");
    private static final URI ARGUS_CAPS = URI.create("https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus/capabilities");
    private static final String XML = "text/xml";

    private final FakeTransport transport = new FakeTransport();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private ServiceResolver.Builder resolver() {
        // one try per request: these tests count requests; retries are HttpPipelineRetryTest's
        HttpPipeline http = HttpPipeline.builder().transport(transport)
                .settings(io.cadc4j.core.spi.TransportSettings.builder()
                        .retryPolicy(io.cadc4j.core.spi.RetryPolicy.none()).build()).build();
        return ServiceResolver.builder(http).registry(REGISTRY).clock(clock);
    }

    private void serveCadc() {
        transport.answer(REGISTRY, 200, "text/plain", Fixtures.bytes("registry/cadc-resource-caps.txt"));
        transport.answer(ARGUS_CAPS, 200, XML, Fixtures.bytes("capabilities/cadc-argus-tap-capabilities.xml"));
    }

    @Test
    void resolvesCadcTapThroughTheRegistry() {
        serveCadc();
        ServiceResolver r = resolver().build();

        TapEndpoints tap = r.tap(ServiceId.CADC_TAP, Set.of(SecurityMethod.COOKIE));

        assertThat(tap.base()).hasToString("https://www.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus");
        assertThat(tap.sync()).hasToString("https://www.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus/sync");
        assertThat(tap.async()).hasToString("https://www.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus/async");
        assertThat(tap.tables()).hasToString("https://www.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus/tables");
        assertThat(tap.availability()).hasToString("https://www.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus/availability");
        assertThat(tap.securityMethod()).isEqualTo(SecurityMethod.COOKIE);
        assertThat(tap.version()).contains("1.1");
        assertThat(tap.tableAccess().orElseThrow().uploadLimit().orElseThrow().effective()).hasValue(100000);
        assertThat(transport.requests()).extracting(q -> q.uri()).containsExactly(REGISTRY, ARGUS_CAPS);
    }

    @Test
    void defaultsToCadcsRegistryAndServiceIds() {
        assertThat(ServiceResolver.DEFAULT_REGISTRY)
                .hasToString("https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/reg/resource-caps");
        assertThat(ServiceResolver.DEFAULT_TTL).isEqualTo(Duration.ofMinutes(10));
        ServiceResolver r = ServiceResolver.builder(HttpPipeline.builder().transport(transport).build()).build();
        assertThat(r.registry()).isEqualTo(ServiceResolver.DEFAULT_REGISTRY);
        assertThat(ServiceId.CADC_TAP).hasToString("ivo://cadc.nrc.ca/argus");
        assertThat(ServiceId.CADC_DATALINK).hasToString("ivo://cadc.nrc.ca/caom2ops");
        assertThat(ServiceId.CADC_LOGIN).hasToString("ivo://cadc.nrc.ca/gms");
        assertThat(transport.requests()).isEmpty();
    }

    @Test
    void servesFromTheCacheUntilTheTtlRunsOut() {
        serveCadc();
        ServiceResolver r = resolver().cacheTtl(Duration.ofMinutes(10)).build();

        r.capabilities(ServiceId.CADC_TAP);
        clock.advance(Duration.ofMinutes(9));
        r.capabilities(ServiceId.CADC_TAP);
        assertThat(transport.count(REGISTRY)).isEqualTo(1);
        assertThat(transport.count(ARGUS_CAPS)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        r.capabilities(ServiceId.CADC_TAP);
        assertThat(transport.count(REGISTRY)).isEqualTo(2);
        assertThat(transport.count(ARGUS_CAPS)).isEqualTo(2);
    }

    @Test
    void servesAStaleCopyWhenTheRefreshFails() {
        serveCadc();
        ServiceResolver r = resolver().build();
        Capabilities first = r.capabilities(ServiceId.CADC_TAP);

        clock.advance(Duration.ofHours(2));
        transport.answer(REGISTRY, 503, "text/plain", "down for maintenance");
        transport.fail(ARGUS_CAPS, new IOException("connection reset"));

        assertThat(r.capabilities(ServiceId.CADC_TAP)).isSameAs(first);
        assertThat(transport.count(REGISTRY)).isEqualTo(2);
        assertThat(transport.count(ARGUS_CAPS)).isEqualTo(2);
    }

    @Test
    void replacesTheStaleCopyOnceARefreshSucceeds() {
        serveCadc();
        ServiceResolver r = resolver().cacheTtl(Duration.ofMinutes(1)).build();
        r.capabilities(ServiceId.CADC_TAP);
        clock.advance(Duration.ofMinutes(2));
        transport.answer(ARGUS_CAPS, 200, XML, Fixtures.bytes("capabilities/cadc-reg-test-multi-sec.xml"));

        Capabilities fresh = r.capabilities(ServiceId.CADC_TAP);

        assertThat(fresh.require(StandardId.TAP).interfaces().get(0).accessUrl()).hasToString("https://example.net/srv");
    }

    @Test
    void throwsTheFailureWhenNothingIsCached() {
        transport.answer(REGISTRY, 503, "text/plain", "down for maintenance");
        ServiceResolver r = resolver().build();

        assertThatThrownBy(() -> r.capabilities(ServiceId.CADC_TAP))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("503")
                .hasMessageContaining("down for maintenance")
                .satisfies(e -> assertThat(((ServiceException) e).isTransient()).isTrue());

        transport.fail(REGISTRY, new IOException("connection refused"));
        assertThatThrownBy(() -> r.capabilities(ServiceId.CADC_TAP)).isInstanceOf(TransportException.class);
    }

    @Test
    void namesTheIdAndTheRegistryWhenTheIdIsUnknown() {
        serveCadc();
        ServiceResolver r = resolver().build();

        assertThatThrownBy(() -> r.capabilitiesUrl(ServiceId.of("nosuchservice")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("ivo://cadc.nrc.ca/nosuchservice")
                .hasMessageContaining(REGISTRY.toString());
    }

    @Test
    void namesTheStandardIdWhenTheServiceLacksTheCapability() {
        serveCadc();
        ServiceResolver r = resolver().build();

        assertThatThrownBy(() -> r.resolve(ServiceId.CADC_TAP, Set.of(), StandardId.DATALINK_1_1))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("ivo://ivoa.net/std/DataLink#links-1.1")
                .hasMessageContaining(ARGUS_CAPS.toString());
    }

    @Test
    void usesAnOverrideWithoutAskingTheRegistry() {
        URI caps = URI.create("https://sia.test/capabilities");
        transport.answer(caps, 200, XML, Fixtures.bytes("capabilities/per-interface-security-methods.xml"));
        ServiceResolver r = resolver().override(ServiceId.of("ivo://example.com/sia"), caps).build();

        InterfaceChoice choice = r.resolve(ServiceId.of("ivo://example.com/sia"), Set.of(SecurityMethod.BASIC),
                StandardId.of("ivo://ivoa.net/std/SIA#query-2.0"));

        assertThat(choice.accessUrl()).hasToString("https://example.com/sia/auth-v2query");
        assertThat(transport.count(REGISTRY)).isZero();
    }

    @Test
    void refusesWhenNoInterfaceAcceptsTheCredentialsHeldNorAnonymous() {
        URI caps = URI.create("https://sia.test/capabilities");
        transport.answer(caps, 200, XML, Fixtures.bytes("capabilities/basicauth-capabilities.xml"));
        ServiceResolver r = resolver().override(ServiceId.of("ivo://example.com/sia"), caps).build();

        assertThatThrownBy(() -> r.resolve(ServiceId.of("ivo://example.com/sia"), Set.of(SecurityMethod.COOKIE),
                StandardId.of("ivo://ivoa.net/std/SIA#query-2.0")))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("ivo://ivoa.net/sso#BasicAA")
                .hasMessageContaining("ivo://ivoa.net/sso#cookie");
    }

    @Test
    void readsADachsStyleLayoutWithVosiResourcesElsewhere() {
        URI caps = URI.create("http://127.0.0.1:8089/tap/capabilities");
        transport.answer(caps, 200, XML, Fixtures.bytes("dachs/tap_capabilities.xml"));
        ServiceResolver r = resolver().override(ServiceId.CADC_TAP, caps).build();

        TapEndpoints tap = r.tap(ServiceId.CADC_TAP, Set.of(SecurityMethod.COOKIE));

        assertThat(tap.base()).hasToString("http://127.0.0.1:8089/tap");
        assertThat(tap.sync()).hasToString("http://127.0.0.1:8089/tap/sync");
        assertThat(tap.tables()).hasToString("http://127.0.0.1:8089/__system__/tap/run/tableMetadata");
        assertThat(tap.availability()).hasToString("http://127.0.0.1:8089/__system__/tap/run/availability");
        assertThat(tap.securityMethod()).isEqualTo(SecurityMethod.ANONYMOUS);
    }

    @Test
    void readsATap10LayoutWithVosiResourcesUnderTheBase() {
        URI caps = URI.create("http://example.org/tap/capabilities");
        transport.answer(caps, 200, XML, Fixtures.bytes("capabilities/minimal-tapregext.xml"));
        ServiceResolver r = resolver().build();

        TapEndpoints tap = r.tapAt(URI.create("http://example.org/tap"), Set.of());

        assertThat(tap.tables()).hasToString("http://example.org/tap/tables");
        assertThat(tap.availability()).hasToString("http://example.org/tap/availability");
        assertThat(tap.version()).isEmpty();
        assertThat(tap.tableAccess()).isPresent();
    }

    @Test
    void worksFromAPlainBaseUrlWithNoRegistryNorCapabilities() {
        ServiceResolver r = resolver().build();

        TapEndpoints tap = r.tapAt(URI.create("https://tap.test/svc/"), Set.of(SecurityMethod.COOKIE));

        assertThat(tap.sync()).hasToString("https://tap.test/svc/sync");
        assertThat(tap.async()).hasToString("https://tap.test/svc/async");
        assertThat(tap.tables()).hasToString("https://tap.test/svc/tables");
        assertThat(tap.tableAccess()).isEmpty();
        assertThat(transport.count(REGISTRY)).isZero();
        assertThat(TapEndpoints.ofBase(URI.create("http://h.test/tap")).capabilities())
                .hasToString("http://h.test/tap/capabilities");
        assertThatThrownBy(() -> TapEndpoints.ofBase(URI.create("ftp://h.test/tap")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnHtmlAnswerForCapabilities() {
        URI caps = URI.create("https://sia.test/capabilities");
        transport.answer(caps, 200, "text/html; charset=utf-8", "<html><body>Login here</body></html>");
        ServiceResolver r = resolver().build();

        assertThatThrownBy(() -> r.capabilitiesAt(caps))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("text/html")
                .hasMessageContaining("Login here");
    }

    @Test
    void forgetsEverythingOnInvalidate() {
        serveCadc();
        ServiceResolver r = resolver().build();
        r.capabilities(ServiceId.CADC_TAP);

        r.invalidate();
        r.capabilities(ServiceId.CADC_TAP);

        assertThat(transport.count(ARGUS_CAPS)).isEqualTo(2);
    }

    @Test
    void rejectsANegativeTtl() {
        assertThatThrownBy(() -> resolver().cacheTtl(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsDataLink11BeforeTheOlderStandardAndTheLoginEndpoint() {
        URI links = URI.create("https://example.net/bifrost/capabilities");
        URI gms = URI.create("https://replace.me.com/ac/capabilities");
        transport.answer(links, 200, XML, Fixtures.bytes("capabilities/cadc-bifrost-datalink-capabilities-template.xml"));
        transport.answer(gms, 200, XML, Fixtures.bytes("capabilities/cadc-ac-gms-capabilities-template.xml"));
        ServiceResolver r = resolver().override(ServiceId.CADC_DATALINK, links).override(ServiceId.CADC_LOGIN, gms)
                .build();

        InterfaceChoice dl = r.resolve(ServiceId.CADC_DATALINK, Set.of(SecurityMethod.TOKEN, SecurityMethod.BASIC),
                StandardId.DATALINK_1_1, StandardId.DATALINK_1_0);
        assertThat(dl.standardId()).isEqualTo(StandardId.DATALINK_1_1);
        assertThat(dl.accessUrl()).hasToString("https://example.net/bifrost/links");
        assertThat(dl.securityMethod()).isEqualTo(SecurityMethod.TOKEN);

        InterfaceChoice login = r.resolve(ServiceId.CADC_LOGIN, Set.of(), StandardId.SSO_TLS_WITH_PASSWORD,
                StandardId.UMS_LOGIN);
        assertThat(login.accessUrl()).hasToString("https://replace.me.com/ac/login");
        assertThat(login.securityMethod()).isEqualTo(SecurityMethod.ANONYMOUS);
    }

    @Test
    void sendsAcceptHeadersAndNoCredentialsOfItsOwn() {
        serveCadc();
        resolver().build().capabilities(ServiceId.CADC_TAP);

        assertThat(transport.requests()).allSatisfy(q -> {
            assertThat(q.method()).isEqualTo("GET");
            assertThat(q.headers().firstValue("Accept")).isPresent();
            assertThat(q.headers().contains("Authorization")).isFalse();
        });
    }

    @Test
    void fetchesThroughAnotherPipelineSharingTheCacheAndSettings() {
        FakeTransport other = new FakeTransport();
        other.answer(REGISTRY, 200, "text/plain", Fixtures.bytes("registry/cadc-resource-caps.txt"));
        other.answer(ARGUS_CAPS, 200, XML, Fixtures.bytes("capabilities/cadc-argus-tap-capabilities.xml"));
        ServiceResolver anonymous = resolver().build();
        HttpPipeline certified = HttpPipeline.builder().transport(other).build();
        ServiceResolver viaCertified = anonymous.through(certified);

        TapEndpoints tap = viaCertified.tap(ServiceId.CADC_TAP, Set.of(SecurityMethod.COOKIE));

        // fetched through the other pipeline only, with the same registry
        assertThat(tap.base()).hasToString("https://www.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus");
        assertThat(other.count(ARGUS_CAPS)).isEqualTo(1L);
        assertThat(transport.requests()).isEmpty();
        // and cached for both: the first resolver needs nothing more
        assertThat(anonymous.tap(ServiceId.CADC_TAP, Set.of(SecurityMethod.COOKIE)).base()).isEqualTo(tap.base());
        assertThat(transport.requests()).isEmpty();
        assertThat(other.count(ARGUS_CAPS)).isEqualTo(1L);
        assertThat(anonymous.through(HttpPipeline.builder().transport(transport).build())).isNotSameAs(anonymous);
        assertThatThrownBy(() -> anonymous.through(null)).isInstanceOf(NullPointerException.class);
    }
}
