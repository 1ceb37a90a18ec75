// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

/**
 * Makes {@link HttpTransport}s; found through {@link java.util.ServiceLoader}. Register an
 * implementation twice: in {@code META-INF/services/io.cadc4j.core.spi.HttpTransportProvider} and
 * with {@code provides io.cadc4j.core.spi.HttpTransportProvider with ...} in {@code module-info.java}.
 *
 * <p>Implementations must be thread-safe and cheap to construct (no I/O before {@link #create}).
 */
public interface HttpTransportProvider extends Provider {

    /**
     * Makes a transport with the given settings.
     *
     * @param settings the client settings
     * @return a new transport, owned by the caller
     */
    HttpTransport create(TransportSettings settings);
}
