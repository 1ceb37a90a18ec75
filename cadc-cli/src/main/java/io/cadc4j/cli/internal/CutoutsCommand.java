// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.ImageDownloads;
import io.cadc4j.core.adql.RegionQuery;
import io.cadc4j.core.sky.Angle;
import io.cadc4j.samp.SampClient;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code cadc cutouts}: astroquery's {@code get_images} and {@code get_image_list}. Single-threaded. */
@Command(name = "cutouts", mixinStandardHelpOptions = true,
        description = "Cutouts of the images around a position (astroquery's get_images): their URLs, one per line, "
                + "or with --download the FITS files, each failure reported on stderr while the others complete.")
final class CutoutsCommand implements Callable<Integer> {
    @ParentCommand
    CadcCommand root;

    @Parameters(paramLabel = "COORDS", description = "The centre, as for 'cadc region': coordinates or a target name.")
    String coords;

    @Option(names = "--radius", paramLabel = "ANGLE", required = true,
            description = "The cutout radius: 0.01 deg, 1 arcmin, 3 arcsec, 1', 3\".")
    String radius;

    @Option(names = "--collection", paramLabel = "C", description = "Only this collection, e.g. CFHT.")
    String collection;

    @Option(names = "--download", paramLabel = "DIR",
            description = "Download the cutouts into DIR (created if missing) and print each file's path.")
    Path directory;

    @Override
    public Integer call() {
        Angle r = Angle.parseRadius(radius);
        boolean samp = root.samp || root.sampClient != null;
        if (samp && directory == null) {
            throw new ExitCodes.UsageException("cutouts --samp sends the downloaded files: give --download DIR too");
        }
        try (Cadc cadc = root.open(); SampClient hub = samp ? SampOutput.connect(root) : null) {
            RegionQuery.Builder q = RegionQuery.builder(root.position(cadc, coords)).radius(r).imagesOnly(true);
            if (collection != null) {
                q.collection(collection);
            }
            RegionQuery region = q.build();
            if (directory == null) {
                // the progress of the DataLink calls, cleared before the URLs print
                io.cadc4j.core.datalink.LinkSet links;
                try (Progress progress = root.progress(0)) {
                    links = cadc.getImageUrls(region, progress);
                }
                return root.printLinks(links);
            }
            ImageDownloads got;
            try (Progress progress = root.progress(0)) {
                got = cadc.getImages(region, directory, progress, progress);
            }
            int linkCode = root.reportLinkErrors(got.linkErrors());
            int downloadCode = root.printDownloads(got.outcomes());
            int sampCode = hub == null ? ExitCodes.OK : SampOutput.sendImages(root, hub, got.outcomes());
            return Math.max(Math.max(linkCode, downloadCode), sampCode);
        }
    }
}
