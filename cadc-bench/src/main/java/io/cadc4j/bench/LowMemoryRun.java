// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench;

import io.cadc4j.bench.internal.Caom2Table;
import io.cadc4j.bench.internal.DocumentWriter;
import io.cadc4j.bench.internal.DocumentWriter.Format;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Proves that a reader streams: writes a 1,000,000-row TABLEDATA document (about 1 GB) to a temporary file, then
 * reads it in a child {@code java -Xmx16m} with the chosen reader, and fails unless the child read every byte.
 *
 * <pre>java -cp cadc-bench/target/benchmarks.jar io.cadc4j.bench.LowMemoryRun [reader] [rows] [heap]</pre>
 *
 * <p>reader is one of {@link Consumers#names()} (default {@code stil}), rows defaults to 1,000,000 and heap to
 * {@code 16m}. Single-threaded (a main program).
 */
public final class LowMemoryRun {
    private static final String CHILD = "--child";

    private LowMemoryRun() {
    }

    /**
     * Runs the check, or, with {@code --child reader file}, the reading side of it.
     *
     * @param args {@code [reader] [rows] [heap]}
     * @throws Exception if the document cannot be written or the child cannot be started
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 3 && CHILD.equals(args[0])) {
            child(args[1], Path.of(args[2]));
            return;
        }
        String reader = args.length > 0 ? args[0] : Consumers.STIL;
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        String heap = args.length > 2 ? args[2] : "16m";
        Consumers.byName(reader); // an unknown name fails here, before a gigabyte is written
        Path file = Files.createTempFile("cadc4j-bench-lowmem-", ".xml");
        try {
            long t0 = System.nanoTime();
            DocumentWriter.write(file, Format.TABLEDATA, rows, Caom2Table.SEED);
            System.out.printf(Locale.ROOT, "wrote %,d rows of TABLEDATA, %,d bytes, in %.1f s%n", rows,
                    Files.size(file), (System.nanoTime() - t0) / 1e9);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx" + heap);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(LowMemoryRun.class.getName());
            command.add(CHILD);
            command.add(reader);
            command.add(file.toString());
            System.out.println("reading it with " + reader + " in: java -Xmx" + heap + " ...");
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                System.out.println("FAILED: " + reader + " could not stream " + rows + " rows in -Xmx" + heap
                        + " (child exit " + exit + ")");
                System.exit(1);
            }
            System.out.println("OK: " + reader + " streamed " + rows + " rows in -Xmx" + heap);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void child(String reader, Path file) throws IOException {
        long size = Files.size(file);
        long t0 = System.nanoTime();
        long checksum;
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        Counting in = new Counting(raw);
        try (raw) {
            checksum = Consumers.byName(reader).consume(in);
            // Count what the reader left unread: a reader may stop at </VOTABLE> before the final newline.
            while (in.read() >= 0) {
                in.trailing++;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "read %,d of %,d bytes (%,d left unread after the document) in %.1f s, "
                + "max heap %,d bytes, checksum %x%n", in.count - in.trailing, size, in.trailing, seconds,
                Runtime.getRuntime().maxMemory(), checksum);
        if (in.trailing > 64) {
            System.out.println("the reader stopped " + in.trailing + " bytes before the end of the document");
            System.exit(2);
        }
    }

    /**
     * Counts the bytes read through it, and stays open when the reader closes it (STIL's SAX parser does) so the
     * bytes it left can be counted. Single-threaded.
     */
    private static final class Counting extends FilterInputStream {
        long count;
        long trailing;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public void close() {
            // the caller closes the file
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
