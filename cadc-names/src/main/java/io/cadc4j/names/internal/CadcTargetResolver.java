// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.names.internal;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.ServiceId;
import io.cadc4j.core.StandardId;
import io.cadc4j.core.sky.NameResolver;
import io.cadc4j.core.sky.ResolvedName;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.internal.port.NameResolverContext;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@link NameResolver} on CADC's target resolver: GET
 * {@code <find>?target=<name>&service=all&format=ascii} (with {@code &detail=max} when the full
 * answer is asked for), read by {@link CadcResolverAnswer}; HTTP 425 means "not found". The
 * {@code find} endpoint is the one given, else the {@link #STANDARD} capability of
 * {@link #SERVICE} in the registry, looked up on first use (and again only if that fails). Several
 * endpoints given are asked in order, failing over as {@link Failover} does.
 *
 * <p>Thread-safe.
 */
final class CadcTargetResolver implements NameResolver {
    /** The resolver's registry id. */
    static final ServiceId SERVICE = ServiceId.of("ivo://cadc.nrc.ca/resolver");
    /** Its capability's standard id. */
    static final StandardId STANDARD = StandardId.of("vos://cadc.nrc.ca~vospace/CADC/std/NameResolver#names-1.0");

    private final HttpPipeline http;
    private final List<URI> given;
    private final Duration timeout;
    private final NameResolverContext.Registry registry;
    private final boolean detailed;
    private volatile URI located;

    CadcTargetResolver(NameResolverContext context) {
        this.http = context.http();
        this.given = context.endpoints();
        this.timeout = context.timeout();
        this.registry = context.registry();
        this.detailed = context.detailed();
    }

    @Override
    public ResolvedName resolve(String name) {
        String n = SesameNameResolver.checkName(name);
        List<URI> urls = new ArrayList<>();
        for (URI find : endpoints()) {
            String base = find.toString();
            urls.add(URI.create(base + (base.contains("?") ? "&" : "?") + "target=" + Failover.quote(n)
                    + "&service=all&format=ascii" + (detailed ? "&detail=max" : "")));
        }
        return Failover.ask(http, urls, timeout, "CADC's target resolver cannot be asked for \"" + n + "\"",
                (url, status, body) -> {
                    if (status == CadcResolverAnswer.NOT_FOUND_STATUS) {
                        throw CadcResolverAnswer.notFound(n, url, body);
                    }
                    if (status != 200) {
                        throw Failover.unexpected(url, status, body);
                    }
                    return CadcResolverAnswer.read(n, url, body);
                });
    }

    private List<URI> endpoints() {
        if (!given.isEmpty()) {
            return given;
        }
        URI u = located;
        if (u == null) {
            try {
                u = Objects.requireNonNull(registry.locate(SERVICE, STANDARD), "the registry returned no URL");
            } catch (NotFoundException e) {
                // Not the name's "not found" (which a cache would keep as the name's answer): the resolver's.
                throw new CadcException("CADC's target resolver cannot be found: " + e.getMessage(),
                        e.requestUri().orElse(null), false, e);
            }
            located = u;
        }
        return List.of(u);
    }

    @Override
    public String toString() {
        return "CadcTargetResolver" + (given.isEmpty() ? "[" + SERVICE + "]" : given);
    }
}
