// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.facade;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Every line the {@code io.cadc4j} loggers write, at any level, while attached. */
final class LogCapture extends Handler {
    private final Logger logger = Logger.getLogger("io.cadc4j");
    private final SimpleFormatter format = new SimpleFormatter();
    private final List<String> lines = new ArrayList<>();
    private Level oldLevel;

    void attach() {
        oldLevel = logger.getLevel();
        logger.setLevel(Level.ALL);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    void detach() {
        logger.removeHandler(this);
        logger.setLevel(oldLevel);
    }

    /** @return the lines so far, formatted as a console handler would */
    synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        lines.add(format.format(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
