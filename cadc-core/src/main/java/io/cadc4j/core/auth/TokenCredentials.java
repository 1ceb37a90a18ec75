// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.auth;

import io.cadc4j.core.SecurityMethod;
import java.util.Objects;
import java.util.Set;

/**
 * A bearer token, sent as {@code Authorization: Bearer <token>} (RFC 6750) to the hosts of its
 * {@link Realm}, on interfaces whose security method is {@link SecurityMethod#TOKEN}.
 *
 * <p>Identity is by instance. {@code toString()} never shows the token. Thread-safe.
 */
public final class TokenCredentials implements Credentials {
    private final Secret token;
    private final Realm realm;

    private TokenCredentials(char[] token, Realm realm) {
        this.token = new Secret(token);
        this.realm = realm;
    }

    /**
     * A bearer token.
     *
     * @param token the token (copied; the caller may wipe its array)
     * @param realm where it may go
     * @return the credentials
     * @throws IllegalArgumentException if the token is empty or not printable ASCII without spaces
     */
    public static TokenCredentials of(char[] token, Realm realm) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(realm, "realm");
        if (token.length == 0) {
            throw new IllegalArgumentException("empty bearer token");
        }
        for (char c : token) {
            if (c <= ' ' || c >= 127) {
                // RFC 6750 §2.1 b64token; the value itself is never echoed.
                throw new IllegalArgumentException("the bearer token has white space, a control or a non-ASCII character");
            }
        }
        return new TokenCredentials(token, realm);
    }

    /**
     * A copy of the token; wipe it after use.
     *
     * @return the token
     * @throws IllegalStateException once destroyed
     */
    public char[] token() {
        return token.copy("bearer token");
    }

    /**
     * Where the token may go.
     *
     * @return the realm
     */
    public Realm realm() {
        return realm;
    }

    @Override
    public Set<SecurityMethod> securityMethods() {
        return Set.of(SecurityMethod.TOKEN);
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
        return "TokenCredentials[Bearer ****, " + realm + (isDestroyed() ? ", destroyed" : "") + "]";
    }
}
