// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.xml;

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
 * The small StAX toolkit the core's document readers share: a safely configured factory, text and
 * skip helpers, and the translation of parser failures into {@link CadcException}s with a location.
 *
 * <p>Thread-safe: the factory is configured once and then only asked for readers.
 */
public final class Stax {
    /** The XML Schema instance namespace, home of {@code xsi:type} and {@code xsi:nil}. */
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    /** The XLink namespace, home of {@code xlink:href}. */
    public static final String XLINK = "http://www.w3.org/1999/xlink";

    private static final XMLInputFactory FACTORY = newFactory(true);
    private static final XMLInputFactory UNAWARE = newFactory(false);

    private Stax() {
    }

    private static XMLInputFactory newFactory(boolean namespaceAware) {
        // Woodstox's own default limits: the core's documents are small and need no tighter ones
        return harden(XMLInputFactory.newFactory(), namespaceAware, 1000, 512 * 1024);
    }

    /**
     * A hardened, namespace-aware factory (Woodstox when it is on the path, the JDK's otherwise)
     * with the nesting and attribute limits given, for readers that set their own limits (the
     * VOTable reader).
     *
     * @param maxDepth the deepest nesting of elements the parser accepts
     * @param maxAttributeLength the longest attribute value the parser accepts, in characters
     * @return the factory; thread-safe for creating readers
     */
    public static XMLInputFactory hardenedFactory(int maxDepth, int maxAttributeLength) {
        return harden(XMLInputFactory.newFactory(), true, maxDepth, maxAttributeLength);
    }

    /**
     * Hardens a factory, the one place where it is done (STYLE §5): no DTD processing, no external
     * entities (a DOCTYPE is skipped, never fetched, and its entities are never defined; a
     * resolver refuses any that is asked for), not coalescing, not validating; and, where the
     * implementation supports them, Woodstox's limits ({@code com.ctc.wstx.*}: depth, attribute
     * size and count, entities) and the JDK's (JAXP {@code jdk.xml.*}), a second line of defence
     * behind the readers' own checks.
     *
     * @param f the factory, e.g. {@link XMLInputFactory#newDefaultFactory()} to have the JDK's parser
     * @param namespaceAware whether the readers resolve namespaces
     * @param maxDepth the deepest nesting of elements the parser accepts
     * @param maxAttributeLength the longest attribute value the parser accepts, in characters
     * @return the same factory
     */
    public static XMLInputFactory harden(XMLInputFactory f, boolean namespaceAware, int maxDepth,
            int maxAttributeLength) {
        set(f, XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        set(f, XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        set(f, XMLInputFactory.IS_NAMESPACE_AWARE, namespaceAware);
        set(f, XMLInputFactory.IS_COALESCING, Boolean.FALSE);
        set(f, XMLInputFactory.IS_VALIDATING, Boolean.FALSE);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entity refused: " + systemId);
        });
        // Woodstox (com.ctc.wstx.api.WstxInputProperties)
        set(f, "com.ctc.wstx.maxElementDepth", maxDepth);
        set(f, "com.ctc.wstx.maxAttributeSize", maxAttributeLength);
        set(f, "com.ctc.wstx.maxAttributesPerElement", 1000);
        set(f, "com.ctc.wstx.maxEntityCount", 10_000L);
        set(f, "com.ctc.wstx.maxEntityDepth", 4);
        // JDK parser (JAXP security properties)
        set(f, "jdk.xml.entityExpansionLimit", "10000");
        set(f, "jdk.xml.maxElementDepth", Integer.toString(maxDepth));
        return f;
    }

    private static void set(XMLInputFactory f, String name, Object value) {
        if (f.isPropertySupported(name)) {
            try {
                f.setProperty(name, value);
            } catch (IllegalArgumentException e) {
                // The implementation listed the property but refused this value; the readers' own checks still apply.
                System.getLogger("io.cadc4j.core").log(System.Logger.Level.DEBUG, "StAX property {0} not set: {1}",
                        name, e.getMessage());
            }
        }
    }

    /**
     * Opens a namespace-aware reader.
     *
     * @param in the document
     * @param source the URL it came from, for errors
     * @return the reader
     */
    public static XMLStreamReader open(InputStream in, URI source) {
        try {
            return FACTORY.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw failure("cannot start reading", source, e);
        }
    }

    /**
     * Opens a reader, namespace-aware or not.
     *
     * @param in the document
     * @param source its URL, for errors
     * @param namespaceAware false for documents that use prefixes they never declare (some VOSI
     *     tables replies, {@code fixtures/tables/per-table-undeclared-prefixes.xml}); names then keep
     *     their prefixes and {@link #local(String)} strips them
     * @return the reader
     */
    public static XMLStreamReader open(InputStream in, URI source, boolean namespaceAware) {
        try {
            return (namespaceAware ? FACTORY : UNAWARE).createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw failure("the document", source, e);
        }
    }

    /**
     * The local part of a possibly prefixed name.
     *
     * @param name a name, prefixed or not
     * @return the part after the colon, or the name itself
     */
    public static String local(String name) {
        return name.substring(name.indexOf(':') + 1);
    }

    /**
     * The current element's local name, its prefix stripped when the reader is namespace-unaware.
     *
     * @param r a reader on a START_ELEMENT or END_ELEMENT
     * @return the local name
     */
    public static String name(XMLStreamReader r) {
        return local(r.getLocalName());
    }

