// SPDX-License-Identifier: Apache-2.0
/**
 * The Spark data source benchmark ({@link io.cadc4j.bench.spark.SparkReadBenchmark}): Java 17,
 * compiled apart from the rest of cadc-bench, run with Spark's class path beside the shaded jar.
 */
package io.cadc4j.bench.spark;
