// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.facade;

import io.cadc4j.core.AuthenticationException;
import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.auth.AuthPort;
import io.cadc4j.core.auth.AuthSettings;
import io.cadc4j.core.auth.CertificateCredentials;
import io.cadc4j.core.auth.CookieCredentials;
import io.cadc4j.core.auth.Credentials;
import io.cadc4j.core.auth.Realm;
import io.cadc4j.core.internal.port.AuthPortProvider;
import io.cadc4j.core.spi.CredentialPolicy;
import io.cadc4j.core.internal.port.PortContext;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An auth provider double: a login succeeds for the password {@code right}, handing out cookies
 * {@code token-1}, {@code token-2}, ...; policies put cookies on requests inside their realm.
 */
final class FakeAuth implements AuthPortProvider {
    final List<URI> loginUris = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger tokens = new AtomicInteger();

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public AuthPort create(PortContext context) {
        return new AuthPort() {
            @Override
            public AuthSettings settings() {
                return AuthSettings.defaults();
            }

            @Override
            public AuthPort withSettings(AuthSettings settings) {
                return this;
            }

            @Override
            public CookieCredentials login(String user, char[] password) {
                try {
                    loginUris.add(context.serviceUri());
                    if (!Arrays.equals(password, "right".toCharArray())) {
                        throw new AuthenticationException(401, "bad user or password", context.serviceUri(), null,
                                null);
                    }
                    return CookieCredentials.of(("token-" + tokens.incrementAndGet()).toCharArray(), Realm.cadc());
                } finally {
                    Arrays.fill(password, '\0');
                }
            }

            @Override
            public CertificateCredentials certificate(Path pemFile) {
                throw new UnsupportedOperationException("no certificates in this double");
            }

            @Override
            public CredentialPolicy policyFor(Credentials credentials) {
                return (target, headers) -> credentials.find(CookieCredentials.class).ifPresent(c -> {
                    if (c.realm().contains(target)) {
                        char[] token = c.token();
                        headers.add("Cookie", c.name() + "=\"" + new String(token) + "\"");
                        Arrays.fill(token, '\0');
                    }
                });
            }

            @Override
            public CredentialPolicy policyFor(Credentials credentials, SecurityMethod method) {
                return method.equals(SecurityMethod.COOKIE) ? policyFor(credentials) : CredentialPolicy.NONE;
            }
        };
    }
}
