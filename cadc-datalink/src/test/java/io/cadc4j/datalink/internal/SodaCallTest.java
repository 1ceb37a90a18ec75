// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.datalink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.datalink.Band;
import io.cadc4j.core.sky.Circle;
import io.cadc4j.core.datalink.Polarization;
import io.cadc4j.core.datalink.SodaCutout;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SodaCallTest {
    private static final URI SYNC = URI.create("https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/caom2ops/sync");

    private static List<String> decodedQuery(URI uri) {
        List<String> params = new ArrayList<>();
        for (String p : uri.getRawQuery().split("&")) {
            params.add(URLDecoder.decode(p, StandardCharsets.UTF_8));
        }
        return params;
    }

    @Test
    void buildsASyncCutoutUrlWithIdRunIdAndTheCut() {
        SodaCutout cut = SodaCutout.builder().pos(Circle.of(88.77, -67.78, 0.05)).pol(Polarization.I).build();
        URI url = SodaCall.syncUrl(SYNC, List.of(Map.entry("ID", "ivo://cadc.nrc.ca/MACHO?1/1p"), Map.entry("RUNID", "r1")),
                cut, Map.of());
        assertThat(url.toString()).startsWith(SYNC + "?ID=ivo%3A%2F%2Fcadc.nrc.ca%2FMACHO%3F1%2F1p&RUNID=r1&POS=CIRCLE%2088.77%20-67.78%200.05");
        assertThat(decodedQuery(url)).containsExactly("ID=ivo://cadc.nrc.ca/MACHO?1/1p", "RUNID=r1",
                "POS=CIRCLE 88.77 -67.78 0.05", "POL=I");
    }

    @Test
    void keepsAQueryTheAccessUrlAlreadyHas() {
        URI url = SodaCall.syncUrl(URI.create("http://localhost:8080/soda?svc=x"), List.of(Map.entry("ID", "a b")),
                SodaCutout.builder().build(), Map.of());
        assertThat(url.toString()).isEqualTo("http://localhost:8080/soda?svc=x&ID=a%20b");
    }

    @Test
    void refusesACutOutsideTheLimitsBeforeBuildingAnything() {
        Map<String, ParamLimits> limits = Map.of("BAND", ParamLimits.of("interval", "5.8E-7", "7.8E-7", List.of()));
        assertThatThrownBy(() -> SodaCall.syncUrl(SYNC, List.of(), SodaCutout.builder()
                .band(Band.wavelength(1e-3, 2e-3)).build(), limits)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("BAND 0.001 0.002 lies outside the allowed range 0.00000058 .. 0.00000078");
    }
}
