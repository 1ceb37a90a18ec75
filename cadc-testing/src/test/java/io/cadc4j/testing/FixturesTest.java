// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixturesTest {
    private static final String DOC = "dachs/tap_capabilities.xml";

    @Test
    void findsACapturedDocumentInTheRepository() throws IOException {
        assertThat(Fixtures.path(DOC)).isRegularFile().startsWith(Fixtures.dir());
        assertThat(Fixtures.bytes(DOC)).isEqualTo(Files.readAllBytes(Fixtures.path(DOC)));
        assertThat(Fixtures.uri(DOC).toString()).isEqualTo("http://fixtures.test/" + DOC);
    }

    @Test
    void aMissingDocumentIsNamedWhereItWasLookedFor() {
        assertThatThrownBy(() -> Fixtures.bytes("dachs/no-such-document.xml")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("fixture missing: ").hasMessageContaining("fixtures/dachs/no-such-document.xml");
    }

    @Test
    void everyChunkingHandsOverTheSameBytes() throws IOException {
        byte[] doc = Fixtures.bytes(DOC);
        for (Fixtures.Chunking c : Fixtures.Chunking.values()) {
            assertThat(readInBigReads(c.open(doc), new ArrayList<>())).as(c.name()).isEqualTo(doc);
        }
    }

    @Test
    void oneByteGivesOneByteAReadAndRandomChunksSmallPiecesTheSameEachTime() throws IOException {
        byte[] doc = Fixtures.bytes(DOC);
        List<Integer> single = new ArrayList<>();
        readInBigReads(Fixtures.Chunking.ONE_BYTE.open(doc), single);
        assertThat(single).hasSize(doc.length).containsOnly(1);

        List<Integer> pieces = new ArrayList<>();
        readInBigReads(Fixtures.Chunking.RANDOM_CHUNKS.open(doc), pieces);
        assertThat(pieces).allMatch(n -> n >= 1 && n <= 37);
        assertThat(pieces.stream().distinct().count()).isGreaterThan(10);
        List<Integer> again = new ArrayList<>();
        readInBigReads(Fixtures.Chunking.RANDOM_CHUNKS.open(doc), again);
        assertThat(again).isEqualTo(pieces);

        List<Integer> whole = new ArrayList<>();
        readInBigReads(Fixtures.Chunking.WHOLE.open(doc), whole);
        assertThat(whole).containsExactly(doc.length);
    }

    @Test
    void aReadOfNothingReturnsNothingWithoutConsuming() throws IOException {
        InputStream in = Fixtures.Chunking.RANDOM_CHUNKS.open(new byte[] {1, 2, 3});
        assertThat(in.read(new byte[4], 0, 0)).isZero();
        assertThat(in.read()).isEqualTo(1);
    }

    /** Reads with a buffer larger than the document, recording the size of every read. */
    private static byte[] readInBigReads(InputStream in, List<Integer> sizes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 20];
        for (int n; (n = in.read(buf, 0, buf.length)) > 0; ) {
            sizes.add(n);
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
