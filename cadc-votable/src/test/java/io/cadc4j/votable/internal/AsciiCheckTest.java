// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The ASCII check of binary char cells ({@code StringColumn.isAscii}), which reads whole eight-byte words
 * and masks them to the cell: every length up to 80 (across the two straight-line paths and the loop), a byte with
 * its top bit set at every place in the cell or none, the cell at the very end of its array or with room after it,
 * and bytes with the top bit set just outside the cell on both sides, which must not count.
 */
class AsciiCheckTest {
    @Test
    void findsATopBitAnywhereInTheCellAndNowhereElse() {
        int checked = 0;
        for (int len = 0; len <= 80; len++) {
            for (int after = 0; after <= 70; after += len % 3 == 0 ? 1 : 7) {
                for (int before = 0; before <= 9; before += 9) {
                    byte[] b = new byte[before + len + after];
                    // outside the cell: top bits everywhere
                    Arrays.fill(b, (byte) 0xC3);
                    for (int i = 0; i < len; i++) {
                        b[before + i] = (byte) ('a' + i % 26);
                    }
                    assertThat(StringColumn.isAscii(b, before, len))
                            .as("length %d, %d bytes before, %d after, all ASCII", len, before, after).isTrue();
                    checked++;
                    for (int at = 0; at < len; at++) {
                        byte was = b[before + at];
                        b[before + at] = (byte) (at % 2 == 0 ? 0x80 : 0xFF);
                        assertThat(StringColumn.isAscii(b, before, len))
                                .as("length %d, %d bytes before, %d after, top bit at %d", len, before, after, at)
                                .isFalse();
                        b[before + at] = was;
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(50_000);
    }
}
