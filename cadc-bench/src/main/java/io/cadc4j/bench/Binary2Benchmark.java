// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench;

import io.cadc4j.bench.internal.BlockBase64Decode;
import io.cadc4j.bench.internal.MimeBase64Decode;
import io.cadc4j.bench.internal.StilConsumer;
import io.cadc4j.bench.internal.WoodstoxScan;
import io.cadc4j.bench.internal.WoodstoxTypedBase64;
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
 * Reading the generated table as BINARY2 (base64 STREAM, standard layout), cell by cell; scores are rows per
 * second. Single-threaded JMH state (one instance per benchmark thread).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Binary2Benchmark {
    private final TableConsumer stil = new StilConsumer();
    private final TableConsumer bareScan = new WoodstoxScan();
    private final TableConsumer blockDecode = new BlockBase64Decode();
    private final TableConsumer woodstoxBase64 = new WoodstoxTypedBase64();
    private final TableConsumer mimeDecode = new MimeBase64Decode();

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
    public long cadc4j(Documents.Binary2 doc) throws IOException {
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
    public long stil(Documents.Binary2 doc) throws IOException {
        return doc.read(stil);
    }

    /**
     * A bare Woodstox scan of the same document, touching every character of the base64 text.
     *
     * @param doc the document
     * @return the checksum
     * @throws IOException if reading fails
     */
    @Benchmark
    @OperationsPerInvocation(Documents.ROWS)
    public long bareScan(Documents.Binary2 doc) throws IOException {
        return doc.read(bareScan);
    }

    /**
     * The limit: whitespace stripped, whole 4-byte groups decoded in blocks.
     *
     * @param doc the document
     * @return the checksum
     * @throws IOException if reading fails
     */
    @Benchmark
    @OperationsPerInvocation(Documents.ROWS)
    public long blockDecode(Documents.Binary2 doc) throws IOException {
        return doc.read(blockDecode);
    }

    /**
     * The limit on the StAX parser: Woodstox decodes the STREAM itself (Stax2 typed access).
     *
     * @param doc the document
     * @return the checksum
     * @throws IOException if reading fails
     */
    @Benchmark
    @OperationsPerInvocation(Documents.ROWS)
    public long woodstoxBase64(Documents.Binary2 doc) throws IOException {
        return doc.read(woodstoxBase64);
    }

    /**
     * For reference: the MIME decoder's stream wrapper.
     *
     * @param doc the document
     * @return the checksum
     * @throws IOException if reading fails
     */
    @Benchmark
    @OperationsPerInvocation(Documents.ROWS)
    public long mimeDecode(Documents.Binary2 doc) throws IOException {
        return doc.read(mimeDecode);
    }
}
