// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.testing.Fixtures.Chunking;
import io.cadc4j.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hint about CADC's BINARY2 layout is given only where the other layout reads the row: a
 * broken base64 STREAM after rows with null cells is reported as a broken STREAM, blaming no
 * column and suggesting no layout; a cadc-dali document read as standard still gets the hint.
 */
class LayoutHintTest {
    @Test
    void aBrokenStreamAfterNullCellsGetsNoLayoutHint() throws IOException {
        List<Object[]> values = GeneratedTables.rows(11, 300);
        TableMetadata meta = GeneratedTables.metadata();
        byte[] doc = RoundTripTest.write(Serialization.BINARY2, meta, GeneratedTables.asRows(values));
        String text = new String(doc, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("</STREAM>");
        int at = end - 400;
        while (!Character.isLetterOrDigit(text.charAt(at))) {
            at++;
        }
        for (Chunking chunking : new Chunking[] {Chunking.WHOLE, Chunking.ONE_BYTE}) {
            byte[] bad = doc.clone();
            bad[at] = '*';
            assertThatThrownBy(() -> ReadAll.read(VOTableReader.builder().build(), chunking.open(bad)))
                    .isInstanceOf(ProtocolViolationException.class)
                    .hasMessageContaining("invalid base64 character '*'")
                    .hasMessageContaining("STREAM")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("CADC_NULLS_OMITTED")
                            .doesNotContain("cadc-dali").doesNotContain("in column"));
        }
    }

    @Test
    void aCadcDocumentReadAsStandardStillGetsTheHint() {
        assertThatThrownBy(() -> ReadAll.read("votable/cadc-dali-binary2-dialect-nulls.xml", Chunking.WHOLE))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("Binary2Layout.CADC_NULLS_OMITTED");
    }
}
