// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core;

import io.cadc4j.core.datalink.DataLink;
import io.cadc4j.core.datalink.DownloadOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Cadc#getImages} brought back: one outcome per cutout URL (the FITS file and its
 * primary header, or the failure), and the identifiers for which no cutout URL could be made
 * (DataLink error rows). Nothing that failed is dropped.
 *
 * <pre>{@code
 * ImageDownloads got = cadc.getImages(center, Angle.parse("0.01 deg"), "CFHT", Path.of("cutouts"));
 * got.images().forEach(o -> System.out.println(o.path().get() + " " + o.fitsHeader().get().string("OBJECT")));
 * got.failures().forEach(o -> System.err.println(o.request().uri() + ": " + o.failure().get().getMessage()));
 * got.linkErrors().forEach(l -> System.err.println(l.id() + ": " + l.errorMessage().get()));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ImageDownloads {
    private final List<DownloadOutcome> outcomes;
    private final List<DataLink> linkErrors;

    private ImageDownloads(List<DownloadOutcome> outcomes, List<DataLink> linkErrors) {
        this.outcomes = List.copyOf(outcomes);
        this.linkErrors = List.copyOf(linkErrors);
    }

    /**
     * Makes the result.
     *
     * @param outcomes one outcome per cutout URL, in the order of the URLs
     * @param linkErrors the DataLink error rows
     * @return the result
     */
    public static ImageDownloads of(List<DownloadOutcome> outcomes, List<DataLink> linkErrors) {
        return new ImageDownloads(Objects.requireNonNull(outcomes, "outcomes"),
                Objects.requireNonNull(linkErrors, "linkErrors"));
    }

    /** @return every download's outcome, in the order of the cutout URLs */
    public List<DownloadOutcome> outcomes() {
        return outcomes;
    }

    /** @return the downloads that produced a file (done, or skipped because it was already there) */
    public List<DownloadOutcome> images() {
        List<DownloadOutcome> out = new ArrayList<>();
        for (DownloadOutcome o : outcomes) {
            if (o.failure().isEmpty()) {
                out.add(o);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** @return the downloads that failed, each with its {@link DownloadOutcome#failure()} */
    public List<DownloadOutcome> failures() {
        List<DownloadOutcome> out = new ArrayList<>();
        for (DownloadOutcome o : outcomes) {
            if (o.failure().isPresent()) {
                out.add(o);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** @return the DataLink error rows: identifiers with no cutout URL, each with the service's message */
    public List<DataLink> linkErrors() {
        return linkErrors;
    }

    /** @return whether every identifier gave a cutout and every cutout downloaded */
    public boolean isComplete() {
        return linkErrors.isEmpty() && failures().isEmpty();
    }

    @Override
    public String toString() {
        return "ImageDownloads[" + images().size() + " images, " + failures().size() + " failed downloads, "
                + linkErrors.size() + " link errors]";
    }
}
