// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

/**
 * Which redirects the core follows (transports never follow redirects themselves: the core does,
 * once, so that credentials are re-decided for every hop).
 *
 * <p>Closed set; immutable.
 */
public enum RedirectPolicy {
    /** Never follow: a 3xx answer is returned to the caller as it is. */
    NEVER,
    /** Follow, except from https to http (the default, like {@code java.net.http}'s NORMAL). */
    NORMAL,
    /** Follow every redirect, including from https to http. */
    ALWAYS
}
