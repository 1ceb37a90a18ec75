// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.table.RowCursor;
import java.net.URI;
import java.util.Locale;

/**
 * The library's cold start as an embedder sees it: in a fresh JVM, the time from the start of
 * {@code main} to the first row of {@link Cadc#execSync(String)}, and to the last row, with the
 * facade built the plain way (registry lookup, capabilities, query: three requests; no disk
 * cache). Every cell of every row is read as text.
 *
 * <pre>
 * java -cp cadc-cli/target/cadc.jar:cadc-bench/target/classes io.cadc4j.bench.FirstRow REGISTRY_URL ADQL
 * </pre>
 *
 * <p>Prints one line: {@code first-row-ms F last-row-ms L rows N}. {@code coldstart.sh} runs it
 * in N fresh JVMs and reports the medians.
 */
public final class FirstRow {
    private FirstRow() {
    }

    /**
     * Runs one query and prints the times.
     *
     * @param args the registry file's URL and an ADQL query
     */
    public static void main(String[] args) {
        long start = System.nanoTime();
        if (args.length != 2) {
            System.err.println("usage: FirstRow REGISTRY_URL ADQL");
            System.exit(2);
        }
        long first = -1;
        long rows = 0;
        long chars = 0;
        try (Cadc cadc = Cadc.builder().registry(URI.create(args[0])).build();
             RowCursor cursor = cadc.execSync(args[1])) {
            int columns = cursor.columnCount();
            while (cursor.next()) {
                if (rows++ == 0) {
                    first = System.nanoTime();
                }
                for (int c = 0; c < columns; c++) {
                    String s = cursor.getString(c);
                    chars += s == null ? 0 : s.length();
                }
            }
        }
        long last = System.nanoTime();
        System.out.println(String.format(Locale.ROOT, "first-row-ms %.1f last-row-ms %.1f rows %d chars %d",
                first < 0 ? Double.NaN : (first - start) / 1e6, (last - start) / 1e6, rows, chars));
    }
}
