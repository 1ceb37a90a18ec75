// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.registry;

import io.cadc4j.core.AuthenticationException;
import io.cadc4j.core.CadcException;
import io.cadc4j.core.CadcInterruptedException;
import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.ServiceId;
import io.cadc4j.core.StandardId;
import io.cadc4j.core.TransportException;
import io.cadc4j.core.auth.SecurityPreference;
import io.cadc4j.core.internal.cache.DiskCache;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.registry.Capabilities;
import io.cadc4j.core.registry.InterfaceChoice;
import io.cadc4j.core.registry.ResourceCaps;
import io.cadc4j.core.registry.TapEndpoints;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns a service id into endpoints: looks the id up in CADC's registry file, fetches that
 * service's VOSI capabilities and chooses the interface that suits the credentials held.
 *
 * <p>Both documents are cached in memory for a time to live (10 minutes by default, as cadcutils
 * does). When a refresh fails and an expired copy is at hand, the expired copy is used and the
 * failure logged (stale-if-error); with nothing cached the failure is thrown. An id can be mapped
 * straight to a capabilities URL ({@link Builder#override}), and a plain TAP base URL needs no
 * registry at all ({@link #tapAt(URI, Set)}, or {@link TapEndpoints#ofBase(URI)} with no I/O).
 *
 * <pre>{@code
 * ServiceResolver resolver = ServiceResolver.builder(http).build();
 * TapEndpoints tap = resolver.tap(ServiceId.CADC_TAP, Set.of(SecurityMethod.COOKIE));
 * URI sync = tap.sync();
 * }</pre>
 *
 * <p>Nothing is fetched when the resolver is built; each lookup fetches what is missing or expired.
 * With a disk cache ({@link Builder#diskCache(Path)}) the documents are also kept on disk, one file
 * per URL, and a new resolver (in a new process) starts from those copies, with the same time to
 * live and stale-if-error; a copy that cannot be read or parsed is fetched again.
 *
 * <p>Thread-safe. Two threads that miss the cache at once may both fetch; the later copy wins.
 */
public final class ServiceResolver {
    /** CADC's registry file. */
    public static final URI DEFAULT_REGISTRY = URI.create("https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/reg/resource-caps");
    /** How long fetched documents are used before they are fetched again. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

    private static final System.Logger LOG = System.getLogger("io.cadc4j.registry");

    private final HttpPipeline http;
    private final URI registry;
    private final Duration ttl;
    private final Clock clock;
    private final SecurityPreference preference;
    private final Map<ServiceId, URI> overrides;
    private final Map<URI, Cached<ResourceCaps>> registryCache;
    private final Map<URI, Cached<Capabilities>> capabilitiesCache;
    private final DiskCache disk;

    private ServiceResolver(Builder b) {
        this.http = b.http;
        this.registry = b.registry;
        this.ttl = b.ttl;
        this.clock = b.clock;
        this.preference = b.preference;
        this.overrides = Map.copyOf(b.overrides);
        this.registryCache = new ConcurrentHashMap<>();
        this.capabilitiesCache = new ConcurrentHashMap<>();
        this.disk = b.diskDirectory == null ? null : new DiskCache(b.diskDirectory);
    }

    private ServiceResolver(ServiceResolver shared, HttpPipeline http) {
        this.http = http;
        this.registry = shared.registry;
        this.ttl = shared.ttl;
        this.clock = shared.clock;
        this.preference = shared.preference;
        this.overrides = shared.overrides;
        this.registryCache = shared.registryCache;
        this.capabilitiesCache = shared.capabilitiesCache;
        this.disk = shared.disk;
    }

    /**
     * This resolver fetching what it misses through another pipeline, sharing its settings and its
     * cache (the documents are the same whoever fetches them). A session holding a client
     * certificate reads capabilities through its own transport, since a server that requires a
     * certificate refuses the TLS handshake of an anonymous one.
     *
     * @param other the pipeline to fetch through
     * @return a resolver sharing this one's cache
     */
    public ServiceResolver through(HttpPipeline other) {
        Objects.requireNonNull(other, "other");
        return other == http ? this : new ServiceResolver(this, other);
    }

    /**
     * Starts a builder.
     *
     * @param http the pipeline documents are fetched through
     * @return a new builder
     */
    public static Builder builder(HttpPipeline http) {
        return new Builder(http);
    }

    /** @return the registry file's URL */
    public URI registry() {
        return registry;
    }

    /** @return the order in which held credentials are tried */
    public SecurityPreference preference() {
        return preference;
    }

    /**
     * The registry file, from the cache or fetched.
     *
     * @return the registry
     * @throws CadcException if it cannot be fetched or read and no copy is cached
     */
    public ResourceCaps registryFile() {
        return cached(registryCache, registry, this::fetchRegistry, ServiceResolver::parseRegistry);
    }

    /**
     * The capabilities URL of a service: an override when one was given, else the registry's entry.
     *
     * @param id the service id
     * @return the capabilities URL
     * @throws NotFoundException naming the id and the registry URL when the registry does not list it
     */
    public URI capabilitiesUrl(ServiceId id) {
        Objects.requireNonNull(id, "id");
        URI direct = overrides.get(id);
        if (direct != null) {
            return direct;
        }
        ResourceCaps caps = registryFile();
        return caps.capabilitiesUrl(id).orElseThrow(() -> new NotFoundException("the service id " + id
                + " is not in the registry " + registry + " (" + caps.entries().size() + " services listed)", 0,
                registry, null));
    }

    /**
     * A service's capabilities, through the registry.
     *
     * @param id the service id
     * @return the capabilities
     * @throws CadcException if the id is unknown, or a document cannot be fetched or read and no copy
     *     is cached
     */
    public Capabilities capabilities(ServiceId id) {
        return capabilitiesAt(capabilitiesUrl(id));
    }

    /**
     * The capabilities document at a URL, from the cache or fetched.
     *
     * @param capabilitiesUrl the VOSI capabilities URL
     * @return the capabilities
     * @throws CadcException if it cannot be fetched or read and no copy is cached
     */
    public Capabilities capabilitiesAt(URI capabilitiesUrl) {
        Objects.requireNonNull(capabilitiesUrl, "capabilitiesUrl");
        return cached(capabilitiesCache, capabilitiesUrl, this::fetchCapabilities, Capabilities::parse);
    }

    /**
     * The interface to use for one capability of a service, for the credentials held.
     *
     * @param id the service id
     * @param held the security methods the caller has credentials for
     * @param standards the capability's standard ids, most wanted first (e.g. DataLink 1.1, then 1.0)
     * @return the choice
     * @throws NotFoundException if the service is unknown or lists none of the standards (naming them)
     * @throws AuthenticationException if no interface accepts the credentials held nor anonymous requests
     */
    public InterfaceChoice resolve(ServiceId id, Set<SecurityMethod> held, StandardId... standards) {
        Objects.requireNonNull(held, "held");
        Capabilities caps = capabilities(id);
        return caps.require(standards).requireInterface(held, preference, caps.source());
    }

    /**
     * The endpoints of a TAP service, through the registry.
     *
     * @param id the service id, e.g. {@link ServiceId#CADC_TAP}
     * @param held the security methods the caller has credentials for
     * @return the endpoints
     * @throws NotFoundException if the service is unknown or has no TAP capability
     * @throws AuthenticationException if no TAP interface accepts the credentials held nor anonymous requests
     */
    public TapEndpoints tap(ServiceId id, Set<SecurityMethod> held) {
        return TapEndpoints.of(capabilities(id), held, preference);
    }

    /**
     * The endpoints of a TAP service known by its base URL, with no registry: reads
     * {@code {base}/capabilities} when the service has it, and otherwise (404, or not a capabilities
     * document) assumes the conventional layout under the base.
     *
     * @param base the TAP base URL
     * @param held the security methods the caller has credentials for
     * @return the endpoints
     * @throws CadcException if the service cannot be reached
     */
    public TapEndpoints tapAt(URI base, Set<SecurityMethod> held) {
        TapEndpoints plain = TapEndpoints.ofBase(base);
        Capabilities caps;
        try {
            caps = capabilitiesAt(plain.capabilities());
        } catch (NotFoundException | ProtocolViolationException e) {
            LOG.log(Level.DEBUG, "no usable capabilities at {0}; using the conventional TAP layout: {1}",
                    plain.capabilities(), e.getMessage());
            return plain;
        }
        if (caps.find(StandardId.TAP).isEmpty()) {
            return plain;
        }
        return TapEndpoints.of(caps, held, preference);
    }

    /** Forgets every cached document. */
    public void invalidate() {
        registryCache.clear();
        capabilitiesCache.clear();
    }


    private <T> T cached(Map<URI, Cached<T>> cache, URI key, Function<URI, byte[]> fetch,
            BiFunction<InputStream, URI, T> parse) {
        Cached<T> entry = cache.get(key);
        if (entry == null && disk != null) {
            entry = fromDisk(key, parse);
            if (entry != null) {
                cache.putIfAbsent(key, entry);
            }
        }
        Instant now = clock.instant();
        if (entry != null && now.isBefore(entry.fetched.plus(ttl))) {
            return entry.value;
        }
        T value;
        byte[] body;
        try {
            body = fetch.apply(key);
            value = parse.apply(new ByteArrayInputStream(body), key);
        } catch (CadcInterruptedException e) {
            throw e;
        } catch (CadcException e) {
            if (entry == null) {
                throw e;
            }
            LOG.log(Level.WARNING, "using the copy of {0} fetched at {1}: refreshing it failed: {2}", key,
                    entry.fetched, e.getMessage());
            return entry.value;
        }
        cache.put(key, new Cached<>(value, now));
        if (disk != null) {
            disk.write(key, body, now);
        }
        return value;
    }

    /** The copy on disk, parsed; null when there is none, or it does not parse (it is then fetched again). */
    private <T> Cached<T> fromDisk(URI key, BiFunction<InputStream, URI, T> parse) {
        Optional<DiskCache.Entry> kept = disk.read(key);
        if (kept.isEmpty()) {
            return null;
        }
        try {
            return new Cached<>(parse.apply(new ByteArrayInputStream(kept.get().body()), key), kept.get().fetched());
        } catch (CadcException e) {
            LOG.log(Level.DEBUG, "ignoring the copy of {0} in {1}: {2}", key, disk.fileFor(key), e.getMessage());
            return null;
        }
    }

    private static ResourceCaps parseRegistry(InputStream in, URI url) {
        return ResourceCaps.parse(new InputStreamReader(in, StandardCharsets.UTF_8), url);
    }

    private byte[] fetchRegistry(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).GET().header("Accept", "text/plain").build();
        // fetch: a body that breaks while it is read is sent for again, within the retry policy
        return http.fetch(request, (in, response) -> readBody(in, url));
    }

    private byte[] fetchCapabilities(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).GET().header("Accept", "text/xml, application/xml").build();
        return http.fetch(request, (in, response) -> {
            String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (type.contains("html")) {
                throw new ProtocolViolationException("expected VOSI capabilities (XML) from " + url + " but got "
                        + type + ": " + snippet(in), url, null);
            }
            return readBody(in, url);
        });
    }

    /** The whole body of a registry or capabilities document (small documents), bounded. */
    private static byte[] readBody(InputStream in, URI url) throws IOException {
        byte[] body = in.readNBytes(DiskCache.MAX_BODY_BYTES + 1);
        if (body.length > DiskCache.MAX_BODY_BYTES) {
            throw new ProtocolViolationException("the document at " + url + " is larger than "
                    + DiskCache.MAX_BODY_BYTES / (1024 * 1024) + " MiB: not a registry file or capabilities", url,
                    null);
        }
        return body;
    }

    private static String snippet(InputStream in) {
        try {
            String text = new String(in.readNBytes(200), StandardCharsets.UTF_8);
            return "'" + text.replaceAll("\\s+", " ").strip() + "'";
        } catch (IOException e) {
            return "(body unreadable: " + e.getMessage() + ")";
        }
    }

    private static final class Cached<T> {
        final T value;
        final Instant fetched;

        Cached(T value, Instant fetched) {
            this.value = value;
            this.fetched = fetched;
        }
    }

    /**
     * Configures a resolver. Single-threaded.
     */
    public static final class Builder {
        private final HttpPipeline http;
        private URI registry = DEFAULT_REGISTRY;
        private Duration ttl = DEFAULT_TTL;
        private Clock clock = Clock.systemUTC();
        private SecurityPreference preference = SecurityPreference.defaults();
        private final Map<ServiceId, URI> overrides = new LinkedHashMap<>();
        private Path diskDirectory;

        private Builder(HttpPipeline http) {
            this.http = Objects.requireNonNull(http, "http");
        }

        /**
         * Sets the registry file's URL (default {@link #DEFAULT_REGISTRY}).
         *
         * @param registry the URL
         * @return this builder
         */
        public Builder registry(URI registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Sets how long fetched documents are used (default {@link #DEFAULT_TTL}); zero fetches every time
         * (stale-if-error still applies).
         *
         * @param ttl the time to live
         * @return this builder
         */
        public Builder cacheTtl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative()) {
                throw new IllegalArgumentException("the cache time to live is negative: " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        /**
         * Sets the clock the cache reads (tests use a fixed or stepping clock).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the order in which held credentials are tried.
         *
         * @param preference the preference
         * @return this builder
         */
        public Builder preference(SecurityPreference preference) {
            this.preference = Objects.requireNonNull(preference, "preference");
            return this;
        }

        /**
         * Maps a service id straight to its capabilities URL; the registry is not asked for it.
         *
         * @param id the service id
         * @param capabilitiesUrl the capabilities URL
         * @return this builder
         */
        public Builder override(ServiceId id, URI capabilitiesUrl) {
            overrides.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(capabilitiesUrl, "capabilitiesUrl"));
            return this;
        }

        /**
         * Keeps fetched documents on disk too, one file per URL in a directory (made on first
         * write), so that a new resolver, in this process or another, starts from them while they
         * are fresh. A directory that cannot be read or written is no error: documents are then
         * fetched as without it. Off by default.
         *
         * @param directory the directory, e.g. {@code ~/.cache/cadc4j}
         * @return this builder
         */
        public Builder diskCache(Path directory) {
            this.diskDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Makes the resolver; fetches nothing.
         *
         * @return the resolver
         */
        public ServiceResolver build() {
            return new ServiceResolver(this);
        }
    }
}
