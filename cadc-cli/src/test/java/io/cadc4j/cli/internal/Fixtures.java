// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared captured documents. */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String relative) {
        String dir = System.getProperty("cadc4j.repo.dir");
        Path base = dir != null ? Path.of(dir) : Path.of("..");
        Path p = base.resolve("fixtures").resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("fixture missing: " + p.toAbsolutePath());
        }
        return p;
    }
}
