// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.samp;

import io.cadc4j.core.CadcException;

/**
 * SAMP could not do what was asked: no hub is running, no client accepts the message, the named
 * client is not there, or the hub failed. The message says what to do (for instance, start TOPCAT).
 *
 * <p>Immutable and thread-safe.
 */
public final class SampException extends CadcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and what to do
     */
    public SampException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed and what to do
     * @param cause the JSAMP or I/O failure
     */
    public SampException(String message, Throwable cause) {
        super(message, null, false, cause);
    }
}
