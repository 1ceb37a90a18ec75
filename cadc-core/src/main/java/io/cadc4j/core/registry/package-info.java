// SPDX-License-Identifier: Apache-2.0
/**
 * Service resolution: CADC's registry file ({@code resource-caps}), VOSI capabilities with their
 * TAPRegExt extras, the choice of an interface by the credentials held, and a caching
 * {@link io.cadc4j.core.internal.registry.ServiceResolver} that turns a service id such as
 * {@code ivo://cadc.nrc.ca/argus} into endpoints.
 *
 * <p>Defaults for this package: parameters are never null (checked with
 * {@code Objects.requireNonNull}); absent values come back as {@code Optional} or empty
 * collections, never null. Values are immutable and thread-safe, builders single-threaded, and
 * the resolver thread-safe; each type states it again.
 */
package io.cadc4j.core.registry;
