// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.server;

/**
 * What the {@link StandInServer} sent in answer to one request: status, how many body bytes, their
 * CRC-32 computed while writing, and whether the answer went out whole.
 *
 * <p>Immutable and thread-safe.
 */
public final class SentBody {
    private final int status;
    private final long bytes;
    private final long crc32;
    private final boolean complete;

    SentBody(int status, long bytes, long crc32, boolean complete) {
        this.status = status;
        this.bytes = bytes;
        this.crc32 = crc32;
        this.complete = complete;
    }

    /**
     * The status sent, or 0 if the responder failed before sending headers.
     *
     * @return the status
     */
    public int status() {
        return status;
    }

    /**
     * The body bytes written before the answer ended.
     *
     * @return the count
     */
    public long bytes() {
        return bytes;
    }

    /**
     * The CRC-32 of the body bytes written.
     *
     * @return the checksum value
     */
    public long crc32() {
        return crc32;
    }

    /**
     * Whether the responder finished normally; false when writing failed (the client went away) or
     * the responder aborted the connection on purpose.
     *
     * @return true for a whole answer
     */
    public boolean isComplete() {
        return complete;
    }

    @Override
    public String toString() {
        return "SentBody[" + status + ", " + bytes + " bytes, " + (complete ? "complete" : "cut short") + "]";
    }
}
