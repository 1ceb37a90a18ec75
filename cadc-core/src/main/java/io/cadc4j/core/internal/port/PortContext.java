// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.port;

import io.cadc4j.core.internal.http.HttpPipeline;
import java.net.URI;
import java.util.Objects;

/**
 * What a port provider is given to make its port: the HTTP pipeline to send through (with the
 * credentials in force) and the base URI of the service the port speaks to (a TAP base URL, a
 * DataLink links URL, a login URL), already resolved by the core.
 *
 * <p>Immutable and thread-safe.
 */
public final class PortContext {
    private final HttpPipeline http;
    private final URI serviceUri;

    private PortContext(HttpPipeline http, URI serviceUri) {
        this.http = http;
        this.serviceUri = serviceUri;
    }

    /**
     * Makes a context.
     *
     * @param http the pipeline the port sends every request through
     * @param serviceUri the service's base URI
     * @return the context
     */
    public static PortContext of(HttpPipeline http, URI serviceUri) {
        return new PortContext(Objects.requireNonNull(http, "http"), Objects.requireNonNull(serviceUri, "serviceUri"));
    }

    /**
     * The pipeline to send requests through.
     *
     * @return the pipeline
     */
    public HttpPipeline http() {
        return http;
    }

    /**
     * The service's base URI.
     *
     * @return the URI
     */
    public URI serviceUri() {
        return serviceUri;
    }

    @Override
    public String toString() {
        return "PortContext[" + serviceUri + "]";
    }
}
