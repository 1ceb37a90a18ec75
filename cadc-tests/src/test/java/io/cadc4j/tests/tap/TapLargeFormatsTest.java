// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.tap;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.tap.ResultFormat;
import io.cadc4j.core.tap.TapQuery;
import io.cadc4j.tests.server.tap.TapStandIn;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A million-row result written as FITS and as ECSV through the TapPort, in the {@code large-body}
 * surefire execution whose JVM has {@code -Xmx64m} (server and client together): a writer that
 * held the rows would fail with OutOfMemoryError. Each file is then read back as a stream and
 * every row checked.
 */
@Tag("large-body")
class TapLargeFormatsTest {
    private static final long ROWS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void writesAMillionRowsAsFitsInASmallHeap() throws IOException {
        Path fits = dir.resolve("big.fits");
        try (TapSetup setup = new TapSetup()) {
            setup.tap.writeResult(TapQuery.of("select top " + ROWS + " * from stand_in.generated"), ResultFormat.FITS,
                    fits);
        }
        assertThat(Runtime.getRuntime().maxMemory()).isLessThan(128L * 1024 * 1024);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(fits), 1 << 16))) {
            Map<String, String> primary = header(in);
            assertThat(primary).containsEntry("SIMPLE", "T").containsEntry("NAXIS", "0");
            Map<String, String> table = header(in);
            assertThat(table).containsEntry("XTENSION", "'BINTABLE'").containsEntry("NAXIS2", "" + ROWS)
                    .containsEntry("TFIELDS", "4").containsEntry("TFORM1", "'1K      '")
                    .containsEntry("TFORM2", "'1D      '").containsEntry("TFORM3", "'1D      '")
                    .containsEntry("PCOUNT", "0");
            // name is "row-" + id: the widest is "row-999999"
            assertThat(table.get("TFORM4")).isEqualTo("'10A     '");
            assertThat(table.get("NAXIS1")).isEqualTo("34");
            byte[] name = new byte[10];
            for (long i = 0; i < ROWS; i++) {
                long id = in.readLong();
                double ra = in.readDouble();
                double dec = in.readDouble();
                in.readFully(name);
                if (id != i || ra != TapStandIn.generatedRa(i) || dec != TapStandIn.generatedDec(i)
                        || !new String(name, StandardCharsets.US_ASCII).startsWith("row-" + i)) {
                    throw new AssertionError("row " + i + " reads " + id + ", " + ra + ", " + dec);
                }
            }
            long rest = in.transferTo(java.io.OutputStream.nullOutputStream());
            assertThat((34 * ROWS + rest) % 2880).as("the data are padded to a whole block").isZero();
            assertThat(rest).isLessThan(2880);
        }
    }

    @Test
    void writesAMillionRowsAsEcsvInASmallHeap() throws IOException {
        Path ecsv = dir.resolve("big.ecsv");
        try (TapSetup setup = new TapSetup()) {
            setup.tap.writeResult(TapQuery.of("select top " + ROWS + " * from stand_in.generated"), ResultFormat.ECSV,
                    ecsv);
        }
        assertThat(Runtime.getRuntime().maxMemory()).isLessThan(128L * 1024 * 1024);
        try (BufferedReader r = Files.newBufferedReader(ecsv, StandardCharsets.UTF_8)) {
            assertThat(r.readLine()).isEqualTo("# %ECSV 1.0");
            String line;
            while ((line = r.readLine()).startsWith("#")) {
                assertThat(line).startsWith("# ");
            }
            assertThat(line).isEqualTo("id,ra,dec,name");
            long i = 0;
            while ((line = r.readLine()) != null) {
                String expected = i + "," + TapStandIn.generatedRa(i) + "," + TapStandIn.generatedDec(i) + ",row-" + i;
                if (!line.equals(expected)) {
                    throw new AssertionError("row " + i + " is '" + line + "', not '" + expected + "'");
                }
                i++;
            }
            assertThat(i).isEqualTo(ROWS);
        }
    }

    /** Reads one FITS header (whole 2880-byte blocks up to END): keyword to raw value text. */
    private static Map<String, String> header(DataInputStream in) throws IOException {
        Map<String, String> cards = new HashMap<>();
        byte[] block = new byte[2880];
        boolean end = false;
        while (!end) {
            in.readFully(block);
            for (int at = 0; at < block.length; at += 80) {
                String card = new String(block, at, 80, StandardCharsets.US_ASCII);
                String key = card.substring(0, 8).strip();
                if (key.equals("END")) {
                    end = true;
                    break;
                }
                if (card.startsWith("= ", 8)) {
                    String value = card.substring(10).strip();
                    int close = value.startsWith("'") ? value.indexOf('\'', 1) + 1 : value.indexOf('/');
                    cards.put(key, (close > 0 ? value.substring(0, close) : value).strip());
                }
            }
        }
        return cards;
    }
}
