// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads a generated document of about 60 MB in a JVM limited to a 16 MB heap: if the reader kept
 * anything per row, it could not finish.
 */
class BoundedMemoryTest {
    private static final long ROWS = 400_000;

    @ParameterizedTest
    @ValueSource(strings = {"TABLEDATA", "BINARY2"})
    void streamsHundredsOfThousandsOfRowsInASixteenMegabyteHeap(String serialization)
            throws IOException, InterruptedException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx16m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), LargeStreamCheck.class.getName(), serialization,
                Long.toString(ROWS))).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        long expectedSum = 0;
        for (long r = 0; r < ROWS; r++) {
            expectedSum += r + ("ivo://cadc.nrc.ca/CFHT?" + (2366432 + r) + "/" + (2366432 + r) + "o").length()
                    + (r % 2 == 0 ? 1 : 0) + (long) (r * 0.001);
        }
        assertThat(out.strip()).isEqualTo("rows=" + ROWS + " sum=" + expectedSum + " overflow=true");
    }
}
