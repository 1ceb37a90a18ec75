// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core;

import io.cadc4j.core.datalink.DataLink;
import io.cadc4j.core.datalink.DownloadListener;
import io.cadc4j.core.datalink.DownloadOptions;
import io.cadc4j.core.datalink.DownloadOutcome;
import io.cadc4j.core.datalink.DownloadRequest;
import io.cadc4j.core.datalink.Downloader;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Cutouts not yet downloaded, as astroquery's {@code get_images_async}: one {@link Handle} per
 * cutout URL, which downloads only when {@linkplain Handle#open(Path) opened}, and the identifiers
 * for which no cutout URL could be made.
 *
 * <pre>{@code
 * LazyImages lazy = cadc.getImagesLazy(center, Angle.parse("0.01 deg"), "CFHT");
 * DownloadOutcome first = lazy.handles().get(0).open(Path.of("cutouts"));   // downloads now
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class LazyImages {
    private final List<Handle> handles;
    private final List<DataLink> linkErrors;

    private LazyImages(List<Handle> handles, List<DataLink> linkErrors) {
        this.handles = List.copyOf(handles);
        this.linkErrors = List.copyOf(linkErrors);
    }

    static LazyImages of(List<Handle> handles, List<DataLink> linkErrors) {
        return new LazyImages(handles, linkErrors);
    }

    /** @return one handle per cutout URL, in the order of the identifiers */
    public List<Handle> handles() {
        return handles;
    }

    /** @return the DataLink error rows: identifiers with no cutout URL, each with the service's message */
    public List<DataLink> linkErrors() {
        return linkErrors;
    }

    @Override
    public String toString() {
        return "LazyImages[" + handles.size() + " cutouts, " + linkErrors.size() + " link errors]";
    }

    /**
     * One cutout, downloaded when opened, through the session it was made in (a handle made
     * before a logout cannot be opened after it).
     *
     * <p>Immutable and thread-safe.
     */
    public static final class Handle {
        private final String publisherId;
        private final URI url;
        private final Downloader downloader;
        private final DownloadOptions options;

        Handle(String publisherId, URI url, Downloader downloader, DownloadOptions options) {
            this.publisherId = publisherId;
            this.url = url;
            this.downloader = downloader;
            this.options = options;
        }

        /** @return the publisher DID the cutout was made of */
        public String publisherId() {
            return publisherId;
        }

        /** @return the cutout URL */
        public URI url() {
            return url;
        }

        /**
         * Downloads the cutout into a directory (now), checking that it is FITS.
         *
         * @param directory the directory, created if missing
         * @return the outcome with the file and its primary header
         * @throws CadcException if the download fails (see {@link Downloader#download})
         */
        public DownloadOutcome open(Path directory) {
            Objects.requireNonNull(directory, "directory");
            DownloadRequest request = DownloadRequest.builder(url).directory(directory).expectFits(true).build();
            return downloader.download(request, options, DownloadListener.NONE);
        }

        @Override
        public String toString() {
            return "LazyImages.Handle[" + publisherId + " -> " + url + "]";
        }
    }
}
