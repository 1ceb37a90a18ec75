// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.http;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.CadcInterruptedException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.TransportException;
import io.cadc4j.core.internal.http.StatusErrors;
import io.cadc4j.core.spi.ChallengeHandler;
import io.cadc4j.core.spi.CredentialPolicy;
import io.cadc4j.core.spi.HttpHeaders;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.spi.HttpTransport;
import io.cadc4j.core.spi.HttpTransportProvider;
import io.cadc4j.core.spi.Providers;
import io.cadc4j.core.spi.RedirectPolicy;
import io.cadc4j.core.spi.TransportSettings;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLException;

/**
 * The core's HTTP client: a {@link HttpTransport} with what the core adds around every exchange.
 * Every adapter sends its requests through one of these.
 *
 * <p>Around each exchange it
 * <ul>
 *   <li>sets {@code User-Agent} from the settings unless the request sets one;</li>
 *   <li>asks its {@link CredentialPolicy} which credential headers go to the target, before every
 *       hop;</li>
 *   <li>follows 301, 302, 303, 307 and 308 as the {@link RedirectPolicy} allows, at most
 *       {@link TransportSettings#maxRedirects()} hops: 303 (and 301/302 after anything but GET or
 *       HEAD) becomes a GET without a body, 307/308 re-send the method and body; a hop to another
 *       origin (scheme, host, port) drops the request's own {@code Authorization} and {@code Cookie};
 *       a loop or too many hops fails with {@link ProtocolViolationException};</li>
 *   <li>turns transport failures into {@link CadcException}s: {@link TransportException} for I/O,
 *       {@link CadcInterruptedException} (interrupt flag restored) for an interrupt; timeouts pass
 *       through as {@link io.cadc4j.core.CadcTimeoutException};</li>
 *   <li>logs each exchange at DEBUG (method, URI, status, time), never a header value.</li>
 * </ul>
 *
 * <p>Example:
 * <pre>{@code
 * try (HttpPipeline http = HttpPipeline.builder().settings(TransportSettings.defaults()).build();
 *      HttpResponse r = http.sendExpectingSuccess(HttpRequest.newBuilder(uri).GET().build())) {
 *     r.body().transferTo(out);
 * }
 * }</pre>
 *
 * <p>Thread-safe and immutable: {@link #withCredentials} returns a copy sharing the transport.
 */