    /**
     * Moves to the document's root element.
     *
     * @param r the reader
     * @return the root's local name
     * @throws XMLStreamException if the document is not well-formed
     */
    public static String root(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT) {
                return name(r);
            }
        }
        return "";
    }

    /**
     * Moves to the next start or end tag, passing over text, comments and processing instructions
     * (unlike {@link XMLStreamReader#nextTag()}, stray text between elements is tolerated).
     *
     * @param r the reader
     * @return {@code START_ELEMENT} or {@code END_ELEMENT}
     * @throws XMLStreamException if the document is not well-formed or ends first
     */
    public static int nextTag(XMLStreamReader r) throws XMLStreamException {
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
     * Reads the text of the current element up to its end, skipping any child elements, trimmed.
     * CDATA sections count as text.
     *
     * @param r a reader on a START_ELEMENT
     * @return the trimmed text, empty when there is none
     * @throws XMLStreamException if the document is not well-formed
     */
    public static String text(XMLStreamReader r) throws XMLStreamException {
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

    /**
     * Skips the current element and everything inside it.
     *
     * @param r a reader on a START_ELEMENT; left on its END_ELEMENT
     * @throws XMLStreamException if the document is not well-formed
     */
    public static void skip(XMLStreamReader r) throws XMLStreamException {
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
     * An attribute with no namespace, trimmed.
     *
     * @param r a reader on a START_ELEMENT
     * @param name the attribute's local name
     * @return the value, or empty when absent
     */
    public static String attribute(XMLStreamReader r, String name) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String ns = r.getAttributeNamespace(i);
            if ((ns == null || ns.isEmpty()) && name.equals(r.getAttributeLocalName(i))) {
                return r.getAttributeValue(i).strip();
            }
        }
        return "";
    }

    /**
     * An attribute by local name in any namespace or none, its prefix ignored, trimmed (for
     * documents read namespace-unaware, and services that qualify attributes they should not).
     *
     * @param r a reader on a START_ELEMENT
     * @param localName the attribute's local name
     * @return the value, or empty when absent
     */
    public static String anyAttribute(XMLStreamReader r, String localName) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (localName.equals(local(r.getAttributeLocalName(i)))) {
                return r.getAttributeValue(i).strip();
            }
        }
        return "";
    }

    /**
     * Whether the current element says {@code xsi:nil="true"} (bound or, namespace-unaware, by
     * its prefix).
     *
     * @param r a reader on a START_ELEMENT
     * @return true for a nil element
     */
    public static boolean isNil(XMLStreamReader r) {
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

    /**
     * Resolves a QName-valued attribute such as {@code xsi:type="vs:ParamHTTP"} through the
     * namespaces in scope, so that the prefix a document chose does not matter.
     *
     * @param r a reader on a START_ELEMENT
     * @param value the attribute value
     * @return Clark notation {@code {namespace}local}, or the local name alone when the prefix is
     *     not bound; empty for an empty value
     */
    public static String resolveQName(XMLStreamReader r, String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return "";
        }
        int colon = v.indexOf(':');
        String prefix = colon < 0 ? "" : v.substring(0, colon);
        String local = v.substring(colon + 1);
        String ns = r.getNamespaceContext().getNamespaceURI(prefix);
        return ns == null || ns.isEmpty() ? local : "{" + ns + "}" + local;
    }

    /**
     * Makes the exception for a parser failure: an I/O failure underneath becomes a transient
     * {@link TransportException}, anything else a {@link ProtocolViolationException} with the line
     * and column where the parser stopped.
     *
     * @param what what was being read, e.g. {@code "VOSI capabilities"}
     * @param source the URL of the document
     * @param e the parser failure
     * @return the exception to throw
     */
    public static CadcException failure(String what, URI source, XMLStreamException e) {
        Throwable nested = e.getNestedException();
        if (nested instanceof CadcException) {
            return (CadcException) nested;
        }
        if (nested instanceof IOException) {
            return new TransportException("reading " + what + " from " + source + " failed: " + nested, source, true, e);
        }
        Location loc = e.getLocation();
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        // The JDK's messages repeat the location as a prefix; keep only the reason.
        int idx = msg.indexOf("Message: ");
        if (idx >= 0) {
            msg = msg.substring(idx + "Message: ".length());
        }
        // Woodstox appends the location after the reason.
        int at = msg.indexOf("\n at [");
        if (at >= 0) {
            msg = msg.substring(0, at);
        }
        return new ProtocolViolationException(what + " from " + source + " is not well-formed XML: " + msg.strip(),
                source, loc == null ? -1 : loc.getLineNumber(), loc == null ? -1 : loc.getColumnNumber(), e);
    }

    /**
     * Makes the exception for a document that is XML but not the expected kind.
     *
     * @param message what is wrong
     * @param source the URL of the document
     * @param r the reader, for the location
     * @return the exception to throw
     */
    public static ProtocolViolationException violation(String message, URI source, XMLStreamReader r) {
        Location loc = r.getLocation();
        return new ProtocolViolationException(message + " (from " + source + ")", source,
                loc == null ? -1 : loc.getLineNumber(), loc == null ? -1 : loc.getColumnNumber(), null);
    }

    /**
     * Closes a reader, ignoring failures (the stream underneath belongs to the caller).
     *
     * @param r the reader
     */
    public static void closeQuietly(XMLStreamReader r) {
        try {
            r.close();
        } catch (XMLStreamException e) {
            // nothing to do: the reader holds no resource of its own
        }
    }
}
