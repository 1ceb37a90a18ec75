// SPDX-License-Identifier: Apache-2.0
/**
 * A stand-in DataLink 1.1 and SODA sync service on the {@link io.cadc4j.tests.server.StandInServer},
 * with injected latency, short answers and POST refusal, for the DataLink adapter's tests and its
 * benchmark.
 */
package io.cadc4j.tests.server.datalink;