public final class HttpPipeline implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.cadc4j.http");

    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final TransportSettings settings;
    private final CredentialPolicy credentials;
    private final ChallengeHandler challenges;

    private HttpPipeline(HttpTransport transport, boolean ownsTransport, TransportSettings settings,
            CredentialPolicy credentials, ChallengeHandler challenges) {
        this.transport = transport;
        this.ownsTransport = ownsTransport;
        this.settings = settings;
        this.credentials = credentials;
        this.challenges = challenges;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The transport this pipeline sends through.
     *
     * @return the transport
     */
    public HttpTransport transport() {
        return transport;
    }

    /**
     * The settings the transport was made with, and that redirects follow.
     *
     * @return the settings
     */
    public TransportSettings settings() {
        return settings;
    }

    /**
     * A pipeline that shares this one's transport but applies other credentials. Closing the copy
     * does not close the transport.
     *
     * @param policy the credential policy
     * @return the copy
     */
    public HttpPipeline withCredentials(CredentialPolicy policy) {
        return new HttpPipeline(transport, false, settings, Objects.requireNonNull(policy, "policy"), challenges);
    }

    /**
     * A pipeline that shares this one's transport and credentials and, when a request ends in a
     * 401 challenge, asks the handler once whether to retry with other credentials (IVOA SSO
     * {@code WWW-Authenticate} negotiation). Closing the copy does not close the transport.
     *
     * @param handler the challenge handler
     * @return the copy
     */
    public HttpPipeline withChallengeHandler(ChallengeHandler handler) {
        return new HttpPipeline(transport, false, settings, credentials, Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Sends a request, following redirects, and returns the final response whatever its status.
     *
     * @param request the request
     * @return the response; the caller reads and closes it
     * @throws CadcException if the exchange fails (I/O, timeout, interrupt, redirect loop)
     */
    public HttpResponse send(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        HttpResponse response = follow(request, credentials);
        if (response.status() != 401 || challenges == null
                || request.body().isPresent() && !request.body().get().isRepeatable()) {
            return response;
        }
        java.util.Optional<CredentialPolicy> retry = challenges.onChallenge(response);
        if (retry.isEmpty()) {
            return response;
        }
        drain(response);
        LOG.log(Level.DEBUG, "{0} answered 401 with a challenge; retrying once with other credentials", response.uri());
        return follow(request, retry.get());
    }

    /** Sends a request and follows its redirects, applying {@code policy} to every hop. */
    private HttpResponse follow(HttpRequest request, CredentialPolicy policy) {
        HttpRequest current = request;
        URI origin = request.uri();
        List<String> visited = new ArrayList<>();
        visited.add(current.method() + " " + current.uri());
        for (int hop = 0; ; hop++) {
            HttpResponse response = exchange(prepare(current, origin, policy));
            int status = response.status();
            if (!isFollowable(status) || settings.redirectPolicy() == RedirectPolicy.NEVER) {
                return response;
            }
            String location = response.headers().firstValue("Location").orElse("").strip();
            if (location.isEmpty()) {
                return response;
            }
            URI target;
            try {
                // Some servers send unencoded spaces in Location; nothing else is repaired.
                target = current.uri().resolve(URI.create(location.replace(" ", "%20")));
                if (target.getHost() == null || !("http".equalsIgnoreCase(target.getScheme())
                        || "https".equalsIgnoreCase(target.getScheme()))) {
                    throw new IllegalArgumentException("not an http(s) URI with a host");
                }
            } catch (IllegalArgumentException e) {
                response.close();
                throw new ProtocolViolationException("redirect to an unreadable Location '" + location + "'",
                        current.uri(), e);
            }
            if (settings.redirectPolicy() == RedirectPolicy.NORMAL && "https".equalsIgnoreCase(current.uri().getScheme())
                    && "http".equalsIgnoreCase(target.getScheme())) {
                LOG.log(Level.DEBUG, "not following the redirect from {0} to {1}: https to http", current.uri(), target);
                return response;
            }
            drain(response);
            if (hop + 1 > settings.maxRedirects()) {
                throw new ProtocolViolationException("more than " + settings.maxRedirects() + " redirects, starting at "
                        + request.uri() + " (last to " + target + ")", request.uri(), null);
            }
            current = redirected(current, status, target);
            String key = current.method() + " " + current.uri();
            if (visited.contains(key)) {
                visited.add(key);
                throw new ProtocolViolationException("redirect loop: " + String.join(" -> ", visited), request.uri(), null);
            }
            visited.add(key);
        }
    }

    /**
     * Sends a request, following redirects, and returns the response only if its status is 2xx;
     * otherwise reads the start of the error body, closes the response and throws.
     *
     * @param request the request
     * @return a successful response; the caller reads and closes it
     * @throws io.cadc4j.core.ServiceException (or its subtypes for 401, 403, 404) for an error status,
     *     with the server's text; other {@link CadcException}s as {@link #send}
     */
    public HttpResponse sendExpectingSuccess(HttpRequest request) {
        HttpResponse response = send(request);
        if (response.status() >= 200 && response.status() < 300) {
            return response;
        }
        throw errorFor(response);
    }

    /**
     * Makes the exception for a response whose status is not a success: 401 becomes
     * {@link io.cadc4j.core.AuthenticationException}, 403 {@link io.cadc4j.core.AuthorizationException},
     * 404 and 410 {@link io.cadc4j.core.NotFoundException}, anything else
     * {@link io.cadc4j.core.ServiceException}; each carries the start of the body, made readable
     * (HTML loses its markup), and any {@code Retry-After}. The response is closed.
     *
     * @param response the response
     * @return the exception, for the caller to throw
     */
    public static CadcException errorFor(HttpResponse response) {
        return StatusErrors.toException(response);
    }

    /** Closes the transport if this pipeline made it; a transport handed in stays open. */
    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }

    private HttpRequest prepare(HttpRequest request, URI origin, CredentialPolicy policy) {
        HttpRequest.Builder b = request.toBuilder();
        if (!sameOrigin(origin, request.uri())) {
            b.removeHeader("Authorization").removeHeader("Cookie");
        }
        if (!b.hasHeader("User-Agent")) {
            b.setHeader("User-Agent", settings.userAgent());
        }
        HttpHeaders.Builder extra = HttpHeaders.builder();
        policy.apply(request.uri(), extra);
        extra.build().map().forEach((name, values) -> {
            b.removeHeader(name);
            values.forEach(v -> b.header(name, v));
        });
        return b.build();
    }

    private HttpResponse exchange(HttpRequest request) {
        long start = System.nanoTime();
        HttpResponse response;
        try {
            response = transport.send(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CadcInterruptedException(request.uri(), e);
        } catch (SSLException e) {
            throw new TransportException("TLS failed with " + request.uri() + ": " + e.getMessage(), request.uri(), false, e);
        } catch (IOException e) {
            String what = request.method() + " " + request.uri();
            String message = e.getMessage() != null && e.getMessage().startsWith(what) ? e.getMessage()
                    : what + " failed: " + e;
            throw new TransportException(message, request.uri(), true, e);
        }
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "{0} {1} -> {2} ({3} ms)", request.method(), request.uri(), response.status(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        return response;
    }

    private static boolean isFollowable(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static HttpRequest redirected(HttpRequest request, int status, URI target) {
        HttpRequest.Builder b = request.toBuilder().uri(target);
        String method = request.method();
        boolean toGet = status == 303 && !"HEAD".equals(method)
                || (status == 301 || status == 302) && !"GET".equals(method) && !"HEAD".equals(method);
        if (toGet) {
            b.method("GET", null).removeHeader("Content-Type").removeHeader("Content-Length");
        } else if (request.body().isPresent() && !request.body().get().isRepeatable()) {
            throw new ProtocolViolationException(status + " redirect of " + method + " " + request.uri() + " to " + target
                    + " asks to send the body again, but it was streamed once and cannot be repeated", request.uri(), null);
        }
        return b.build();
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT))
                && port(a) == port(b);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** Reads a little of a redirect's body so the connection can be reused, then closes it. */
    private static void drain(HttpResponse response) {
        try (response; InputStream in = response.body()) {
            in.readNBytes(16 * 1024);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "ignoring a failure to read a redirect body: {0}", e.toString());
        }
    }

    /**
     * Builds a pipeline. Single-threaded.
     *
     * <p>The transport is chosen in this order: an instance given to {@link #transport}; else the
     * provider named by {@link #transportProvider}; else the discovered {@link HttpTransportProvider}
     * with the highest priority; none found fails with a message naming {@code cadc-http-jdk}.
     */
    public static final class Builder {
        private HttpTransport transport;
        private String providerName;
        private ClassLoader classLoader;
        private TransportSettings settings = TransportSettings.defaults();
        private CredentialPolicy credentials = CredentialPolicy.NONE;

        private Builder() {
        }

        /**
         * Uses this transport instance (it stays the caller's to close).
         *
         * @param transport the transport
         * @return this builder
         */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * Uses the discovered provider with this name, e.g. {@code jdk}.
         *
         * @param name the provider name
         * @return this builder
         */
        public Builder transportProvider(String name) {
            this.providerName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Discovers providers with this class loader instead of the SPI's own.
         *
         * @param loader the class loader
         * @return this builder
         */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /**
         * Sets the client settings (used to make a discovered transport, and for redirects).
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder settings(TransportSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Sets the credential policy.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder credentials(CredentialPolicy policy) {
            this.credentials = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Makes the pipeline, choosing and creating the transport now (never per request).
         *
         * @return the pipeline
         * @throws io.cadc4j.core.ProviderNotFoundException if no transport can be found
         */
        public HttpPipeline build() {
            if (transport != null) {
                return new HttpPipeline(transport, false, settings, credentials, null);
            }
            HttpTransportProvider provider = Providers.select(HttpTransportProvider.class, providerName, classLoader);
            HttpTransport created = Objects.requireNonNull(provider.create(settings),
                    () -> "HttpTransportProvider '" + provider.name() + "' returned no transport");
            return new HttpPipeline(created, true, settings, credentials, null);
        }
    }
}
