// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.QueryException;
import io.cadc4j.core.internal.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTest {

    @Test
    void writesTheFileAndCountsItsBytes(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.csv");

        long n = AtomicFiles.write(target, out -> out.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(n).isEqualTo(8);
        assertThat(Files.readString(target)).isEqualTo("a,b\n1,2\n");
        assertThat(listing(dir)).containsExactly("out.csv");
    }

    @Test
    void theFileGetsTheModeTheUmaskGivesAnyNewFile(@TempDir Path dir) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "no POSIX permissions here");
        Path plain = Files.createFile(dir.resolve("plain")); // what a shell's '>' would make
        Path target = dir.resolve("out.csv");

        AtomicFiles.write(target, out -> out.write('x'));

        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void aFailingWriterLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("connection reset");
        })).isInstanceOf(CadcException.class).hasMessageContaining("out.csv").hasMessageContaining("connection reset");
        QueryException query = new QueryException("bad ADQL", null, null, null);
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            throw query;
        })).isSameAs(query);

        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(listing(dir)).containsExactly("out.csv");
    }

    @Test
    void refusesAMissingDirectoryOrADirectoryTarget(@TempDir Path dir) {
        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("nope/out.csv"), out -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("directory does not exist");
        assertThatThrownBy(() -> AtomicFiles.write(dir, out -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a directory");
    }

    private static String[] listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }
}
