// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The service ran, or tried to run, a query and reported that it failed: a VOTable with
 * {@code QUERY_STATUS=ERROR} (even under HTTP 200), a UWS job in phase ERROR, a DataLink error row.
 *
 * <p>{@link #serverMessage()} is the server's own text, for instance an ADQL syntax error with its
 * position. {@link #jobId()} names the UWS job when the query ran asynchronously.
 *
 * <p>Immutable and thread-safe.
 */
public class QueryException extends CadcException {
    private static final long serialVersionUID = 1L;

    private final String serverMessage;
    private final String jobId;

    /**
     * Creates the exception.
     *
     * @param serverMessage the server's error text, never null
     * @param requestUri the URI whose answer reported the error, or null
     * @param jobId the UWS job id, or null for a synchronous query
     * @param cause the underlying failure, or null
     */
    public QueryException(String serverMessage, URI requestUri, String jobId, Throwable cause) {
        super(describe(serverMessage, requestUri, jobId), requestUri, false, cause);
        this.serverMessage = Objects.requireNonNull(serverMessage, "serverMessage");
        this.jobId = jobId;
    }

    /**
     * The server's error text, as it sent it.
     *
     * @return the message, never null
     */
    public String serverMessage() {
        return serverMessage;
    }

    /**
     * The id of the UWS job that failed.
     *
     * @return the job id, or empty for a synchronous query
     */
    public Optional<String> jobId() {
        return Optional.ofNullable(jobId);
    }

    private static String describe(String serverMessage, URI requestUri, String jobId) {
        StringBuilder sb = new StringBuilder("query failed");
        if (jobId != null) {
            sb.append(" (job ").append(jobId).append(')');
        }
        if (requestUri != null) {
            sb.append(" at ").append(requestUri);
        }
        return sb.append(": ").append(serverMessage).toString();
    }
}
