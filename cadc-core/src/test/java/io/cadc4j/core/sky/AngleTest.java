// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.sky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AngleTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.01 deg | 0.01",
        "0.01deg | 0.01",
        "2.5d | 2.5",
        "1 degree | 1.0",
        "2 degrees | 2.0",
        "1 arcmin | 0.016666666666666666",
        "1' | 0.016666666666666666",
        "1 arcminute | 0.016666666666666666",
        "3 arcsec | 0.0008333333333333334",
        "'3\"' | 0.0008333333333333334",
        "3 arcseconds | 0.0008333333333333334",
        "5 mas | 1.388888888888889e-06",
        "1d30m | 1.5",
        "0d0m3.6s | 0.001",
        "-1d30m | -1.5",
        "-0d30m | -0.5",
        "'  1 arcmin  ' | 0.016666666666666666"
    })
    void parsesNumberAndUnitForms(String text, double degrees) {
        ParsedAngle parsed = Angle.parseDetailed(text);
        assertThat(parsed.angle().degrees()).isEqualTo(degrees);
        assertThat(parsed.degreesAssumed()).isFalse();
    }

    @Test
    void convertsRadians() {
        assertThat(Angle.parse("1 rad").degrees()).isEqualTo(Math.toDegrees(1));
    }

    @Test
    void takesBareNumberAsDegreesAndSaysSo() {
        ParsedAngle parsed = Angle.parseDetailed("0.5");
        assertThat(parsed.angle()).isEqualTo(Angle.ofDegrees(0.5));
        assertThat(parsed.degreesAssumed()).isTrue();
        assertThat(parsed.toString()).contains("assumed");
    }

    @Test
    void logsAWarningWhenDegreesAreAssumed() {
        RecordingLogger log = new RecordingLogger();
        Angle.parseDetailed("0.25", log);
        Angle.parseDetailed("0.25 deg", log);
        assertThat(log.records).containsExactly("WARNING angle \"{0}\" has no unit: taken as degrees [0.25]");
    }

    @Test
    void logsOnTheCoordsLogger() {
        assertThat(Angle.LOG.getName()).isEqualTo("io.cadc4j.coords");
    }

    /** Records what is logged, so no test has to read standard error. */
    private static final class RecordingLogger implements System.Logger {
        final List<String> records = new ArrayList<>();

        @Override
        public String getName() {
            return "recording";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            records.add(level + " " + msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            records.add(level + " " + format + " " + Arrays.toString(params));
        }
    }

    @Test
    void convertsBetweenUnits() {
        assertThat(Angle.ofArcminutes(1).degrees()).isEqualTo(1.0 / 60);
        assertThat(Angle.ofArcseconds(3600).degrees()).isEqualTo(1.0);
        assertThat(Angle.ofDegrees(1).arcminutes()).isEqualTo(60.0);
        assertThat(Angle.ofDegrees(1).arcseconds()).isEqualTo(3600.0);
        assertThat(Angle.ofDegrees(-0.0)).isEqualTo(Angle.ofDegrees(0.0));
        assertThat(Angle.ofDegrees(2).toString()).isEqualTo("2.0 deg");
    }

    @Test
    void radiusMayNotBeNegative() {
        assertThat(Angle.parseRadius("0 deg").degrees()).isZero();
        assertThat(Angle.parseRadius("1 arcmin")).isEqualTo(Angle.ofArcminutes(1));
        assertThatThrownBy(() -> Angle.parseRadius("-1 arcmin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("radius cannot be negative");
        assertThatThrownBy(() -> Angle.parseRadius("-0.1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("radius cannot be negative");
        assertThat(Angle.parse("-1 arcmin").degrees()).isEqualTo(-1.0 / 60);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "deg", "NaN deg", "nan", "Infinity", "inf deg", "1 parsec", "1 2 deg", "one deg",
        "1d70m", "1d10m60s", "1e999 deg", "1e999", "1.5d30m"})
    void refusesWhatIsNotAFiniteAngle(String text) {
        assertThatThrownBy(() -> Angle.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"");
    }

    @Test
    void errorListsTheAcceptedForms() {
        assertThatThrownBy(() -> Angle.parse("big"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accepted forms: ")
                .hasMessageContaining("1 arcmin");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void refusesNonFiniteNumbers(double value) {
        assertThatThrownBy(() -> Angle.ofDegrees(value)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Angle.ofArcminutes(value)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Angle.ofArcseconds(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNullText() {
        assertThatThrownBy(() -> Angle.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
    }
}
