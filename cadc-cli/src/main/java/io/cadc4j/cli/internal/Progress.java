// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.datalink.DownloadListener;
import io.cadc4j.core.datalink.DownloadOutcome;
import io.cadc4j.core.datalink.DownloadRequest;
import io.cadc4j.core.datalink.LinkListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Progress of downloads, and of the DataLink calls that resolve identifiers to links, on standard
 * error. {@link Mode#LIVE}: one line, redrawn in place at most every {@value #REDRAW_MS} ms, with
 * the files done, the bytes, the rate and (when the sizes are known) the time left, or the
 * identifiers resolved and the links found, and cleared when the work ends or the run is stopped.
 * {@link Mode#PLAIN}: one line per finished file or resolved batch, for logs. {@link Mode#NONE}:
 * nothing.
 *
 * <p>Thread-safe: parallel downloads and DataLink calls report from several threads.
 */
final class Progress implements DownloadListener, LinkListener, AutoCloseable {
    /** How often the live line is redrawn at most. */
    static final long REDRAW_MS = 200;

    /** What is drawn. */
    enum Mode {
        /** A live line (stderr is a terminal). */
        LIVE,
        /** A line per finished item. */
        PLAIN,
        /** Nothing (stderr is not a terminal, or {@code --quiet}). */
        NONE
    }

    private final Mode mode;
    private final PrintStream err;
    private final int width;
    private final int count;
    private final LongSupplier clock;
    private final long start;
    private final Map<DownloadRequest, long[]> running = new LinkedHashMap<>();
    private long finishedBytes;
    private int done;
    private int failed;
    private long lastDraw = Long.MIN_VALUE;
    private int drawn;
    private String current = "";
    private Shutdown.Registration cleared;
    private int idsDone;
    private int idsTotal;
    private int linksFound;

    /**
     * @param mode what to draw
     * @param err standard error
     * @param width the terminal's width (the live line stays shorter)
     * @param count how many downloads there are, or 0 when not known beforehand
     * @param clock milliseconds, for the rate (tests pass their own)
     */
    Progress(Mode mode, PrintStream err, int width, int count, LongSupplier clock) {
        this.mode = mode;
        this.err = err;
        this.width = Math.max(width, 20);
        this.count = count;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /**
     * Has the live line cleared if the run is stopped (Ctrl-C) while it is drawn.
     *
     * @param shutdown the run's shutdown path
     * @return this
     */
    synchronized Progress clearedBy(Shutdown shutdown) {
        if (mode == Mode.LIVE) {
            cleared = shutdown.register("clear the progress line", reason -> close());
        }
        return this;
    }

    /** @return the mode */
    Mode mode() {
        return mode;
    }

    @Override
    public synchronized void started(DownloadRequest request, String fileName, long resumedFrom) {
        running.put(request, new long[] {resumedFrom, -1, resumedFrom});
        current = fileName;
        draw(false);
    }

    @Override
    public synchronized void progress(DownloadRequest request, long bytesSoFar, OptionalLong total) {
        long[] r = running.computeIfAbsent(request, k -> new long[] {0, -1, 0});
        r[0] = bytesSoFar;
        r[1] = total.orElse(-1);
        draw(false);
    }

    @Override
    public synchronized void finished(DownloadOutcome outcome) {
        long[] r = running.remove(outcome.request());
        long bytes = r == null ? 0 : r[0] - r[2];
        if (outcome.failure().isPresent()) {
            failed++;
        } else {
            done++;
            finishedBytes += bytes;
        }
        if (mode == Mode.PLAIN) {
            long ms = Math.max(1, clock.getAsLong() - start);
            String name = outcome.path().map(Path::toString).orElse(outcome.request().uri().toString());
            String n = "cadc: [" + (done + failed) + (count > 0 ? "/" + count : "") + "] ";
            if (outcome.failure().isPresent()) {
                err.println(n + "failed " + outcome.request().uri());
            } else if (outcome.status() == DownloadOutcome.Status.SKIPPED) {
                err.println(n + "already there " + name);
            } else {
                err.println(n + name + " " + bytes(bytes) + " (" + bytes(transferred() * 1000 / ms) + "/s overall)");
            }
            err.flush();
        }
        draw(done + failed == count);
    }

    @Override
    public synchronized void batchResolved(int done, int total, int links) {
        idsDone = done;
        idsTotal = total;
        linksFound = links;
        if (mode == Mode.PLAIN) {
            err.println("cadc: [" + done + "/" + total + "] identifiers resolved, " + links(links));
            err.flush();
        }
        draw(false);
    }

    private static String links(int n) {
        return n + (n == 1 ? " link" : " links");
    }

    private long transferred() {
        long t = finishedBytes;
        for (long[] r : running.values()) {
            t += r[0] - r[2];
        }
        return t;
    }

    private void draw(boolean force) {
        if (mode != Mode.LIVE) {
            return;
        }
        long now = clock.getAsLong();
        if (!force && lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_MS) {
            return;
        }
        lastDraw = now;
        String line = line(now);
        if (line.length() > width - 1) {
            line = line.substring(0, width - 1);
        }
        StringBuilder s = new StringBuilder("\r").append(line);
        if (line.length() < drawn) {
            s.append(" ".repeat(drawn - line.length()));
        }
        drawn = line.length();
        err.print(s);
        err.flush();
    }

    /** The live line: files, bytes, rate, time left; or, before any download, the identifiers resolved. */
    String line(long now) {
        if (idsTotal > 0 && done + failed + running.size() == 0) {
            return idsDone + "/" + idsTotal + " identifiers resolved  " + links(linksFound);
        }
        long bytes = transferred();
        double seconds = Math.max(0.001, (now - start) / 1000.0);
        double rate = bytes / seconds;
        StringBuilder s = new StringBuilder();
        if (count != 1) {
            s.append(done + failed).append(count > 1 ? "/" + count : "").append(" files  ");
        } else {
            s.append(current).append("  ");
        }
        long known = 0;
        boolean allKnown = done + failed + running.size() == count && count > 0;
        for (long[] r : running.values()) {
            if (r[1] < 0) {
                allKnown = false;
            } else {
                known += r[1] - r[0];
            }
        }
        if (count == 1 && running.size() == 1) {
            long[] r = running.values().iterator().next();
            s.append(bytes(r[0])).append(r[1] >= 0 ? " of " + bytes(r[1]) : "");
        } else {
            s.append(bytes(bytes));
        }
        s.append("  ").append(bytes((long) rate)).append("/s");
        if (allKnown && rate > 0 && !running.isEmpty()) {
            s.append("  ETA ").append(duration((long) Math.ceil(known / rate)));
        }
        if (failed > 0) {
            s.append("  ").append(failed).append(" failed");
        }
        return s.toString();
    }

    /**
     * A byte count the way people read it: 512 B, 23.4 KB, 60.0 MB, 1.2 GB (powers of 1000).
     *
     * @param n the count
     * @return the text
     */
    static String bytes(long n) {
        if (n < 1000) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /**
     * A duration as a clock: 7 s, 1:05, 1:02:03.
     *
     * @param seconds the seconds
     * @return the text
     */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    /** Clears the live line, leaving the cursor at the start of an empty line. */
    @Override
    public synchronized void close() {
        if (cleared != null) {
            cleared.close();
        }
        if (mode == Mode.LIVE && drawn > 0) {
            err.print("\r" + " ".repeat(drawn) + "\r");
            err.flush();
            drawn = 0;
        }
    }
}
