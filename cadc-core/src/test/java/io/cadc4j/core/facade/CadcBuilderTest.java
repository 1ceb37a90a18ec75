// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.ProviderNotFoundException;
import io.cadc4j.core.ServiceId;
import io.cadc4j.core.ServiceLocation;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.internal.port.PortContext;
import io.cadc4j.core.internal.port.PortOverrides;
import io.cadc4j.core.sky.NameResolution;
import io.cadc4j.core.sky.NameResolver;
import io.cadc4j.core.spi.HttpTransport;
import io.cadc4j.core.spi.ProviderChoice;
import io.cadc4j.core.tap.TapPort;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The builder's concepts: where each service is ({@link ServiceLocation}), which implementation is
 * used ({@link ProviderChoice}), and the errors for choices that contradict each other.
 */
class CadcBuilderTest {
    private static final URI REGISTRY = URI.create("http://127.0.0.1:8089/static/reg/resource-caps");
    private static final URI DACHS_CAPS = URI.create("http://127.0.0.1:8089/tap/capabilities");
    private static final URI DACHS_TAP = URI.create("http://127.0.0.1:8089/tap");
    private static final URI PLAIN_TAP = URI.create("https://tap.example.org/tap");
    private static final ServiceId DACHS_TAP_ID = ServiceId.of("ivo://x-unregistred/tap");

    private final FakeTransport transport = new FakeTransport()
            .answer(REGISTRY, "text/plain", FakeTransport.fixture("dachs/resource-caps.txt"))
            .answer(DACHS_CAPS, "text/xml", FakeTransport.fixture("dachs/tap_capabilities.xml"));
    private final FakeTap tap = new FakeTap();

    private Cadc.Builder builder() {
        return PortOverrides.tap(Cadc.builder().transport(ProviderChoice.of(transport)), tap);
    }

    @Test
    void aTapUrlAfterATapRegistryIdIsRefusedNamingBoth() {
        Cadc.Builder b = builder().tap(ServiceLocation.byId(DACHS_TAP_ID));

        assertThatThrownBy(() -> b.tap(ServiceLocation.at(PLAIN_TAP))).isInstanceOf(IllegalStateException.class)
                .hasMessage("the TAP service is given twice, as registry id ivo://x-unregistred/tap and as "
                        + "URL https://tap.example.org/tap; give it once");
    }

