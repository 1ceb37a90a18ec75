// SPDX-License-Identifier: Apache-2.0
/**
 * DataLink and what follows it: the {@link io.cadc4j.core.datalink.DataLinkPort}, links and their
 * {@link io.cadc4j.core.datalink.Semantics} (with the {@link io.cadc4j.core.datalink.SemanticsFilter}s
 * the facade applies); SODA cuts ({@link io.cadc4j.core.datalink.SodaCutout} of
 * {@link io.cadc4j.core.sky.Circle}, {@link io.cadc4j.core.sky.Range},
 * {@link io.cadc4j.core.sky.Polygon}, {@link io.cadc4j.core.datalink.Band},
 * {@link io.cadc4j.core.datalink.TimeInterval}, {@link io.cadc4j.core.datalink.Polarization});
 * downloads ({@link io.cadc4j.core.datalink.Downloader}, its requests, options, listener and
 * outcomes); and the primary header of a downloaded FITS file
 * ({@link io.cadc4j.core.datalink.FitsHeader}).
 *
 * <p>Defaults for this package: parameters are never null (checked with
 * {@code Objects.requireNonNull}); absent values come back as {@code Optional} or empty
 * collections, never null. Thread-safety is stated on each type: values are immutable,
 * builders single-threaded, services thread-safe.
 */
package io.cadc4j.core.datalink;
