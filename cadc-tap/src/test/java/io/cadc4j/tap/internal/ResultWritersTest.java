// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.CadcException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultWritersTest {
    @TempDir
    Path dir;

    @Test
    void csvQuotesOnlyFieldsWithCommasQuotesOrLineBreaks() {
        assertThat(ResultWriters.csvField("plain 1.5")).isEqualTo("plain 1.5");
        assertThat(ResultWriters.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(ResultWriters.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ResultWriters.csvField("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void tsvEscapesTabsLineBreaksAndBackslashes() {
        assertThat(ResultWriters.tsvField("plain, text")).isEqualTo("plain, text");
        assertThat(ResultWriters.tsvField("a\tb\nc\rd\\e")).isEqualTo("a\\tb\\nc\\rd\\\\e");
    }

    @Test
    void atomicWriteReplacesTheTargetOnlyWhenTheBodyCompletes() throws IOException {
        Path target = Files.writeString(dir.resolve("out.csv"), "old", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ResultWriters.atomically(target, out -> {
            out.write("partial".getBytes(StandardCharsets.UTF_8));
            throw new CadcException("the server went away");
        })).isInstanceOf(CadcException.class).hasMessage("the server went away");
        assertThat(Files.readString(target)).isEqualTo("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }

        ResultWriters.atomically(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(target)).isEqualTo("new");
    }

    @Test
    void refusesATargetInAMissingDirectoryOrADirectory() {
        assertThatThrownBy(() -> ResultWriters.atomically(dir.resolve("nope/out.csv"), out -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("directory does not exist");
        assertThatThrownBy(() -> ResultWriters.atomically(dir, out -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a directory");
    }

    @Test
    void xmlIsToldFromTextAndHtmlByItsStart() {
        assertThat(Responses.looksLikeXml("\uFEFF  <?xml version='1.0'?><VOTABLE/>".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(Responses.looksLikeXml(new byte[] {0x1f, (byte) 0x8b, 8})).isTrue();
        assertThat(Responses.looksLikeXml("IllegalArgumentException: bad".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(Responses.looksLikeXml("<!DOCTYPE html><html>".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(Responses.readable("<html><head><title>x</title></head><body><p>down  now</p></body></html>"
                .getBytes(StandardCharsets.UTF_8), "text/html")).isEqualTo("down now");
    }
}
