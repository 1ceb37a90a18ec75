// SPDX-License-Identifier: Apache-2.0
/**
 * The DataLink link-resolution benchmark: concurrent batches against strictly sequential ones,
 * on the stand-in DataLink service with injected latency.
 */
package io.cadc4j.bench.datalink;
