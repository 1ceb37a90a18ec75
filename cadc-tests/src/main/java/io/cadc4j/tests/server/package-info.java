// SPDX-License-Identifier: Apache-2.0
/**
 * The in-process stand-in server for tests: {@link io.cadc4j.tests.server.StandInServer} (routing,
 * recording, faults, HTTPS), raw-socket faults ({@link io.cadc4j.tests.server.RawSocketServer},
 * {@link io.cadc4j.tests.server.SilentListener}) and HTTPS with the test PKI of {@code io.cadc4j.testing}.
 *
 * <p>Defaults for this package: parameters are never null; thread-safety is stated on each type.
 */
package io.cadc4j.tests.server;
