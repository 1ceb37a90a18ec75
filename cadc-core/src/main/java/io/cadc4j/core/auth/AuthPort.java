// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.auth;

import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.spi.CredentialPolicy;
import java.nio.file.Path;

/**
 * The port to authentication: turns what a user has (a user and password, a PEM certificate file)
 * into {@link Credentials}, and credentials into the {@link CredentialPolicy} that puts them on
 * requests, only to the hosts of their realm. {@code cadc-auth} provides it through
 * {@link io.cadc4j.core.internal.port.AuthPortProvider}; the port's service URI
 * ({@link io.cadc4j.core.internal.port.PortContext#serviceUri()}) is the login endpoint (the
 * {@code ivo://ivoa.net/std/UMS#login-0.1} capability of {@code ivo://cadc.nrc.ca/gms}).
 *
 * <p>Other credentials need no port: {@link BasicCredentials}, {@link TokenCredentials} and
 * {@link CookieCredentials} can be made directly, from arguments or a {@link NetrcFile}.
 *
 * <p>Usage:
 * <pre>{@code
 * AuthPort auth = provider.create(PortContext.of(http, loginUri));
 * CookieCredentials session = auth.login("alice", password);       // password is wiped
 * HttpPipeline authed = http.withCredentials(auth.policyFor(session));
 * ...
 * session.destroy();                                                 // logout
 * }</pre>
 *
 * <p>Implementations are thread-safe.
 */
public interface AuthPort {

    /**
     * The settings this port uses.
     *
     * @return the settings
     */
    AuthSettings settings();

    /**
     * A port like this one with other settings.
     *
     * @param settings the settings
     * @return the new port
     */
    AuthPort withSettings(AuthSettings settings);

    /**
     * Logs in with a user name and password at the login endpoint (POST {@code username},
     * {@code password}, form-encoded; the answer is the token). The password array is wiped before
     * this returns, whatever happens. The password is posted only over https, unless
     * {@link AuthSettings#httpLoginAllowed()}.
     *
     * @param user the user name
     * @param password the password
     * @return a {@code CADC_SSO} cookie scoped to the settings' realm
     * @throws io.cadc4j.core.AuthenticationException if the service refuses them (400, 401), with
     *     the server's message and never the password
     * @throws io.cadc4j.core.ServiceException for any other error status
     * @throws IllegalStateException if the endpoint is plain http and the settings do not allow it
     */
    CookieCredentials login(String user, char[] password);

    /**
     * Reads a client certificate (chain) and its unencrypted private key from a PEM file, in any
     * order; keys in PKCS#1 ({@code RSA PRIVATE KEY}), PKCS#8 ({@code PRIVATE KEY}) or SEC1
     * ({@code EC PRIVATE KEY}) form; CADC proxy certificates included. Logs a warning on
     * {@code io.cadc4j.auth} when the chain expires within {@link AuthSettings#expiryWarning()}.
     *
     * @param pemFile the PEM file
     * @return the certificate credentials, with a TLS context for the transport
     * @throws CredentialException if the file is missing or unreadable, holds no key or no
     *     certificate, an encrypted key, a key that matches no certificate, or a certificate that is
     *     expired or not yet valid (each its own {@link CredentialException.Reason})
     */
    CertificateCredentials certificate(Path pemFile);

    /**
     * The policy that applies all these credentials to requests, each only inside its realm: the
     * cookie as {@code Cookie}, and one {@code Authorization} (a bearer token before basic, as the
     * settings' preference orders them). Certificates add no header: they go to the transport.
     *
     * @param credentials the credentials
     * @return the policy
     */
    CredentialPolicy policyFor(Credentials credentials);

    /**
     * The policy that applies only the part of these credentials satisfying one method, for an
     * interface chosen by {@link SecurityPreference#choose}.
     *
     * @param credentials the credentials
     * @param method the method; {@link SecurityMethod#ANONYMOUS} and
     *     {@link SecurityMethod#CERTIFICATE} give a policy that adds nothing
     * @return the policy
     */
    CredentialPolicy policyFor(Credentials credentials, SecurityMethod method);
}
