// SPDX-License-Identifier: Apache-2.0
/**
 * The contract every {@link io.cadc4j.core.spi.HttpTransport} must pass:
 * {@link io.cadc4j.tests.http.HttpTransportContract}.
 *
 * <p>Defaults for this package: parameters are never null; thread-safety is stated on each type.
 */
package io.cadc4j.tests.http;
