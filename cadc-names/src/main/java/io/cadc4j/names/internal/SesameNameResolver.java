// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.names.internal;

import io.cadc4j.core.sky.NameResolver;
import io.cadc4j.core.sky.ResolvedName;
import io.cadc4j.core.internal.http.HttpPipeline;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@link NameResolver} on CDS Sesame, as astropy's {@code SkyCoord.from_name}: GET
 * {@code <mirror>SNV?<name, percent-encoded>} (Simbad, then NED, then VizieR), the first {@code %J}
 * line of the plain-text answer giving the ICRS position ({@link SesameAnswer}). The mirrors are
 * asked in order; one that refuses the connection, stalls past the timeout or answers 5xx hands
 * over to the next ({@link Failover}).
 *
 * <p>Thread-safe.
 */
final class SesameNameResolver implements NameResolver {
    /** astropy's mirrors ({@code astropy.coordinates.name_resolve.sesame_url}), in its order. */
    static final List<URI> DEFAULT_MIRRORS = List.of(URI.create("https://cds.unistra.fr/cgi-bin/nph-sesame/"),
            URI.create("http://vizier.cfa.harvard.edu/viz-bin/nph-sesame/"));

    /** The databases asked, in Sesame's letters: Simbad, then NED, then VizieR. */
    static final String DATABASES = "SNV";

    private final HttpPipeline http;
    private final List<URI> mirrors;
    private final Duration timeout;

    SesameNameResolver(HttpPipeline http, List<URI> mirrors, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.mirrors = List.copyOf(mirrors.isEmpty() ? DEFAULT_MIRRORS : mirrors);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public ResolvedName resolve(String name) {
        String n = checkName(name);
        List<URI> urls = new ArrayList<>(mirrors.size());
        for (URI m : mirrors) {
            urls.add(URI.create(withSlash(m) + DATABASES + "?" + Failover.quote(n)));
        }
        return Failover.ask(http, urls, timeout, "Sesame cannot be asked for \"" + n + "\"",
                (url, status, body) -> {
                    if (status != 200) {
                        throw Failover.unexpected(url, status, body);
                    }
                    return SesameAnswer.read(n, DATABASES, url, body);
                });
    }

    static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        String n = name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("a target name is blank");
        }
        return n;
    }

    private static String withSlash(URI mirror) {
        String s = mirror.toString();
        return s.endsWith("/") ? s : s + "/";
    }

    @Override
    public String toString() {
        return "SesameNameResolver" + mirrors;
    }
}
