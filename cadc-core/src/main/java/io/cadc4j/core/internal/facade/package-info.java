// SPDX-License-Identifier: Apache-2.0
/**
 * The inside of the {@link io.cadc4j.core.Cadc} facade: its wiring (providers, resolver,
 * settings) and the immutable sessions it swaps on login and logout. Not exported; types here may
 * change at any time.
 *
 * <p>Parameters are never null. Thread-safety is stated on each type.
 */
package io.cadc4j.core.internal.facade;
