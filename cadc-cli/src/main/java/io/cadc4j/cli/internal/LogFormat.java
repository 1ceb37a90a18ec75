// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Routes the library's {@code System.Logger} output (which lands in java.util.logging when no
 * other backend is present) to stderr as one short line per record: {@code cadc: warning: ...}.
 * Warnings and worse by default, errors only with {@code --quiet}; {@code -v} adds one line per
 * HTTP exchange (method, URL, status, time) and the credentials' decisions, {@code -vv} every
 * DEBUG line: cadc4j's provider discovery and the JDK's HTTP and TLS internals too. Only the command's {@code main} installs it: tests and
 * embedders keep their own logging.
 *
 * <p>Thread-safe.
 */
final class LogFormat extends Handler {
    private final PrintStream err;

    private LogFormat(PrintStream err) {
        this.err = err;
    }

    /**
     * The loggers whose DEBUG lines {@code -v} shows: the HTTP pipeline's (one line per exchange)
     * and the credentials' (a challenge answered, a method chosen).
     */
    static final List<String> EXCHANGES = List.of("io.cadc4j.http", "io.cadc4j.auth");
    /** Held so that the levels set on them are not lost to garbage collection. */
    private static final List<Logger> KEPT = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * How many times {@code -v} is given ({@code -v -v}, {@code -vv}, {@code --verbose}), read
     * before the arguments are parsed so that logging is set up first.
     *
     * @param args the arguments
     * @return the count
     */
    static int verbosity(String[] args) {
        int n = 0;
        for (String a : args) {
            if ("--".equals(a)) {
                break;
            }
            if ("--verbose".equals(a)) {
                n++;
            } else if (a.matches("-v+")) {
                n += a.length() - 1;
            }
        }
        return n;
    }

    /**
     * Whether {@code -q} or {@code --quiet} is given.
     *
     * @param args the arguments
     * @return whether
     */
    static boolean quiet(String[] args) {
        for (String a : args) {
            if ("--".equals(a)) {
                break;
            }
            if ("-q".equals(a) || "--quiet".equals(a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Replaces the root logger's handlers.
     *
     * @param err where records go
     * @param verbosity 0: warnings; 1: cadc4j's DEBUG lines too; 2 or more: everyone's
     * @param quiet errors only (ignored with {@code -v})
     */
    static void install(PrintStream err, int verbosity, boolean quiet) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        LogFormat f = new LogFormat(err);
        Level base = quiet && verbosity == 0 ? Level.SEVERE : Level.WARNING;
        f.setLevel(verbosity > 0 ? Level.FINE : base);
        root.setLevel(verbosity >= 2 ? Level.FINE : base);
        for (String name : EXCHANGES) {
            Logger l = Logger.getLogger(name);
            l.setLevel(verbosity >= 1 ? Level.FINE : null);
            KEPT.add(l);
        }
        root.addHandler(f);
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        String level = record.getLevel().intValue() >= Level.SEVERE.intValue() ? "error"
                : record.getLevel().intValue() >= Level.WARNING.intValue() ? "warning"
                : record.getLevel().intValue() >= Level.INFO.intValue() ? "info" : "debug";
        String message = new java.util.logging.SimpleFormatter().formatMessage(record);
        synchronized (err) {
            err.println("cadc: " + level + ": " + message);
        }
    }

    @Override
    public void flush() {
        err.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
