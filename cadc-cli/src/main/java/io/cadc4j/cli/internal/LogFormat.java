// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Routes the library's {@code System.Logger} output (which lands in java.util.logging when no
 * other backend is present) to stderr as one short line per record: {@code cadc: warning: ...}.
 * Warnings and worse by default; everything down to DEBUG (JUL's FINE) with {@code -v}. Only the
 * command's {@code main} installs it: tests and embedders keep their own logging.
 *
 * <p>Thread-safe.
 */
final class LogFormat extends Handler {
    private final PrintStream err;

    private LogFormat(PrintStream err) {
        this.err = err;
    }

    /**
     * Replaces the root logger's handlers.
     *
     * @param err where records go
     * @param verbose whether DEBUG records are shown
     */
    static void install(PrintStream err, boolean verbose) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        LogFormat f = new LogFormat(err);
        Level level = verbose ? Level.FINE : Level.WARNING;
        f.setLevel(level);
        root.setLevel(level);
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
