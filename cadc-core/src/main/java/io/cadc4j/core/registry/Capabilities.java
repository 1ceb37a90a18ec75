// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.registry;

import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.StandardId;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service's VOSI capabilities document ({@code GET {capabilities}}, VOSI 1.1 §3.2): the
 * capabilities it lists, in document order.
 *
 * <p>Immutable and thread-safe.
 */
public final class Capabilities {
    private final URI source;
    private final List<Capability> capabilities;

    private Capabilities(URI source, List<Capability> capabilities) {
        this.source = source;
        this.capabilities = List.copyOf(capabilities);
    }

    /**
     * Makes a capabilities document.
     *
     * @param source the URL the document came from
     * @param capabilities the capabilities, in document order
     * @return the document
     */
    public static Capabilities of(URI source, List<Capability> capabilities) {
        return new Capabilities(Objects.requireNonNull(source, "source"),
                Objects.requireNonNull(capabilities, "capabilities"));
    }

    /**
     * Reads a VOSI capabilities document with the StAX parser of {@code java.xml} (DTDs and external
     * entities off). {@code xsi:type} values are resolved through the document's namespaces, so
     * any prefix works; child elements may be unqualified.
     *
     * @param in the document; read to the end, not closed
     * @param source the URL it came from, named in errors
     * @return the capabilities
     * @throws io.cadc4j.core.ProtocolViolationException if the document is not well-formed XML, is
     *     truncated, or is not a VOSI capabilities document (an HTML page, say), with line and column
     */
    public static Capabilities parse(InputStream in, URI source) {
        return CapabilitiesParser.parse(Objects.requireNonNull(in, "in"), Objects.requireNonNull(source, "source"));
    }

    /** @return the URL the document came from */
    public URI source() {
        return source;
    }

    /** @return the capabilities, in document order */
    public List<Capability> all() {
        return capabilities;
    }

    /**
     * The first capability with a standard id.
     *
     * @param standardId the standard id
     * @return the capability, or empty when the service does not list it
     */
    public Optional<Capability> find(StandardId standardId) {
        Objects.requireNonNull(standardId, "standardId");
        for (Capability c : capabilities) {
            if (c.standardId().equals(standardId)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The first capability with any of the standard ids, tried in the order given (e.g. DataLink
     * 1.1, then 1.0).
     *
     * @param standardIds the standard ids, most wanted first
     * @return the capability
     * @throws NotFoundException naming the standard ids and this document's URL when none is listed
     */
    public Capability require(StandardId... standardIds) {
        List<String> names = new ArrayList<>();
        for (StandardId id : standardIds) {
            Optional<Capability> c = find(id);
            if (c.isPresent()) {
                return c.get();
            }
            names.add(id.toString());
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no standard id given");
        }
        throw new NotFoundException("the capabilities at " + source + " list no capability "
                + String.join(" or ", names) + " (the service does not offer it)", 0, source, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Capabilities && ((Capabilities) o).source.equals(source)
                && ((Capabilities) o).capabilities.equals(capabilities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, capabilities);
    }

    @Override
    public String toString() {
        return "Capabilities[" + source + ", " + capabilities.size() + " capabilities]";
    }
}
