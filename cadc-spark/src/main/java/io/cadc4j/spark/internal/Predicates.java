// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.spark.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code predicates} option: a JSON array of ADQL conditions, one partition each, e.g.
 * {@code ["collection = 'CFHT'", "collection <> 'CFHT'"]} (in Python, {@code json.dumps([...])}).
 */
final class Predicates {
    private Predicates() {
    }

    /**
     * Parses the option's text.
     *
     * @param text a JSON array of strings
     * @return the conditions, in order
     * @throws IllegalArgumentException if the text is not a JSON array of non-blank strings
     */
    static List<String> parse(String text) {
        String s = text.strip();
        if (!s.startsWith("[") || !s.endsWith("]")) {
            throw SourceOptions.bad("'predicates' is a JSON array of ADQL conditions, e.g. [\"ra < 180\", \"ra >= 180\"],"
                    + " not '" + text + "'");
        }
        List<String> out = new ArrayList<>();
        int i = 1;
        int end = s.length() - 1;
        boolean afterComma = false;
        while (true) {
            i = skipSpace(s, i, end);
            if (i == end && !afterComma) {
                break;
            }
            if (i == end || s.charAt(i) != '"') {
                throw SourceOptions.bad("'predicates': expected a quoted string at position " + i + " of '" + text + "'");
            }
            StringBuilder b = new StringBuilder();
            i++;
            while (true) {
                if (i >= end) {
                    throw SourceOptions.bad("'predicates': a string is not closed in '" + text + "'");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    if (i >= end) {
                        throw SourceOptions.bad("'predicates': a string is not closed in '" + text + "'");
                    }
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n':
                            b.append('\n');
                            break;
                        case 't':
                            b.append('\t');
                            break;
                        case 'r':
                            b.append('\r');
                            break;
                        case 'u':
                            if (i + 4 > end) {
                                throw SourceOptions.bad("'predicates': a \\u escape is cut short in '" + text + "'");
                            }
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                            break;
                        default:
                            b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
            if (b.toString().isBlank()) {
                throw SourceOptions.bad("'predicates' holds a blank condition");
            }
            out.add(b.toString().strip());
            i = skipSpace(s, i, end);
            if (i == end) {
                break;
            }
            if (s.charAt(i) != ',') {
                throw SourceOptions.bad("'predicates': expected ',' at position " + i + " of '" + text + "'");
            }
            i++;
            afterComma = true;
        }
        return List.copyOf(out);
    }

    private static int skipSpace(String s, int i, int end) {
        while (i < end && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
