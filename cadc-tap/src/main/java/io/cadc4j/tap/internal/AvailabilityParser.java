// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.internal.xml.Stax;
import io.cadc4j.core.registry.Availability;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a VOSI availability document (VOSI 1.1 §3.3).
 *
 * <p>{@code available} must say {@code true} or {@code false}. The times are advisory, so an
 * unreadable one (pyvo's test document has month 00) is left out and logged rather than failing
 * the whole answer.
 *
 * <p>Stateless and thread-safe.
 */
final class AvailabilityParser {
    private static final System.Logger LOG = System.getLogger("io.cadc4j.tap");

    private AvailabilityParser() {
    }

    /**
     * Reads an availability document.
     *
     * @param in the document
     * @param source its URL
     * @return the availability
     * @throws ProtocolViolationException if it is not a well-formed VOSI availability document
     */
    static Availability parse(InputStream in, URI source) {
        XMLStreamReader r = Stax.open(in, source, true);
        try {
            String root = Stax.root(r);
            if (!"availability".equals(root)) {
                throw Stax.violation("expected a VOSI availability document but the root element is <"
                        + (root.isEmpty() ? "none" : root) + ">", source, r);
            }
            Boolean available = null;
            Instant upSince = null;
            Instant downAt = null;
            Instant backAt = null;
            List<String> notes = new ArrayList<>();
            while (Stax.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
                String name = Stax.name(r);
                switch (name) {
                    case "available":
                        String text = Stax.text(r).toLowerCase(Locale.ROOT);
                        if ("true".equals(text) || "1".equals(text)) {
                            available = Boolean.TRUE;
                        } else if ("false".equals(text) || "0".equals(text)) {
                            available = Boolean.FALSE;
                        } else {
                            throw Stax.violation("<available> says '" + text + "', not true or false", source, r);
                        }
                        break;
                    case "upSince":
                        upSince = time(Stax.text(r), name, source);
                        break;
                    case "downAt":
                        downAt = time(Stax.text(r), name, source);
                        break;
                    case "backAt":
                        backAt = time(Stax.text(r), name, source);
                        break;
                    case "note":
                        String note = Stax.text(r);
                        if (!note.isEmpty()) {
                            notes.add(note);
                        }
                        break;
                    default:
                        Stax.skip(r);
                }
            }
            if (available == null) {
                throw Stax.violation("the availability document has no <available>", source, r);
            }
            return Availability.of(available, Optional.ofNullable(upSince), Optional.ofNullable(downAt),
                    Optional.ofNullable(backAt), notes);
        } catch (XMLStreamException e) {
            throw Stax.failure("the VOSI availability document", source, e);
        } finally {
            Stax.closeQuietly(r);
        }
    }

    private static Instant time(String text, String element, URI source) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Timestamps.parse(text);
        } catch (DateTimeParseException e) {
            LOG.log(Level.DEBUG, "ignoring the unreadable <{0}> ''{1}'' from {2}", element, text, source);
            return null;
        }
    }
}
