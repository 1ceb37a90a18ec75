// SPDX-License-Identifier: Apache-2.0
/**
 * Table toolkit the adapters share: {@link io.cadc4j.core.internal.table.ForwardingCursor}, the base
 * of a cursor that adds one thing to another. Not API: exported only to cadc4j's own modules.
 */
package io.cadc4j.core.internal.table;
