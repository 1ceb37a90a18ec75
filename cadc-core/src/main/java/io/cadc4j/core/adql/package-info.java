// SPDX-License-Identifier: Apache-2.0
/**
 * ADQL text: literal quoting and number formatting ({@link io.cadc4j.core.adql.Adql}), and the
 * queries astroquery's {@code Cadc} writes ({@link io.cadc4j.core.adql.CadcQueries},
 * {@link io.cadc4j.core.adql.RegionQuery}). Pure string building, no network.
 *
 * <p>Defaults for this package: parameters are never null (checked with
 * {@code Objects.requireNonNull}); absent values come back as {@code Optional}, never null.
 * Values are immutable and thread-safe, builders single-threaded. Invalid input fails with
 * {@code IllegalArgumentException}.
 */
package io.cadc4j.core.adql;
