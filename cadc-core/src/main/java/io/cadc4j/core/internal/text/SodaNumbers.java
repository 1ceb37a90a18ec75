// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.text;

import java.math.BigDecimal;

/**
 * Writes and checks the numbers of SODA parameters. Stateless and thread-safe.
 *
 * <p>Numbers are written as plain decimals ({@code 0.00000058}, never {@code 5.8E-7}): the
 * shortest decimal that reads back as the same double ({@link Double#toString} digits, through
 * {@link BigDecimal#valueOf}), with no locale, no exponent and no trailing zeros. Every SODA
 * server parses plain decimals (DaCHS with Python's {@code float}, CADC with
 * {@code Double.parseDouble}); an exponent is not allowed by every grammar in use. Infinities are
 * written {@code +Inf} and {@code -Inf} as DALI 1.1 §3.3.4 writes unbounded interval ends.
 */
public final class SodaNumbers {
    private SodaNumbers() {
    }

    public static String format(double d) {
        if (Double.isNaN(d)) {
            throw new IllegalArgumentException("NaN is not a SODA value");
        }
        if (d == Double.POSITIVE_INFINITY) {
            return "+Inf";
        }
        if (d == Double.NEGATIVE_INFINITY) {
            return "-Inf";
        }
        if (d == 0) {
            return "0";
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    public static String join(double... values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(format(v));
        }
        return sb.toString();
    }

    public static void requireFinite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number, not " + value);
        }
    }

    public static void requireRa(String param, String what, double ra) {
        requireFinite(param + " " + what, ra);
        if (ra < 0 || ra > 360) {
            throw new IllegalArgumentException(param + ": " + what + " " + format(ra)
                    + " is outside the allowed range 0 .. 360 degrees (ICRS right ascension)");
        }
    }

    public static void requireDec(String param, String what, double dec) {
        requireFinite(param + " " + what, dec);
        if (dec < -90 || dec > 90) {
            throw new IllegalArgumentException(param + ": " + what + " " + format(dec)
                    + " is outside the allowed range -90 .. 90 degrees (ICRS declination)");
        }
    }

    public static void requireOrdered(String param, double lo, double hi) {
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            throw new IllegalArgumentException(param + ": NaN is not an interval bound");
        }
        if (lo > hi) {
            throw new IllegalArgumentException(param + ": lower bound " + format(lo) + " is above upper bound "
                    + format(hi) + " (lo <= hi required)");
        }
    }
}
