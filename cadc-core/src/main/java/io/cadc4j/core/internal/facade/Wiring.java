// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.facade;

import io.cadc4j.core.ProviderNotFoundException;
import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.ServiceId;
import io.cadc4j.core.StandardId;
import io.cadc4j.core.auth.AuthPort;
import io.cadc4j.core.auth.AuthSettings;
import io.cadc4j.core.auth.CertificateCredentials;
import io.cadc4j.core.auth.Credentials;
import io.cadc4j.core.internal.registry.ServiceResolver;
import io.cadc4j.core.registry.TapEndpoints;
import io.cadc4j.core.registry.InterfaceChoice;
import io.cadc4j.core.internal.port.AuthPortProvider;
import io.cadc4j.core.internal.port.DataLinkPortProvider;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpTransport;
import io.cadc4j.core.internal.port.PortContext;
import io.cadc4j.core.internal.port.TapPortProvider;
import io.cadc4j.core.spi.TransportSettings;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What every session of one facade shares, fixed when the facade is built: the anonymous
 * pipeline (and the transport under it), the service resolver with its document cache, where the
 * services are (registry ids or direct URLs), and the chosen providers.
 *
 * <p>Thread-safe: immutable apart from the login endpoint, resolved once on first use.
 */
public final class Wiring implements AutoCloseable {
    private final HttpPipeline http;
    private final TransportSettings settings;
    private final HttpTransport givenTransport;
    private final String transportProvider;
    private final ClassLoader classLoader;
    private final ServiceResolver resolver;
    private final URI tapUrl;
    private final ServiceId tapService;
    private final ServiceId loginService;
    private final URI loginUrl;
    private final ServiceId dataLinkService;
    private final URI dataLinkUrl;
    private final DataLinkPortProvider dataLinkProvider;
    private final TapPortProvider tapProvider;
    private final AuthPortProvider authProvider;
    private final AuthSettings authSettings;
    private volatile URI resolvedLoginUrl;

    /**
     * Makes the wiring.
     *
     * @param http the anonymous pipeline every session starts from
     * @param settings the transport settings (a certificate session makes its own transport with them)
     * @param givenTransport the transport handed to the builder, or null when the facade chose one
     * @param transportProvider the transport provider name asked for, or null
     * @param classLoader the class loader providers are discovered with, or null
     * @param resolver the service resolver
     * @param tapUrl a direct TAP base URL, or null to resolve {@code tapService}
     * @param tapService the TAP service id
     * @param loginService the login service id
     * @param loginUrl a direct login URL, or null to resolve {@code loginService}
     * @param tapProvider the TAP port provider
     * @param authProvider the auth port provider, or null when none is found (anonymous use only)
     * @param authSettings settings for the auth port, or null for the provider's defaults
     * @param dataLinkService the DataLink service id
     * @param dataLinkUrl a direct DataLink {@code links} URL, or null to resolve {@code dataLinkService}
     * @param dataLinkProvider the DataLink port provider, or null when none is found (TAP use only)
     */
    public Wiring(HttpPipeline http, TransportSettings settings, HttpTransport givenTransport, String transportProvider,
            ClassLoader classLoader, ServiceResolver resolver, URI tapUrl, ServiceId tapService, ServiceId loginService,
            URI loginUrl, TapPortProvider tapProvider, AuthPortProvider authProvider, AuthSettings authSettings,
            ServiceId dataLinkService, URI dataLinkUrl, DataLinkPortProvider dataLinkProvider) {
        this.http = Objects.requireNonNull(http, "http");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.givenTransport = givenTransport;
        this.transportProvider = transportProvider;
        this.classLoader = classLoader;
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.tapUrl = tapUrl;
        this.tapService = Objects.requireNonNull(tapService, "tapService");
        this.loginService = Objects.requireNonNull(loginService, "loginService");
        this.loginUrl = loginUrl;
        this.tapProvider = Objects.requireNonNull(tapProvider, "tapProvider");
        this.authProvider = authProvider;
        this.authSettings = authSettings;
        this.dataLinkService = Objects.requireNonNull(dataLinkService, "dataLinkService");
        this.dataLinkUrl = dataLinkUrl;
        this.dataLinkProvider = dataLinkProvider;
    }

    /**
     * The DataLink port provider.
     *
     * @return the provider
     * @throws ProviderNotFoundException if none was found
     */
    public DataLinkPortProvider dataLinkProvider() {
        if (dataLinkProvider == null) {
            throw new ProviderNotFoundException("no DataLinkPortProvider found: data URLs, cutouts and downloads need "
                    + "cadc-datalink; add cadc-datalink to the class path or module path");
        }
        return dataLinkProvider;
    }

    /**
     * The DataLink {@code links} endpoint for credentials: the direct URL (anonymous interface), else
     * the DataLink 1.1 (or 1.0) capability of the DataLink service in the registry, through the
     * interface the credentials satisfy. Cached by the resolver; called once per session, fetching
     * documents through the session's pipeline (one presenting a client certificate, which a server
     * may require for them too).
     *
     * @param held the credentials
     * @param via the pipeline to fetch through
     * @return the links URL and the security method of its interface
     * @throws io.cadc4j.core.NotFoundException if the service is unknown or offers no DataLink capability
     */
    public Endpoint dataLinkEndpoint(Credentials held, HttpPipeline via) {
        if (dataLinkUrl != null) {
            return new Endpoint(dataLinkUrl, SecurityMethod.ANONYMOUS);
        }
        InterfaceChoice choice = resolver.through(via).resolve(dataLinkService, held.securityMethods(), StandardId.DATALINK_1_1,
                StandardId.DATALINK_1_0);
        return new Endpoint(choice.accessUrl(), choice.securityMethod());
    }

