// SPDX-License-Identifier: Apache-2.0
/**
 * Sending results to desktop tools over SAMP: {@link io.cadc4j.samp.SampClient} registers with the
 * running hub and sends tables and FITS images to its clients.
 *
 * <p>Parameters are never null; absent values are {@link java.util.Optional}. {@code SampClient} is
 * thread-safe; {@link io.cadc4j.samp.SampPeer} and {@link io.cadc4j.samp.SampDelivery} are
 * immutable; builders are single-threaded.
 */
package io.cadc4j.samp;
