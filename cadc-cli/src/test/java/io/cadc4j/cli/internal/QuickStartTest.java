// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.sky.Angle;
import io.cadc4j.core.table.RowCursor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compiles and runs the README's Java quick start, word for word, on the class path the README
 * describes; the test resources' providers stand in for CADC (its captured registry file and
 * capabilities, DaCHS's captured answer), so nothing leaves the process.
 */
class QuickStartTest {

    @BeforeEach
    void clear() {
        FixtureTapProvider.reset();
    }

    /** The snippet below is the README's, line for line: a README edit that is not made here fails. */
    @Test
    void readmeShowsExactlyTheSnippetThisTestRuns() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        String snippet = String.join("\n",
                "try (Cadc cadc = Cadc.builder().build();    // CADC's registry and TAP service, anonymous",
                "     RowCursor rows = cadc.queryRegion(\"08h45m07.5s +54d18m00s\", Angle.parse(\"0.01 deg\"), \"CFHT\")) {",
                "    int obsId = rows.columnIndex(\"observationID\");",
                "    while (rows.next()) {",
                "        System.out.println(rows.getString(obsId));",
                "    }",
                "}");

        assertThat(readme).contains(snippet);
    }

    @Test
    void readmeQuickStartRunsAndPrintsTheObservationIds() {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // --- README quick start, from here ---
            try (Cadc cadc = Cadc.builder().build();    // CADC's registry and TAP service, anonymous
                 RowCursor rows = cadc.queryRegion("08h45m07.5s +54d18m00s", Angle.parse("0.01 deg"), "CFHT")) {
                int obsId = rows.columnIndex("observationID");
                while (rows.next()) {
                    System.out.println(rows.getString(obsId));
                }
            }
            // --- to here ---
        } finally {
            System.setOut(saved);
        }
        String[] ids = captured.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(ids).hasSize(26).allSatisfy(id -> assertThat(id).matches("\\d+"));
        assertThat(FixtureTapProvider.QUERIES.get(0).adql()).endsWith(" AND collection='CFHT'");
    }
}
