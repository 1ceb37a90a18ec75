// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.server;

import java.io.IOException;
import java.io.OutputStream;
import java.util.SplittableRandom;

/**
 * A deterministic, incompressible byte sequence of any length, generated as it is written so that
 * a gigabyte costs one 64 KiB block of memory. Both sides of a big-transfer test compute a checksum
 * of what they write or read, and compare.
 *
 * <p>Thread-safe: the block is shared and never written after it is made.
 */
public final class PatternBytes {
    private static final int BLOCK = 64 * 1024;
    private static final byte[] RANDOM = randomBlock();

    private PatternBytes() {
    }

    /**
     * Writes the first {@code size} bytes of the sequence.
     *
     * @param out where to write
     * @param size how many bytes
     * @throws IOException if writing fails
     */
    public static void write(OutputStream out, long size) throws IOException {
        if (size < 0) {
            throw new IllegalArgumentException("negative size: " + size);
        }
        byte[] block = new byte[BLOCK];
        long done = 0;
        for (long index = 0; done < size; index++) {
            // Each block is the random block rotated by a step that depends on its index, so that
            // a repeated, dropped or reordered block changes the checksum.
            int shift = (int) ((index * 7919) % BLOCK);
            System.arraycopy(RANDOM, shift, block, 0, BLOCK - shift);
            System.arraycopy(RANDOM, 0, block, BLOCK - shift, shift);
            int n = (int) Math.min(BLOCK, size - done);
            out.write(block, 0, n);
            done += n;
        }
    }

    private static byte[] randomBlock() {
        byte[] b = new byte[BLOCK];
        SplittableRandom random = new SplittableRandom(20261121L);
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }
}
