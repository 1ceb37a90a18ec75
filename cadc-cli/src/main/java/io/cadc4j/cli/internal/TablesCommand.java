// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.table.ColumnDescription;
import io.cadc4j.core.table.TableDescription;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code cadc tables}: astroquery's {@code get_tables} and {@code get_table}. Single-threaded. */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = "The service's tables, or one table's columns (astroquery's get_tables, get_table).")
final class TablesCommand implements Callable<Integer> {
    @ParentCommand
    CadcCommand root;

    @Parameters(paramLabel = "SCHEMA.TABLE", arity = "0..1", description = "A table whose columns to list.")
    String table;

    @Override
    public Integer call() {
        try (Cadc cadc = root.open()) {
            if (table == null) {
                MemoryTable t = new MemoryTable("table", "type", "description");
                for (TableDescription d : cadc.getTables()) {
                    String name = d.schema().isEmpty() || d.name().contains(".") ? d.name() : d.schema() + "." + d.name();
                    t.add(name, d.type().orElse(null), oneLine(d.description().orElse(null)));
                }
                return root.emit(t.cursor(), -1);
            }
            TableDescription d = cadc.getTable(table).orElseThrow(() -> new NotFoundException("the service has no table '"
                    + table + "' (cadc tables lists them)", 404, cadc.tapEndpoints().tables(), null));
            MemoryTable t = new MemoryTable("column", "datatype", "unit", "description");
            for (ColumnDescription c : d.columns()) {
                t.add(c.name(), c.datatype() + c.arraysize().map(a -> "(" + a + ")").orElse(""), c.unit().orElse(null),
                        oneLine(c.description().orElse(null)));
            }
            return root.emit(t.cursor(), -1);
        }
    }

    private static String oneLine(String s) {
        return s == null ? null : s.strip().replaceAll("\\s+", " ");
    }
}
