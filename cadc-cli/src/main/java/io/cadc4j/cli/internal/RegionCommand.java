// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.adql.RegionQuery;
import io.cadc4j.core.sky.Angle;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code cadc region}: astroquery's {@code query_region}. Single-threaded. */
@Command(name = "region", mixinStandardHelpOptions = true,
        description = "Observations whose footprint meets a circle on the sky (astroquery's query_region).")
final class RegionCommand implements Callable<Integer> {
    @ParentCommand
    CadcCommand root;

    @Parameters(paramLabel = "COORDS",
            description = "The centre: \"08h45m07.5s +54d18m00s\", \"08:45:07.5 +54:18:00\", \"131.28125 54.3\", "
                    + "optionally with a frame (ICRS, FK5, Galactic).")
    String coords;

    @Option(names = "--radius", paramLabel = "ANGLE", defaultValue = "1 arcmin",
            description = "The radius: 0.01 deg, 1 arcmin, 3 arcsec, 1', 3\" (default: ${DEFAULT-VALUE}).")
    String radius;

    @Option(names = "--collection", paramLabel = "C", description = "Only this collection, e.g. CFHT.")
    String collection;

    @Option(names = "--dry-run", description = "Print the request (method, URL, ADQL) instead of sending it.")
    boolean dryRun;

    @Override
    public Integer call() {
        Angle r = Angle.parseRadius(radius);
        try (Cadc cadc = root.open()) {
            RegionQuery.Builder q = RegionQuery.builder(cadc.coordinates(coords)).radius(r);
            if (collection != null) {
                q.collection(collection);
            }
            if (dryRun) {
                return root.printPayload(cadc.payloadOf(q.build().adql()));
            }
            return root.emit(cadc.queryRegion(q.build()), -1);
        }
    }
}
