// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.auth;

import io.cadc4j.core.SecurityMethod;
import java.util.Objects;
import java.util.Set;

/**
 * A session cookie, as CADC's login hands out: sent as {@code Cookie: CADC_SSO="<token>"} (the
 * quotes are part of what CADC expects) to the hosts of its {@link Realm} and nowhere else, on
 * interfaces whose security method is {@link SecurityMethod#COOKIE}.
 *
 * <p>Identity is by instance: two logins are two sessions even if their tokens were equal, and
 * comparing secrets is avoided. {@code toString()} shows the cookie name and realm, never the token.
 *
 * <p>Thread-safe.
 */
public final class CookieCredentials implements Credentials {
    /** The name of CADC's single-sign-on cookie. */
    public static final String CADC_SSO = "CADC_SSO";

    private final String name;
    private final Secret token;
    private final Realm realm;

    private CookieCredentials(String name, char[] token, Realm realm) {
        this.name = name;
        this.token = new Secret(token);
        this.realm = realm;
    }

    /**
     * A {@code CADC_SSO} cookie.
     *
     * @param token the token (copied; the caller may wipe its array)
     * @param realm where the cookie may go
     * @return the credentials
     * @throws IllegalArgumentException if the token is empty or has characters a cookie cannot carry
     */
    public static CookieCredentials of(char[] token, Realm realm) {
        return of(CADC_SSO, token, realm);
    }

    /**
     * A cookie with any name.
     *
     * @param name the cookie name
     * @param token the token (copied; the caller may wipe its array)
     * @param realm where the cookie may go
     * @return the credentials
     * @throws IllegalArgumentException if the name or the token is empty or has characters a
     *     cookie cannot carry
     */
    public static CookieCredentials of(String name, char[] token, Realm realm) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(realm, "realm");
        if (name.isEmpty() || !name.chars().allMatch(c -> c > ' ' && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            throw new IllegalArgumentException("not a cookie name: '" + name + "'");
        }
        checkCookieValue(token);
        return new CookieCredentials(name, token, realm);
    }

    /**
     * The cookie name.
     *
     * @return e.g. {@code CADC_SSO}
     */
    public String name() {
        return name;
    }

    /**
     * A copy of the token; wipe it after use.
     *
     * @return the token
     * @throws IllegalStateException once destroyed
     */
    public char[] token() {
        return token.copy("cookie token");
    }

    /**
     * Where the cookie may go.
     *
     * @return the realm
     */
    public Realm realm() {
        return realm;
    }

    @Override
    public Set<SecurityMethod> securityMethods() {
        return Set.of(SecurityMethod.COOKIE);
    }

    @Override
    public void destroy() {
        token.wipe();
    }

    @Override
    public boolean isDestroyed() {
        return token.isWiped();
    }

    @Override
    public String toString() {
        return "CookieCredentials[" + name + "=****, " + realm + (isDestroyed() ? ", destroyed" : "") + "]";
    }

    /** RFC 6265 §4.1.1 cookie-octets, which CADC wraps in double quotes. Never echoes the value. */
    static void checkCookieValue(char[] value) {
        if (value.length == 0) {
            throw new IllegalArgumentException("empty cookie token");
        }
        for (char c : value) {
            if (c <= ' ' || c >= 127 || c == '"' || c == ',' || c == ';' || c == '\\') {
                throw new IllegalArgumentException("the token has a character a cookie cannot carry (white space, "
                        + "a control character, a quote, comma, semicolon, backslash or non-ASCII)");
            }
        }
    }
}
