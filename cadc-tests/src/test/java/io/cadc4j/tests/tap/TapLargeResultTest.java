// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.tap;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.tap.TapQuery;
import io.cadc4j.tests.server.tap.TapStandIn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A million-row sync result through the TapPort, in the {@code large-body} surefire execution whose
 * JVM has {@code -Xmx64m} (server and client together): holding the rows fails with
 * OutOfMemoryError, and the server streams them chunked as it writes them.
 */
@Tag("large-body")
class TapLargeResultTest {

    @Test
    void streamsAMillionRowSyncResultInASmallHeap() {
        long rows = 1_000_000;
        try (TapSetup setup = new TapSetup()) {
            long n = 0;
            double raSum = 0;
            double expectedRaSum = 0;
            try (RowCursor cursor = setup.tap.query(TapQuery.of("select top " + rows + " * from stand_in.generated"))) {
                int id = cursor.columnIndex("id");
                int ra = cursor.columnIndex("ra");
                int dec = cursor.columnIndex("dec");
                while (cursor.next()) {
                    long i = cursor.getLong(id);
                    assertThat(i).isEqualTo(n);
                    if (cursor.getDouble(dec) != TapStandIn.generatedDec(i)) {
                        throw new AssertionError("row " + i + " has dec " + cursor.getDouble(dec));
                    }
                    raSum += cursor.getDouble(ra);
                    expectedRaSum += TapStandIn.generatedRa(i);
                    n++;
                }
                assertThat(cursor.isOverflow()).isFalse();
            }
            assertThat(n).isEqualTo(rows);
            assertThat(raSum).isEqualTo(expectedRaSum);
            assertThat(Runtime.getRuntime().maxMemory()).isLessThan(128L * 1024 * 1024);
            assertThat(setup.service.executions()).isEqualTo(1);
        }
    }
}
