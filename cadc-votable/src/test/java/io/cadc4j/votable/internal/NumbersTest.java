// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {
    private static double d(String s) {
        return Numbers.parseDouble(s.toCharArray(), 0, s.length());
    }

    private static float f(String s) {
        return Numbers.parseFloat(s.toCharArray(), 0, s.length());
    }

    private static long l(String s) {
        return Numbers.parseLong(s.toCharArray(), 0, s.length());
    }

    @Test
    void parsesDoublesExactlyAsTheJdkDoes() {
        Random r = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            double v;
            switch (i % 4) {
                case 0:
                    v = Double.longBitsToDouble(r.nextLong());
                    break;
                case 1:
                    v = r.nextInt(100_000_000) / Math.pow(10, r.nextInt(12));
                    break;
                case 2:
                    v = r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
                    break;
                default:
                    v = r.nextLong() / 1e3;
                    break;
            }
            String s = Double.toString(v);
            assertThat(Double.valueOf(d(s))).as(s).isEqualTo(Double.valueOf(Double.parseDouble(s)));
            String plain = String.format("%.6f", v);
            if (!plain.contains("N") && !plain.contains("I")) {
                assertThat(Double.valueOf(d(plain))).as(plain).isEqualTo(Double.valueOf(Double.parseDouble(plain)));
            }
        }
    }

    @Test
    void parsesFloatsExactlyAsTheJdkDoes() {
        Random r = new Random(43);
        for (int i = 0; i < 100_000; i++) {
            float v = i % 2 == 0 ? Float.intBitsToFloat(r.nextInt()) : r.nextInt(10_000_000) / (float) Math.pow(10, r.nextInt(9));
            String s = Float.toString(v);
            assertThat(Float.valueOf(f(s))).as(s).isEqualTo(Float.valueOf(Float.parseFloat(s)));
            String g = Double.toString(r.nextInt(1_000_000) / 1000.0);
            assertThat(Float.valueOf(f(g))).as(g).isEqualTo(Float.valueOf(Float.parseFloat(g)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"9007199254740993", "9007199254740995", "1e23", "8.98846567431158E307",
        "1.7976931348623157E308", "1.7976931348623158E308", "2.2250738585072014E-308", "2.2250738585072011E-308",
        "4.9E-324", "2.4703282292062327E-324", "1.2345678901234567e-300", "123456789012345678", "0.1", "0.3",
        "7.038531E-26", "3.0517578125E-5", "1.00000000000000011102230246251565404236316680908203125",
        "4.4501477170144023E-308", "2.0E-322", "1E-400", "1E400", "-8.125E-310", "000123.4500", "00.0", ".5", "5.",
        "0.", "-0.0", "0.000000000000000000012345678901234567891", "123456789.123456789", "12345678901234567.8",
        "123456789012345678.9", "1234567890123456789", "0.123456789012345678", "0.1234567890123456789",
        "100000000000000000000", "0.00000000000000000000", "210.80241724811837", "-0.9999999999999999999e5"})
    void parsesHardDoublesExactly(String s) {
        assertThat(Double.valueOf(d(s))).as(s).isEqualTo(Double.valueOf(Double.parseDouble(s)));
    }

    @Test
    void readsVotableSpecialValues() {
        assertThat(d("NaN")).isNaN();
        assertThat(d("nan")).isNaN();
        assertThat(d("+Inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(d("-Inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(d("Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(f("-inf")).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(Double.doubleToLongBits(d("-0.0"))).isEqualTo(Double.doubleToLongBits(-0.0));
        assertThat(d("1E3")).isEqualTo(1000.0);
        assertThat(d(".5")).isEqualTo(0.5);
        assertThat(d("5.")).isEqualTo(5.0);
    }

    @Test
    void readsDecimalAndHexIntegers() {
        assertThat(l("0")).isZero();
        assertThat(l("-42")).isEqualTo(-42);
        assertThat(l("+42")).isEqualTo(42);
        assertThat(l("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(l("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(l("0x7f")).isEqualTo(127);
        assertThat(l("0XFFFFFFFFFFFFFFFF")).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "1-", "0x", "0xG", "9223372036854775808", "1.5", "12 3", "0x10000000000000000"})
    void rejectsTextThatIsNotAnInteger(String s) {
        assertThatThrownBy(() -> l(s)).isInstanceOf(CellException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "1e", "1e+", "abc", "1.2.3", "--1", "1x"})
    void rejectsTextThatIsNotAFloatingPointNumber(String s) {
        assertThatThrownBy(() -> d(s)).isInstanceOf(CellException.class);
        assertThatThrownBy(() -> f(s)).isInstanceOf(CellException.class);
    }
}
