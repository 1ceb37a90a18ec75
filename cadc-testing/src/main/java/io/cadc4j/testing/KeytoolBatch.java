// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.testing;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs many {@code keytool} commands in one child JVM for {@link TestPki}: a JVM start per command
 * costs more than the commands themselves. It calls the main class the {@code keytool} launcher
 * runs, so the child is started with {@code --add-exports java.base/sun.security.tools.keytool=ALL-UNNAMED}.
 * Each line of the file named by the argument is one command, its arguments separated by tabs;
 * keytool ends the JVM with a non-zero status when a command fails, and so does this on any other
 * failure.
 */
final class KeytoolBatch {
    private KeytoolBatch() {
    }

    public static void main(String[] args) throws IOException, ReflectiveOperationException {
        Method keytool = Class.forName("sun.security.tools.keytool.Main").getMethod("main", String[].class);
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                keytool.invoke(null, (Object) line.split("\t"));
            } catch (InvocationTargetException e) {
                System.err.println("keytool " + line.replace('\t', ' ') + " failed: " + e.getCause());
                System.exit(2);
            }
        }
    }
}