    @Test
    void aRegistryIdAfterAUrlIsRefusedForEachService() {
        URI links = URI.create("https://dl.example.org/links");
        assertThatThrownBy(() -> builder().dataLink(ServiceLocation.at(links))
                .dataLink(ServiceLocation.byId(ServiceId.CADC_DATALINK)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the DataLink service is given twice, as URL https://dl.example.org/links");
        assertThatThrownBy(() -> builder().login(ServiceLocation.at(URI.create("https://a.example.org/login")))
                .login(ServiceLocation.at(URI.create("https://b.example.org/login"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the login service is given twice");
        assertThatThrownBy(() -> builder().registry(REGISTRY).registry(URI.create("https://other.example.org/reg")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the registry is given twice, as " + REGISTRY);
    }

    @Test
    void theSameChoiceTwiceIsNoContradiction() {
        try (Cadc cadc = builder().tap(ServiceLocation.at(PLAIN_TAP)).tap(ServiceLocation.at(PLAIN_TAP))
                .registry(REGISTRY).registry(REGISTRY).transport(ProviderChoice.of(transport)).build()) {
            cadc.execSync("select 1").close();
        }
        assertThat(tap.contexts.get(0).serviceUri()).isEqualTo(PLAIN_TAP);
    }

    @Test
    void aSecondTransportIsRefused() {
        assertThatThrownBy(() -> builder().transport(ProviderChoice.named("jdk")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the transport is given twice, as the instance given and as provider 'jdk'; give it once");
        Cadc.Builder named = Cadc.builder().transport(ProviderChoice.named("jdk"));
        assertThatThrownBy(() -> named.transport(ProviderChoice.discovered()))
                .hasMessageContaining("as provider 'jdk' and as discovered");
    }

    @Test
    void aTapServiceFoundByIdGoesThroughTheRegistry() {
        try (Cadc cadc = builder().registry(REGISTRY).tap(ServiceLocation.byId(ServiceId.CADC_TAP)).build()) {
            assertThat(cadc.tapEndpoints().base()).isEqualTo(DACHS_TAP);
            assertThat(cadc.toString()).startsWith("Cadc[ivo://cadc.nrc.ca/argus");
        }
        try (Cadc cadc = builder().registry(REGISTRY).tap(ServiceLocation.byId(DACHS_TAP_ID)).build()) {
            assertThatThrownBy(cadc::tapEndpoints).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("ivo://x-unregistred/tap");
        }
        assertThat(transport.count(REGISTRY)).as("once per facade").isEqualTo(2);
    }

    @Test
    void aTapServiceAtAUrlAsksNoRegistry() {
        try (Cadc cadc = builder().tap(ServiceLocation.at(PLAIN_TAP)).build()) {
            cadc.execSync("select 1").close();
            assertThat(cadc.toString()).startsWith("Cadc[https://tap.example.org/tap");
        }
        assertThat(transport.count(REGISTRY)).isZero();
        assertThat(transport.requests()).as("only the service's own capabilities").extracting(r -> r.uri())
                .containsExactly(URI.create("https://tap.example.org/tap/capabilities"));
    }

    @Test
    void locationsThatCannotBeAServiceAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ServiceLocation.at(URI.create("ftp://example.org/tap")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a service URL is an absolute http or https URL with a host, not 'ftp://example.org/tap'");
        assertThatThrownBy(() -> ServiceLocation.at(URI.create("/tap"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServiceLocation.at(URI.create("http:tap"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cadc.create(URI.create("ftp://example.org/tap")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http or https");
        assertThatThrownBy(() -> ProviderChoice.named(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a provider name is blank");
    }

    @Test
    void locationsAndChoicesAreValues() {
        assertThat(ServiceLocation.at(PLAIN_TAP)).isEqualTo(ServiceLocation.at(URI.create(PLAIN_TAP.toString())))
                .isNotEqualTo(ServiceLocation.byId(ServiceId.CADC_TAP));
        assertThat(ServiceLocation.at(PLAIN_TAP).url()).contains(PLAIN_TAP);
        assertThat(ServiceLocation.at(PLAIN_TAP).id()).isEmpty();
        assertThat(ServiceLocation.byId(ServiceId.CADC_TAP).id()).contains(ServiceId.CADC_TAP);
        assertThat(ProviderChoice.named("jdk")).isEqualTo(ProviderChoice.named("jdk"))
                .isNotEqualTo(ProviderChoice.discovered());
        assertThat(ProviderChoice.<HttpTransport>of(transport)).isEqualTo(ProviderChoice.of(transport))
                .isNotEqualTo(ProviderChoice.of(new FakeTransport()));
        assertThat(ProviderChoice.discovered().isDiscovered()).isTrue();
        assertThat(ProviderChoice.named("jdk").name()).contains("jdk");
    }

    @Test
    void aTapPortGivenAsAnInstanceServesEverySession() {
        TapPort mine;
        try (HttpPipeline http = HttpPipeline.builder().transport(transport).build()) {
            mine = tap.create(PortContext.of(http, PLAIN_TAP));
        }
        try (Cadc cadc = Cadc.builder().transport(ProviderChoice.of(transport)).tapPort(ProviderChoice.of(mine))
                .tap(ServiceLocation.at(PLAIN_TAP)).build()) {
            cadc.execSync("select 1").close();
            cadc.execSync("select 2").close();
        }
        assertThat(tap.queries).extracting(q -> q.adql()).containsExactly("select 1", "select 2");
        assertThat(tap.contexts).as("the port was made once, by the test").hasSize(1);
    }

    @Test
    void aPortProviderAskedForByNameMustBeThere() {
        assertThatThrownBy(() -> Cadc.builder().transport(ProviderChoice.of(transport))
                .tapPort(ProviderChoice.named("nope")).build())
                .isInstanceOf(ProviderNotFoundException.class).hasMessageContaining("no TapPortProvider named 'nope'");
        // DataLink is optional when discovered, but not when named
        assertThatThrownBy(() -> builder().dataLinkPort(ProviderChoice.named("http")).build())
                .isInstanceOf(ProviderNotFoundException.class)
                .hasMessageContaining("no DataLinkPortProvider named 'http'").hasMessageContaining("cadc-datalink");
        try (Cadc cadc = builder().tap(ServiceLocation.at(PLAIN_TAP)).build()) {
            assertThatThrownBy(() -> cadc.getDataUrls(java.util.List.of("ivo://cadc.nrc.ca/x?y"), false))
                    .isInstanceOf(ProviderNotFoundException.class).hasMessageContaining("cadc-datalink");
        }
    }

    @Test
    void aNameResolverWithNameResolutionOffOrNamingAnotherIsRefused() {
        NameResolver mine = name -> {
            throw new AssertionError("not asked");
        };
        assertThatThrownBy(() -> builder().nameResolver(mine).nameResolution(NameResolution.off()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a name resolver is given, but the name resolution given is off; give one of them");
        assertThatThrownBy(() -> builder().nameResolver(mine)
                .nameResolution(NameResolution.builder().resolver("cadc").build()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("names the resolver 'cadc'");
        assertThat(transport.requests()).isEmpty();
    }

    @Test
    void createTakesAstroquerysDefaultsOrATapUrl() {
        // No TAP adapter in cadc-core's tests: both one-liners get as far as choosing one.
        assertThatThrownBy(Cadc::create).isInstanceOf(ProviderNotFoundException.class)
                .hasMessageContaining("cadc-tap");
        assertThatThrownBy(() -> Cadc.create(DACHS_TAP)).isInstanceOf(ProviderNotFoundException.class)
                .hasMessageContaining("cadc-tap");
    }
}
