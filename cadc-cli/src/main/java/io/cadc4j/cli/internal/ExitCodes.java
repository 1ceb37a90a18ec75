// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.AuthenticationException;
import io.cadc4j.core.AuthorizationException;
import io.cadc4j.core.CadcException;
import io.cadc4j.core.QueryException;

/**
 * The exit codes of the {@code cadc} command, as its help text documents them.
 *
 * <p>Stateless and thread-safe.
 */
final class ExitCodes {
    /** Success. */
    static final int OK = 0;
    /** An unexpected failure (a bug, or the output could not be written). */
    static final int FAILURE = 1;
    /** Bad arguments: unknown option, unreadable coordinates or angle, missing console for a password. */
    static final int USAGE = 2;
    /** The service failed or could not be reached (HTTP error, network, timeout, malformed answer, not found). */
    static final int SERVICE = 3;
    /** The service rejected the query, or the job ended in error. */
    static final int QUERY = 4;
    /** Authentication or authorisation failed (login refused, unusable certificate or netrc, access denied). */
    static final int AUTHENTICATION = 5;
    /** Some links or downloads failed (each reported on stderr); the others completed. */
    static final int PARTIAL = 6;

    /** The lines the help text ends with: each shorter than 80 characters, so none is wrapped. */
    static final String HELP = "%nExit codes:%n"
            + "  0  success%n"
            + "  1  unexpected failure (the output file cannot be written, say)%n"
            + "  2  usage: bad arguments, unreadable coordinates or angle%n"
            + "  3  service: HTTP error, network failure, timeout, bad answer, not found%n"
            + "  4  query: the service rejected the query, or the job failed%n"
            + "  5  authentication: login refused, bad certificate or netrc, access%n"
            + "     denied, or every download refused for want of credentials%n"
            + "  6  partial: some links or downloads failed (each reported on stderr),%n"
            + "     the others completed%n"
            + "130  interrupted (Ctrl-C); 143 terminated (SIGTERM)%n";

    private ExitCodes() {
    }

    /**
     * The exit code for a failure.
     *
     * @param e the failure
     * @return the code
     */
    static int of(Throwable e) {
        if (e instanceof AuthenticationException || e instanceof AuthorizationException) {
            return AUTHENTICATION;
        }
        if (e instanceof QueryException) {
            return QUERY;
        }
        if (e instanceof CadcException) {
            return SERVICE;
        }
        if (e instanceof IllegalArgumentException || e instanceof UsageException) {
            return USAGE;
        }
        return FAILURE;
    }

    /** A misuse the command finds itself (not picocli): reported with {@link #USAGE}. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
