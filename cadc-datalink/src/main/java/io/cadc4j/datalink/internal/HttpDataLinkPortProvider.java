// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.datalink.internal;

import io.cadc4j.core.datalink.DataLinkPort;
import io.cadc4j.core.internal.port.DataLinkPortProvider;
import io.cadc4j.core.internal.port.PortContext;
import io.cadc4j.core.spi.Provider;
import java.util.Objects;

/**
 * The built-in {@link DataLinkPortProvider}: {@link HttpDataLinkAdapter}, named {@code http}.
 * Found through {@link java.util.ServiceLoader} (module-info {@code provides} and
 * {@code META-INF/services}).
 *
 * <p>Thread-safe and stateless.
 */
public final class HttpDataLinkPortProvider implements DataLinkPortProvider {

    /** Makes the provider; it does nothing until {@link #create}. */
    public HttpDataLinkPortProvider() {
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public int priority() {
        return Provider.BUILT_IN_PRIORITY;
    }

    @Override
    public DataLinkPort create(PortContext context) {
        return new HttpDataLinkAdapter(Objects.requireNonNull(context, "context"));
    }
}
