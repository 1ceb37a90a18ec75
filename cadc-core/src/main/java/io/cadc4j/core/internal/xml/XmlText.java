// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.xml;

/**
 * The one XML escaper of cadc4j: text and attribute values for documents written by hand.
 *
 * <p>Thread-safe: stateless.
 */
public final class XmlText {
    private XmlText() {
    }

    /**
     * Appends a string escaped for XML 1.0.
     *
     * @param sb where to append
     * @param s the text
     * @param attribute true inside a double-quoted attribute value (quotes, tabs and line ends
     *     become character references, so they survive attribute-value normalisation)
     * @throws IllegalArgumentException for a character XML 1.0 cannot carry (controls other than
     *     tab and line ends, U+FFFE, U+FFFF)
     */
    public static void escape(StringBuilder sb, String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '&':
                    sb.append("&amp;");
                    break;
                case '"':
                    sb.append(attribute ? "&quot;" : "\"");
                    break;
                case '\r':
                    sb.append("&#13;");
                    break;
                case '\n':
                    sb.append(attribute ? "&#10;" : "\n");
                    break;
                case '\t':
                    sb.append(attribute ? "&#9;" : "\t");
                    break;
                default:
                    if (c < 0x20 || c == 0xfffe || c == 0xffff) {
                        throw new IllegalArgumentException(String.format(
                                "character U+%04X cannot be written in XML", (int) c));
                    }
                    sb.append(c);
                    break;
            }
        }
    }

    /**
     * A string escaped for XML 1.0 text content.
     *
     * @param s the text
     * @return the escaped text
     * @throws IllegalArgumentException for a character XML 1.0 cannot carry
     */
    public static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        escape(sb, s, false);
        return sb.toString();
    }

    /**
     * A string escaped for a double-quoted XML 1.0 attribute value.
     *
     * @param s the value
     * @return the escaped value
     * @throws IllegalArgumentException for a character XML 1.0 cannot carry
     */
    public static String attribute(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        escape(sb, s, true);
        return sb.toString();
    }
}
