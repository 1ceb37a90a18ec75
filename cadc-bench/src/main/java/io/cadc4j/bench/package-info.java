// SPDX-License-Identifier: Apache-2.0
/**
 * JMH benchmarks of VOTable reading: cadc4j's reader (through {@link io.cadc4j.bench.TableConsumer}) against
 * STIL and against the practical limits (a bare Woodstox scan, a bare block base64 decode).
 *
 * <p>This module has no {@code module-info.java}: it runs only from the shaded class-path jar
 * {@code benchmarks.jar}, its generated JMH classes live in a sibling package, and STIL has no module name of its
 * own, so a named module would add {@code requires}/{@code opens} lines that nothing checks or needs.
 * Parameters are never null; types state their own thread-safety.
 */
package io.cadc4j.bench;
