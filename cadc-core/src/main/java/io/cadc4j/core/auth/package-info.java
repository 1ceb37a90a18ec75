// SPDX-License-Identifier: Apache-2.0
/**
 * Authentication: the {@link io.cadc4j.core.auth.AuthPort}, the credentials a user holds
 * ({@link io.cadc4j.core.auth.CookieCredentials}, {@link io.cadc4j.core.auth.CertificateCredentials},
 * {@link io.cadc4j.core.auth.BasicCredentials}, {@link io.cadc4j.core.auth.TokenCredentials},
 * {@link io.cadc4j.core.auth.CredentialSet}), the {@link io.cadc4j.core.auth.Realm} each may be sent
 * to, netrc files ({@link io.cadc4j.core.auth.NetrcFile}), an opt-in
 * {@link io.cadc4j.core.auth.CredentialChain}, and the negotiation of security methods
 * ({@link io.cadc4j.core.auth.SecurityPreference}, {@link io.cadc4j.core.internal.http.ChallengeRetry}).
 *
 * <p>Secrets (passwords, tokens) are taken and handed out as {@code char[]} copies, wiped on
 * {@code destroy()}, and never appear in a message, a {@code toString()} or a log line. Credentials
 * travel on requests only through a {@link io.cadc4j.core.spi.CredentialPolicy}, which the
 * {@link io.cadc4j.core.internal.http.HttpPipeline} asks at every redirect hop.
 *
 * <p>Defaults for this package: parameters are never null (checked with
 * {@code Objects.requireNonNull}); absent values come back as {@code Optional} or empty
 * collections, never null. Thread-safety is stated on each type: values are immutable or
 * thread-safe, builders single-threaded.
 */
package io.cadc4j.core.auth;
