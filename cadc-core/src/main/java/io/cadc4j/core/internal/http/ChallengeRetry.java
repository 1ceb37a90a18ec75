// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.http;

import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.auth.AuthPort;
import io.cadc4j.core.auth.Credentials;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.ChallengeHandler;
import io.cadc4j.core.spi.CredentialPolicy;
import io.cadc4j.core.spi.HttpHeaders;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Retries a request once when the service answers 401 with a {@code WWW-Authenticate} challenge
 * naming a security method the credentials held satisfy, but that the first attempt did not use:
 * the IVOA single-sign-on schemes ({@code ivoa_cookie}, {@code ivoa_bearer}, {@code ivoa_x509}, or
 * any challenge with a {@code standard_id} parameter) and the HTTP schemes {@code Bearer} and
 * {@code Basic}. The retry goes through the same pipeline with
 * {@link AuthPort#policyFor(Credentials, SecurityMethod)} for that method, so realms still decide
 * which host gets what; a challenge from a host outside the credential's realm is never answered.
 *
 * <p>Certificates cannot be offered by a retry (the TLS context belongs to the connection), a body
 * that cannot be sent twice is not retried, and the retry's answer is returned whatever it is.
 *
 * <p>Adapters use it in place of {@link HttpPipeline#send}:
 * <pre>{@code
 * ChallengeRetry retry = ChallengeRetry.of(authPort, credentials);
 * try (HttpResponse r = retry.send(http, request, choice.method())) { ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ChallengeRetry {
    private static final System.Logger LOG = System.getLogger("io.cadc4j.auth");

    private final AuthPort port;
    private final Credentials held;

    private ChallengeRetry(AuthPort port, Credentials held) {
        this.port = port;
        this.held = held;
    }

    /**
     * Makes the retry for credentials held.
     *
     * @param port the port that makes policies (its settings give the preference order)
     * @param held the credentials
     * @return the retry
     */
    public static ChallengeRetry of(AuthPort port, Credentials held) {
        return new ChallengeRetry(Objects.requireNonNull(port, "port"), Objects.requireNonNull(held, "held"));
    }

    /**
     * Sends a request anonymously as far as this retry knows, retrying once on a challenge.
     *
     * @param http the pipeline, with the policy of the first attempt
     * @param request the request
     * @return the response to the first attempt, or to the retry
     */
    public HttpResponse send(HttpPipeline http, HttpRequest request) {
        return send(http, request, SecurityMethod.ANONYMOUS);
    }

    /**
     * Sends a request whose first attempt uses one method, retrying once on a challenge for another.
     *
     * @param http the pipeline, with the policy of the first attempt
     * @param request the request
     * @param firstAttempt the method the pipeline's policy applies (not retried with)
     * @return the response to the first attempt, or to the retry
     * @throws io.cadc4j.core.CadcException as {@link HttpPipeline#send}
     */
    public HttpResponse send(HttpPipeline http, HttpRequest request, SecurityMethod firstAttempt) {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(firstAttempt, "firstAttempt");
        HttpResponse response = http.send(request);
        if (response.status() != 401) {
            return response;
        }
        if (request.body().isPresent() && !request.body().get().isRepeatable()) {
            return response;
        }
        Optional<CredentialPolicy> retry = retryPolicy(response, firstAttempt);
        if (retry.isEmpty()) {
            return response;
        }
        response.close();
        return http.withCredentials(retry.get()).send(request);
    }

    /**
     * This retry as a {@link ChallengeHandler}, for {@link HttpPipeline#withChallengeHandler}: every
     * request through that pipeline is then retried once on a challenge this retry would answer.
     *
     * @param firstAttempt the method the pipeline's own policy applies (not retried with)
     * @return the handler
     */
    public ChallengeHandler handler(SecurityMethod firstAttempt) {
        Objects.requireNonNull(firstAttempt, "firstAttempt");
        return unauthorized -> retryPolicy(unauthorized, firstAttempt);
    }

    /** The policy of the first usable method the 401 challenges, other than the one already tried. */
    private Optional<CredentialPolicy> retryPolicy(HttpResponse response, SecurityMethod firstAttempt) {
        List<SecurityMethod> challenged = challenged(response.headers());
        for (SecurityMethod m : port.settings().preference().usable(held)) {
            if (m.equals(firstAttempt) || m.equals(SecurityMethod.CERTIFICATE) || !challenged.contains(m)) {
                continue;
            }
            CredentialPolicy policy = port.policyFor(held, m);
            HttpHeaders.Builder probe = HttpHeaders.builder();
            policy.apply(response.uri(), probe);
            if (probe.build().map().isEmpty()) {
                continue;
            }
            LOG.log(Level.DEBUG, "{0} answered 401 challenging {1}; retrying once with it", response.uri(), m);
            return Optional.of(policy);
        }
        return Optional.empty();
    }

    /**
     * The security methods a 401 answer's {@code WWW-Authenticate} challenges name, in order.
     *
     * @param headers the response headers
     * @return the methods; empty when there is no challenge or none names a known method
     */
    public static List<SecurityMethod> challenged(HttpHeaders headers) {
        Objects.requireNonNull(headers, "headers");
        List<SecurityMethod> out = new ArrayList<>();
        for (String value : headers.allValues("WWW-Authenticate")) {
            parse(value, out);
        }
        return out;
    }

    /**
     * RFC 7235 §4.1: {@code challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]}, several per
     * field separated by commas; an auth-param is {@code token = ( token / quoted-string )}.
     */
    private static void parse(String value, List<SecurityMethod> out) {
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && (value.charAt(i) == ',' || value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                i++;
            }
            int start = i;
            while (i < n && isTokenChar(value.charAt(i))) {
                i++;
            }
            if (i == start) {
                i++;
                continue;
            }
            String token = value.substring(start, i);
            int j = i;
            while (j < n && (value.charAt(j) == ' ' || value.charAt(j) == '\t')) {
                j++;
            }
            if (j < n && value.charAt(j) == '=') {
                // An auth-param of the current challenge, or the padding of a token68.
                j++;
                while (j < n && value.charAt(j) == '=') {
                    j++;
                }
                while (j < n && (value.charAt(j) == ' ' || value.charAt(j) == '\t')) {
                    j++;
                }
                String paramValue;
                if (j < n && value.charAt(j) == '"') {
                    StringBuilder sb = new StringBuilder();
                    j++;
                    while (j < n && value.charAt(j) != '"') {
                        if (value.charAt(j) == '\\' && j + 1 < n) {
                            j++;
                        }
                        sb.append(value.charAt(j++));
                    }
                    j++;
                    paramValue = sb.toString();
                } else {
                    int vs = j;
                    while (j < n && isTokenChar(value.charAt(j))) {
                        j++;
                    }
                    paramValue = value.substring(vs, j);
                }
                if (token.equalsIgnoreCase("standard_id") && !paramValue.isBlank()) {
                    add(out, SecurityMethod.of(paramValue));
                }
                i = j;
            } else {
                SecurityMethod m = forScheme(token);
                if (m != null) {
                    add(out, m);
                }
            }
        }
    }

    private static SecurityMethod forScheme(String scheme) {
        switch (scheme.toLowerCase(Locale.ROOT)) {
            case "ivoa_cookie":
                return SecurityMethod.COOKIE;
            case "ivoa_bearer":
            case "bearer":
                return SecurityMethod.TOKEN;
            case "ivoa_x509":
                return SecurityMethod.CERTIFICATE;
            case "basic":
                return SecurityMethod.BASIC;
            default:
                return null;
        }
    }

    private static void add(List<SecurityMethod> out, SecurityMethod m) {
        if (!m.isAnonymous() && !out.contains(m)) {
            out.add(m);
        }
    }

    private static boolean isTokenChar(char c) {
        return c > ' ' && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }

    @Override
    public String toString() {
        return "ChallengeRetry[" + held.securityMethods() + "]";
    }
}
