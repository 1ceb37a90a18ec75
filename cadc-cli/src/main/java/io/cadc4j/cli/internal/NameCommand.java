// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.adql.CadcQueries;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code cadc name}: astroquery's {@code query_name}. Single-threaded. */
@Command(name = "name", mixinStandardHelpOptions = true,
        description = "Observations whose target name contains NAME, ignoring case (astroquery's query_name).")
final class NameCommand implements Callable<Integer> {
    @ParentCommand
    CadcCommand root;

    @Parameters(paramLabel = "NAME", description = "Part of a target name, e.g. Nr3491_1.")
    String name;

    @Option(names = "--dry-run", description = "Print the request (method, URL, ADQL) instead of sending it.")
    boolean dryRun;

    @Override
    public Integer call() {
        try (Cadc cadc = root.open()) {
            if (dryRun) {
                return root.printPayload(cadc.payloadOf(CadcQueries.targetName(name)));
            }
            return root.emit(cadc.queryName(name), -1);
        }
    }
}
