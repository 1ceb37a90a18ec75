// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.spark.internal;

import org.apache.spark.sql.connector.read.InputPartition;

/** One partition of a read: the ADQL of its one TAP request. Immutable and serializable. */
final class CadcPartition implements InputPartition {
    private static final long serialVersionUID = 1L;

    final int index;
    final int count;
    final String adql;

    CadcPartition(int index, int count, String adql) {
        this.index = index;
        this.count = count;
        this.adql = adql;
    }

    @Override
    public String toString() {
        return "partition " + (index + 1) + " of " + count + ": " + adql;
    }
}
