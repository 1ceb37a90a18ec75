// SPDX-License-Identifier: Apache-2.0
/**
 * TAP: the {@link io.cadc4j.core.tap.TapPort}, queries and UWS jobs.
 *
 * <p>Defaults for this package: parameters are never null (checked with
 * {@code Objects.requireNonNull}); absent values come back as {@code Optional} or empty
 * collections, never null. Thread-safety is stated on each type: values are immutable,
 * builders single-threaded.
 */
package io.cadc4j.core.tap;
