// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.registry;

import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.ServiceId;
import io.cadc4j.core.TransportException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * CADC's registry file ({@code resource-caps}): which capabilities URL belongs to each service id.
 *
 * <p>The format (DIGEST §6.1) is one {@code ivo://authority/path = URL} per line; {@code #} starts
 * a comment line; blank lines are ignored; a line is split on its <em>first</em> {@code =} (a URL
 * may contain more) and both sides are trimmed. A key without a scheme is a short name standing
 * for {@code ivo://cadc.nrc.ca/<name>}. When an id repeats, the last line wins, as in a properties
 * file.
 *
 * <p>Immutable and thread-safe.
 */
public final class ResourceCaps {
    private final URI source;
    private final Map<ServiceId, URI> entries;

    private ResourceCaps(URI source, Map<ServiceId, URI> entries) {
        this.source = source;
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /**
     * Makes a registry from entries.
     *
     * @param source where the registry came from
     * @param entries service id to capabilities URL
     * @return the registry
     */
    public static ResourceCaps of(URI source, Map<ServiceId, URI> entries) {
        Objects.requireNonNull(entries, "entries").forEach((k, v) -> {
            Objects.requireNonNull(k, "entries key");
            Objects.requireNonNull(v, "entries value");
        });
        return new ResourceCaps(Objects.requireNonNull(source, "source"), entries);
    }

    /**
     * Reads a registry file.
     *
     * @param text the file's text; read to the end, not closed
     * @param source where it came from, named in errors
     * @return the registry
     * @throws ProtocolViolationException for a line that is not a comment, blank, or
     *     {@code id = URL} with a valid id and an absolute URL (an HTML page, say), naming the line
     */
    public static ResourceCaps parse(Reader text, URI source) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Map<ServiceId, URI> entries = new LinkedHashMap<>();
        BufferedReader in = text instanceof BufferedReader ? (BufferedReader) text : new BufferedReader(text);
        int lineNo = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                String trimmed = line.strip();
                if (lineNo == 1 && trimmed.startsWith("\uFEFF")) {
                    trimmed = trimmed.substring(1).strip();
                }
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int eq = trimmed.indexOf('=');
                if (eq < 0) {
                    throw bad(source, lineNo, "has no '='", trimmed);
                }
                String key = trimmed.substring(0, eq).strip();
                String value = trimmed.substring(eq + 1).strip();
                ServiceId id;
                try {
                    id = ServiceId.of(key);
                } catch (IllegalArgumentException e) {
                    throw bad(source, lineNo, "does not start with a service id", trimmed);
                }
                URI url;
                try {
                    url = new URI(value);
                } catch (URISyntaxException e) {
                    throw bad(source, lineNo, "has no valid URL after '='", trimmed);
                }
                if (!url.isAbsolute() || url.getHost() == null) {
                    throw bad(source, lineNo, "has no absolute URL after '='", trimmed);
                }
                entries.put(id, url);
            }
        } catch (IOException e) {
            throw new TransportException("reading the registry file " + source + " failed: " + e, source, true, e);
        }
        return new ResourceCaps(source, entries);
    }

    private static ProtocolViolationException bad(URI source, int line, String why, String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return new ProtocolViolationException("the registry file " + source + " is not a resource-caps file: line "
                + line + " " + why + ": '" + shown + "'", source, line, -1, null);
    }

    /** @return where the registry came from */
    public URI source() {
        return source;
    }

    /** @return every service id and its capabilities URL, in file order */
    public Map<ServiceId, URI> entries() {
        return entries;
    }

    /**
     * The capabilities URL of a service.
     *
     * @param id the service id
     * @return the URL, or empty when the registry does not list the id
     */
    public Optional<URI> capabilitiesUrl(ServiceId id) {
        return Optional.ofNullable(entries.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceCaps && ((ResourceCaps) o).source.equals(source)
                && ((ResourceCaps) o).entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, entries);
    }

    @Override
    public String toString() {
        return "ResourceCaps[" + source + ", " + entries.size() + " services]";
    }
}
