// SPDX-License-Identifier: Apache-2.0
/**
 * Sky positions and angles: {@link io.cadc4j.core.coords.Coordinates} (ICRS, parsed from the
 * strings astroquery accepts, with FK5 J2000 and Galactic conversions), {@link io.cadc4j.core.coords.Angle},
 * and the {@link io.cadc4j.core.coords.NameResolver} port for target names. JDK only.
 *
 * <p>Defaults for this package: parameters are never null (checked with
 * {@code Objects.requireNonNull}); absent values come back as {@code Optional}, never null.
 * Values are immutable and thread-safe; implementations of {@code NameResolver} must be thread-safe.
 * Malformed or out-of-range input fails with {@code IllegalArgumentException}.
 */
package io.cadc4j.core.coords;
