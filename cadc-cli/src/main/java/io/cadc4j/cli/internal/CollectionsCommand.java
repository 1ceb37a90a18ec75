// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.CollectionDescription;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code cadc collections}: astroquery's {@code get_collections}. Single-threaded. */
@Command(name = "collections", mixinStandardHelpOptions = true,
        description = "The collections and their energy bands (astroquery's get_collections).")
final class CollectionsCommand implements Callable<Integer> {
    @ParentCommand
    CadcCommand root;

    @Override
    public Integer call() {
        try (Cadc cadc = root.open()) {
            MemoryTable t = new MemoryTable("collection", "description", "bands");
            for (CollectionDescription c : cadc.getCollections().values()) {
                t.add(c.name(), c.description(), String.join(" ", c.bands()));
            }
            return root.emit(t.cursor(), -1);
        }
    }
}
