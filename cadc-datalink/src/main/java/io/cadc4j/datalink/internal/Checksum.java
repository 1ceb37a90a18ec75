// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.datalink.internal;

import io.cadc4j.core.spi.HttpHeaders;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * A checksum a server announced for a whole file, read from its response headers. Immutable.
 *
 * <p>Sources, strongest algorithm first:
 * <ul>
 *   <li>{@code Repr-Digest} (RFC 9530): {@code sha-512=:base64:}, {@code sha-256=:base64:};</li>
 *   <li>{@code Digest} (RFC 3230, RFC 5843): {@code SHA-512=base64}, {@code SHA-256=base64},
 *       {@code MD5=base64}, comma-separated; CADC's storage services send {@code Digest: md5=...};</li>
 *   <li>{@code Content-MD5} (RFC 1864): base64, or the 32 hexadecimal digits older CADC services
 *       send. It describes the body of this very message, so it is not used for a 206 answer,
 *       whose body is only part of the file.</li>
 * </ul>
 */
final class Checksum {
    private final String algorithm;
    private final byte[] expected;

    private Checksum(String algorithm, byte[] expected) {
        this.algorithm = algorithm;
        this.expected = expected;
    }

    static Checksum of(String algorithm, byte[] expected) {
        return new Checksum(algorithm, expected.clone());
    }

    static Optional<Checksum> fromHeaders(HttpHeaders headers, boolean wholeBody) {
        Checksum best = null;
        for (String value : headers.allValues("Repr-Digest")) {
            for (String item : value.split(",")) {
                best = stronger(best, parse(item, true));
            }
        }
        for (String value : headers.allValues("Digest")) {
            for (String item : value.split(",")) {
                best = stronger(best, parse(item, false));
            }
        }
        if (best == null && wholeBody) {
            Optional<String> md5 = headers.firstValue("Content-MD5").map(String::strip);
            if (md5.isPresent()) {
                best = md5(md5.get());
            }
        }
        return Optional.ofNullable(best);
    }

    String algorithm() {
        return algorithm;
    }

    String expectedHex() {
        return hex(expected);
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + algorithm, e);
        }
    }

    boolean matches(byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }

    /** The text kept next to a partial file: {@code ALGORITHM:hex}. */
    String serialize() {
        return algorithm + ":" + hex(expected);
    }

    static Optional<Checksum> deserialize(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        byte[] bytes = unhex(text.substring(colon + 1));
        return bytes == null ? Optional.empty() : Optional.of(new Checksum(text.substring(0, colon), bytes));
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }

    private static Checksum parse(String item, boolean structured) {
        int eq = item.indexOf('=');
        if (eq < 0) {
            return null;
        }
        String alg = item.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String value = item.substring(eq + 1).strip();
        if (structured) {
            // RFC 8941 byte sequence: :base64:
            if (value.length() < 2 || !value.startsWith(":") || !value.endsWith(":")) {
                return null;
            }
            value = value.substring(1, value.length() - 1);
        }
        String javaName;
        int length;
        switch (alg) {
            case "sha-512":
                javaName = "SHA-512";
                length = 64;
                break;
            case "sha-256":
                javaName = "SHA-256";
                length = 32;
                break;
            case "md5":
                javaName = "MD5";
                length = 16;
                break;
            default:
                return null;
        }
        // Hexadecimal (seen from some servers) and base64 never have the same length for one algorithm.
        byte[] bytes = value.length() == length * 2 ? unhex(value) : base64(value);
        return bytes != null && bytes.length == length ? new Checksum(javaName, bytes) : null;
    }

    private static Checksum md5(String value) {
        byte[] bytes = value.length() == 32 ? unhex(value) : base64(value);
        return bytes != null && bytes.length == 16 ? new Checksum("MD5", bytes) : null;
    }

    private static Checksum stronger(Checksum a, Checksum b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return rank(b.algorithm) > rank(a.algorithm) ? b : a;
    }

    private static int rank(String algorithm) {
        return "SHA-512".equals(algorithm) ? 3 : "SHA-256".equals(algorithm) ? 2 : 1;
    }

    private static byte[] base64(String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] unhex(String value) {
        if (value.length() % 2 != 0) {
            return null;
        }
        byte[] out = new byte[value.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(value.charAt(2 * i), 16);
            int lo = Character.digit(value.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) (hi * 16 + lo);
        }
        return out;
    }
}
