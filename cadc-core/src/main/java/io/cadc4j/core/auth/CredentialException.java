// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.auth;

import io.cadc4j.core.AuthenticationException;
import java.util.Objects;

/**
 * Credentials could not be made from what the user gave: a certificate file that is missing,
 * holds no key or no certificate, an encrypted or unsupported key, a key that does not belong to the
 * certificate, a certificate that is expired or not yet valid, an unreadable netrc file. The
 * {@link #reason()} says which; the message says it for a person, with the file and the dates, and
 * never quotes key material or passwords.
 *
 * <p>Immutable and thread-safe.
 */
public class CredentialException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    /** Why credentials could not be made. */
    public enum Reason {
        /** The file does not exist. */
        FILE_NOT_FOUND,
        /** The file exists but cannot be read. */
        FILE_UNREADABLE,
        /** The file is not in the expected format (PEM, netrc). */
        MALFORMED,
        /** A PEM file holds no certificate. */
        NO_CERTIFICATE,
        /** A PEM file holds no private key. */
        NO_PRIVATE_KEY,
        /** The private key is encrypted; only unencrypted keys are read. */
        ENCRYPTED_KEY,
        /** The private key's algorithm or encoding is not supported. */
        UNSUPPORTED_KEY,
        /** The private key belongs to none of the certificates. */
        KEY_MISMATCH,
        /** A certificate of the chain has expired. */
        EXPIRED,
        /** A certificate of the chain is not valid yet. */
        NOT_YET_VALID,
        /** The JDK could not build the TLS context from the key and chain. */
        TLS_SETUP
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason why
     * @param message the whole message, free of secrets
     * @param cause the underlying failure, or null
     */
    public CredentialException(Reason reason, String message, Throwable cause) {
        super(message, 0, null, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Why the credentials could not be made.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
