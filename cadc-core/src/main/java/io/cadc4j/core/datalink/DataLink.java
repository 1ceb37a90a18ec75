// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a DataLink answer: for the identifier {@link #id()}, either a link to fetch
 * ({@link #accessUrl()}), a service to call ({@link #serviceDef()}), or why there is none
 * ({@link #errorMessage()}).
 *
 * <p>Immutable and thread-safe.
 */
public final class DataLink {
    private final String id;
    private final URI accessUrl;
    private final String serviceDef;
    private final String errorMessage;
    private final Semantics semantics;
    private final String contentType;

    private DataLink(String id, URI accessUrl, String serviceDef, String errorMessage, Semantics semantics,
            String contentType) {
        this.id = id;
        this.accessUrl = accessUrl;
        this.serviceDef = serviceDef;
        this.errorMessage = errorMessage;
        this.semantics = semantics;
        this.contentType = contentType;
    }

    /**
     * Makes a row.
     *
     * @param id the identifier this row answers
     * @param accessUrl the link, or null
     * @param serviceDef the service descriptor id, or null
     * @param errorMessage why there is no link, or null
     * @param semantics the semantics
     * @param contentType the media type of the target, or null
     * @return the row
     */
    public static DataLink of(String id, URI accessUrl, String serviceDef, String errorMessage, Semantics semantics,
            String contentType) {
        return new DataLink(Objects.requireNonNull(id, "id"), accessUrl, serviceDef, errorMessage,
                Objects.requireNonNull(semantics, "semantics"), contentType);
    }

    /** @return the identifier this row answers */
    public String id() {
        return id;
    }

    /** @return the URL to fetch, if this row has one */
    public Optional<URI> accessUrl() {
        return Optional.ofNullable(accessUrl);
    }

    /** @return the id of the service descriptor to call, if this row names one */
    public Optional<String> serviceDef() {
        return Optional.ofNullable(serviceDef);
    }

    /** @return why this row has no link, if it is an error row */
    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }

    /** @return the semantics */
    public Semantics semantics() {
        return semantics;
    }

    /** @return the target's media type, if given */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DataLink)) {
            return false;
        }
        DataLink d = (DataLink) o;
        return id.equals(d.id) && Objects.equals(accessUrl, d.accessUrl) && Objects.equals(serviceDef, d.serviceDef)
                && Objects.equals(errorMessage, d.errorMessage) && semantics.equals(d.semantics)
                && Objects.equals(contentType, d.contentType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, accessUrl, serviceDef, errorMessage, semantics);
    }

    @Override
    public String toString() {
        return id + " " + semantics + " " + (accessUrl != null ? accessUrl : serviceDef != null ? serviceDef : errorMessage);
    }
}
