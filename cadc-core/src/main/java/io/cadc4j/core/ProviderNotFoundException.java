// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core;

/**
 * No implementation of a port or of the transport SPI could be found, or the one asked for by name
 * is not there. The message names the module to add (for instance "add cadc-http-jdk to the class
 * path or module path") or lists the providers that were found.
 *
 * <p>Immutable and thread-safe.
 */
public class ProviderNotFoundException extends CadcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which provider type was looked for, and what to add
     */
    public ProviderNotFoundException(String message) {
        super(message);
    }
}
