// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.port;

import io.cadc4j.core.spi.Provider;
import io.cadc4j.core.tap.TapPort;

/**
 * Makes {@link TapPort}s; found through {@link java.util.ServiceLoader}. {@code cadc-tap} ships the
 * built-in one. Register an implementation in {@code META-INF/services/io.cadc4j.core.internal.port.TapPortProvider}
 * and with {@code provides} in {@code module-info.java}.
 *
 * <p>Implementations must be thread-safe and cheap to construct (no I/O before {@link #create}).
 */
public interface TapPortProvider extends Provider {

    /**
     * Makes a port that talks to the context's service through the context's pipeline.
     *
     * @param context the pipeline and service URI
     * @return the port
     */
    TapPort create(PortContext context);
}
