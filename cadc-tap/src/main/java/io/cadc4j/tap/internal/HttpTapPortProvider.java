// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import io.cadc4j.core.registry.TapEndpoints;
import io.cadc4j.core.internal.port.PortContext;
import io.cadc4j.core.spi.Provider;
import io.cadc4j.core.internal.port.TapPortProvider;
import io.cadc4j.core.tap.TapPort;
import java.util.Objects;

/**
 * The built-in {@link TapPortProvider}, named {@code http}: the context's service URI is the TAP
 * base URL ({@code /sync}, {@code /async}, {@code /tables}, {@code /availability} and
 * {@code /capabilities} below it).
 *
 * <p>Stateless and thread-safe.
 */
public final class HttpTapPortProvider implements TapPortProvider {

    /** Made by {@link java.util.ServiceLoader}. */
    public HttpTapPortProvider() {
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
    public TapPort create(PortContext context) {
        Objects.requireNonNull(context, "context");
        return new HttpTapAdapter(context.http(), TapEndpoints.ofBase(context.serviceUri()));
    }

    @Override
    public String toString() {
        return "HttpTapPortProvider[http]";
    }
}
