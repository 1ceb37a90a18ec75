// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.auth;

import io.cadc4j.core.SecurityMethod;
import java.util.Set;

/**
 * What a user holds to prove who they are: nothing (anonymous), a login cookie, a client
 * certificate, a user and password for HTTP basic, a bearer token. The {@link AuthPort} makes them;
 * the core applies them to the requests of the services that accept them.
 *
 * <p>{@code toString()} of an implementation never shows a secret. Implementations are
 * thread-safe.
 */
public interface Credentials {
    /** No credentials. */
    Credentials ANONYMOUS = () -> Set.of(SecurityMethod.ANONYMOUS);

    /**
     * The security methods these credentials satisfy.
     *
     * @return the methods; {@link SecurityMethod#ANONYMOUS} alone for anonymous credentials
     */
    Set<SecurityMethod> securityMethods();
}
