// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core;

import java.net.URI;
import java.util.Objects;

/**
 * An IVOA single-sign-on security method, as VOSI capabilities list them on each interface
 * ({@code <securityMethod standardID="..."/>}). An open vocabulary: the constants name the methods
 * cadc4j knows, and {@link #of(String)} accepts any other identifier.
 *
 * <p>An interface with no security method, or an empty one, is {@link #ANONYMOUS}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SecurityMethod {
    /** No credentials. Written as an absent or empty {@code securityMethod} element. */
    public static final SecurityMethod ANONYMOUS = new SecurityMethod("");
    /** A session cookie, CADC's {@code CADC_SSO} token ({@code ivo://ivoa.net/sso#cookie}). */
    public static final SecurityMethod COOKIE = new SecurityMethod("ivo://ivoa.net/sso#cookie");
    /** A TLS client certificate ({@code ivo://ivoa.net/sso#tls-with-certificate}). */
    public static final SecurityMethod CERTIFICATE = new SecurityMethod("ivo://ivoa.net/sso#tls-with-certificate");
    /** HTTP basic authentication ({@code ivo://ivoa.net/sso#BasicAA}). */
    public static final SecurityMethod BASIC = new SecurityMethod("ivo://ivoa.net/sso#BasicAA");
    /** A bearer token in {@code Authorization: Bearer} ({@code ivo://ivoa.net/sso#token}). */
    public static final SecurityMethod TOKEN = new SecurityMethod("ivo://ivoa.net/sso#token");
    /** A user name and password posted over TLS, CADC's login ({@code ivo://ivoa.net/sso#tls-with-password}). */
    public static final SecurityMethod TLS_WITH_PASSWORD = new SecurityMethod("ivo://ivoa.net/sso#tls-with-password");

    private final String id;

    private SecurityMethod(String id) {
        this.id = id;
    }

    /**
     * Looks up a security method by its identifier, leniently: surrounding white space is ignored,
     * and a blank identifier is {@link #ANONYMOUS}.
     *
     * @param id the {@code standardID} of a {@code securityMethod} element
     * @return a constant when {@code id} names one, otherwise a new method
     */
    public static SecurityMethod of(String id) {
        Objects.requireNonNull(id, "id");
        String text = id.strip();
        for (SecurityMethod known : new SecurityMethod[] {ANONYMOUS, COOKIE, CERTIFICATE, BASIC, TOKEN, TLS_WITH_PASSWORD}) {
            if (known.id.equals(text)) {
                return known;
            }
        }
        return new SecurityMethod(text);
    }

    /**
     * The method's identifier.
     *
     * @return the URI, or empty for {@link #ANONYMOUS}
     */
    public String id() {
        return id;
    }

    /**
     * The method's identifier as a URI.
     *
     * @return the identifier; {@link #ANONYMOUS} gives an empty URI
     */
    public URI uri() {
        return URI.create(id);
    }

    /**
     * Whether this is the anonymous method.
     *
     * @return true for {@link #ANONYMOUS}
     */
    public boolean isAnonymous() {
        return id.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecurityMethod && ((SecurityMethod) o).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id.isEmpty() ? "anonymous" : id;
    }
}
