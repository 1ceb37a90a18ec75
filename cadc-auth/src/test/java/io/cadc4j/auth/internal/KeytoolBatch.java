// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.auth.internal;

import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs many {@code keytool} commands in one child JVM (see {@link TestPki}): a JVM start per
 * command costs more than the commands themselves. Each line of the file named by the argument is
 * one command, its arguments separated by tabs. The child is started with
 * {@code --add-exports java.base/sun.security.tools.keytool=ALL-UNNAMED}; keytool exits the JVM
 * with a non-zero status when a command fails.
 */
final class KeytoolBatch {
    private KeytoolBatch() {
    }

    public static void main(String[] args) throws ReflectiveOperationException, java.io.IOException {
        java.lang.reflect.Method keytool = Class.forName("sun.security.tools.keytool.Main").getMethod("main", String[].class);
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                try {
                    keytool.invoke(null, (Object) line.split("\t"));
                } catch (InvocationTargetException e) {
                    System.err.println("keytool " + line.replace('\t', ' ') + " failed: " + e.getCause());
                    System.exit(2);
                }
            }
        }
    }
}
