// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.datalink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.spi.HttpHeaders;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ChecksumTest {
    private static final byte[] BODY = "SIMPLE  =                    T".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static byte[] digest(String alg) throws Exception {
        return MessageDigest.getInstance(alg).digest(BODY);
    }

    @Test
    void readsDigestAndPrefersTheStrongestAlgorithm() throws Exception {
        String md5 = Base64.getEncoder().encodeToString(digest("MD5"));
        String sha = Base64.getEncoder().encodeToString(digest("SHA-256"));
        Checksum c = Checksum.fromHeaders(HttpHeaders.builder().add("Digest", "MD5=" + md5 + ", SHA-256=" + sha)
                .build(), true).get();
        assertThat(c.algorithm()).isEqualTo("SHA-256");
        assertThat(c.matches(digest("SHA-256"))).isTrue();
        assertThat(Checksum.fromHeaders(HttpHeaders.builder().add("Digest", "md5=" + md5).build(), true).get()
                .algorithm()).isEqualTo("MD5");
    }

    @Test
    void readsReprDigestByteSequences() throws Exception {
        String sha = Base64.getEncoder().encodeToString(digest("SHA-512"));
        Checksum c = Checksum.fromHeaders(HttpHeaders.builder().add("Repr-Digest", "sha-512=:" + sha + ":").build(),
                false).get();
        assertThat(c.algorithm()).isEqualTo("SHA-512");
        assertThat(c.matches(digest("SHA-512"))).isTrue();
    }

    @Test
    void readsContentMd5InBase64OrHexOnlyForAWholeBody() throws Exception {
        String hex = Checksum.hex(digest("MD5"));
        assertThat(Checksum.fromHeaders(HttpHeaders.builder().add("Content-MD5", hex).build(), true).get()
                .matches(digest("MD5"))).isTrue();
        assertThat(Checksum.fromHeaders(HttpHeaders.builder().add("Content-MD5",
                Base64.getEncoder().encodeToString(digest("MD5"))).build(), true).get().matches(digest("MD5"))).isTrue();
        assertThat(Checksum.fromHeaders(HttpHeaders.builder().add("Content-MD5", hex).build(), false)).isEmpty();
    }

    @Test
    void ignoresUnknownAlgorithmsAndMalformedValues() {
        assertThat(Checksum.fromHeaders(HttpHeaders.builder().add("Digest", "adler32=AAAA, md5=not!base64").build(),
                true)).isEmpty();
        assertThat(Checksum.fromHeaders(HttpHeaders.builder().add("Content-MD5", "abc").build(), true)).isEmpty();
        assertThat(Checksum.fromHeaders(HttpHeaders.empty(), true)).isEmpty();
    }

    @Test
    void survivesTheTripThroughAPartialFilesState() throws Exception {
        Checksum c = Checksum.of("SHA-256", digest("SHA-256"));
        Checksum back = Checksum.deserialize(c.serialize()).get();
        assertThat(back.algorithm()).isEqualTo("SHA-256");
        assertThat(back.matches(digest("SHA-256"))).isTrue();
        assertThat(Checksum.deserialize("garbage")).isEmpty();
    }
}
