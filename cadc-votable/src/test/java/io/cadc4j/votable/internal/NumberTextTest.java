// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.table.Field;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The first character of a number cell that no number of its column could have. */
class NumberTextTest {
    @ParameterizedTest(name = "{0}[{1}] ''{2}'' -> {3}")
    @CsvSource(delimiter = '|', value = {
        "long||12*45|2",
        "long||'  -7x'|4",
        "long||0x1F|0",         // valid text: the failure was another (range): the cell start
        "long||0x1G|3",
        "long||1.5|1",
        "short||99999999|0",    // out of range, every character a digit
        "int||+|0",             // cut short: nothing wrong yet at any character
        "double||1.5e3.2|5",
        "double||-Infinity|0",
        "double||-Inf*|4",
        "double||NaN |0",
        "double||nan1|3",
        "double||.5e|0",
        "float||1,5|1",
        "double||null x|5",
        "long|3|1 2 3 4|0",     // too many items: no character is bad
        "long|*|1 2 3a|5",
        "doubleComplex||1.0 2.0|0",
        "doubleComplex||1.0 ;2.0|4",
        "char|*|anything|0",
        "boolean||maybe|0",
    })
    void findsTheFirstCharacterNoNumberCouldHave(String type, String arraysize, String text, int expected) {
        Field.Builder b = Field.builder("f", type);
        if (arraysize != null) {
            b.arraysize(arraysize);
        }
        char[] cell = text.toCharArray();
        assertThat(NumberText.firstBad(b.build(), cell, cell.length)).isEqualTo(expected);
    }

    @Test
    void aCellOfAMillionCharactersIsSearchedByHalving() {
        char[] cell = new char[1_000_001];
        Arrays.fill(cell, '7');
        cell[999_999] = '*';
        assertThat(NumberText.firstBad(Field.builder("f", "double").build(), cell, cell.length)).isEqualTo(999_999);
        Arrays.fill(cell, '7');
        assertThat(NumberText.firstBad(Field.builder("f", "long").build(), cell, cell.length)).isZero();
    }
}
