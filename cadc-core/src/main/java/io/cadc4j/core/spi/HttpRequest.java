// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request: method, absolute URI, header fields, an optional streamed body and an optional
 * timeout that overrides the client's request timeout.
 *
 * <p>{@link #toString()} shows the method and URI only; header values may be credentials.
 *
 * <p>Immutable and thread-safe (the body is as safe as the {@link RequestBody} given); {@link Builder}
 * is single-threaded.
 */
public final class HttpRequest {
    private final String method;
    private final URI uri;
    private final HttpHeaders headers;
    private final RequestBody body;
    private final Duration timeout;
    private final boolean markedSafe;
    private final boolean sentOnce;

    private HttpRequest(Builder b) {
        this.method = b.method;
        this.uri = b.uri;
        this.headers = b.headers.build();
        this.body = b.body;
        this.timeout = b.timeout;
        this.markedSafe = b.markedSafe;
        this.sentOnce = b.sentOnce;
    }

    /**
     * Starts a GET request to a URI.
     *
     * @param uri an absolute http or https URI
     * @return a new builder
     * @throws IllegalArgumentException if the URI is not absolute http(s)
     */
    public static Builder newBuilder(URI uri) {
        return new Builder(uri);
    }

    /**
     * Starts a builder holding a copy of this request.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(uri);
        b.method = method;
        b.headers = headers.toBuilder();
        b.body = body;
        b.timeout = timeout;
        b.markedSafe = markedSafe;
        b.sentOnce = sentOnce;
        return b;
    }

    /**
     * The request method, upper case.
     *
     * @return e.g. {@code GET} or {@code POST}
     */
    public String method() {
        return method;
    }

    /**
     * The absolute target URI.
     *
     * @return the URI
     */
    public URI uri() {
        return uri;
    }

    /**
     * The header fields set on the request.
     *
     * @return the headers
     */
    public HttpHeaders headers() {
        return headers;
    }

    /**
     * The request body.
     *
     * @return the body, or empty for a request without one
     */
    public Optional<RequestBody> body() {
        return Optional.ofNullable(body);
    }

    /**
     * The timeout for this request, overriding the client's.
     *
     * @return the timeout, or empty to use the client's request timeout
     */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * Whether the request may be sent again after a failure or a "come back later" answer: a GET
     * or HEAD, or a request its sender {@linkplain Builder#safeToRepeat() marked} as a read (a TAP
     * sync query, a DataLink links call), and in either case without a body or with one that can
     * be {@linkplain RequestBody#isRepeatable() replayed}. A UWS job creation or a login is never
     * marked.
     *
     * @return true when {@link HttpPipeline} may retry it
     */
    public boolean isSafeToRepeat() {
        if (body != null && !body.isRepeatable()) {
            return false;
        }
        return !sentOnce && (markedSafe || "GET".equals(method) || "HEAD".equals(method));
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }

    /** Collects the parts of a request. Single-threaded. */
    public static final class Builder {
        private String method = "GET";
        private URI uri;
        private HttpHeaders.Builder headers = HttpHeaders.builder();
        private RequestBody body;
        private Duration timeout;
        private boolean markedSafe;
        private boolean sentOnce;

        private Builder(URI uri) {
            uri(uri);
        }

        /**
         * Sets the target URI.
         *
         * @param uri an absolute http or https URI
         * @return this builder
         */
        public Builder uri(URI uri) {
            Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme();
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw new IllegalArgumentException("not an absolute http(s) URI with a host: " + uri);
            }
            this.uri = uri;
            return this;
        }

        /**
         * Makes this a GET request with no body.
         *
         * @return this builder
         */
        public Builder GET() {
            return method("GET", null);
        }

        /**
         * Makes this a POST request with a body.
         *
         * @param body the body
         * @return this builder
         */
        public Builder POST(RequestBody body) {
            return method("POST", Objects.requireNonNull(body, "body"));
        }

        /**
         * Makes this a DELETE request with no body.
         *
         * @return this builder
         */
        public Builder DELETE() {
            return method("DELETE", null);
        }

        /**
         * Sets any method and body.
         *
         * @param method an HTTP method name, e.g. {@code HEAD}, {@code PUT}
         * @param body the body, or null for none
         * @return this builder
         */
        public Builder method(String method, RequestBody body) {
            Objects.requireNonNull(method, "method");
            String m = method.strip().toUpperCase(Locale.ROOT);
            if (m.isEmpty() || !m.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c == '-' || c == '_')) {
                throw new IllegalArgumentException("not an HTTP method: '" + method + "'");
            }
            this.method = m;
            this.body = body;
            return this;
        }

        /**
         * Adds a header value after any the field already has.
         *
         * @param name the field name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        /**
         * Replaces a header field's values with one value.
         *
         * @param name the field name
         * @param value the value
         * @return this builder
         */
        public Builder setHeader(String name, String value) {
            headers.set(name, value);
            return this;
        }

        /**
         * Removes a header field.
         *
         * @param name the field name, in any case
         * @return this builder
         */
        public Builder removeHeader(String name) {
            headers.remove(name);
            return this;
        }

        /**
         * Whether a header field is set.
         *
         * @param name the field name, in any case
         * @return true when it is set
         */
        public boolean hasHeader(String name) {
            return headers.contains(name);
        }

        /**
         * Sets this request's timeout, overriding the client's request timeout.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Marks the request as a read that changes nothing on the server, so that it may be sent
         * again (a POST of a TAP sync query or a DataLink links call). Never for a request that
         * creates something or logs in.
         *
         * @return this builder
         */
        public Builder safeToRepeat() {
            this.markedSafe = true;
            return this;
        }

        /**
         * Asks the pipeline to send the request once, never to retry it, even a GET: for a caller
         * that has its own way past a failure (a name resolver that fails over to its next mirror).
         *
         * @return this builder
         */
        public Builder sendOnce() {
            this.sentOnce = true;
            return this;
        }

        /**
         * Makes the request.
         *
         * @return the request
         */
        public HttpRequest build() {
            return new HttpRequest(this);
        }
    }
}
