// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.auth;

import io.cadc4j.core.SecurityMethod;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Destroyable;

/**
 * What a user holds to prove who they are: nothing ({@link #ANONYMOUS}), a login cookie
 * ({@link CookieCredentials}), a client certificate ({@link CertificateCredentials}), a user and
 * password for HTTP basic ({@link BasicCredentials}), a bearer token ({@link TokenCredentials}), or
 * several of these at once ({@link CredentialSet}). The {@link AuthPort} makes some of them and
 * turns any of them into the {@link io.cadc4j.core.spi.CredentialPolicy} that puts them on requests.
 *
 * <p>Every kind that holds a secret is scoped to a {@link Realm} (except certificates, which TLS
 * offers only to a server that asks for one), keeps the secret as characters it can wipe, and
 * forgets it on {@link #destroy()}; using destroyed credentials throws
 * {@link IllegalStateException}. {@code toString()} never shows a secret.
 *
 * <p>Implementations are thread-safe.
 */
public interface Credentials extends Destroyable {
    /** No credentials: an empty {@link CredentialSet}. */
    Credentials ANONYMOUS = CredentialSet.of();

    /**
     * The security methods these credentials satisfy.
     *
     * @return the methods; {@link SecurityMethod#ANONYMOUS} alone for anonymous credentials
     */
    Set<SecurityMethod> securityMethods();

    /**
     * The single credentials this consists of: itself, or a set's members.
     *
     * @return the parts; empty for anonymous credentials
     */
    default List<Credentials> parts() {
        return List.of(this);
    }

    /**
     * Whether these credentials hold nothing.
     *
     * @return true for anonymous credentials
     */
    default boolean isAnonymous() {
        return parts().isEmpty();
    }

    /**
     * The first part of a given kind.
     *
     * @param <T> the kind
     * @param kind the class of the kind, e.g. {@code CookieCredentials.class}
     * @return the part, or empty when there is none
     */
    default <T extends Credentials> Optional<T> find(Class<T> kind) {
        Objects.requireNonNull(kind, "kind");
        return parts().stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    /**
     * Forgets the secret: wipes passwords and tokens, drops key material. Idempotent.
     */
    @Override
    default void destroy() {
    }

    /**
     * Whether {@link #destroy()} has run.
     *
     * @return true once destroyed
     */
    @Override
    default boolean isDestroyed() {
        return false;
    }
}
