// SPDX-License-Identifier: Apache-2.0
/**
 * Reading and writing VOTables as streams: {@link io.cadc4j.votable.VOTableReader} (with
 * {@link io.cadc4j.votable.ParserLimits} and {@link io.cadc4j.votable.Binary2Layout}) and
 * {@link io.cadc4j.votable.VOTableWriter} (with {@link io.cadc4j.votable.Serialization}).
 *
 * <p>Defaults for this package: parameters are never null; absent values are {@code Optional} or
 * empty; failures are {@link io.cadc4j.core.CadcException} subtypes. Thread-safety is stated on
 * each type.
 */
package io.cadc4j.votable;
