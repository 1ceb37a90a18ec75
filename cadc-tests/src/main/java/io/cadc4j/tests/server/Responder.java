// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.server;

import java.io.IOException;

/**
 * Answers one request routed to it by the {@link StandInServer}. {@link Reply} and
 * {@link Responders} make the common ones; a lambda can do anything an {@link Exchange} allows.
 *
 * <p>Implementations must be thread-safe: requests are answered on several threads at once.
 */
@FunctionalInterface
public interface Responder {
    /**
     * Answers a request.
     *
     * @param exchange the request received and the means to answer
     * @throws IOException if writing the answer fails (the client went away)
     */
    void respond(Exchange exchange) throws IOException;
}
