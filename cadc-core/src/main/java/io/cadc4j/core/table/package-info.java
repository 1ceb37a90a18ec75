// SPDX-License-Identifier: Apache-2.0
/**
 * Tables: the streaming {@link io.cadc4j.core.table.RowCursor}, column and table metadata of results, and VOSI table descriptions.
 *
 * <p>Defaults for this package: parameters are never null (checked with
 * {@code Objects.requireNonNull}); absent values come back as {@code Optional} or empty
 * collections, never null (the one exception is the row path: {@link io.cadc4j.core.table.Row#getObject(int)} and {@link io.cadc4j.core.table.Row#getString(int)} return null for a null cell). Thread-safety is stated on each type: values are immutable,
 * builders single-threaded.
 */
package io.cadc4j.core.table;
