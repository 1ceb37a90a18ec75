// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The checksum's text fold gives String.hashCode's value for Strings and for other CharSequences alike. */
class ChecksumTest {
    @Test
    void foldsTextToTheValueOfStringHashCode() {
        Random random = new Random(3);
        for (int n = 0; n < 40; n++) {
            for (int k = 0; k < 50; k++) {
                char[] c = new char[n];
                for (int i = 0; i < n; i++) {
                    c[i] = (char) (k % 2 == 0 ? 32 + random.nextInt(95) : random.nextInt(0x10000));
                }
                String s = new String(c);

                assertThat(Checksum.text(s)).as("%d characters", n).isEqualTo(s.hashCode());
                assertThat(Checksum.text(new StringBuilder(s))).as("%d characters", n).isEqualTo(s.hashCode());
            }
        }
    }
}
