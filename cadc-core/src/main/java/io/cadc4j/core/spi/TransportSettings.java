// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

import java.net.ProxySelector;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The settings of one HTTP client: timeouts, redirect policy, TLS material, user agent and proxy.
 * A transport applies the connection-level ones (connect timeout, {@code SSLContext}, proxy); the
 * core applies the rest around it (redirects, user agent).
 *
 * <p>Defaults: connect timeout 30 s; request timeout 120 s (the longest wait for response headers,
 * and for the next bytes of a body); redirects {@link RedirectPolicy#NORMAL}, at most 6 hops; the
 * JDK's default TLS context; user agent {@code cadc4j/<version> Java/<version> <os>}; the JDK's
 * default proxy selector; {@link RetryPolicy#defaults()}; no overall timeout.
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class TransportSettings {
    private static final TransportSettings DEFAULTS = builder().build();

    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final RedirectPolicy redirectPolicy;
    private final int maxRedirects;
    private final SSLContext sslContext;
    private final String userAgent;
    private final ProxySelector proxy;
    private final RetryPolicy retryPolicy;
    private final Duration overallTimeout;
    private final Instant deadline;

    private TransportSettings(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.redirectPolicy = b.redirectPolicy;
        this.maxRedirects = b.maxRedirects;
        this.sslContext = b.sslContext;
        this.userAgent = b.userAgent;
        this.proxy = b.proxy;
        this.retryPolicy = b.retryPolicy;
        this.overallTimeout = b.overallTimeout;
        this.deadline = b.deadline != null ? b.deadline
                : b.overallTimeout == null ? null : Instant.now().plus(b.overallTimeout);
    }

    /**
     * The default settings.
     *
     * @return settings with every default
     */
    public static TransportSettings defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a builder with every default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding these settings.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.connectTimeout = connectTimeout;
        b.requestTimeout = requestTimeout;
        b.redirectPolicy = redirectPolicy;
        b.maxRedirects = maxRedirects;
        b.sslContext = sslContext;
        b.userAgent = userAgent;
        b.proxy = proxy;
        b.retryPolicy = retryPolicy;
        b.overallTimeout = overallTimeout;
        b.deadline = deadline;
        return b;
    }

    /**
     * The longest wait for a TCP (and TLS) connection.
     *
     * @return the connect timeout
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * The longest wait for response headers once a request is sent, and for the next bytes of a
     * response body; a single request may override it.
     *
     * @return the request timeout
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * Which redirects are followed.
     *
     * @return the policy
     */
    public RedirectPolicy redirectPolicy() {
        return redirectPolicy;
    }

    /**
     * The most redirects followed for one request before it fails.
     *
     * @return the limit
     */
    public int maxRedirects() {
        return maxRedirects;
    }

    /**
     * The TLS context, for instance one holding a client certificate.
     *
     * @return the context, or empty for the JDK's default
     */
    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(sslContext);
    }

    /**
     * The {@code User-Agent} sent with every request that does not set its own.
     *
     * @return the user agent
     */
    public String userAgent() {
        return userAgent;
    }

    /**
     * The proxy selector.
     *
     * @return the selector, or empty for the JDK's default
     */
    public Optional<ProxySelector> proxy() {
        return Optional.ofNullable(proxy);
    }

    /**
     * When a request that is safe to repeat is sent again.
     *
     * @return the retry policy
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * The overall timeout: everything sent with these settings (every request, its retries and
     * waits, the reading of every answer) ends by {@link #deadline()}, then fails with
     * {@link io.cadc4j.core.CadcTimeoutException}.
     *
     * @return the overall timeout, or empty for none
     */
    public Optional<Duration> overallTimeout() {
        return Optional.ofNullable(overallTimeout);
    }

    /**
     * The moment the {@linkplain #overallTimeout() overall timeout} runs out: the time
     * {@link Builder#build()} was called plus the timeout.
     *
     * @return the deadline, or empty for none
     */
    public Optional<Instant> deadline() {
        return Optional.ofNullable(deadline);
    }

    @Override
    public String toString() {
        return "TransportSettings[connect=" + connectTimeout + ", request=" + requestTimeout + ", redirects="
                + redirectPolicy + "/" + maxRedirects + ", tls=" + (sslContext == null ? "default" : "custom")
                + ", userAgent=" + userAgent + ", retries=" + (retryPolicy.maxAttempts() - 1)
                + (overallTimeout == null ? "" : ", overall=" + overallTimeout) + "]";
    }

    /** Collects settings; every setter checks its value. Single-threaded. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofSeconds(120);
        private RedirectPolicy redirectPolicy = RedirectPolicy.NORMAL;
        private int maxRedirects = 6;
        private SSLContext sslContext;
        private String userAgent = defaultUserAgent();
        private ProxySelector proxy;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration overallTimeout;
        private Instant deadline;

        private Builder() {
        }

        /**
         * Sets the retry policy ({@link RetryPolicy#none()} to send every request once).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets the overall timeout: everything sent with the settings must end within it, counted
         * from {@link #build()}. Meant for clients that do one thing and end, such as a command.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder overallTimeout(Duration timeout) {
            this.overallTimeout = positive(timeout, "overallTimeout");
            this.deadline = null;
            return this;
        }

        /**
         * Sets the connect timeout.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Sets the request timeout.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * Sets the redirect policy.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder redirectPolicy(RedirectPolicy policy) {
            this.redirectPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets the most redirects followed for one request.
         *
         * @param max 0 to 20
         * @return this builder
         */
        public Builder maxRedirects(int max) {
            if (max < 0 || max > 20) {
                throw new IllegalArgumentException("maxRedirects must be 0 to 20: " + max);
            }
            this.maxRedirects = max;
            return this;
        }

        /**
         * Sets the TLS context, for instance one with a client certificate.
         *
         * @param context the context
         * @return this builder
         */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * Sets the user agent.
         *
         * @param userAgent a non-blank product text
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            Objects.requireNonNull(userAgent, "userAgent");
            if (userAgent.isBlank() || userAgent.indexOf('\n') >= 0 || userAgent.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("not a user agent: '" + userAgent + "'");
            }
            this.userAgent = userAgent;
            return this;
        }

        /**
         * Sets the proxy selector.
         *
         * @param proxy the selector
         * @return this builder
         */
        public Builder proxy(ProxySelector proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /**
         * Makes the settings.
         *
         * @return the settings
         */
        public TransportSettings build() {
            return new TransportSettings(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive: " + d);
            }
            return d;
        }

        private static String defaultUserAgent() {
            String version = TransportSettings.class.getPackage().getImplementationVersion();
            return "cadc4j/" + (version == null ? "dev" : version) + " Java/" + Runtime.version().feature() + " "
                    + System.getProperty("os.name", "unknown").replace(' ', '_');
        }
    }
}
