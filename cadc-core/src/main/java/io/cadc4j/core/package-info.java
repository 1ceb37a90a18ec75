// SPDX-License-Identifier: Apache-2.0
/**
 * The cadc4j domain: the {@link io.cadc4j.core.Cadc} facade (what most users touch, method for
 * method with astroquery's {@code Cadc}) with its query options, dry-run payloads and collection
 * descriptions; service identifiers, security methods, standard ids and the exception hierarchy
 * rooted at {@link io.cadc4j.core.CadcException}.
 *
 * <p>Defaults for this package: parameters are never null (checked with
 * {@code Objects.requireNonNull}); absent values come back as {@code Optional} or empty
 * collections, never null. Thread-safety is stated on each type: values are immutable,
 * builders single-threaded.
 */
package io.cadc4j.core;
