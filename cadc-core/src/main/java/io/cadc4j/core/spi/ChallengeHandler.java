// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

import java.util.Optional;

/**
 * Answers an HTTP 401 challenge: given the unauthorized response (its {@code WWW-Authenticate}
 * headers and URI), says which credentials to try once more with, if any. {@link HttpPipeline}
 * asks it at most once per request, and only when the request's body can be sent again.
 *
 * <p>Implementations must be thread-safe and must not read or close the response body.
 */
@FunctionalInterface
public interface ChallengeHandler {

    /**
     * Decides whether to retry.
     *
     * @param unauthorized the 401 response (after redirects)
     * @return the credential policy for the single retry, or empty to return the 401 as it is
     */
    Optional<CredentialPolicy> onChallenge(HttpResponse unauthorized);
}
