// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.port;

import io.cadc4j.core.sky.NameResolver;
import io.cadc4j.core.spi.Provider;

/**
 * Makes {@link NameResolver}s; found through {@link java.util.ServiceLoader}. {@code cadc-names}
 * ships two: {@code sesame} (CDS Sesame, the default, as astroquery uses) and {@code cadc} (CADC's
 * target resolver, found in the registry). Register an implementation in
 * {@code META-INF/services/io.cadc4j.core.internal.port.NameResolverProvider} and with {@code provides} in
 * {@code module-info.java}.
 *
 * <p>Implementations must be thread-safe and cheap to construct (no I/O before {@link #create},
 * and none in {@code create} either: the resolver asks its service on its first look-up).
 */
public interface NameResolverProvider extends Provider {

    /**
     * Makes a resolver that asks its service through the context's pipeline.
     *
     * @param context the pipeline, the endpoints asked for (or none, for the adapter's own), the
     *     timeout of one request, the registry look-up
     * @return the resolver
     */
    NameResolver create(NameResolverContext context);
}
