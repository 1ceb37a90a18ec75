// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench;

import io.cadc4j.bench.internal.BlockBase64Decode;
import io.cadc4j.bench.internal.Cadc4jConsumer;
import io.cadc4j.bench.internal.MimeBase64Decode;
import io.cadc4j.bench.internal.StilConsumer;
import io.cadc4j.bench.internal.WoodstoxScan;
import io.cadc4j.bench.internal.WoodstoxTypedBase64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The measured readers by name, for the runners that pick one from the command line ({@link LowMemoryRun}).
 * Immutable and thread-safe; each {@link #byName} call makes a new consumer.
 */
public final class Consumers {
    /** STIL's streaming reader. */
    public static final String STIL = "stil";
    /** The bare Woodstox token scan. */
    public static final String BARE_SCAN = "bareScan";
    /** The bare block base64 decode of the BINARY2 STREAM. */
    public static final String BLOCK_DECODE = "blockDecode";
    /** Woodstox parsing the document and decoding the STREAM through Stax2 typed access. */
    public static final String WOODSTOX_BASE64 = "woodstoxBase64";
    /** {@code Base64.getMimeDecoder().wrap(...)} over the STREAM. */
    public static final String MIME_DECODE = "mimeDecode";
    /** cadc4j's own reader (cadc-votable). */
    public static final String CADC4J = "cadc4j";

    private static final Map<String, Supplier<TableConsumer>> ALL;

    static {
        Map<String, Supplier<TableConsumer>> all = new LinkedHashMap<>();
        all.put(CADC4J, Cadc4jConsumer::new);
        all.put(STIL, StilConsumer::new);
        all.put(BARE_SCAN, WoodstoxScan::new);
        all.put(BLOCK_DECODE, BlockBase64Decode::new);
        all.put(WOODSTOX_BASE64, WoodstoxTypedBase64::new);
        all.put(MIME_DECODE, MimeBase64Decode::new);
        ALL = all;
    }

    private Consumers() {
    }

    /** @return the names {@link #byName} knows, in a stable order */
    public static Set<String> names() {
        return ALL.keySet();
    }

    /**
     * @param name one of {@link #names()}
     * @return a new consumer
     * @throws IllegalArgumentException if the name is unknown
     */
    public static TableConsumer byName(String name) {
        Supplier<TableConsumer> s = ALL.get(Objects.requireNonNull(name, "name"));
        if (s == null) {
            throw new IllegalArgumentException("no reader named '" + name + "'; known: " + names());
        }
        return s.get();
    }
}
