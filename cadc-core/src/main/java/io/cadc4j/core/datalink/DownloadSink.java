// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import java.io.IOException;
import java.io.OutputStream;
import java.util.OptionalLong;

/**
 * Where a download writes when the caller keeps the bytes rather than a file: opened once the
 * server has answered, with the file name the server suggested, and closed by the downloader when
 * the body ends or fails.
 *
 * <p>A sink download neither resumes nor is moved into place: if the body breaks off or its
 * checksum does not match, the sink has already received the bytes and the download fails.
 *
 * <p>Implementations are called from the downloading thread; one sink instance given to several
 * parallel downloads must be thread-safe.
 */
@FunctionalInterface
public interface DownloadSink {

    /**
     * Opens the stream the body is written to.
     *
     * @param fileName the sanitised name the server suggested (or the URL's last path segment)
     * @param length the body's length when the server sent one
     * @return the stream; the downloader closes it
     * @throws IOException if the stream cannot be opened
     */
    OutputStream open(String fileName, OptionalLong length) throws IOException;
}
