// SPDX-License-Identifier: Apache-2.0
/**
 * Implementation of the benchmarks: the CAOM2-shaped table generator, the document writer and the baseline
 * readers. Internal to cadc-bench; types here may change at any time. Parameters are never null.
 */
package io.cadc4j.bench.internal;
