// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.facade;

import io.cadc4j.core.ServiceLocation;
import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.auth.Credentials;
import io.cadc4j.core.datalink.DataLinkPort;
import io.cadc4j.core.datalink.Downloader;
import io.cadc4j.core.registry.TapEndpoints;
import io.cadc4j.core.spi.CredentialPolicy;
import io.cadc4j.core.internal.port.DataLinkPortProvider;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.internal.port.PortContext;
import io.cadc4j.core.tap.TapPort;
import java.util.Objects;

/**
 * One set of credentials and everything made for it: the pipeline, the TAP endpoints chosen for
 * those credentials and the port bound to them. The facade holds the current session in an
 * {@code AtomicReference} and replaces it whole on login and logout, so a call that read the
 * session once sees one consistent set of credentials from start to end.
 *
 * <p>Thread-safe: immutable apart from the TAP and DataLink bindings, each made once on first use under a lock.
 */
public final class Session implements AutoCloseable {
    private final Wiring wiring;
    private final Credentials credentials;
    private final Wiring.Owned<HttpPipeline> http;
    private final Object lock = new Object();
    private volatile TapBinding tap;
    private volatile DataLinkPort dataLink;
    private volatile Downloader downloader;

    /**
     * Makes a session; resolves nothing yet.
     *
     * @param wiring what the facade's sessions share
     * @param credentials the credentials, {@link Credentials#ANONYMOUS} for none
     */
    public Session(Wiring wiring, Credentials credentials) {
        this.wiring = Objects.requireNonNull(wiring, "wiring");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.http = wiring.pipelineFor(credentials);
    }

    /** @return the credentials this session uses */
    public Credentials credentials() {
        return credentials;
    }

    /**
     * The TAP endpoints and port for these credentials, resolved on first use and kept.
     *
     * @return the binding
     */
    public TapBinding tap() {
        TapBinding t = tap;
        if (t == null) {
            synchronized (lock) {
                t = tap;
                if (t == null) {
                    TapEndpoints endpoints = wiring.tapEndpoints(credentials, http.value());
                    HttpPipeline authed = authed(endpoints.securityMethod());
                    TapPort port = Objects.requireNonNull(
                            wiring.tapProvider().create(PortContext.of(authed, endpoints.base())),
                            () -> "TapPortProvider '" + wiring.tapProvider().name() + "' returned no port");
                    t = new TapBinding(endpoints, port, authed);
                    tap = t;
                }
            }
        }
        return t;
    }

    /**
     * The DataLink port for these credentials, bound to the {@code links} URL chosen for them on
     * first use and kept.
     *
     * @return the port
     * @throws io.cadc4j.core.ProviderNotFoundException if cadc-datalink is not on the path
     * @throws io.cadc4j.core.NotFoundException if the DataLink service cannot be found
     */
    public DataLinkPort dataLink() {
        DataLinkPort d = dataLink;
        if (d == null) {
            synchronized (lock) {
                d = dataLink;
                if (d == null) {
                    DataLinkPortProvider provider = wiring.dataLinkProvider();
                    Wiring.Endpoint links = wiring.dataLinkEndpoint(credentials, http.value());
                    HttpPipeline authed = authed(links.securityMethod());
                    d = Objects.requireNonNull(provider.create(PortContext.of(authed, links.url())),
                            () -> "DataLinkPortProvider '" + provider.name() + "' returned no port");
                    dataLink = d;
                }
            }
        }
        return d;
    }

    /**
     * The downloader for plain URLs, made on first use and kept: nothing is resolved for it (no
     * registry, no DataLink service), and every credential held goes to the hosts of its own realm,
     * so the credentials are chosen by each URL's host.
     *
     * @return the downloader
     * @throws io.cadc4j.core.ProviderNotFoundException if cadc-datalink is not on the path
     */
    public Downloader downloader() {
        Downloader d = downloader;
        if (d == null) {
            synchronized (lock) {
                d = downloader;
                if (d == null) {
                    DataLinkPortProvider provider = wiring.dataLinkProvider();
                    // a port made only for its downloader: it is never asked for links, so its
                    // links URL is the service's id or direct URL, which nothing resolves
                    ServiceLocation where = wiring.dataLink();
                    DataLinkPort port = Objects.requireNonNull(provider.create(PortContext.of(
                            authed(SecurityMethod.ANONYMOUS), where.url().orElseGet(() -> where.id().orElseThrow().uri()))),
                            () -> "DataLinkPortProvider '" + provider.name() + "' returned no port");
                    d = port.downloader();
                    downloader = d;
                }
            }
        }
        return d;
    }

    /**
     * The session's pipeline with the policy for the chosen method and, when credentials are held,
     * a single retry on a 401 challenge naming another method they satisfy.
     */
    private HttpPipeline authed(SecurityMethod chosen) {
        HttpPipeline p = http.value().withCredentials(policy(chosen));
        if (credentials.isAnonymous()) {
            return p;
        }
        return p.withChallengeHandler(io.cadc4j.core.internal.http.ChallengeRetry.of(wiring.authPort(), credentials)
                .handler(chosen));
    }

    /**
     * The credential policy for an interface chosen for one security method. For the anonymous
     * choice (a plain TAP URL with no capabilities, say) every credential held still goes to the
     * hosts of its own realm, so HTTP basic from a netrc file reaches a server that asks for it.
     */
    private CredentialPolicy policy(SecurityMethod chosen) {
        if (credentials.isAnonymous()) {
            return CredentialPolicy.NONE;
        }
        return chosen.isAnonymous() ? wiring.authPort().policyFor(credentials)
                : wiring.authPort().policyFor(credentials, chosen);
    }

    /** Forgets the secrets and closes the pipeline this session made (a certificate's). */
    @Override
    public void close() {
        credentials.destroy();
        release();
    }

    /** Closes the pipeline this session made, keeping the credentials (a successor uses them). */
    public void release() {
        if (http.owned()) {
            http.value().close();
        }
    }

    /**
     * TAP for one session: where, through what, and the port.
     *
     * <p>Immutable and thread-safe.
     */
    public static final class TapBinding {
        private final TapEndpoints endpoints;
        private final TapPort port;
        private final HttpPipeline http;

        TapBinding(TapEndpoints endpoints, TapPort port, HttpPipeline http) {
            this.endpoints = endpoints;
            this.port = port;
            this.http = http;
        }

        /** @return the endpoints chosen for the session's credentials */
        public TapEndpoints endpoints() {
            return endpoints;
        }

        /** @return the port */
        public TapPort port() {
            return port;
        }

        /** @return the pipeline with the session's credentials, as the port was given it */
        public HttpPipeline http() {
            return http;
        }
    }
}
