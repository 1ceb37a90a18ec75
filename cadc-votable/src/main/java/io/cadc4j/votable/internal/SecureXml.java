// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import io.cadc4j.votable.ParserLimits;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/** Makes StAX factories with DTDs, external entities and entity expansion turned off. Stateless and thread-safe. */
public final class SecureXml {
    private SecureXml() {
    }

    /**
     * A factory for VOTable parsing: Woodstox when it is on the path, the JDK's otherwise. Both
     * have DTD support and external entities off (a DOCTYPE is skipped, never fetched, and its
     * entities are never defined); the Woodstox-only limits are set only when supported.
     *
     * @param limits the limits to mirror into the parser where it supports them
     * @return the factory; thread-safe for creating readers once configured
     */
    public static XMLInputFactory inputFactory(ParserLimits limits) {
        return configure(XMLInputFactory.newFactory(), limits);
    }

    /**
     * Configures a given factory the same way (tests use it on the JDK's built-in parser).
     *
     * @param f the factory
     * @param limits the limits to mirror into the parser where it supports them
     * @return the same factory
     */
    static XMLInputFactory configure(XMLInputFactory f, ParserLimits limits) {
        set(f, XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        set(f, XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        set(f, XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        set(f, XMLInputFactory.IS_COALESCING, Boolean.FALSE);
        set(f, XMLInputFactory.IS_VALIDATING, Boolean.FALSE);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entity refused: " + systemId);
        });
        // Woodstox (com.ctc.wstx.api.WstxInputProperties); a second line of defence behind our own checks.
        set(f, "com.ctc.wstx.maxElementDepth", limits.maxDepth() + 1);
        set(f, "com.ctc.wstx.maxAttributeSize", limits.maxAttributeLength() + 1);
        set(f, "com.ctc.wstx.maxAttributesPerElement", 1000);
        set(f, "com.ctc.wstx.maxEntityCount", 10_000L);
        set(f, "com.ctc.wstx.maxEntityDepth", 4);
        // JDK parser (JAXP security properties).
        set(f, "jdk.xml.entityExpansionLimit", "10000");
        set(f, "jdk.xml.maxElementDepth", Integer.toString(limits.maxDepth() + 1));
        return f;
    }

    private static void set(XMLInputFactory f, String name, Object value) {
        if (f.isPropertySupported(name)) {
            try {
                f.setProperty(name, value);
            } catch (IllegalArgumentException e) {
                // The implementation listed the property but refused this value; our own checks still apply.
                System.getLogger("io.cadc4j.votable").log(System.Logger.Level.DEBUG,
                        "StAX property {0} not set: {1}", name, e.getMessage());
            }
        }
    }
}
