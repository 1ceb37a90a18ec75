// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import io.cadc4j.core.CadcException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How one download ended: {@linkplain Status#DONE done} (with the file and its size),
 * {@linkplain Status#SKIPPED skipped} (the file existed and the policy said keep it), or
 * {@linkplain Status#FAILED failed} (with the exception). Parallel downloads report one outcome
 * per request, so one failure never hides the others.
 *
 * <p>Immutable and thread-safe.
 */
public final class DownloadOutcome {

    /**
     * How a download ended.
     *
     * <p>Immutable and thread-safe.
     */
    public enum Status {
        /** The file is complete (and verified, when the server sent a checksum). */
        DONE,
        /** The file existed already and {@link OverwritePolicy#SKIP} kept it. */
        SKIPPED,
        /** The download failed; {@link #failure()} says why. */
        FAILED
    }

    private final DownloadRequest request;
    private final Status status;
    private final Path path;
    private final long bytes;
    private final FitsHeader fitsHeader;
    private final CadcException failure;

    private DownloadOutcome(DownloadRequest request, Status status, Path path, long bytes, FitsHeader fitsHeader,
            CadcException failure) {
        this.request = Objects.requireNonNull(request, "request");
        this.status = status;
        this.path = path;
        this.bytes = bytes;
        this.fitsHeader = fitsHeader;
        this.failure = failure;
    }

    /**
     * A finished download.
     *
     * @param request the download
     * @param path the file or extracted directory, or null for a sink
     * @param bytes the bytes of the body, counting a resumed part
     * @param fitsHeader the primary header when the body was checked to be FITS, or null
     * @return the outcome
     */
    public static DownloadOutcome done(DownloadRequest request, Path path, long bytes, FitsHeader fitsHeader) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes is negative: " + bytes);
        }
        return new DownloadOutcome(request, Status.DONE, path, bytes, fitsHeader, null);
    }

    /**
     * A download skipped because its file existed.
     *
     * @param request the download
     * @param existing the file that was kept
     * @return the outcome
     */
    public static DownloadOutcome skipped(DownloadRequest request, Path existing) {
        return new DownloadOutcome(request, Status.SKIPPED, Objects.requireNonNull(existing, "existing"), 0, null, null);
    }

    /**
     * A failed download.
     *
     * @param request the download
     * @param failure why
     * @return the outcome
     */
    public static DownloadOutcome failed(DownloadRequest request, CadcException failure) {
        return new DownloadOutcome(request, Status.FAILED, null, 0, null, Objects.requireNonNull(failure, "failure"));
    }

    /** @return the download this outcome belongs to */
    public DownloadRequest request() {
        return request;
    }

    /** @return how it ended */
    public Status status() {
        return status;
    }

    /** @return the file written (or the directory an archive was extracted to, or the file kept when skipped); empty for a sink or a failure */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** @return the bytes of the body received, counting a resumed part; 0 unless done */
    public long bytes() {
        return bytes;
    }

    /** @return the primary FITS header, when the request asked for the FITS check and it passed */
    public Optional<FitsHeader> fitsHeader() {
        return Optional.ofNullable(fitsHeader);
    }

    /** @return why the download failed; empty unless failed */
    public Optional<CadcException> failure() {
        return Optional.ofNullable(failure);
    }

    /** @return true when the download is done */
    public boolean isDone() {
        return status == Status.DONE;
    }

    @Override
    public String toString() {
        return status + " " + request + (path != null ? " " + path : "") + (failure != null ? ": " + failure.getMessage() : "");
    }
}
