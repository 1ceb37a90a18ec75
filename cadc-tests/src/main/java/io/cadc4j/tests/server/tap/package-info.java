// SPDX-License-Identifier: Apache-2.0
/**
 * A stand-in TAP 1.1 / UWS 1.1 / VOSI service on the loopback stand-in server, over a small
 * CAOM2-shaped data set, with the faults real services show:
 * {@link io.cadc4j.tests.server.tap.TapStandIn} and the request parameters it reads
 * ({@link io.cadc4j.tests.server.tap.TapRequestParams}).
 *
 * <p>Defaults for this package: parameters are never null; thread-safety is stated on each type.
 */
package io.cadc4j.tests.server.tap;
