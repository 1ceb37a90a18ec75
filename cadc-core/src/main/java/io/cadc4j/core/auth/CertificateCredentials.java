// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.auth;

import io.cadc4j.core.SecurityMethod;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * A client certificate with its private key, ready for TLS: an {@link SSLContext} whose key manager
 * offers the certificate chain, used on interfaces whose security method is
 * {@link SecurityMethod#CERTIFICATE}. The context is per connection, so it goes to the transport
 * ({@link io.cadc4j.core.spi.TransportSettings.Builder#sslContext}), not into request headers. The
 * {@link AuthPort} makes these from a PEM file ({@link AuthPort#certificate}).
 *
 * <p>{@link #destroy()} drops the context (and with it the key); the certificates, which are public,
 * stay readable. {@code toString()} shows the subject and validity, never key material.
 *
 * <p>Identity is by instance. Thread-safe.
 */
public final class CertificateCredentials implements Credentials {
    private final List<X509Certificate> chain;
    private volatile SSLContext sslContext;

    private CertificateCredentials(SSLContext sslContext, List<X509Certificate> chain) {
        this.sslContext = sslContext;
        this.chain = chain;
    }

    /**
     * Wraps a TLS context and the certificate chain it presents.
     *
     * @param sslContext a context whose key manager holds the chain's private key
     * @param chain the chain, the client's own certificate first
     * @return the credentials
     * @throws IllegalArgumentException if the chain is empty
     */
    public static CertificateCredentials of(SSLContext sslContext, List<X509Certificate> chain) {
        Objects.requireNonNull(sslContext, "sslContext");
        List<X509Certificate> copy = List.copyOf(Objects.requireNonNull(chain, "chain"));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("empty certificate chain");
        }
        return new CertificateCredentials(sslContext, copy);
    }

    /**
     * The TLS context to hand to the transport.
     *
     * @return the context
     * @throws IllegalStateException once destroyed
     */
    public SSLContext sslContext() {
        SSLContext c = sslContext;
        if (c == null) {
            throw new IllegalStateException("the certificate credentials have been destroyed (after logout or destroy())");
        }
        return c;
    }

    /**
     * The certificate chain, the client's own certificate first.
     *
     * @return the chain
     */
    public List<X509Certificate> chain() {
        return chain;
    }

    /**
     * The subject of the client's certificate.
     *
     * @return the distinguished name, RFC 2253 form
     */
    public String subject() {
        return chain.get(0).getSubjectX500Principal().getName();
    }

    /**
     * The start of the validity of the whole chain: the latest {@code notBefore}.
     *
     * @return the instant
     */
    public Instant notBefore() {
        return chain.stream().map(c -> c.getNotBefore().toInstant()).max(Instant::compareTo).orElseThrow();
    }

    /**
     * The end of the validity of the whole chain: the earliest {@code notAfter}.
     *
     * @return the instant
     */
    public Instant notAfter() {
        return chain.stream().map(c -> c.getNotAfter().toInstant()).min(Instant::compareTo).orElseThrow();
    }

    /**
     * Whether the chain stops being valid within a period from a given instant.
     *
     * @param now the instant to count from
     * @param period the period
     * @return true when {@link #notAfter()} is before {@code now + period}
     */
    public boolean expiresWithin(Instant now, Duration period) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(period, "period");
        return notAfter().isBefore(now.plus(period));
    }

    @Override
    public Set<SecurityMethod> securityMethods() {
        return Set.of(SecurityMethod.CERTIFICATE);
    }

    @Override
    public void destroy() {
        sslContext = null;
    }

    @Override
    public boolean isDestroyed() {
        return sslContext == null;
    }

    @Override
    public String toString() {
        return "CertificateCredentials[" + subject() + ", valid " + notBefore() + " to " + notAfter()
                + (isDestroyed() ? ", destroyed" : "") + "]";
    }
}
