// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.http.jdk.internal;

import io.cadc4j.core.spi.HttpTransport;
import io.cadc4j.core.spi.HttpTransportProvider;
import io.cadc4j.core.spi.TransportSettings;
import java.util.Objects;

/**
 * The built-in {@link HttpTransportProvider}, named {@code jdk}, at {@link #BUILT_IN_PRIORITY} so that
 * any transport a user adds wins. Building it does nothing; {@link #create} makes a
 * {@link JdkHttpTransport}.
 *
 * <p>Stateless and thread-safe.
 */
public final class JdkHttpTransportProvider implements HttpTransportProvider {

    /** Makes the provider (the service loader calls this). */
    public JdkHttpTransportProvider() {
    }

    @Override
    public String name() {
        return "jdk";
    }

    @Override
    public int priority() {
        return BUILT_IN_PRIORITY;
    }

    @Override
    public HttpTransport create(TransportSettings settings) {
        return new JdkHttpTransport(Objects.requireNonNull(settings, "settings"));
    }

    @Override
    public String toString() {
        return "JdkHttpTransportProvider[jdk]";
    }
}
