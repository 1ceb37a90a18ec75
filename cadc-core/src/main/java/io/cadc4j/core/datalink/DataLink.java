// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of a DataLink answer (DataLink 1.1 §3.2): for the identifier {@link #id()}, either a
 * link to fetch ({@link #accessUrl()}), a service to call ({@link #serviceDef()}, with its
 * descriptor already bound to this row in {@link #service()}), or why there is none
 * ({@link #errorMessage()}). Every column of DataLink 1.1 is kept.
 *
 * <p>Immutable and thread-safe.
 */
public final class DataLink {
    private final String id;
    private final URI accessUrl;
    private final String serviceDef;
    private final String errorMessage;
    private final Semantics semantics;
    private final String description;
    private final String contentType;
    private final Long contentLength;
    private final String contentQualifier;
    private final String localSemantics;
    private final String linkAuth;
    private final Boolean linkAuthorized;
    private final ServiceDescriptor service;

    private DataLink(Builder b) {
        this.id = b.id;
        this.accessUrl = b.accessUrl;
        this.serviceDef = b.serviceDef;
        this.errorMessage = b.errorMessage;
        this.semantics = b.semantics;
        this.description = b.description;
        this.contentType = b.contentType;
        this.contentLength = b.contentLength;
        this.contentQualifier = b.contentQualifier;
        this.localSemantics = b.localSemantics;
        this.linkAuth = b.linkAuth;
        this.linkAuthorized = b.linkAuthorized;
        this.service = b.service;
    }

    /**
     * Makes a row with the columns of DataLink 1.0's core.
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
        return builder(id, semantics).accessUrl(accessUrl).serviceDef(serviceDef).errorMessage(errorMessage)
                .contentType(contentType).build();
    }

    /**
     * Starts a row.
     *
     * @param id the identifier the row answers
     * @param semantics the row's semantics
     * @return a builder
     */
    public static Builder builder(String id, Semantics semantics) {
        return new Builder(Objects.requireNonNull(id, "id"), Objects.requireNonNull(semantics, "semantics"));
    }

    /** @return a builder holding this row's values */
    public Builder toBuilder() {
        Builder b = new Builder(id, semantics);
        b.accessUrl = accessUrl;
        b.serviceDef = serviceDef;
        b.errorMessage = errorMessage;
        b.description = description;
        b.contentType = contentType;
        b.contentLength = contentLength;
        b.contentQualifier = contentQualifier;
        b.localSemantics = localSemantics;
        b.linkAuth = linkAuth;
        b.linkAuthorized = linkAuthorized;
        b.service = service;
        return b;
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

    /** @return true if this row reports an error instead of a link */
    public boolean isError() {
        return errorMessage != null;
    }

    /** @return the semantics */
    public Semantics semantics() {
        return semantics;
    }

    /** @return the human description, if given */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the target's media type, if given */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** @return the target's size in bytes, if given */
    public OptionalLong contentLength() {
        return contentLength == null ? OptionalLong.empty() : OptionalLong.of(contentLength);
    }

    /** @return the DataLink 1.1 {@code content_qualifier} (such as {@code #image}), if given */
    public Optional<String> contentQualifier() {
        return Optional.ofNullable(contentQualifier);
    }

    /** @return the provider's {@code local_semantics} label, if given */
    public Optional<String> localSemantics() {
        return Optional.ofNullable(localSemantics);
    }

    /** @return the DataLink 1.1 {@code link_auth} ({@code false}, {@code optional} or {@code true}), if given */
    public Optional<String> linkAuth() {
        return Optional.ofNullable(linkAuth);
    }

    /** @return the DataLink 1.1 {@code link_authorized}: whether the caller may follow the link, if given */
    public Optional<Boolean> linkAuthorized() {
        return Optional.ofNullable(linkAuthorized);
    }

    /**
     * The service descriptor this row's {@link #serviceDef()} names, with its {@code ref=}
     * parameters already given this row's values.
     *
     * @return the bound descriptor, if this row names one the document holds
     */
    public Optional<ServiceDescriptor> service() {
        return Optional.ofNullable(service);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DataLink)) {
            return false;
        }
        DataLink d = (DataLink) o;
        return id.equals(d.id) && Objects.equals(accessUrl, d.accessUrl) && Objects.equals(serviceDef, d.serviceDef)
                && Objects.equals(errorMessage, d.errorMessage) && semantics.equals(d.semantics)
                && Objects.equals(description, d.description) && Objects.equals(contentType, d.contentType)
                && Objects.equals(contentLength, d.contentLength)
                && Objects.equals(contentQualifier, d.contentQualifier)
                && Objects.equals(localSemantics, d.localSemantics) && Objects.equals(linkAuth, d.linkAuth)
                && Objects.equals(linkAuthorized, d.linkAuthorized) && Objects.equals(service, d.service);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, accessUrl, serviceDef, errorMessage, semantics);
    }

    @Override
    public String toString() {
        return id + " " + semantics + " " + (accessUrl != null ? accessUrl : serviceDef != null ? serviceDef : errorMessage);
    }

    /**
     * Builds a {@link DataLink}. Single-threaded.
     */
    public static final class Builder {
        private final String id;
        private final Semantics semantics;
        private URI accessUrl;
        private String serviceDef;
        private String errorMessage;
        private String description;
        private String contentType;
        private Long contentLength;
        private String contentQualifier;
        private String localSemantics;
        private String linkAuth;
        private Boolean linkAuthorized;
        private ServiceDescriptor service;

        private Builder(String id, Semantics semantics) {
            this.id = id;
            this.semantics = semantics;
        }

        /**
         * @param accessUrl the link, or null for none
         * @return this builder
         */
        public Builder accessUrl(URI accessUrl) {
            this.accessUrl = accessUrl;
            return this;
        }

        /**
         * @param serviceDef the descriptor id, or null for none
         * @return this builder
         */
        public Builder serviceDef(String serviceDef) {
            this.serviceDef = blankToNull(serviceDef);
            return this;
        }

        /**
         * @param errorMessage the error, or null for none
         * @return this builder
         */
        public Builder errorMessage(String errorMessage) {
            this.errorMessage = blankToNull(errorMessage);
            return this;
        }

        /**
         * @param description the description, or null
         * @return this builder
         */
        public Builder description(String description) {
            this.description = blankToNull(description);
            return this;
        }

        /**
         * @param contentType the media type, or null
         * @return this builder
         */
        public Builder contentType(String contentType) {
            this.contentType = blankToNull(contentType);
            return this;
        }

        /**
         * @param contentLength the size in bytes, or null (a negative size counts as unknown)
         * @return this builder
         */
        public Builder contentLength(Long contentLength) {
            this.contentLength = contentLength == null || contentLength < 0 ? null : contentLength;
            return this;
        }

        /**
         * @param contentQualifier the content qualifier, or null
         * @return this builder
         */
        public Builder contentQualifier(String contentQualifier) {
            this.contentQualifier = blankToNull(contentQualifier);
            return this;
        }

        /**
         * @param localSemantics the local semantics, or null
         * @return this builder
         */
        public Builder localSemantics(String localSemantics) {
            this.localSemantics = blankToNull(localSemantics);
            return this;
        }

        /**
         * @param linkAuth the link_auth value, or null
         * @return this builder
         */
        public Builder linkAuth(String linkAuth) {
            this.linkAuth = blankToNull(linkAuth);
            return this;
        }

        /**
         * @param linkAuthorized the link_authorized value, or null
         * @return this builder
         */
        public Builder linkAuthorized(Boolean linkAuthorized) {
            this.linkAuthorized = linkAuthorized;
            return this;
        }

        /**
         * @param service the bound descriptor, or null
         * @return this builder
         */
        public Builder service(ServiceDescriptor service) {
            this.service = service;
            return this;
        }

        /** @return the row */
        public DataLink build() {
            return new DataLink(this);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
