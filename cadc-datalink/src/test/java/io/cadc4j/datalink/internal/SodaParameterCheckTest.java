// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.datalink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.datalink.Band;
import io.cadc4j.core.sky.Circle;
import io.cadc4j.core.datalink.Polarization;
import io.cadc4j.core.sky.Polygon;
import io.cadc4j.core.sky.Range;
import io.cadc4j.core.datalink.SodaCutout;
import io.cadc4j.core.datalink.TimeInterval;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SodaParameterCheckTest {
    /** The VALUES of the first SODA descriptor in fixtures/datalink/cadc-caom2ops-links-cutout1.xml (CADC, MACHO). */
    private static final Map<String, ParamLimits> CADC = Map.of(
            "CIRCLE", ParamLimits.of("circle", null, "88.77362846593161 -67.78431533365645 0.5122773056987322", List.of()),
            "POLYGON", ParamLimits.of("polygon", null, "89.70783791485876 -67.41840881752057 89.74786512306278"
                    + " -68.14322955012662 88.22311503462467 -68.14813181576002 87.81208257298478 -67.77896886699358"
                    + " 87.82899304985233 -67.4197778334441", List.of()),
            "BAND", ParamLimits.of("interval", "5.800000000000001E-7", "7.8E-7", List.of()),
            "TIME", ParamLimits.of("interval", "50527.522581", "50527.526053", List.of()),
            "POL", ParamLimits.of(null, null, null, List.of("I", "Q", "U")));

    @Test
    void acceptsCutsThatOverlapTheData() {
        SodaCutout cut = SodaCutout.builder().pos(Circle.of(88.8, -67.8, 0.01)).band(Band.wavelength(7e-7, 1e-6))
                .time(TimeInterval.mjd(50527.5, Double.POSITIVE_INFINITY)).pol(Polarization.I, Polarization.U).build();
        assertThatCode(() -> SodaParameterCheck.check(cut, CADC)).doesNotThrowAnyException();
        assertThatCode(() -> SodaParameterCheck.check(SodaCutout.builder().circle(Circle.of(89.5, -67.5, 0.1)).build(),
                CADC)).doesNotThrowAnyException();
        assertThatCode(() -> SodaParameterCheck.check(SodaCutout.builder()
                .polygon(Polygon.of(88, -68, 88.5, -68, 88.5, -67.5)).build(), CADC)).doesNotThrowAnyException();
        assertThatCode(() -> SodaParameterCheck.check(SodaCutout.builder().pos(Range.of(88, 89, -68, -67)).build(),
                CADC)).doesNotThrowAnyException();
    }

    @Test
    void refusesAPositionFarFromTheFootprintNamingTheParameter() {
        assertThatThrownBy(() -> SodaParameterCheck.check(SodaCutout.builder().pos(Circle.of(210.8, 54.3, 0.05))
                .build(), CADC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("POS CIRCLE 210.8 54.3 0.05 does not overlap the data, which lie within")
                .hasMessageContaining("ra 88.77362846593161, dec -67.78431533365645");
        assertThatThrownBy(() -> SodaParameterCheck.check(SodaCutout.builder().circle(Circle.of(80, -67.8, 0.1))
                .build(), CADC)).hasMessageStartingWith("CIRCLE 80 -67.8 0.1 does not overlap");
        assertThatThrownBy(() -> SodaParameterCheck.check(SodaCutout.builder()
                .polygon(Polygon.of(10, 10, 11, 10, 11, 11)).build(), CADC)).hasMessageStartingWith("POLYGON 10 10");
        assertThatThrownBy(() -> SodaParameterCheck.check(SodaCutout.builder().pos(Range.of(0, 360, 10, 20)).build(),
                CADC)).hasMessageStartingWith("POS RANGE 0 360 10 20 does not overlap");
    }

    @Test
    void refusesIntervalsOutsideMinAndMaxNamingTheAllowedRange() {
        assertThatThrownBy(() -> SodaParameterCheck.check(SodaCutout.builder().band(Band.wavelength(1e-6, 2e-6)).build(),
                CADC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BAND 0.000001 0.000002 lies outside the allowed range 0.0000005800000000000001 .. 0.00000078:"
                        + " the cut would be empty");
        assertThatThrownBy(() -> SodaParameterCheck.check(SodaCutout.builder()
                .time(TimeInterval.mjd(Double.NEGATIVE_INFINITY, 50000)).build(), CADC))
                .hasMessage("TIME -Inf 50000 lies outside the allowed range 50527.522581 .. 50527.526053: the cut would be empty");
    }

    @Test
    void refusesValuesThatAreNotAmongTheOptions() {
        assertThatThrownBy(() -> SodaParameterCheck.check(SodaCutout.builder().pol(Polarization.I, Polarization.V)
                .build(), CADC)).hasMessage("POL: 'V' is not one of the allowed values I, Q, U");
    }

    @Test
    void checksPlainNumbersAgainstMinAndMax() {
        ParamLimits scale = ParamLimits.of(null, "2", "32", List.of());
        assertThatCode(() -> SodaParameterCheck.check("SCALE", "2", scale)).doesNotThrowAnyException();
        assertThatThrownBy(() -> SodaParameterCheck.check("SCALE", "64", scale))
                .hasMessage("SCALE 64 is outside the allowed range 2 .. 32");
        assertThatThrownBy(() -> SodaParameterCheck.check("SCALE", "big", scale))
                .hasMessageContaining("SCALE: the value 'big' is not a list of numbers");
        assertThatCode(() -> SodaParameterCheck.check("ANY", "x", ParamLimits.of(null, null, null, List.of())))
                .doesNotThrowAnyException();
    }

    @Test
    void measuresAngularDistances() {
        assertThat(SodaParameterCheck.angularDistance(0, 0, 90, 0)).isCloseTo(90, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(SodaParameterCheck.angularDistance(359.5, 0, 0.5, 0)).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
        double[] c = SodaParameterCheck.boundingCircle(new double[] {359, -1, 1, -1, 1, 1, 359, 1});
        assertThat(c[1]).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Math.min(c[0], 360 - c[0])).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c[2]).isBetween(1.414, 1.44);
    }
}
