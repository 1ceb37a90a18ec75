// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.tap;

import java.util.Locale;

/**
 * The phase of a UWS job (UWS 1.1 §2.1.3). A closed set.
 *
 * <p>Immutable.
 */
public enum ExecutionPhase {
    /** Created, not yet asked to run. */
    PENDING,
    /** Asked to run, waiting for the server. */
    QUEUED,
    /** Running. */
    EXECUTING,
    /** Finished; results are available. */
    COMPLETED,
    /** Failed; the error summary says why. */
    ERROR,
    /** Stopped by the owner or the server. */
    ABORTED,
    /** The server does not know the phase. */
    UNKNOWN,
    /** Held by the server; may resume. */
    HELD,
    /** Paused by the server; may resume. */
    SUSPENDED,
    /** Finished, and its results deleted (UWS 1.1). */
    ARCHIVED;

    /**
     * Whether the job may still change phase on its own (PENDING, QUEUED, EXECUTING, HELD, SUSPENDED).
     *
     * @return true for an active phase
     */
    public boolean isActive() {
        return this == PENDING || this == QUEUED || this == EXECUTING || this == HELD || this == SUSPENDED;
    }

    /**
     * Whether the job is over (COMPLETED, ERROR, ABORTED, ARCHIVED).
     *
     * @return true for a terminal phase
     */
    public boolean isTerminal() {
        return this == COMPLETED || this == ERROR || this == ABORTED || this == ARCHIVED;
    }

    /**
     * Reads a phase as a server writes it, ignoring case and surrounding white space.
     *
     * @param text the phase text
     * @return the phase
     * @throws IllegalArgumentException if the text is not a UWS phase
     */
    public static ExecutionPhase parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        for (ExecutionPhase p : values()) {
            if (p.name().equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("not a UWS phase: '" + text + "'");
    }
}
