// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.facade;

import io.cadc4j.core.ProviderNotFoundException;
import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.ServiceLocation;
import io.cadc4j.core.StandardId;
import io.cadc4j.core.auth.AuthPort;
import io.cadc4j.core.auth.CertificateCredentials;
import io.cadc4j.core.auth.Credentials;
import io.cadc4j.core.internal.registry.ServiceResolver;
import io.cadc4j.core.registry.TapEndpoints;
import io.cadc4j.core.registry.InterfaceChoice;
import io.cadc4j.core.internal.port.AuthPortProvider;
import io.cadc4j.core.internal.port.DataLinkPortProvider;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.internal.port.PortContext;
import io.cadc4j.core.internal.port.TapPortProvider;
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
    private final TransportSource transports;
    private final ServiceResolver resolver;
    private final Services services;
    private final PortProviders ports;
    private volatile URI resolvedLoginUrl;

    /**
     * Makes the wiring.
     *
     * @param transports how transports are made (a certificate session makes its own from it)
     * @param http the anonymous pipeline every session starts from, made from {@code transports}
     * @param resolver the service resolver (with the registry and the document cache)
     * @param services where TAP, DataLink and login are
     * @param ports the chosen port providers and the auth settings
     */
    public Wiring(TransportSource transports, HttpPipeline http, ServiceResolver resolver, Services services,
            PortProviders ports) {
        this.transports = Objects.requireNonNull(transports, "transports");
        this.http = Objects.requireNonNull(http, "http");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.services = Objects.requireNonNull(services, "services");
        this.ports = Objects.requireNonNull(ports, "ports");
    }

    /**
     * The DataLink port provider.
     *
     * @return the provider
     * @throws ProviderNotFoundException if none was found
     */
    public DataLinkPortProvider dataLinkProvider() {
        DataLinkPortProvider dataLinkProvider = ports.dataLink();
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
        Optional<URI> direct = services.dataLink().url();
        if (direct.isPresent()) {
            return new Endpoint(direct.get(), SecurityMethod.ANONYMOUS);
        }
        InterfaceChoice choice = resolver.through(via).resolve(services.dataLink().id().orElseThrow(), held.securityMethods(), StandardId.DATALINK_1_1,
                StandardId.DATALINK_1_0);
        return new Endpoint(choice.accessUrl(), choice.securityMethod());
    }

    /** @return where the DataLink service is */
    public ServiceLocation dataLink() {
        return services.dataLink();
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
        return ports.tap();
    }

    /** @return where the TAP service is */
    public ServiceLocation tap() {
        return services.tap();
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
        Optional<URI> direct = services.tap().url();
        return direct.isPresent() ? r.tapAt(direct.get(), methods) : r.tap(services.tap().id().orElseThrow(), methods);
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
        if (transports.givenInstance()) {
            throw new IllegalStateException("a client certificate needs a transport made with its TLS context, "
                    + "but the facade was given a ready transport; build it with a transport provider instead");
        }
        return new Owned<>(transports.pipeline(transports.settings().toBuilder().sslContext(cert.get().sslContext())
                .build()), true);
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
        return makeAuthPort(services.login().url().orElse(resolver.registry()));
    }

    /**
     * The auth port bound to the login endpoint, resolving that endpoint (once) if needed.
     *
     * @return the port
     * @throws ProviderNotFoundException if no auth port provider is on the path
     * @throws io.cadc4j.core.NotFoundException if the login service or its login capability is unknown
     */
    public AuthPort loginPort() {
        URI url = services.login().url().orElse(null);
        if (url == null) {
            url = resolvedLoginUrl;
            if (url == null) {
                url = resolver.resolve(services.login().id().orElseThrow(), Set.of(io.cadc4j.core.SecurityMethod.ANONYMOUS),
                        StandardId.UMS_LOGIN, StandardId.SSO_TLS_WITH_PASSWORD).accessUrl();
                resolvedLoginUrl = url;
            }
        }
        return makeAuthPort(url);
    }

    private AuthPort makeAuthPort(URI serviceUri) {
        AuthPortProvider authProvider = ports.auth();
        if (authProvider == null) {
            throw new ProviderNotFoundException("no AuthPortProvider found: credentials and login need cadc-auth; "
                    + "add cadc-auth to the class path or module path");
        }
        AuthPort port = Objects.requireNonNull(authProvider.create(PortContext.of(http, serviceUri)),
                () -> "AuthPortProvider '" + authProvider.name() + "' returned no port");
        return ports.authSettings() == null ? port : port.withSettings(ports.authSettings());
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
