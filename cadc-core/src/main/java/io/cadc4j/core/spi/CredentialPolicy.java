// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

import java.net.URI;

/**
 * Decides which credential headers go with a request to a given URI. {@link HttpPipeline} asks it
 * before every hop of every request, redirects included, so that a cookie or token is only ever
 * sent to the hosts it is meant for.
 *
 * <p>A policy adds headers such as {@code Cookie} or {@code Authorization} when the target is in its
 * realm, and adds nothing otherwise. It must never log what it adds.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface CredentialPolicy {
    /** A policy that never adds anything (anonymous). */
    CredentialPolicy NONE = (target, headers) -> { };

    /**
     * Adds the credential headers meant for a target.
     *
     * @param target the absolute URI the request is about to go to
     * @param headers the request's headers, to add to
     */
    void apply(URI target, HttpHeaders.Builder headers);

    /**
     * Adds the credential headers meant for the target of a redirect to another origin (scheme,
     * host or port differ from the request's first URI). The default adds nothing, as browsers and
     * curl do; a policy whose realm names the target explicitly (a port it lists, or the default
     * port of the scheme) may add its headers.
     *
     * @param origin the request's first URI
     * @param target the URI the redirect leads to
     * @param headers the request's headers, to add to
     */
    default void applyAfterRedirect(URI origin, URI target, HttpHeaders.Builder headers) {
        // nothing crosses origins unless a policy says so
    }
}
