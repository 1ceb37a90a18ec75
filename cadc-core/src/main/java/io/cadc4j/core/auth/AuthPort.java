// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.auth;

import io.cadc4j.core.spi.CredentialPolicy;
import java.nio.file.Path;

/**
 * The port to authentication: turns what a user has (a user and password, a PEM certificate file)
 * into {@link Credentials}, and credentials into the {@link CredentialPolicy} that puts them on
 * requests. {@code cadc-auth} provides it through {@link io.cadc4j.core.spi.AuthPortProvider}.
 *
 * <p>Implementations are thread-safe.
 */
public interface AuthPort {

    /**
     * Logs in with a user name and password; the password array is wiped before this returns.
     *
     * @param user the user name
     * @param password the password
     * @return the session credentials
     * @throws io.cadc4j.core.AuthenticationException if the service refuses them
     */
    Credentials login(String user, char[] password);

    /**
     * Reads a client certificate and its private key from a PEM file.
     *
     * @param pemFile the PEM file
     * @return the certificate credentials
     * @throws io.cadc4j.core.AuthenticationException if the file holds no usable, valid certificate
     */
    Credentials certificate(Path pemFile);

    /**
     * The policy that applies these credentials to requests, only to the hosts they are meant for.
     *
     * @param credentials the credentials
     * @return the policy
     */
    CredentialPolicy policyFor(Credentials credentials);
}
