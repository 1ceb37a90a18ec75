// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.auth.internal;

import io.cadc4j.core.auth.AuthPort;
import io.cadc4j.core.auth.AuthSettings;
import io.cadc4j.core.internal.port.AuthPortProvider;
import io.cadc4j.core.internal.port.PortContext;
import java.util.Objects;

/**
 * The built-in {@link AuthPortProvider}, named {@code cadc}: makes a {@link CadcAuthAdapter} with
 * {@link AuthSettings#defaults()}. No I/O when constructed. Thread-safe.
 */
public final class CadcAuthPortProvider implements AuthPortProvider {

    /** Creates the provider (ServiceLoader calls this). */
    public CadcAuthPortProvider() {
    }

    @Override
    public String name() {
        return "cadc";
    }

    @Override
    public int priority() {
        return BUILT_IN_PRIORITY;
    }

    @Override
    public AuthPort create(PortContext context) {
        Objects.requireNonNull(context, "context");
        return new CadcAuthAdapter(context.http(), context.serviceUri(), AuthSettings.defaults());
    }

    @Override
    public String toString() {
        return "CadcAuthPortProvider[cadc]";
    }
}
