// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The written-out powers of five are the exact ones the Eisel-Lemire conversion needs. */
class Pow5TableTest {

    /** 5^q normalized to 128 bits: truncated for q >= 0, the reciprocal rounded up for q < 0. */
    private static BigInteger normalizedPow5(int q) {
        BigInteger two128 = BigInteger.ONE.shiftLeft(128);
        if (q >= 0) {
            BigInteger c = BigInteger.valueOf(5).pow(q);
            int len = c.bitLength();
            return len < 128 ? c.shiftLeft(128 - len) : c.shiftRight(len - 128);
        }
        BigInteger p = BigInteger.valueOf(5).pow(-q);
        int z = p.subtract(BigInteger.ONE).bitLength(); // smallest z with 2^z >= p
        int b = q >= -27 ? z + 127 : 2 * z + 128;
        BigInteger c = BigInteger.ONE.shiftLeft(b).divide(p).add(BigInteger.ONE);
        while (c.compareTo(two128) >= 0) {
            c = c.shiftRight(1);
        }
        return c;
    }

    @Test
    void everyEntryIsTheExactNormalizedPowerOfFive() {
        BigInteger mask64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        assertThat(Pow5Table.POW5).hasSize(2 * (Pow5Table.MAX_Q - Pow5Table.MIN_Q + 1));
        for (int q = Pow5Table.MIN_Q; q <= Pow5Table.MAX_Q; q++) {
            BigInteger c = normalizedPow5(q);
            assertThat(c.bitLength()).as("q=%d is normalized", q).isEqualTo(128);
            int i = 2 * (q - Pow5Table.MIN_Q);
            assertThat(Pow5Table.POW5[i]).as("high half of q=%d", q).isEqualTo(c.shiftRight(64).longValue());
            assertThat(Pow5Table.POW5[i + 1]).as("low half of q=%d", q).isEqualTo(c.and(mask64).longValue());
        }
    }

    @Test
    void knownPowersAreWhereTheConversionLooksForThem() {
        // 5^0 = 1 -> 2^127; 5^1 = 5 = 101b -> 101 followed by 125 zeros
        int zero = 2 * -Pow5Table.MIN_Q;
        assertThat(Pow5Table.POW5[zero]).isEqualTo(0x8000000000000000L);
        assertThat(Pow5Table.POW5[zero + 1]).isZero();
        assertThat(Pow5Table.POW5[zero + 2]).isEqualTo(0xa000000000000000L);
        assertThat(Pow5Table.POW5[zero + 3]).isZero();
    }
}
