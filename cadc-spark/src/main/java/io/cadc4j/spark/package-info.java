// SPDX-License-Identifier: Apache-2.0
/**
 * The Apache Spark data source for TAP services ({@code spark.read.format("cadc")}):
 * {@link io.cadc4j.spark.CadcDataSource}. Parameters and results are never null; the source is
 * made and used by Spark, one instance per read.
 */
package io.cadc4j.spark;
