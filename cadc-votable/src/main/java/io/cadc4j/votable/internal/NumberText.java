// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import io.cadc4j.core.table.Field;
import java.nio.CharBuffer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the first character of a TABLEDATA number cell that did not parse at which no number of
 * its column could go on: for {@code 12*45} the {@code *}. Only for a failure, so it matches the
 * cell's prefixes against a pattern of what the column accepts (whitespace around, a sign,
 * decimal or {@code 0x} integers, decimals with an exponent, {@code NaN}, {@code Inf[inity]},
 * {@code null}; arrays and complex numbers as such items between whitespace) and takes the
 * shortest prefix that no continuation could complete. Stateless.
 */
final class NumberText {
    // possessive quantifiers: a long run of digits is not tried split in every way
    private static final String INTEGER = "[+-]?+(?:0[xX][0-9a-fA-F]++|[0-9]++)";
    private static final String REAL = "(?:[+-]?+(?:(?:[0-9]++(?:\\.[0-9]*+)?+|\\.[0-9]++)(?:[eE][+-]?+[0-9]++)?+"
            + "|(?i:inf(?:inity)?+))|(?i:nan))";
    private static final Pattern INTEGER_CELL = cell(INTEGER, false);
    private static final Pattern REAL_CELL = cell(REAL, false);
    private static final Pattern INTEGER_ITEMS = cell(INTEGER, true);
    private static final Pattern REAL_ITEMS = cell(REAL, true);

    private NumberText() {
    }

    private static Pattern cell(String item, boolean many) {
        String body = many ? "(?:" + item + "(?:\\s+" + item + ")*)?" : "(?:" + item + ")";
        return Pattern.compile("\\s*(?:" + body + "|(?i:null))\\s*");
    }

    /**
     * @param field the cell's column
     * @param text the cell's text
     * @param len its length
     * @return the index of the first character no number of the column could have there; 0 when
     *         every prefix could still become one (a value out of range, a number cut short, too
     *         many items) or the column does not hold numbers
     */
    static int firstBad(Field field, char[] text, int len) {
        Pattern p = patternFor(field);
        if (p == null) {
            return 0;
        }
        Matcher m = p.matcher(CharBuffer.wrap(text, 0, len));
        if (viable(m, len)) {
            return 0;
        }
        // a prefix that no continuation completes has no longer one that does: the shortest is
        // found by halving (a cell of a million characters takes some twenty matches)
        int lo = 0; // viable (the empty prefix always is)
        int hi = len; // not viable
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (viable(m, mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi - 1;
    }

    /** Whether some continuation of the first n characters is a cell the pattern takes. */
    private static boolean viable(Matcher m, int n) {
        m.region(0, n);
        return m.matches() || m.hitEnd();
    }

    private static Pattern patternFor(Field field) {
        String type = field.datatype();
        boolean complex = type.endsWith("Complex");
        boolean many = complex || !field.shape().isScalar();
        switch (type) {
            case "unsignedByte":
            case "short":
            case "int":
            case "long":
                return many ? INTEGER_ITEMS : INTEGER_CELL;
            case "float":
            case "double":
            case "floatComplex":
            case "doubleComplex":
                return many ? REAL_ITEMS : REAL_CELL;
            default:
                return null;
        }
    }
}
