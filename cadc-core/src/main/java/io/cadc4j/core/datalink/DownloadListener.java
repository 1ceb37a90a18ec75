// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import java.util.OptionalLong;

/**
 * Hears how downloads advance: when each starts, its bytes as they arrive, and how it ended.
 * Every method has an empty default, so a listener implements only what it needs.
 *
 * <p>Thread-safety: parallel downloads call one listener from several threads at once, so an
 * implementation must be thread-safe. Calls for one download come from one thread, in order:
 * {@code started}, any number of {@code progress}, then {@code finished}. A listener must not
 * block for long, and what it throws is logged and otherwise ignored.
 */
public interface DownloadListener {
    /** A listener that ignores every event. */
    DownloadListener NONE = new DownloadListener() {
    };

    /**
     * A download's response has arrived and its body is about to be read.
     *
     * @param request the download
     * @param fileName the name it is saved under (or was suggested, for a sink)
     * @param resumedFrom the bytes already on disk that a resumed download continues from; 0 for a fresh start
     */
    default void started(DownloadRequest request, String fileName, long resumedFrom) {
    }

    /**
     * Bytes have arrived. Called at most every 64 KiB and once at the end of the body.
     *
     * @param request the download
     * @param bytesSoFar the bytes of the file written so far, counting any resumed part
     * @param total the file's full size, when the server told it
     */
    default void progress(DownloadRequest request, long bytesSoFar, OptionalLong total) {
    }

    /**
     * A download ended, done, skipped or failed.
     *
     * @param outcome how it ended
     */
    default void finished(DownloadOutcome outcome) {
    }
}
