// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.adql;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes a double as the shortest decimal that reads back as the same double, in plain notation.
 *
 * <p>astroquery formats numbers with Python's {@code repr}, which picks the shortest digit string
 * that round-trips and, among strings of that length, the one nearest the exact binary value
 * (David Gay's dtoa, mode 0). {@code Double.toString} only does the same from JDK 19 on (JDK-4511638);
 * on 11 and 17 it sometimes prints a digit too many, so the digits are found here directly: for
 * each length the only candidates are the exact value rounded down and up to that many significant
 * digits (any other decimal of that length that round-trips would lie further away, on the same
 * side), and {@link Double#parseDouble}, which rounds correctly, decides which of them round-trip.
 *
 * <p>Unlike {@code repr}, the result never uses exponent notation ({@code 5e-05} is written
 * {@code 0.00005}), and always has a fractional part ({@code 1.0}), as {@code repr} does.
 */
final class ShortestDecimal {
    private static final int MAX_DIGITS = 17;

    private ShortestDecimal() {
    }

    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        if (value == 0.0) {
            // repr keeps the sign of zero; so do we.
            return Double.doubleToRawLongBits(value) == 0L ? "0.0" : "-0.0";
        }
        return plain(shortest(value));
    }

    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits < MAX_DIGITS; digits++) {
            BigDecimal down = exact.round(new MathContext(digits, RoundingMode.DOWN));
            BigDecimal up = exact.round(new MathContext(digits, RoundingMode.UP));
            boolean downFits = Double.parseDouble(down.toString()) == value;
            boolean upFits = Double.parseDouble(up.toString()) == value;
            if (downFits && upFits) {
                return nearer(exact, down, up);
            }
            if (downFits) {
                return down;
            }
            if (upFits) {
                return up;
            }
        }
        // Seventeen significant digits always identify a double (IEEE 754 binary64).
        return exact.round(new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN));
    }

    private static BigDecimal nearer(BigDecimal exact, BigDecimal down, BigDecimal up) {
        int order = exact.subtract(down).abs().compareTo(up.subtract(exact).abs());
        if (order != 0) {
            return order < 0 ? down : up;
        }
        // An exact tie: keep the even last digit, as round-half-even does.
        return down.unscaledValue().testBit(0) ? up : down;
    }

    private static String plain(BigDecimal decimal) {
        String text = decimal.stripTrailingZeros().toPlainString();
        return text.indexOf('.') < 0 ? text + ".0" : text;
    }
}
