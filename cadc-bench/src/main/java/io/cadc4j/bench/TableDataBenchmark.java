// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench;

import io.cadc4j.bench.internal.StilConsumer;
import io.cadc4j.bench.internal.WoodstoxScan;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Reading the generated table as TABLEDATA, cell by cell; scores are rows per second. Single-threaded JMH state
 * (one instance per benchmark thread).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TableDataBenchmark {
    private final TableConsumer stil = new StilConsumer();
    private final TableConsumer bareScan = new WoodstoxScan();

    private final TableConsumer cadc4j = Consumers.byName(Consumers.CADC4J);

    /**
     * cadc4j's reader (cadc-votable), every cell through its typed accessor.
     *
     * @param doc the document
     * @return the checksum
     * @throws IOException if reading fails
     */
    @Benchmark
    @OperationsPerInvocation(Documents.ROWS)
    public long cadc4j(Documents.TableData doc) throws IOException {
        return doc.read(cadc4j);
    }

    /**
     * STIL's streaming reader.
     *
     * @param doc the document
     * @return the checksum
     * @throws IOException if reading fails
     */
    @Benchmark
    @OperationsPerInvocation(Documents.ROWS)
    public long stil(Documents.TableData doc) throws IOException {
        return doc.read(stil);
    }

    /**
     * The limit: a bare Woodstox scan touching every character.
     *
     * @param doc the document
     * @return the checksum
     * @throws IOException if reading fails
     */
    @Benchmark
    @OperationsPerInvocation(Documents.ROWS)
    public long bareScan(Documents.TableData doc) throws IOException {
        return doc.read(bareScan);
    }
}
