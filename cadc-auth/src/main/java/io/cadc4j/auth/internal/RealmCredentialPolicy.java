// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.auth.internal;

import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.auth.BasicCredentials;
import io.cadc4j.core.auth.CookieCredentials;
import io.cadc4j.core.auth.Credentials;
import io.cadc4j.core.auth.SecurityPreference;
import io.cadc4j.core.auth.TokenCredentials;
import io.cadc4j.core.spi.CredentialPolicy;
import io.cadc4j.core.spi.HttpHeaders;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Puts header credentials on a request when, and only when, the target is inside the credential's
 * realm: cookies as one {@code Cookie} field ({@code CADC_SSO="token"}, CADC's quoted form), and one
 * {@code Authorization} field, a bearer token or basic credentials, whichever the preference ranks
 * first. {@link io.cadc4j.core.internal.http.HttpPipeline} asks it again at every redirect hop, so a hop out
 * of the realm carries nothing.
 *
 * <p>Destroyed credentials are skipped: after a logout the policy sends nothing, even to a request
 * already under way. Nothing is logged. Thread-safe (the credentials are).
 */
final class RealmCredentialPolicy implements CredentialPolicy {
    private final List<Credentials> parts;
    private final List<SecurityMethod> authorizationOrder;
    private final Set<SecurityMethod> allowed;

    /**
     * @param credentials what to apply
     * @param preference orders token against basic
     * @param allowed the methods that may be applied
     */
    RealmCredentialPolicy(Credentials credentials, SecurityPreference preference, Set<SecurityMethod> allowed) {
        this.parts = List.copyOf(credentials.parts());
        List<SecurityMethod> order = new ArrayList<>();
        for (SecurityMethod m : preference.order()) {
            if (m.equals(SecurityMethod.TOKEN) || m.equals(SecurityMethod.BASIC)) {
                order.add(m);
            }
        }
        for (SecurityMethod m : List.of(SecurityMethod.TOKEN, SecurityMethod.BASIC)) {
            if (!order.contains(m)) {
                order.add(m);
            }
        }
        this.authorizationOrder = List.copyOf(order);
        this.allowed = Set.copyOf(allowed);
    }

    @Override
    public void apply(URI target, HttpHeaders.Builder headers) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(headers, "headers");
        if (allowed.contains(SecurityMethod.COOKIE)) {
            String cookies = cookies(target);
            if (!cookies.isEmpty()) {
                headers.set("Cookie", cookies);
            }
        }
        for (SecurityMethod m : authorizationOrder) {
            if (allowed.contains(m)) {
                String value = m.equals(SecurityMethod.TOKEN) ? bearer(target) : basic(target);
                if (value != null) {
                    headers.set("Authorization", value);
                    return;
                }
            }
        }
    }

    private String cookies(URI target) {
        StringBuilder sb = new StringBuilder();
        for (Credentials c : parts) {
            if (c instanceof CookieCredentials && ((CookieCredentials) c).realm().contains(target) && !c.isDestroyed()) {
                CookieCredentials cookie = (CookieCredentials) c;
                char[] token;
                try {
                    token = cookie.token();
                } catch (IllegalStateException destroyedMeanwhile) {
                    continue;
                }
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                // cadc-util and cadcutils send the value in double quotes; CADC's servers expect them.
                sb.append(cookie.name()).append("=\"").append(token).append('"');
                Arrays.fill(token, '\0');
            }
        }
        return sb.toString();
    }

    private String bearer(URI target) {
        for (Credentials c : parts) {
            if (c instanceof TokenCredentials && ((TokenCredentials) c).realm().contains(target) && !c.isDestroyed()) {
                char[] token;
                try {
                    token = ((TokenCredentials) c).token();
                } catch (IllegalStateException destroyedMeanwhile) {
                    continue;
                }
                String value = "Bearer " + new String(token);
                Arrays.fill(token, '\0');
                return value;
            }
        }
        return null;
    }

    /** RFC 7617 §2: base64 of {@code user ":" password}, UTF-8 (§2.1 charset). */
    private String basic(URI target) {
        for (Credentials c : parts) {
            if (c instanceof BasicCredentials && ((BasicCredentials) c).realm().contains(target) && !c.isDestroyed()) {
                BasicCredentials basic = (BasicCredentials) c;
                char[] password;
                try {
                    password = basic.password();
                } catch (IllegalStateException destroyedMeanwhile) {
                    continue;
                }
                char[] pair = new char[basic.user().length() + 1 + password.length];
                basic.user().getChars(0, basic.user().length(), pair, 0);
                pair[basic.user().length()] = ':';
                System.arraycopy(password, 0, pair, basic.user().length() + 1, password.length);
                Arrays.fill(password, '\0');
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pair));
                Arrays.fill(pair, '\0');
                byte[] raw = new byte[bytes.remaining()];
                bytes.get(raw);
                if (bytes.hasArray()) {
                    Arrays.fill(bytes.array(), (byte) 0);
                }
                String value = "Basic " + Base64.getEncoder().encodeToString(raw);
                Arrays.fill(raw, (byte) 0);
                return value;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "RealmCredentialPolicy" + allowed;
    }
}