    /** @return the DataLink service id */
    public ServiceId dataLinkService() {
        return dataLinkService;
    }

    /** @return the anonymous pipeline */
    public HttpPipeline http() {
        return http;
    }

    /** @return the resolver */
    public ServiceResolver resolver() {
        return resolver;
    }

    /** @return the TAP port provider */
    public TapPortProvider tapProvider() {
        return tapProvider;
    }

    /** @return the direct TAP base URL, if one was given */
    public Optional<URI> tapUrl() {
        return Optional.ofNullable(tapUrl);
    }

    /** @return the TAP service id */
    public ServiceId tapService() {
        return tapService;
    }

    /**
     * The TAP endpoints for credentials: the direct URL's (reading its capabilities when it has
     * them), else the registry's. Cached by the resolver; called once per session, fetching
     * documents through the session's pipeline (one presenting a client certificate, which a server
     * may require for them too).
     *
     * @param held the credentials
     * @param via the pipeline to fetch through
     * @return the endpoints
     */
    public TapEndpoints tapEndpoints(Credentials held, HttpPipeline via) {
        Set<io.cadc4j.core.SecurityMethod> methods = held.securityMethods();
        ServiceResolver r = resolver.through(via);
        return tapUrl != null ? r.tapAt(tapUrl, methods) : r.tap(tapService, methods);
    }

    /**
     * The pipeline a session with these credentials sends through, before credential headers: the
     * shared one, or for a client certificate a new one whose transport presents it.
     *
     * @param credentials the credentials
     * @return the pipeline, and whether the session owns (and so closes) it
     */
    public Owned<HttpPipeline> pipelineFor(Credentials credentials) {
        Optional<CertificateCredentials> cert = credentials.find(CertificateCredentials.class);
        if (cert.isEmpty()) {
            return new Owned<>(http, false);
        }
        if (givenTransport != null) {
            throw new IllegalStateException("a client certificate needs a transport made with its TLS context, "
                    + "but the facade was given a ready transport; build it with a transport provider instead");
        }
        HttpPipeline.Builder b = HttpPipeline.builder()
                .settings(settings.toBuilder().sslContext(cert.get().sslContext()).build());
        if (transportProvider != null) {
            b.transportProvider(transportProvider);
        }
        if (classLoader != null) {
            b.classLoader(classLoader);
        }
        return new Owned<>(b.build(), true);
    }

    /**
     * The auth port used to read certificates and to put credentials on requests; it talks to the
     * login endpoint only when {@link #loginPort()} is used instead.
     *
     * @return the port
     * @throws ProviderNotFoundException if no auth port provider is on the path
     */
    public AuthPort authPort() {
        // The policies and the certificate reader send nothing; the context's URI is where a
        // password would go, which only loginPort() resolves.
        return makeAuthPort(loginUrl != null ? loginUrl : resolver.registry());
    }

    /**
     * The auth port bound to the login endpoint, resolving that endpoint (once) if needed.
     *
     * @return the port
     * @throws ProviderNotFoundException if no auth port provider is on the path
     * @throws io.cadc4j.core.NotFoundException if the login service or its login capability is unknown
     */
    public AuthPort loginPort() {
        URI url = loginUrl;
        if (url == null) {
            url = resolvedLoginUrl;
            if (url == null) {
                url = resolver.resolve(loginService, Set.of(io.cadc4j.core.SecurityMethod.ANONYMOUS),
                        StandardId.UMS_LOGIN, StandardId.SSO_TLS_WITH_PASSWORD).accessUrl();
                resolvedLoginUrl = url;
            }
        }
        return makeAuthPort(url);
    }

    private AuthPort makeAuthPort(URI serviceUri) {
        if (authProvider == null) {
            throw new ProviderNotFoundException("no AuthPortProvider found: credentials and login need cadc-auth; "
                    + "add cadc-auth to the class path or module path");
        }
        AuthPort port = Objects.requireNonNull(authProvider.create(PortContext.of(http, serviceUri)),
                () -> "AuthPortProvider '" + authProvider.name() + "' returned no port");
        return authSettings == null ? port : port.withSettings(authSettings);
    }

    /** Closes the shared pipeline (which closes the transport only if the facade made it). */
    @Override
    public void close() {
        http.close();
    }

    /**
     * A value and whether its holder must close it. Immutable.
     *
     * @param <T> the value type
     */
    public static final class Owned<T> {
        private final T value;
        private final boolean owned;

        Owned(T value, boolean owned) {
            this.value = value;
            this.owned = owned;
        }

        /** @return the value */
        public T value() {
            return value;
        }

        /** @return whether the holder closes it */
        public boolean owned() {
            return owned;
        }
    }

    /**
     * Where a service answers and the security method of the interface chosen there. Immutable.
     */
    public static final class Endpoint {
        private final URI url;
        private final SecurityMethod securityMethod;

        Endpoint(URI url, SecurityMethod securityMethod) {
            this.url = url;
            this.securityMethod = securityMethod;
        }

        /** @return the access URL */
        public URI url() {
            return url;
        }

        /** @return the security method of the chosen interface */
        public SecurityMethod securityMethod() {
            return securityMethod;
        }
    }
}
