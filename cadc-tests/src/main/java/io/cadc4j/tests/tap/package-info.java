// SPDX-License-Identifier: Apache-2.0
/**
 * The contract every {@link io.cadc4j.core.tap.TapPort} must pass,
 * {@link io.cadc4j.tests.tap.TapPortContract}, checked against the stand-in TAP service.
 *
 * <p>Defaults for this package: parameters are never null; thread-safety is stated on each type.
 */
package io.cadc4j.tests.tap;
