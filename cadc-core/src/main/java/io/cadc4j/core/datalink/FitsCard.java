// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One 80-character card (keyword record) of a FITS header (FITS 4.0 §4): a keyword, and either a
 * value with an optional comment ({@code NAXIS1  =  101 / length of axis 1}) or, for commentary
 * keywords ({@code COMMENT}, {@code HISTORY}, blank), free text.
 *
 * <p>Typed reads follow FITS 4.0 §4.2: strings are quoted with {@code '}, a doubled {@code ''}
 * stands for one quote and trailing spaces are not significant; logical values are {@code T} or
 * {@code F}; integers are decimal; floating-point numbers may use {@code E} or {@code D} exponents.
 *
 * <p>Immutable and thread-safe.
 */
public final class FitsCard {
    /** The length of every card. */
    public static final int LENGTH = 80;

    private final String keyword;
    private final String value;
    private final String comment;

    private FitsCard(String keyword, String value, String comment) {
        this.keyword = keyword;
        this.value = value;
        this.comment = comment;
    }

    /**
     * Reads a card from its text, 80 ASCII characters (a shorter text is read as if padded with spaces).
     * A {@code CONTINUE} card of the long-string convention has its part of the string as its value.
     *
     * @param card the card's characters
     * @return the card
     * @throws IllegalArgumentException if the text is longer than 80 characters or a string value
     *     has no closing quote
     */
    public static FitsCard parse(String card) {
        Objects.requireNonNull(card, "card");
        if (card.length() > LENGTH) {
            throw new IllegalArgumentException("a FITS card has 80 characters, not " + card.length());
        }
        String keyword = card.substring(0, Math.min(8, card.length())).strip();
        boolean commentary = keyword.isEmpty() || keyword.equals("COMMENT") || keyword.equals("HISTORY");
        // A CONTINUE card carries the next part of a long string, without "= " (FITS 4.0 §4.2.1.2).
        boolean continuation = keyword.equals("CONTINUE") && card.length() > 10 && card.substring(8, 10).isBlank()
                && card.substring(10).stripLeading().startsWith("'");
        if (commentary || card.length() < 10 || !card.startsWith("= ", 8) && !continuation) {
            // Commentary keywords (even followed by "= ") and keywords without the value indicator
            // carry text only (FITS 4.0 §4.1.2.2, §4.4.2.4).
            String text = card.length() > 8 ? card.substring(8).stripTrailing() : "";
            return new FitsCard(keyword, null, text.isEmpty() ? null : text);
        }
        String rest = card.substring(10);
        String trimmed = rest.stripLeading();
        if (trimmed.startsWith("'")) {
            int start = rest.indexOf('\'') + 1;
            StringBuilder sb = new StringBuilder();
            int i = start;
            while (true) {
                if (i >= rest.length()) {
                    throw new IllegalArgumentException("FITS card " + keyword + ": string value has no closing quote");
                }
                char c = rest.charAt(i);
                if (c == '\'') {
                    if (i + 1 < rest.length() && rest.charAt(i + 1) == '\'') {
                        sb.append('\'');
                        i += 2;
                        continue;
                    }
                    break;
                }
                sb.append(c);
                i++;
            }
            String after = rest.substring(i + 1);
            int slash = after.indexOf('/');
            String comment = slash < 0 ? null : after.substring(slash + 1).strip();
            return new FitsCard(keyword, "'" + sb.toString().stripTrailing() + "'",
                    comment == null || comment.isEmpty() ? null : comment);
        }
        int slash = rest.indexOf('/');
        String v = (slash < 0 ? rest : rest.substring(0, slash)).strip();
        String comment = slash < 0 ? null : rest.substring(slash + 1).strip();
        return new FitsCard(keyword, v.isEmpty() ? null : v, comment == null || comment.isEmpty() ? null : comment);
    }

    /** @return the keyword, e.g. {@code NAXIS1}; empty for a blank-keyword card */
    public String keyword() {
        return keyword;
    }

    /**
     * Whether the card has a value (rather than being commentary or having an undefined value).
     *
     * @return true if a value is present
     */
    public boolean hasValue() {
        return value != null;
    }

    /**
     * The value as written: strings with their quotes (inner quotes undoubled, trailing spaces
     * removed), other values as their text.
     *
     * @return the raw value, or empty for commentary cards and undefined values
     */
    public Optional<String> rawValue() {
        return Optional.ofNullable(value);
    }

    /**
     * The comment after {@code /}, or the text of a commentary card.
     *
     * @return the comment, or empty when there is none
     */
    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    /** @return whether the value is a quoted string */
    public boolean isString() {
        return value != null && value.startsWith("'");
    }

    /**
     * The value as a string.
     *
     * @return the string without quotes
     * @throws IllegalStateException if the value is not a string
     */
    public String stringValue() {
        if (!isString()) {
            throw wrongType("a string");
        }
        return value.substring(1, value.length() - 1);
    }

    /**
     * The value as a logical.
     *
     * @return true for {@code T}, false for {@code F}
     * @throws IllegalStateException if the value is not logical
     */
    public boolean booleanValue() {
        if ("T".equals(value)) {
            return true;
        }
        if ("F".equals(value)) {
            return false;
        }
        throw wrongType("a logical (T or F)");
    }

    /**
     * The value as an integer.
     *
     * @return the integer
     * @throws IllegalStateException if the value is not an integer that fits a {@code long}
     */
    public long longValue() {
        if (value == null || isString()) {
            throw wrongType("an integer");
        }
        try {
            return Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
        } catch (NumberFormatException e) {
            throw wrongType("an integer");
        }
    }

    /**
     * The value as a floating-point number; integers are read too.
     *
     * @return the number
     * @throws IllegalStateException if the value is not a number
     */
    public double doubleValue() {
        if (value == null || isString() || "T".equals(value) || "F".equals(value)) {
            throw wrongType("a number");
        }
        try {
            // FITS allows a D exponent (FORTRAN double precision); Java reads only E.
            return Double.parseDouble(value.toUpperCase(Locale.ROOT).replace('D', 'E'));
        } catch (NumberFormatException e) {
            throw wrongType("a number");
        }
    }

    private IllegalStateException wrongType(String wanted) {
        return new IllegalStateException("FITS card " + keyword + " holds " + (value == null ? "no value" : value)
                + ", not " + wanted);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FitsCard)) {
            return false;
        }
        FitsCard c = (FitsCard) o;
        return keyword.equals(c.keyword) && Objects.equals(value, c.value) && Objects.equals(comment, c.comment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyword, value, comment);
    }

    @Override
    public String toString() {
        return keyword + (value != null ? " = " + value : "") + (comment != null ? " / " + comment : "");
    }
}
