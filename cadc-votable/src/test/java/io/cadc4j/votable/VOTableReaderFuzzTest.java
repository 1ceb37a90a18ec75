// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cadc4j.core.CadcException;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing of the reader: whatever the bytes, only {@link CadcException} (the reader's declared
 * failure) may escape, and a reader never hangs.
 *
 * <p>In the normal build the Jazzer test runs in regression mode over the seeds in
 * {@code src/test/resources/.../VOTableReaderFuzzTestInputs}, and {@link #survivesMutatedFixtures}
 * runs the same target over every shared fixture and thousands of deterministic mutations of them.
 * A real fuzzing run: {@code JAZZER_FUZZ=1 ./mvnw -pl cadc-votable test -Dtest=VOTableReaderFuzzTest}
 * (bounded by {@code maxDuration}).
 */
class VOTableReaderFuzzTest {
    private static final VOTableReader READER = VOTableReader.builder()
            .limits(ParserLimits.builder().maxArrayElements(100_000).maxCellCharacters(100_000).build()).build();
    private static final VOTableReader CADC_READER = VOTableReader.builder()
            .binary2Layout(Binary2Layout.CADC_NULLS_OMITTED).build();

    static void target(VOTableReader reader, byte[] data) {
        try (RowCursor c = reader.open(new ByteArrayInputStream(data))) {
            c.metadata().fields().forEach(f -> f.shape());
            while (c.next()) {
                for (int i = 0; i < c.columnCount(); i++) {
                    c.isNull(i);
                    c.getObject(i);
                    c.getString(i);
                }
                c.snapshot();
            }
            c.isOverflow();
            c.document().allResources();
        } catch (CadcException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "3m")
    void readsAnyBytesFailingOnlyWithCadcExceptions(byte[] data) {
        target(READER, data);
        target(CADC_READER, data);
    }

    @Test
    void survivesMutatedFixtures() throws IOException {
        Random random = new Random(2026);
        List<byte[]> seeds = new ArrayList<>();
        for (String doc : FixtureDocumentsTest.allDocuments()) {
            seeds.add(Fixtures.bytes(doc));
        }
        int runs = 0;
        for (byte[] seed : seeds) {
            target(READER, seed);
            for (int k = 0; k < 40; k++) {
                byte[] m = mutate(seed, random);
                target(READER, m);
                target(CADC_READER, m);
                runs++;
            }
        }
        assertThat(runs).isGreaterThan(2000);
    }

    /** Flips, overwrites, deletes or duplicates a few bytes, or cuts the document short. */
    private static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n && b.length > 0; i++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(5)) {
                case 0:
                    b[at] ^= 1 << r.nextInt(8);
                    break;
                case 1:
                    String pool = "<>&;=\"/ 0AZ+";
                    b[at] = (byte) pool.charAt(r.nextInt(pool.length()));
                    break;
                case 2:
                    b = java.util.Arrays.copyOf(b, at);
                    break;
                case 3: {
                    int len = Math.min(b.length - at, 1 + r.nextInt(64));
                    byte[] c = new byte[b.length + len];
                    System.arraycopy(b, 0, c, 0, at + len);
                    System.arraycopy(b, at, c, at + len, b.length - at);
                    b = c;
                    break;
                }
                default: {
                    int len = Math.min(b.length - at, 1 + r.nextInt(64));
                    byte[] c = new byte[b.length - len];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + len, c, at, b.length - at - len);
                    b = c;
                    break;
                }
            }
        }
        return b;
    }
}
