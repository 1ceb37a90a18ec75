// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.datalink.DownloadOutcome;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.samp.SampClient;
import io.cadc4j.samp.SampDelivery;
import io.cadc4j.samp.SampPeer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code --samp} and {@code --samp-client}: results and downloaded FITS files sent to the running
 * SAMP hub's tools instead of printed. Each delivery is reported on standard output; a client that
 * refused or failed on standard error, with exit code 6 (partial).
 *
 * <p>Stateless.
 */
final class SampOutput {
    private SampOutput() {
    }

    /** Connects to the hub as the options say. */
    static SampClient connect(CadcCommand root) {
        if (root.output != null) {
            throw new ExitCodes.UsageException("give --samp or -o FILE, not both");
        }
        SampClient.Builder b = SampClient.builder().name("cadc");
        if (root.sampClient != null) {
            b.target(root.sampClient);
        }
        root.timeout().ifPresent(b::timeout);
        return b.build();
    }

    /**
     * Sends a result as a table ({@code table.load.votable}).
     *
     * @param root the command
     * @param rows the rows; closed here
     * @param maxRecords the limit asked for, or -1
     * @return the exit code
     */
    static int sendTable(CadcCommand root, RowCursor rows, long maxRecords) {
        try (RowCursor r = rows; SampClient samp = connect(root)) {
            long[] count = {0};
            SampDelivery d = samp.sendTable(new CountingCursor(r, count), "cadc " + subcommand(root));
            if (r.isOverflow()) {
                root.err.println("cadc: warning: the result was cut at the row limit (overflow): " + count[0]
                        + " rows" + (maxRecords >= 0 ? ", limit MAXREC=" + maxRecords : ""));
            }
            return report(root, d, count[0] + (count[0] == 1 ? " row" : " rows"));
        }
    }

    /**
     * Sends every downloaded file as a FITS image ({@code image.load.fits}).
     *
     * @param root the command
     * @param samp the hub connection, opened before the downloads
     * @param outcomes the downloads
     * @return the exit code of the deliveries
     */
    static int sendImages(CadcCommand root, SampClient samp, List<DownloadOutcome> outcomes) {
        int code = ExitCodes.OK;
        for (DownloadOutcome o : outcomes) {
            if (o.failure().isPresent() || o.path().isEmpty()) {
                continue;
            }
            Path p = o.path().get();
            code = Math.max(code, report(root, samp.sendImage(p, p.getFileName().toString()), p.toString()));
        }
        return code;
    }

    private static int report(CadcCommand root, SampDelivery d, String what) {
        if (!d.accepted().isEmpty()) {
            root.out.println("sent " + what + " to " + labels(d.accepted()) + " (" + d.mtype() + ")");
            root.out.flush();
        }
        for (Map.Entry<SampPeer, String> f : d.failed().entrySet()) {
            root.err.println("cadc: SAMP client " + f.getKey().label() + " did not load " + what + ": "
                    + f.getValue().replaceAll("\\s*\\R\\s*", " "));
        }
        return d.failed().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    private static String labels(List<SampPeer> peers) {
        return peers.stream().map(SampPeer::label).collect(Collectors.joining(", "));
    }

    private static String subcommand(CadcCommand root) {
        picocli.CommandLine.ParseResult p = root.spec.commandLine().getParseResult();
        return p.hasSubcommand() ? p.subcommand().commandSpec().name() : "result";
    }
}
