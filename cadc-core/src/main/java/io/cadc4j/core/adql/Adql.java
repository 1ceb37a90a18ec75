// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.adql;

import java.util.Objects;

/**
 * Literals for ADQL text: quoted strings and plain decimal numbers.
 *
 * <p>Static methods only; thread-safe.
 */
public final class Adql {
    private Adql() {
    }

    /**
     * Quotes a string as an ADQL character literal: wrapped in single quotes, each {@code '}
     * doubled (ADQL 2.1 §2.1.4, as in SQL-92). No other character needs escaping in ADQL; control
     * characters are refused, since no CAOM value holds one and a line break in a literal is more
     * likely an attack than a name.
     *
     * @param value the text, for example {@code O'Brien}
     * @return the literal, for example {@code 'O''Brien'}
     * @throws IllegalArgumentException if the text contains a control character
     */
    public static String quote(String value) {
        Objects.requireNonNull(value, "value");
        StringBuilder literal = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("control character U+" + String.format("%04X", (int) c)
                        + " at index " + i + " cannot go into an ADQL literal");
            }
            literal.append(c);
            if (c == '\'') {
                literal.append('\'');
            }
        }
        return literal.append('\'').toString();
    }

    /**
     * Writes a number as astroquery does (Python's {@code repr}: the shortest decimal that reads
     * back as the same double), but always in plain notation: {@code 26.2812589776878},
     * {@code 0.016666666666666666}, {@code 1.0}, and {@code 0.00005} where Python writes
     * {@code 5e-05}. The same text serves SODA parameters.
     *
     * @param value the number, finite
     * @return the decimal text
     * @throws IllegalArgumentException if the number is NaN or infinite
     */
    public static String number(double value) {
        return ShortestDecimal.format(value);
    }
}
