// SPDX-License-Identifier: Apache-2.0
/**
 * The sky, one family for every module: positions and angles ({@link io.cadc4j.core.sky.Coordinates}
 * in ICRS, parsed from the strings astroquery accepts, with FK5 J2000 and Galactic conversions;
 * {@link io.cadc4j.core.sky.Angle}), the regions a query or a cutout names
 * ({@link io.cadc4j.core.sky.Shape}: {@link io.cadc4j.core.sky.Circle},
 * {@link io.cadc4j.core.sky.Polygon}, {@link io.cadc4j.core.sky.Range} of
 * {@link io.cadc4j.core.sky.Interval}s), and the {@link io.cadc4j.core.sky.NameResolver} port for
 * target names. The ADQL builder, SODA cutouts and the table xtypes ({@code circle},
 * {@code polygon}: {@link io.cadc4j.core.table.XtypeValue#toShape()}) all use these. JDK only.
 *
 * <p>Defaults for this package: parameters are never null (checked with
 * {@code Objects.requireNonNull}); absent values come back as {@code Optional}, never null.
 * Values are immutable and thread-safe; implementations of {@code NameResolver} must be thread-safe.
 * Malformed or out-of-range input fails with {@code IllegalArgumentException}.
 */
package io.cadc4j.core.sky;
