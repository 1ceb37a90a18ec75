// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.sky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cadc4j.core.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CoordinatesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "08h45m07.5s +54d18m00s",
        "08h45m07.5s+54d18m00s",
        "08h 45m 07.5s +54d 18m 00s",
        "08h45m07.5s, +54d18m00s",
        "8h45m7.5s 54d18m",
        "08H45M07.5S +54D18M00S",
        "08:45:07.5 +54:18:00",
        "08:45:07.5, 54:18",
        "08:45.125 +54:18:00",
        "08 45 07.5 +54 18 00",
        "08 45 07.5, +54 18 00",
        "131.28125 54.3",
        "131.28125, 54.3",
        "131.28125,54.3",
        "131.28125d 54.3d",
        "131d16m52.5s 54°18′00″",
        "  131.28125 54.3  ",
        "ICRS 08h45m07.5s +54d18m00s",
        "icrs 131.28125 54.3",
        "131.28125 54.3 ICRS",
        "131.28125 54.3, icrs"
    })
    void parsesEveryAcceptedFormToTheSamePosition(String text) {
        Coordinates c = Coordinates.parse(text);
        assertThat(c.ra()).isEqualTo(131.28125);
        assertThat(c.dec()).isEqualTo(54.3);
    }

    @Test
    void signBelongsToTheWholeComponentEvenWithZeroDegrees() {
        assertThat(Coordinates.parse("00h00m00s -00d30m00s").dec()).isEqualTo(-0.5);
        assertThat(Coordinates.parse("00:00:00 -00:30:00").dec()).isEqualTo(-0.5);
        assertThat(Coordinates.parse("0 0 0 -0 30 0").dec()).isEqualTo(-0.5);
        assertThat(Coordinates.parse("10.0 -0.5").dec()).isEqualTo(-0.5);
        assertThat(Coordinates.parse("01h00m00s -12d30m36s").dec()).isEqualTo(-12.51);
    }

    @Test
    void unicodeMinusIsAMinus() {
        assertThat(Coordinates.parse("05h35m17.3s \u221205d23m28s").dec())
                .isEqualTo(Coordinates.parse("05h35m17.3s -05d23m28s").dec())
                .isCloseTo(-5.391111111, within(1e-9));
        assertThat(Coordinates.parse("83.8 \u22125.4").dec()).isEqualTo(-5.4);
    }

    @Test
    void negativeZeroDeclinationBecomesPlainZero() {
        Coordinates c = Coordinates.parse("10 -0.0");
        assertThat(Double.doubleToRawLongBits(c.dec())).isEqualTo(0L);
    }

    @Test
    void rightAscensionOf360IsZero() {
        assertThat(Coordinates.parse("360 10").ra()).isEqualTo(0.0);
        assertThat(Coordinates.of(360, 10)).isEqualTo(Coordinates.of(0, 10));
    }

    @Test
    void polesAreInRange() {
        assertThat(Coordinates.parse("0 90").dec()).isEqualTo(90.0);
        assertThat(Coordinates.parse("12h00m00s -90d00m00s").dec()).isEqualTo(-90.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "24h00m00s +10d00m00s",
        "24:00:00 +10:00:00",
        "25 00 00 +10 00 00",
        "08h60m00s +10d00m00s",
        "08h45m60s +10d00m00s",
        "08h45m07.5s +10d60m00s",
        "08h45m07.5s +10d10m60s",
        "08:60:00 +10:00:00",
        "08h45m07.5s +90d00m01s",
        "08h45m07.5s -91d00m00s",
        "360.5 10",
        "-1 10",
        "10 90.000001",
        "10 -95",
        "-08h45m07.5s +54d18m00s",
        "-08:45:07.5 +54:18:00",
        "08h45m07.5s +54h18m00s",
        "08h45.5m07s +54d18m00s",
        "1e999 10"
    })
    void refusesCoordinateShapedTextWithValuesOutOfRange(String text) {
        assertThatThrownBy(() -> Coordinates.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("not a coordinate");
        // Out of range is a mistake to report, not a target name to look up.
        assertThatThrownBy(() -> Coordinates.parseOrResolve(text,
                name -> ResolvedName.builder(name, Coordinates.of(1, 2), "test").build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "M31", "NGC 1275", "Nr3491_1", "3C 273", "08h45m", "131.28125", "1 2 3", "a b",
        "NaN NaN", "Infinity 10", "ICRS", "Galactic Center"})
    void refusesTextThatIsNotACoordinateQuotingItAndTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Coordinates.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a coordinate: \"" + text + "\"")
                .hasMessageContaining(Coordinates.ACCEPTED_FORMS)
                .hasMessageContaining("name resolver");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FK4 10 20", "fk5 B1950 10 20", "FK5 J1975 10 20", "ecliptic 10 20", "10 20 supergalactic"})
    void refusesUnsupportedFrames(String text) {
        assertThatThrownBy(() -> Coordinates.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text.contains("FK5") || text.contains("fk5") ? "only FK5 with equinox J2000"
                        : "unsupported frame");
    }

    @Test
    void refusesTwoFrames() {
        assertThatThrownBy(() -> Coordinates.parse("ICRS 10 20 FK5"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two frames");
    }

    @Test
    void refusesValuesOutOfRangeInFactories() {
        assertThatThrownBy(() -> Coordinates.of(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("right ascension");
        assertThatThrownBy(() -> Coordinates.of(10, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declination");
        assertThatThrownBy(() -> Coordinates.of(-0.001, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Coordinates.fromGalactic(361, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("galactic longitude");
        assertThatThrownBy(() -> Fk5J2000.of(10, -90.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Coordinates.parse(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("text");
    }

    @Test
    void fk5FrameWordsConvertToIcrs() {
        Coordinates expected = Coordinates.fromFk5J2000(131.28125, 54.3);
        assertThat(Coordinates.parse("FK5 131.28125 54.3")).isEqualTo(expected);
        assertThat(Coordinates.parse("FK5 J2000 131.28125 54.3")).isEqualTo(expected);
        assertThat(Coordinates.parse("fk5(equinox=J2000.0) 131.28125 54.3")).isEqualTo(expected);
        assertThat(Coordinates.parse("J2000 08h45m07.5s +54d18m00s")).isEqualTo(expected);
        assertThat(Coordinates.parse("131.28125 54.3 fk5")).isEqualTo(expected);
        assertThat(expected).isNotEqualTo(Coordinates.of(131.28125, 54.3));
        assertThat(expected.toFk5J2000().ra()).isCloseTo(131.28125, within(1e-12));
        assertThat(expected.toFk5J2000().dec()).isCloseTo(54.3, within(1e-12));
    }

    @Test
    void galacticFrameWordsTakeDegreesEvenInSexagesimal() {
        Coordinates expected = Coordinates.fromGalactic(120.5, -30.25);
        assertThat(Coordinates.parse("Galactic 120.5 -30.25")).isEqualTo(expected);
        assertThat(Coordinates.parse("gal 120.5, -30.25")).isEqualTo(expected);
        assertThat(Coordinates.parse("120.5 -30.25 galactic")).isEqualTo(expected);
        assertThat(Coordinates.parse("GAL 120:30:00 -30:15:00")).isEqualTo(expected);
        assertThat(Coordinates.parse("gal 120d30m00s -30d15m00s")).isEqualTo(expected);
        assertThat(Coordinates.parse("gal 120 30 00 -30 15 00")).isEqualTo(expected);
        assertThatThrownBy(() -> Coordinates.parse("gal 08h00m00s +10d00m00s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hours");
    }

    @Test
    void resolvesNamesOnlyWhenTheTextIsNotACoordinate() {
        List<String> asked = new ArrayList<>();
        Map<String, Coordinates> known = Map.of("M31", Coordinates.of(10.684708, 41.26875));
        NameResolver resolver = name -> {
            asked.add(name);
            if (!known.containsKey(name)) {
                throw new NotFoundException("unknown: " + name, 0, null, null);
            }
            return ResolvedName.builder(name, known.get(name), "test").build();
        };
        assertThat(Coordinates.parseOrResolve(" M31 ", resolver)).isEqualTo(Coordinates.of(10.684708, 41.26875));
        assertThat(Coordinates.parseOrResolve("131.28125 54.3", resolver)).isEqualTo(Coordinates.of(131.28125, 54.3));
        assertThat(asked).containsExactly("M31");
    }

    @Test
    void unknownNameIsTheResolversNotFound() {
        assertThatThrownBy(() -> Coordinates.parseOrResolve("Nowhere 9", name -> {
            throw new NotFoundException("\"" + name + "\" not found by the test resolver", 0, null, null);
        })).isInstanceOf(NotFoundException.class).hasMessage("\"Nowhere 9\" not found by the test resolver");
    }

    @Test
    void parseIfCoordinateTellsNamesApart() {
        assertThat(Coordinates.parseIfCoordinate("131.28125 54.3")).contains(Coordinates.of(131.28125, 54.3));
        assertThat(Coordinates.parseIfCoordinate("M31")).isEmpty();
        assertThat(Coordinates.parseIfCoordinate("NGC 3642")).isEmpty();
        assertThatThrownBy(() -> Coordinates.parseIfCoordinate("131.28125 95"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declination");
    }

    @Test
    void blankTextIsNeitherCoordinateNorName() {
        assertThatThrownBy(() -> Coordinates.parseOrResolve("  ", name -> {
            throw new AssertionError("asked");
        }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither a coordinate nor");
        assertThatThrownBy(() -> Coordinates.parseOrResolve("M31", null))
                .isInstanceOf(NullPointerException.class).hasMessage("resolver");
    }

    @Test
    void resolverReturningNullIsReportedAsSuch() {
        assertThatThrownBy(() -> Coordinates.parseOrResolve("M31", name -> null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("name resolver returned null");
    }

    @Test
    void isAValue() {
        assertThat(Coordinates.of(10, 20)).isEqualTo(Coordinates.of(10, 20)).hasSameHashCodeAs(Coordinates.of(10, 20))
                .isNotEqualTo(Coordinates.of(10, 21));
        assertThat(Coordinates.of(10, 20).toString()).isEqualTo("ICRS 10.0 20.0");
        assertThat(Fk5J2000.of(10, 20)).isEqualTo(Fk5J2000.of(10, 20)).hasSameHashCodeAs(Fk5J2000.of(10, 20));
        assertThat(Fk5J2000.of(10, 20).toString()).isEqualTo("FK5 J2000 10.0 20.0");
    }
}
