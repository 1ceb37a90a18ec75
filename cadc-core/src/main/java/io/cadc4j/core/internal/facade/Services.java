// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.facade;

import io.cadc4j.core.ServiceLocation;
import java.util.Objects;

/**
 * Where the facade's three services are: TAP, DataLink and login, each by registry id or at a
 * direct URL.
 *
 * <p>Immutable and thread-safe.
 */
public final class Services {
    private final ServiceLocation tap;
    private final ServiceLocation dataLink;
    private final ServiceLocation login;

    /**
     * Groups the locations.
     *
     * @param tap the TAP service (a direct URL is its base URL)
     * @param dataLink the DataLink service (a direct URL is its {@code links} endpoint)
     * @param login the login service (a direct URL is where user and password are posted)
     */
    public Services(ServiceLocation tap, ServiceLocation dataLink, ServiceLocation login) {
        this.tap = Objects.requireNonNull(tap, "tap");
        this.dataLink = Objects.requireNonNull(dataLink, "dataLink");
        this.login = Objects.requireNonNull(login, "login");
    }

    /** @return the TAP service */
    public ServiceLocation tap() {
        return tap;
    }

    /** @return the DataLink service */
    public ServiceLocation dataLink() {
        return dataLink;
    }

    /** @return the login service */
    public ServiceLocation login() {
        return login;
    }
}
