// SPDX-License-Identifier: Apache-2.0
/**
 * The implementation of the {@code cadc} Spark data source: options, schema, partitions,
 * filter pushdown and the partition reader. Not an API.
 */
package io.cadc4j.spark.internal;
