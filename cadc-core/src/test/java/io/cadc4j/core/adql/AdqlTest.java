// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.adql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AdqlTest {

    @Test
    void quotesPlainText() {
        assertThat(Adql.quote("CFHT")).isEqualTo("'CFHT'");
        assertThat(Adql.quote("")).isEqualTo("''");
    }

    @Test
    void doublesEverySingleQuote() {
        assertThat(Adql.quote("O'Brien")).isEqualTo("'O''Brien'");
        assertThat(Adql.quote("'")).isEqualTo("''''");
        assertThat(Adql.quote("x' OR '1'='1")).isEqualTo("'x'' OR ''1''=''1'");
    }

    @Test
    void keepsOtherCharactersAsTheyAre() {
        assertThat(Adql.quote("a\"b\\c%_é")).isEqualTo("'a\"b\\c%_é'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\rb", "a\u0000b", "\t"})
    void refusesControlCharactersInLiterals(String value) {
        assertThatThrownBy(() -> Adql.quote(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control character");
    }

    @Test
    void refusesNullLiteral() {
        assertThatThrownBy(() -> Adql.quote(null)).isInstanceOf(NullPointerException.class).hasMessage("value");
    }

    // Expected texts are Python 3.11's repr() of the same doubles, written in plain notation.
    @ParameterizedTest
    @CsvSource({
        "26.2812589776878, 26.2812589776878",
        "23.299999818906816, 23.299999818906816",
        "0.016666666666666666, 0.016666666666666666",
        "0.1, 0.1",
        "100, 100.0",
        "1, 1.0",
        "131.28125, 131.28125",
        "0.0001, 0.0001",
        "5e-05, 0.00005",
        "1.388888888888889e-06, 0.000001388888888888889",
        "2e23, 200000000000000000000000.0",
        "8.41e21, 8410000000000000000000.0",
        "9007199254740993, 9007199254740992.0",
        "-54.3, -54.3",
        "-0.0, -0.0",
        "0.0, 0.0"
    })
    void writesNumbersAsPythonReprInPlainNotation(double value, String expected) {
        assertThat(Adql.number(value)).isEqualTo(expected);
    }

    @Test
    void writesOneThirdAndSumsLikePython() {
        assertThat(Adql.number(1.0 / 3)).isEqualTo("0.3333333333333333");
        assertThat(Adql.number(1.0 / 60)).isEqualTo("0.016666666666666666");
        assertThat(Adql.number(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    }

    @ParameterizedTest
    @CsvSource({
        "3fb37ad6ef57c36a, 0.07609313338595106",
        "4053a6003374f8d7, 78.59376226828623",
        "3f8126c88784212e, 0.008374754558204769"
    })
    void picksTheNearerOfTwoShortestCandidatesAsPythonDoes(String bits, String expected) {
        // Both 16-digit neighbours read back as the same double; repr keeps the one nearer its exact value.
        assertThat(Adql.number(Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16)))).isEqualTo(expected);
    }

    @Test
    void writesTheSmallestSubnormalAsPythonDoes() {
        // repr(5e-324) is '5e-324', not '4e-324', though both read back as Double.MIN_VALUE.
        assertThat(new java.math.BigDecimal(Adql.number(Double.MIN_VALUE))).isEqualByComparingTo("5E-324");
    }

    @Test
    void isShorterThanJdk17DoubleToStringWhereThatIsNotShortest() {
        // JDK 11 and 17 print 1.9999999999999998E23 (JDK-4511638); Python prints 2e+23.
        assertThat(Adql.number(2e23)).startsWith("2000").doesNotContain("9");
    }

    @Test
    void roundTripsSeededRandomDoublesWithoutExponentAndNoLongerThanJdkDigits() {
        Random random = new Random(20261121L);
        for (int i = 0; i < 5_000; i++) {
            double value = i % 2 == 0 ? random.nextDouble() * 360.0 : Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            String text = Adql.number(value);
            assertThat(text).doesNotContain("E").doesNotContain("e").contains(".");
            assertThat(Double.parseDouble(text)).isEqualTo(value);
            assertThat(significantDigits(text)).isLessThanOrEqualTo(significantDigits(Double.toString(value)));
        }
    }

    private static int significantDigits(String text) {
        String mantissa = text.replaceFirst("[eE].*$", "").replace("-", "").replace(".", "");
        mantissa = mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "");
        return Math.max(mantissa.length(), 1);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void refusesNonFiniteNumbers(double value) {
        assertThatThrownBy(() -> Adql.number(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a finite number");
    }
}
