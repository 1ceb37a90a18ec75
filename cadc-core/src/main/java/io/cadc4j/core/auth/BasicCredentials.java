// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.auth;

import io.cadc4j.core.SecurityMethod;
import java.util.Objects;
import java.util.Set;

/**
 * A user name and password for HTTP basic authentication (RFC 7617), sent to the hosts of its
 * {@link Realm} on interfaces whose security method is {@link SecurityMethod#BASIC}. Read from
 * arguments or from a netrc file ({@link NetrcFile}).
 *
 * <p>Identity is by instance. {@code toString()} shows the user and the realm, never the password.
 * Thread-safe.
 */
public final class BasicCredentials implements Credentials {
    private final String user;
    private final Secret password;
    private final Realm realm;

    private BasicCredentials(String user, char[] password, Realm realm) {
        this.user = user;
        this.password = new Secret(password);
        this.realm = realm;
    }

    /**
     * A user and password.
     *
     * @param user the user name; no colon (RFC 7617 §2) and no control characters
     * @param password the password (copied; the caller may wipe its array)
     * @param realm where they may go
     * @return the credentials
     * @throws IllegalArgumentException if the user name is empty or has a colon or control character
     */
    public static BasicCredentials of(String user, char[] password, Realm realm) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(realm, "realm");
        if (user.isEmpty() || user.indexOf(':') >= 0 || user.chars().anyMatch(c -> c < ' ' || c == 127)) {
            throw new IllegalArgumentException("not a user name for HTTP basic: '" + user.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        for (char c : password) {
            if (c < ' ' || c == 127) {
                throw new IllegalArgumentException("the password has a control character");
            }
        }
        return new BasicCredentials(user, password, realm);
    }

    /**
     * The user name.
     *
     * @return the user name
     */
    public String user() {
        return user;
    }

    /**
     * A copy of the password; wipe it after use.
     *
     * @return the password
     * @throws IllegalStateException once destroyed
     */
    public char[] password() {
        return password.copy("password");
    }

    /**
     * Where the credentials may go.
     *
     * @return the realm
     */
    public Realm realm() {
        return realm;
    }

    @Override
    public Set<SecurityMethod> securityMethods() {
        return Set.of(SecurityMethod.BASIC);
    }

    @Override
    public void destroy() {
        password.wipe();
    }

    @Override
    public boolean isDestroyed() {
        return password.isWiped();
    }

    @Override
    public String toString() {
        return "BasicCredentials[" + user + ":****, " + realm + (isDestroyed() ? ", destroyed" : "") + "]";
    }
}
