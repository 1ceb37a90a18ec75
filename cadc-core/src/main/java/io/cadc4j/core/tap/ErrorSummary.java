// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.tap;

import java.util.Objects;

/**
 * A UWS job's {@code errorSummary} (UWS 1.1 §2.2.1.11): why the job failed, whether trying again
 * may help, and whether the {@code /error} resource holds more.
 *
 * <p>Immutable and thread-safe.
 */
public final class ErrorSummary {
    private final String message;
    private final boolean transientFailure;
    private final boolean hasDetail;

    private ErrorSummary(String message, boolean transientFailure, boolean hasDetail) {
        this.message = message;
        this.transientFailure = transientFailure;
        this.hasDetail = hasDetail;
    }

    /**
     * Makes an error summary.
     *
     * @param message the server's message (may be empty)
     * @param transientFailure true for {@code type="transient"}, false for {@code fatal}
     * @param hasDetail whether the job's {@code /error} resource has a document
     * @return the summary
     */
    public static ErrorSummary of(String message, boolean transientFailure, boolean hasDetail) {
        return new ErrorSummary(Objects.requireNonNull(message, "message"), transientFailure, hasDetail);
    }

    /** @return the server's message, trimmed; empty when it sent none */
    public String message() {
        return message;
    }

    /** @return true when the server called the failure transient (trying again may succeed) */
    public boolean isTransient() {
        return transientFailure;
    }

    /** @return whether the job's {@code /error} resource has a fuller document */
    public boolean hasDetail() {
        return hasDetail;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ErrorSummary)) {
            return false;
        }
        ErrorSummary e = (ErrorSummary) o;
        return message.equals(e.message) && transientFailure == e.transientFailure && hasDetail == e.hasDetail;
    }

    @Override
    public int hashCode() {
        return Objects.hash(message, transientFailure, hasDetail);
    }

    @Override
    public String toString() {
        return (transientFailure ? "transient" : "fatal") + ": " + message;
    }
}
