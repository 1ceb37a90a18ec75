// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import io.cadc4j.core.internal.text.SodaNumbers;
import io.cadc4j.core.sky.Circle;
import io.cadc4j.core.sky.Interval;
import io.cadc4j.core.sky.Polygon;
import io.cadc4j.core.sky.Range;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SodaCutoutTest {

    @Test
    void writesNumbersAsPlainDecimalsThatReadBackExactly() {
        assertThat(SodaNumbers.format(5.800000000000001E-7)).isEqualTo("0.0000005800000000000001");
        assertThat(SodaNumbers.format(1e-10)).isEqualTo("0.0000000001");
        assertThat(SodaNumbers.format(345796000000.0)).isEqualTo("345796000000");
        assertThat(SodaNumbers.format(-0.0)).isEqualTo("0");
        assertThat(SodaNumbers.format(0.1)).isEqualTo("0.1");
        assertThat(SodaNumbers.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(SodaNumbers.format(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(d)) {
                continue;
            }
            String text = SodaNumbers.format(d);
            assertThat(text).doesNotContain("E").doesNotContain("e");
            assertThat(Double.parseDouble(text)).isEqualTo(d);
        }
    }

    @Test
    void ignoresTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Circle.of(210.8, 54.3, 0.05).posValue()).isEqualTo("CIRCLE 210.8 54.3 0.05");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void buildsEveryParameterInOrder() {
        SodaCutout cut = SodaCutout.builder().pos(Range.of(10, 20, -5, Double.POSITIVE_INFINITY))
                .band(Band.wavelength(5.8e-7, 7.8e-7)).time(TimeInterval.mjd(50527.522581, 50527.526053))
                .pol(Polarization.V, Polarization.I).build();
        Map<String, List<String>> p = cut.parameters();
        assertThat(p.keySet()).containsExactly("POS", "BAND", "TIME", "POL");
        assertThat(p.get("POS")).containsExactly("RANGE 10 20 -5 +Inf");
        assertThat(p.get("BAND")).containsExactly("0.00000058 0.00000078");
        assertThat(p.get("TIME")).containsExactly("50527.522581 50527.526053");
        assertThat(p.get("POL")).containsExactly("I", "V");
        assertThat(SodaCutout.builder().polygon(Polygon.of(1, 2, 3, 4, 5, 6)).build().parameters())
                .containsExactly(Map.entry("POLYGON", List.of("1 2 3 4 5 6")));
        assertThat(SodaCutout.builder().circle(Circle.of(0, -90, 180)).build().parameters())
                .containsExactly(Map.entry("CIRCLE", List.of("0 -90 180")));
        assertThat(Polygon.of(1, 2, 3, 4, 5, 6).posValue()).isEqualTo("POLYGON 1 2 3 4 5 6");
        assertThat(cut.toBuilder().build()).isEqualTo(cut);
    }

    @Test
    void rejectsCoordinatesOutsideTheSkyNamingParameterAndRange() {
        assertThatThrownBy(() -> Circle.of(360.5, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CIRCLE: ra 360.5 is outside the allowed range 0 .. 360 degrees (ICRS right ascension)");
        assertThatThrownBy(() -> Circle.of(10, -91, 1)).hasMessageContaining("CIRCLE: dec -91")
                .hasMessageContaining("-90 .. 90");
        assertThatThrownBy(() -> Circle.of(10, 10, 0)).hasMessageContaining("CIRCLE: radius 0")
                .hasMessageContaining("(0 .. 180]");
        assertThatThrownBy(() -> Circle.of(Double.NaN, 10, 1)).hasMessageContaining("finite");
        assertThatThrownBy(() -> Polygon.of(1, 2, 3, 4)).hasMessageContaining("at least 3");
        assertThatThrownBy(() -> Polygon.of(1, 2, 3, 4, 5)).hasMessageContaining("pairs");
        assertThatThrownBy(() -> Polygon.of(1, 2, 3, 4, 5, 95)).hasMessageContaining("vertex 3 dec 95");
        assertThatThrownBy(() -> Range.of(20, 10, 0, 1)).hasMessageContaining("lower bound 20 is above upper bound 10");
        assertThatThrownBy(() -> Range.of(-1, 10, 0, 1)).hasMessageContaining("ra bound -1");
    }

    @Test
    void rejectsReversedOrNegativeIntervals() {
        assertThatThrownBy(() -> Band.wavelength(7e-7, 5e-7)).hasMessageStartingWith("BAND: lower bound 0.0000007");
        assertThatThrownBy(() -> Band.wavelength(-1e-7, 5e-7)).hasMessageContaining("BAND: wavelength -0.0000001");
        assertThatThrownBy(() -> TimeInterval.mjd(2, 1)).hasMessageStartingWith("TIME: lower bound 2");
        assertThatThrownBy(() -> Interval.of(Double.NaN, 1)).hasMessageContaining("NaN");
        assertThat(Band.wavelength(Double.NEGATIVE_INFINITY, 1e-6).sodaValue()).isEqualTo("-Inf 0.000001");
    }

    @Test
    void readsKnownPolarizationStatesOnly() {
        assertThat(Polarization.of(" poli ")).isEqualTo(Polarization.POLI);
        assertThatThrownBy(() -> Polarization.of("Z")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("POL: 'Z' is not a polarization state; allowed: I Q U V RR LL RL LR XX YY XY YX POLI POLA");
    }

    @Test
    void refusesTwoSpatialCuts() {
        assertThatThrownBy(() -> SodaCutout.builder().pos(Circle.of(1, 1, 1)).polygon(Polygon.of(1, 2, 3, 4, 5, 6))
                .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("one spatial cut");
    }
}
