// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core;

import java.net.URI;

/**
 * The calling thread was interrupted while it waited on the network. Whoever throws this has
 * already restored the thread's interrupt flag, so code up the stack still sees the interrupt.
 *
 * <p>Methods whose purpose is to wait ({@code awaitCompletion(Duration)}) throw the checked
 * {@link InterruptedException} instead.
 *
 * <p>Immutable and thread-safe.
 */
public class CadcInterruptedException extends CadcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param requestUri the request that was interrupted, or null
     * @param cause the interruption, or null
     */
    public CadcInterruptedException(URI requestUri, Throwable cause) {
        super("interrupted while waiting" + (requestUri == null ? "" : " for " + requestUri), requestUri, false, cause);
    }
}
