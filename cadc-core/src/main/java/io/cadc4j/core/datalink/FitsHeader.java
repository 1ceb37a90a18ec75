// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The primary header of a FITS file: its cards from {@code SIMPLE} up to (not including)
 * {@code END}, with typed reads by keyword. A downloaded cutout or image that was checked to be
 * FITS comes with its header ({@link DownloadOutcome#fitsHeader()}).
 *
 * <p>Keyword lookups take the first card with that keyword; keywords compare exactly (FITS
 * keywords are upper case). A missing keyword gives an empty result; a keyword whose value has
 * another type throws {@link IllegalStateException} naming the card.
 *
 * <p>Immutable and thread-safe.
 */
public final class FitsHeader {
    private final List<FitsCard> cards;

    private FitsHeader(List<FitsCard> cards) {
        this.cards = cards;
    }

    /**
     * Makes a header from its cards.
     *
     * @param cards the cards in file order, without {@code END}
     * @return the header
     */
    public static FitsHeader of(List<FitsCard> cards) {
        return new FitsHeader(List.copyOf(Objects.requireNonNull(cards, "cards")));
    }

    /** @return every card in file order */
    public List<FitsCard> cards() {
        return cards;
    }

    /**
     * The first card with a keyword.
     *
     * @param keyword e.g. {@code NAXIS1}
     * @return the card, or empty when absent
     */
    public Optional<FitsCard> card(String keyword) {
        Objects.requireNonNull(keyword, "keyword");
        for (FitsCard c : cards) {
            if (c.keyword().equals(keyword)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * A string value. A long string split over {@code CONTINUE} cards (the FITS long-string
     * convention, FITS 4.0 §4.2.1.2: each part but the last ends with {@code &}) is joined back
     * into one.
     *
     * @param keyword the keyword
     * @return the value without quotes, or empty when the keyword is absent or has no value
     * @throws IllegalStateException if the value is not a string
     */
    public Optional<String> string(String keyword) {
        Objects.requireNonNull(keyword, "keyword");
        for (int i = 0; i < cards.size(); i++) {
            FitsCard c = cards.get(i);
            if (!c.keyword().equals(keyword)) {
                continue;
            }
            if (!c.hasValue()) {
                return Optional.empty();
            }
            String part = c.stringValue();
            StringBuilder joined = null;
            for (int j = i + 1; part.endsWith("&") && j < cards.size(); j++) {
                FitsCard next = cards.get(j);
                if (!next.keyword().equals("CONTINUE") || !next.isString()) {
                    break; // the '&' was the last character of the string itself
                }
                if (joined == null) {
                    joined = new StringBuilder();
                }
                joined.append(part, 0, part.length() - 1);
                part = next.stringValue();
            }
            return Optional.of(joined == null ? part : joined.append(part).toString());
        }
        return Optional.empty();
    }

    /**
     * An integer value.
     *
     * @param keyword the keyword
     * @return the value, or empty when absent
     * @throws IllegalStateException if the value is not an integer
     */
    public OptionalLong longValue(String keyword) {
        Optional<FitsCard> c = valued(keyword);
        return c.isPresent() ? OptionalLong.of(c.get().longValue()) : OptionalLong.empty();
    }

    /**
     * A floating-point value (integers are read too).
     *
     * @param keyword the keyword
     * @return the value, or empty when absent
     * @throws IllegalStateException if the value is not a number
     */
    public OptionalDouble doubleValue(String keyword) {
        Optional<FitsCard> c = valued(keyword);
        return c.isPresent() ? OptionalDouble.of(c.get().doubleValue()) : OptionalDouble.empty();
    }

    /**
     * A logical value.
     *
     * @param keyword the keyword
     * @return the value, or empty when absent
     * @throws IllegalStateException if the value is not {@code T} or {@code F}
     */
    public Optional<Boolean> booleanValue(String keyword) {
        Optional<FitsCard> c = valued(keyword);
        return c.isPresent() ? Optional.of(c.get().booleanValue()) : Optional.empty();
    }

    /**
     * The text of every {@code COMMENT} card, in order.
     *
     * @return the comments; empty when there are none
     */
    public List<String> comments() {
        return commentary("COMMENT");
    }

    /**
     * The text of every {@code HISTORY} card, in order.
     *
     * @return the history lines; empty when there are none
     */
    public List<String> history() {
        return commentary("HISTORY");
    }

    private List<String> commentary(String keyword) {
        List<String> result = new ArrayList<>();
        for (FitsCard c : cards) {
            if (c.keyword().equals(keyword) && !c.hasValue()) {
                result.add(c.comment().map(String::strip).orElse(""));
            }
        }
        return List.copyOf(result);
    }

    private Optional<FitsCard> valued(String keyword) {
        return card(keyword).filter(FitsCard::hasValue);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FitsHeader && cards.equals(((FitsHeader) o).cards);
    }

    @Override
    public int hashCode() {
        return cards.hashCode();
    }

    @Override
    public String toString() {
        return "FitsHeader[" + cards.size() + " cards" + card("OBJECT").filter(FitsCard::isString).map(c -> ", OBJECT=" + c.stringValue()).orElse("") + "]";
    }
}
