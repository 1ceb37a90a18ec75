// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.auth.internal;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what cadc4j logs through {@code System.Logger} while open. On the class path the JDK's
 * default {@code System.LoggerFinder} logs through {@code java.util.logging}, so a handler on the
 * {@code io.cadc4j} logger sees every record, formatted here as {@code LEVEL message}. No stream
 * is captured.
 */
final class LogCapture implements AutoCloseable {
    private final Logger logger = Logger.getLogger("io.cadc4j");
    private final Level oldLevel = logger.getLevel();
    private final boolean oldUseParent = logger.getUseParentHandlers();
    private final List<String> lines = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            String text = r.getParameters() == null ? r.getMessage() : MessageFormat.format(r.getMessage(), r.getParameters());
            synchronized (lines) {
                lines.add(r.getLevel().getName() + " " + text);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    LogCapture() {
        handler.setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    String all() {
        return String.join("\n", lines());
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(oldLevel);
        logger.setUseParentHandlers(oldUseParent);
    }
}
