// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The StAX toolkit of the TAP adapter's document readers: safely configured factories (one
 * namespace-aware, one not), element navigation that tolerates stray text, and the translation of
 * parser failures into {@link CadcException}s with a location.
 *
 * <p>Thread-safe: the factories are configured once and then only asked for readers.
 */
final class Xml {
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String XLINK = "http://www.w3.org/1999/xlink";

    private static final XMLInputFactory AWARE = factory(true);
    private static final XMLInputFactory UNAWARE = factory(false);

    private Xml() {
    }

    private static XMLInputFactory factory(boolean namespaceAware) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        // Safe XML (STYLE §5): no DTDs, no external entities.
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, namespaceAware);
        return f;
    }

    /**
     * Opens a reader.
     *
     * @param in the document
     * @param source its URL, for errors
     * @param namespaceAware false for documents that use prefixes they never declare (some VOSI
     *     tables replies, {@code fixtures/tables/per-table-undeclared-prefixes.xml}); names then keep
     *     their prefixes and {@link #local(String)} strips them
     * @return the reader
     */
    static XMLStreamReader open(InputStream in, URI source, boolean namespaceAware) {
        try {
            return (namespaceAware ? AWARE : UNAWARE).createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw failure("the document", source, e);
        }
    }

    /** The local part of a possibly prefixed name. */
    static String local(String name) {
        return name.substring(name.indexOf(':') + 1);
    }

    /** The current element's local name, prefix stripped in namespace-unaware mode. */
    static String name(XMLStreamReader r) {
        return local(r.getLocalName());
    }

    /** Moves to the root element and returns its local name, empty if there is none. */
    static String root(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT) {
                return name(r);
            }
        }
        return "";
    }

    /** Moves to the next start or end tag, passing over text, comments and processing instructions. */
    static int nextTag(XMLStreamReader r) throws XMLStreamException {
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT) {
                return event;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the document ends inside an element", r.getLocation());
            }
        }
    }

    /**
     * The text of the current element up to its end, CDATA included, child elements skipped,
     * trimmed (CASDA wraps ids in CDATA with white space around).
     */
    static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                sb.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                skip(r);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return sb.toString().strip();
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the document ends inside an element", r.getLocation());
            }
        }
    }

    /** Skips the current element and its content, leaving the reader on its end tag. */
    static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the document ends inside an element", r.getLocation());
            }
        }
    }

    /**
     * An attribute by local name, in any namespace or none, prefix ignored, trimmed.
     *
     * @return the value, or empty when absent
     */
    static String attribute(XMLStreamReader r, String localName) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (localName.equals(local(r.getAttributeLocalName(i)))) {
                return r.getAttributeValue(i).strip();
            }
        }
        return "";
    }

    /** Whether the current element says {@code xsi:nil="true"}. */
    static boolean isNil(XMLStreamReader r) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String ns = r.getAttributeNamespace(i);
            String name = r.getAttributeLocalName(i);
            boolean nil = XSI.equals(ns) && "nil".equals(name) || "xsi:nil".equals(name);
            if (nil && "true".equalsIgnoreCase(r.getAttributeValue(i).strip())) {
                return true;
            }
        }
        return false;
    }

    /** Makes the exception for a parser failure, with the location where the parser stopped. */
    static CadcException failure(String what, URI source, XMLStreamException e) {
        Throwable nested = e.getNestedException();
        if (nested instanceof CadcException) {
            return (CadcException) nested;
        }
        if (nested instanceof IOException) {
            return new TransportException("reading " + what + " from " + source + " failed: " + nested, source, true, e);
        }
        Location loc = e.getLocation();
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        int idx = msg.indexOf("Message: ");
        if (idx >= 0) {
            msg = msg.substring(idx + "Message: ".length());
        }
        int at = msg.indexOf("\n at [");
        if (at >= 0) {
            msg = msg.substring(0, at);
        }
        return new ProtocolViolationException(what + " from " + source + " is not well-formed XML: " + msg.strip(),
                source, loc == null ? -1 : loc.getLineNumber(), loc == null ? -1 : loc.getColumnNumber(), e);
    }

    /** Makes the exception for XML that is not the expected document, at the reader's location. */
    static ProtocolViolationException violation(String message, URI source, XMLStreamReader r) {
        Location loc = r.getLocation();
        return new ProtocolViolationException(message + " (from " + source + ")", source,
                loc == null ? -1 : loc.getLineNumber(), loc == null ? -1 : loc.getColumnNumber(), null);
    }

    static void closeQuietly(XMLStreamReader r) {
        try {
            r.close();
        } catch (XMLStreamException e) {
            // nothing to release: the stream underneath belongs to the caller
        }
    }
}
