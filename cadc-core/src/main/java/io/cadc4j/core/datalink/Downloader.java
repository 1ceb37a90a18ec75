// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import io.cadc4j.core.CadcException;
import java.util.List;

/**
 * Downloads files: data URLs, cutouts and package archives, to a directory or a caller's sink.
 * {@code cadc-datalink} implements it.
 *
 * <p>A download to a directory is written to {@code <name>.part} and moved into place only once
 * it is complete, its checksum verified when the server sends one, and (when asked) checked to be
 * FITS. A download whose connection breaks leaves the {@code .part} file, and the next attempt
 * continues it with an HTTP range request when the server supports ranges and the file has not
 * changed ({@code If-Range}). File names come from {@code Content-Disposition} (RFC 6266), else
 * the URL's path, and are sanitised so that no name reaches outside the target directory.
 *
 * <p>Example:
 * <pre>{@code
 * List<DownloadOutcome> outcomes = downloader.downloadAll(requests, DownloadOptions.defaults(), DownloadListener.NONE);
 * outcomes.stream().filter(o -> o.status() == DownloadOutcome.Status.FAILED).forEach(o -> report(o.failure().get()));
 * }</pre>
 *
 * <p>Implementations are thread-safe.
 */
public interface Downloader {

    /**
     * Downloads one file.
     *
     * @param request what to download and where
     * @param options the options
     * @param listener hears progress
     * @return the outcome: done or skipped
     * @throws io.cadc4j.core.AuthenticationException for 401, naming the URL
     * @throws io.cadc4j.core.AuthorizationException for 403, naming the URL
     * @throws io.cadc4j.core.NotFoundException for 404 or 410
     * @throws io.cadc4j.core.ServiceException for any other error status, or an error page where FITS was expected
     * @throws ChecksumMismatchException if the body does not match the server's checksum
     * @throws io.cadc4j.core.TransportException if the connection breaks (the partial file is kept for resuming)
     * @throws io.cadc4j.core.ProtocolViolationException for an unsafe or oversized archive, or a body that is not FITS
     * @throws CadcException for a failure writing the file
     */
    DownloadOutcome download(DownloadRequest request, DownloadOptions options, DownloadListener listener);

    /**
     * Downloads several files in parallel, at most {@link DownloadOptions#maxConcurrent()} at once
     * and {@link DownloadOptions#maxPerHost()} per host, and reports every one: a failure is an
     * outcome, never an exception that hides the others.
     *
     * @param requests the downloads
     * @param options the options
     * @param listener hears every download's progress, from several threads
     * @return one outcome per request, in the order of the requests
     * @throws io.cadc4j.core.CadcInterruptedException if the calling thread is interrupted while
     *     waiting; running downloads are stopped
     */
    List<DownloadOutcome> downloadAll(List<DownloadRequest> requests, DownloadOptions options, DownloadListener listener);
}
