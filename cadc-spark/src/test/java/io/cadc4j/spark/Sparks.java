// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark of the test JVM ({@code local[2]}: two task threads, as this machine has two
 * cores), started on first use and shared by every test class so that Spark starts once.
 */
final class Sparks {
    private static SparkSession session;

    private Sparks() {
    }

    /** @return the session */
    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("cadc4j-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.session.timeZone", "UTC")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
