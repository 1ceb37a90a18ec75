// SPDX-License-Identifier: Apache-2.0
/**
 * The on-disk copy of fetched service documents (registry file, capabilities) that lets a new
 * process skip fetching them while they are fresh. Not exported; types here may change at any time.
 *
 * <p>Parameters are never null. Thread-safety is stated on each type.
 */
package io.cadc4j.core.internal.cache;
