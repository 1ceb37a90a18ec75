// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FitsHeaderTest {

    private static String card(String text) {
        return String.format("%-80s", text);
    }

    @Test
    void readsStringsWithDoubledQuotesAndInsignificantTrailingSpaces() {
        FitsCard c = FitsCard.parse(card("OBSERVER= 'O''Brien  '          / who"));
        assertThat(c.keyword()).isEqualTo("OBSERVER");
        assertThat(c.stringValue()).isEqualTo("O'Brien");
        assertThat(c.comment()).contains("who");
        assertThat(FitsCard.parse(card("PATH    = 'a/b / c'")).stringValue()).isEqualTo("a/b / c");
        assertThat(FitsCard.parse(card("EMPTY   = ''")).stringValue()).isEmpty();
        assertThat(FitsCard.parse(card("LEAD    = '  x'")).stringValue()).isEqualTo("  x");
    }

    @Test
    void readsNumbersLogicalsAndFortranExponents() {
        assertThat(FitsCard.parse(card("NAXIS1  =                  101 / length")).longValue()).isEqualTo(101);
        assertThat(FitsCard.parse(card("BZERO   =                +3276")).longValue()).isEqualTo(3276);
        assertThat(FitsCard.parse(card("CRVAL3  =       345796000000.0")).doubleValue()).isEqualTo(345796000000.0);
        assertThat(FitsCard.parse(card("EPOCH   =              2.0D+03")).doubleValue()).isEqualTo(2000.0);
        assertThat(FitsCard.parse(card("NAXIS   =                    2")).doubleValue()).isEqualTo(2.0);
        assertThat(FitsCard.parse(card("SIMPLE  =                    T")).booleanValue()).isTrue();
        assertThat(FitsCard.parse(card("EXTEND  =                    F")).booleanValue()).isFalse();
    }

    @Test
    void keepsCommentaryCardsAsText() {
        FitsCard c = FitsCard.parse(card("COMMENT   FITS (Flexible Image Transport System) format"));
        assertThat(c.hasValue()).isFalse();
        assertThat(c.comment()).contains("  FITS (Flexible Image Transport System) format");
        assertThat(FitsCard.parse(card("HISTORY = not a value here")).hasValue()).isFalse();
        FitsCard blank = FitsCard.parse(card(""));
        assertThat(blank.keyword()).isEmpty();
        assertThat(blank.comment()).isEmpty();
        assertThat(FitsCard.parse(card("UNDEF   =                      / no value")).hasValue()).isFalse();
    }

    @Test
    void rejectsCardsThatAreTooLongOrUnterminatedAndWrongTypes() {
        assertThatThrownBy(() -> FitsCard.parse(card("X") + " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("81");
        assertThatThrownBy(() -> FitsCard.parse(card("OBJECT  = 'open"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OBJECT").hasMessageContaining("closing quote");
        assertThatThrownBy(() -> FitsCard.parse(card("OBJECT  = 'M31'")).doubleValue())
                .isInstanceOf(IllegalStateException.class).hasMessage("FITS card OBJECT holds 'M31', not a number");
        assertThatThrownBy(() -> FitsCard.parse(card("NAXIS   = 2.5")).longValue())
                .hasMessage("FITS card NAXIS holds 2.5, not an integer");
        assertThatThrownBy(() -> FitsCard.parse(card("NAXIS   = 2")).booleanValue()).hasMessageContaining("logical");
        assertThatThrownBy(() -> FitsCard.parse(card("NAXIS   = 2")).stringValue()).hasMessageContaining("a string");
    }

    @Test
    void looksUpTheFirstCardByKeywordWithTypedReads() {
        FitsHeader h = FitsHeader.of(List.of(FitsCard.parse(card("SIMPLE  =                    T")),
                FitsCard.parse(card("NAXIS   =                    2")), FitsCard.parse(card("OBJECT  = 'M81'")),
                FitsCard.parse(card("OBJECT  = 'second'")), FitsCard.parse(card("COMMENT one")),
                FitsCard.parse(card("HISTORY two"))));
        assertThat(h.booleanValue("SIMPLE")).contains(true);
        assertThat(h.longValue("NAXIS")).hasValue(2);
        assertThat(h.string("OBJECT")).contains("M81");
        assertThat(h.string("MISSING")).isEmpty();
        assertThat(h.doubleValue("MISSING")).isEmpty();
        assertThat(h.comments()).containsExactly("one");
        assertThat(h.history()).containsExactly("two");
        assertThat(h.toString()).isEqualTo("FitsHeader[6 cards, OBJECT=M81]");
        assertThat(h.cards()).hasSize(6);
    }

    @Test
    void joinsALongStringContinuedOverContinueCards() {
        FitsHeader h = FitsHeader.of(List.of(FitsCard.parse(card("SIMPLE  =                    T")),
                FitsCard.parse(card("PUBDID  = 'ivo://cadc.nrc.ca/VLASS?VLASS1.1.ql.T10t01.J000000-363000.10.2048.v&'")),
                FitsCard.parse(card("CONTINUE  '1/VLASS1.1.ql.T10t01.J000000-363000.10.2048.v1.I.iter1.image.pb&'")),
                FitsCard.parse(card("CONTINUE  '.tt0.subim' / the publisher's identifier")),
                FitsCard.parse(card("AMP     = 'ends with &'")),
                FitsCard.parse(card("COMMENT a comment")),
                FitsCard.parse(card("LASTAMP = 'a&'")),
                FitsCard.parse(card("CONTINUE  'b&'"))));

        assertThat(h.string("PUBDID")).contains("ivo://cadc.nrc.ca/VLASS?VLASS1.1.ql.T10t01.J000000-363000.10.2048.v1/"
                + "VLASS1.1.ql.T10t01.J000000-363000.10.2048.v1.I.iter1.image.pb.tt0.subim");
        // an '&' not followed by a CONTINUE card is part of the string
        assertThat(h.string("AMP")).contains("ends with &");
        assertThat(h.string("LASTAMP")).contains("ab&");
        FitsCard cont = FitsCard.parse(card("CONTINUE  '.tt0.subim' / the publisher's identifier"));
        assertThat(cont.stringValue()).isEqualTo(".tt0.subim");
        assertThat(cont.comment()).contains("the publisher's identifier");
        assertThat(FitsCard.parse(card("CONTINUE  not a string")).hasValue()).isFalse();
    }
}
