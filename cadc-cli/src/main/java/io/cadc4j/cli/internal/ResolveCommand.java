// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.Cadc;
import io.cadc4j.core.sky.ResolvedName;
import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code cadc resolve}: what astropy's {@code SkyCoord.from_name} does for astroquery, one row per
 * name: the name, its ICRS position in degrees, the service that answered and the object's
 * canonical name. A name that fails is reported on stderr while the others are printed.
 * Single-threaded.
 */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = "Target names to positions (what query_region('M31') does first): name, ra and dec (ICRS, "
                + "degrees), the service that answered and its name for the object, one row per NAME.")
final class ResolveCommand implements Callable<Integer> {
    @ParentCommand
    CadcCommand root;

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "Target names, e.g. M31 \"NGC 3642\".")
    List<String> names;

    @Override
    public Integer call() {
        if (root.noResolve) {
            throw new ExitCodes.UsageException("'cadc resolve' resolves names, which --no-resolve turns off");
        }
        List<Row> rows = new ArrayList<>();
        RuntimeException last = null;
        try (Cadc cadc = root.open()) {
            for (String name : names) {
                try {
                    ResolvedName r = cadc.resolve(name);
                    rows.add(Row.of(r.name(), r.coordinates().ra(), r.coordinates().dec(), r.service(),
                            r.canonicalName().orElse(null)));
                } catch (CadcException | IllegalArgumentException e) {
                    if (names.size() == 1) {
                        throw e;
                    }
                    last = e;
                    root.report(e);
                }
            }
        }
        if (rows.isEmpty() && last != null) {
            throw last;
        }
        int code = root.emit(RowCursor.of(metadata(), rows), -1);
        return rows.size() == names.size() ? code : ExitCodes.PARTIAL;
    }

    private static TableMetadata metadata() {
        return TableMetadata.builder()
                .field(Field.builder("name", "char").arraysize("*").ucd("meta.id").build())
                .field(Field.builder("ra", "double").unit("deg").ucd("pos.eq.ra;meta.main").build())
                .field(Field.builder("dec", "double").unit("deg").ucd("pos.eq.dec;meta.main").build())
                .field(Field.builder("service", "char").arraysize("*").build())
                .field(Field.builder("canonical_name", "char").arraysize("*").ucd("meta.id;meta.main").build())
                .build();
    }
}
