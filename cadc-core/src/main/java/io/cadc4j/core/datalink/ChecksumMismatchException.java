// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import io.cadc4j.core.CadcException;
import java.net.URI;
import java.util.Objects;

/**
 * A downloaded body does not match the checksum its server sent ({@code Digest},
 * {@code Repr-Digest} or {@code Content-MD5}). The partial file has been deleted, so a new attempt
 * starts from the beginning; the failure is transient, as a corrupted transfer may succeed when
 * tried again.
 *
 * <p>Immutable and thread-safe.
 */
public class ChecksumMismatchException extends CadcException {
    private static final long serialVersionUID = 1L;

    private final String algorithm;
    private final String expected;
    private final String actual;

    /**
     * Creates the exception.
     *
     * @param requestUri the URL downloaded
     * @param algorithm the checksum algorithm, e.g. {@code MD5} or {@code SHA-256}
     * @param expected the checksum the server sent, in hexadecimal
     * @param actual the checksum of the bytes received, in hexadecimal
     */
    public ChecksumMismatchException(URI requestUri, String algorithm, String expected, String actual) {
        super("the " + Objects.requireNonNull(algorithm, "algorithm") + " checksum of the body of " + requestUri
                + " is " + actual + " but the server announced " + expected + "; the partial file was deleted",
                requestUri, true, null);
        this.algorithm = algorithm;
        this.expected = Objects.requireNonNull(expected, "expected");
        this.actual = Objects.requireNonNull(actual, "actual");
    }

    /** @return the checksum algorithm, e.g. {@code MD5} */
    public String algorithm() {
        return algorithm;
    }

    /** @return the checksum the server announced, in lower-case hexadecimal */
    public String expected() {
        return expected;
    }

    /** @return the checksum of the bytes received, in lower-case hexadecimal */
    public String actual() {
        return actual;
    }
}
