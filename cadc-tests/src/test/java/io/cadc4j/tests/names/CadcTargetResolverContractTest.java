// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.Cadc;
import io.cadc4j.core.ServiceLocation;
import io.cadc4j.core.sky.Coordinates;
import io.cadc4j.core.sky.NameResolution;
import io.cadc4j.core.sky.NameResolver;
import io.cadc4j.core.sky.ResolvedName;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.internal.port.NameResolverContext;
import io.cadc4j.core.internal.port.NameResolverProvider;
import io.cadc4j.core.spi.Providers;
import io.cadc4j.tests.server.names.NameResolverStandIn;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** CADC's target resolver adapter, found through its provider, passes the NameResolver contract; and its registry look-up. */
class CadcTargetResolverContractTest extends NameResolverContract {

    @Override
    protected NameResolverProvider provider() {
        return Providers.select(NameResolverProvider.class, "cadc", null);
    }

    @Override
    protected URI endpoint(NameResolverStandIn standIn) {
        return standIn.cadcFind();
    }

    @Override
    protected Expected known() {
        return new Expected("m31", 10.684799, 41.269076, "ned", null);
    }

    @Override
    protected String unknownName() {
        return "nosuchthing42";
    }

    @Test
    void theFacadeFindsTheResolverInItsRegistryOnceAndAsksItForEverything() {
        NameResolverStandIn s = standIn();
        try (Cadc cadc = Cadc.builder().registry(s.registry()).tap(ServiceLocation.at(URI.create("http://127.0.0.1:9/tap")))
                .nameResolution(NameResolution.builder().resolver("cadc").build()).build()) {
            assertThat(cadc.resolve("m31").coordinates()).isEqualTo(Coordinates.of(10.684799, 41.269076));
            assertThat(cadc.resolve("hd 3145").coordinates()).isEqualTo(Coordinates.of(8.6014, -45.4318));
            assertThat(cadc.coordinates("m31")).isEqualTo(Coordinates.of(10.684799, 41.269076));
        }
        assertThat(s.server().requests("/reg/resource-caps")).hasSize(1);
        assertThat(s.server().requests("/cadc-target-resolver/capabilities")).hasSize(1);
        assertThat(s.rawQueries()).containsExactly("target=m31&service=all&format=ascii",
                "target=hd%203145&service=all&format=ascii");
    }

    @Test
    void withoutRegistryOrUrlItSaysWhatToGive() {
        try (HttpPipeline http = HttpPipeline.builder().build()) {
            NameResolver r = provider().create(NameResolverContext.builder(http).build());
            assertThatThrownBy(() -> r.resolve("m31")).isInstanceOf(io.cadc4j.core.CadcException.class)
                    .isNotInstanceOf(NotFoundException.class)
                    .hasMessageContaining("CADC's target resolver cannot be found")
                    .hasMessageContaining("ivo://cadc.nrc.ca/resolver").hasMessageContaining("URL");
        }
    }

    @Test
    void the425AnswerIsNotFoundWithTheResolversText() {
        NameResolverStandIn s = standIn();
        assertThatThrownBy(() -> resolver(SHORT, s.cadcFind()).resolve("nosuchthing42"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Target not found")
                .hasMessageContaining("NED, SIMBAD, VIZIER")
                .satisfies(e -> assertThat(((NotFoundException) e).status()).isEqualTo(425));
    }

    @Test
    void asksForEveryFieldWhenDetailedAndKeepsThem() {
        NameResolverStandIn s = standIn().cadcAnswer("m31", "target=m31\r\nservice=simbad(simbad.u-strasbg.fr)\r\n"
                + "coordsys=ICRS\r\nra=10.684708\r\ndec=41.26875\r\noname=M  31\r\notype=G\r\nmtype=SA(s)b\r\n"
                + "time(ms)=12\r\n");
        try (HttpPipeline http = HttpPipeline.builder().build()) {
            ResolvedName r = provider().create(NameResolverContext.builder(http).endpoints(java.util.List.of(
                    s.cadcFind())).detailed(true).build()).resolve("m31");
            assertThat(r.canonicalName()).contains("M  31");
            assertThat(r.details()).containsEntry("otype", "G").containsEntry("mtype", "SA(s)b");
        }
        assertThat(s.rawQueries()).containsExactly("target=m31&service=all&format=ascii&detail=max");
    }
}
