// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.registry;

import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.StandardId;
import io.cadc4j.core.internal.xml.Stax;
import io.cadc4j.core.registry.Capabilities;
import io.cadc4j.core.registry.Capability;
import io.cadc4j.core.registry.Interface;
import io.cadc4j.core.registry.TableAccess;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a VOSI capabilities document (VOSI 1.1 §3.2) with StAX.
 *
 * <p>Elements are matched by local name: the root is namespaced ({@code vosi:capabilities}) but
 * {@code capability} and everything below are unqualified in every service we have seen, and a
 * few documents qualify them anyway. {@code xsi:type} is resolved through the namespace context
 * (VOResource 1.1 §2.2.1), so {@code vs:}, {@code vod:} or any other prefix works.
 *
 * <p>Stateless and thread-safe.
 */
final class CapabilitiesParser {
    private static final String TAP_REG_EXT_TYPE = "TableAccess";
    private static final String WHAT = "VOSI capabilities";

    private CapabilitiesParser() {
    }

    /**
     * Parses a capabilities document.
     *
     * @param in the document
     * @param source the URL it came from
     * @return the capabilities
     */
    static Capabilities parse(InputStream in, URI source) {
        XMLStreamReader r = Stax.open(in, source);
        try {
            String root = Stax.root(r);
            if (!"capabilities".equals(root)) {
                throw Stax.violation("expected a VOSI capabilities document but the root element is <"
                        + (root.isEmpty() ? "none" : root) + ">", source, r);
            }
            List<Capability> caps = new ArrayList<>();
            while (Stax.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
                if ("capability".equals(r.getLocalName())) {
                    Capability c = capability(r, source);
                    if (c != null) {
                        caps.add(c);
                    }
                } else {
                    Stax.skip(r);
                }
            }
            return Capabilities.of(source, caps);
        } catch (XMLStreamException e) {
            throw Stax.failure(WHAT, source, e);
        } finally {
            Stax.closeQuietly(r);
        }
    }

    private static Capability capability(XMLStreamReader r, URI source) throws XMLStreamException {
        String standardId = Stax.attribute(r, "standardID");
        String type = Stax.resolveQName(r, xsiType(r));
        boolean tapRegExt = type.endsWith("}" + TAP_REG_EXT_TYPE) || type.equals(TAP_REG_EXT_TYPE)
                || StandardId.TAP.toString().equals(standardId);
        List<Interface> interfaces = new ArrayList<>();
        TableAccess.Builder extras = TableAccess.builder();
        while (Stax.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
            switch (r.getLocalName()) {
                case "interface":
                    interfaces.add(anInterface(r, source));
                    break;
                case "language":
                    extras.language(language(r));
                    break;
                case "outputFormat":
                    extras.outputFormat(outputFormat(r));
                    break;
                case "uploadMethod":
                    String ivoId = Stax.attribute(r, "ivo-id");
                    Stax.skip(r);
                    if (!ivoId.isEmpty()) {
                        extras.uploadMethod(ivoId);
                    }
                    break;
                case "retentionPeriod":
                    extras.retentionPeriod(limit(r, source, TableAccess.Limit.SECONDS));
                    break;
                case "executionDuration":
                    extras.executionDuration(limit(r, source, TableAccess.Limit.SECONDS));
                    break;
                case "outputLimit":
                    extras.outputLimit(limit(r, source, TableAccess.Limit.ROW));
                    break;
                case "uploadLimit":
                    extras.uploadLimit(limit(r, source, TableAccess.Limit.ROW));
                    break;
                default:
                    Stax.skip(r);
            }
        }
        if (standardId.isEmpty()) {
            // VOResource allows a capability without standardID (a custom service); nothing can
            // look it up, so it is left out.
            return null;
        }
        StandardId id;
        try {
            id = StandardId.of(standardId);
        } catch (IllegalArgumentException e) {
            throw Stax.violation("capability standardID '" + standardId + "' is not a URI", source, r);
        }
        return tapRegExt ? Capability.of(id, interfaces, extras.build()) : Capability.of(id, interfaces);
    }

    private static Interface anInterface(XMLStreamReader r, URI source) throws XMLStreamException {
        String type = Stax.resolveQName(r, xsiType(r));
        String role = Stax.attribute(r, "role");
        String version = Stax.attribute(r, "version");
        URI accessUrl = null;
        Interface.Use use = Interface.Use.BASE;
        List<SecurityMethod> methods = new ArrayList<>();
        while (Stax.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
            String name = r.getLocalName();
            if ("accessURL".equals(name) && accessUrl == null) {
                use = Interface.Use.of(Stax.attribute(r, "use"));
                String text = Stax.text(r);
                try {
                    accessUrl = new URI(text);
                } catch (URISyntaxException e) {
                    throw Stax.violation("accessURL '" + text + "' is not a URI", source, r);
                }
                if (!accessUrl.isAbsolute()) {
                    accessUrl = source.resolve(accessUrl);
                }
            } else if ("securityMethod".equals(name)) {
                methods.add(SecurityMethod.of(Stax.attribute(r, "standardID")));
                Stax.skip(r);
            } else {
                Stax.skip(r);
            }
        }
        if (accessUrl == null) {
            throw Stax.violation("an interface has no accessURL", source, r);
        }
        return Interface.of(type, role, version, accessUrl, use, methods);
    }

    private static TableAccess.Language language(XMLStreamReader r) throws XMLStreamException {
        String name = "";
        List<String> versions = new ArrayList<>();
        while (Stax.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
            if ("name".equals(r.getLocalName())) {
                name = Stax.text(r);
            } else if ("version".equals(r.getLocalName())) {
                versions.add(Stax.text(r));
            } else {
                Stax.skip(r);
            }
        }
        return TableAccess.Language.of(name, versions);
    }

    private static TableAccess.OutputFormat outputFormat(XMLStreamReader r) throws XMLStreamException {
        String ivoId = Stax.attribute(r, "ivo-id");
        String mime = "";
        List<String> aliases = new ArrayList<>();
        while (Stax.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
            if ("mime".equals(r.getLocalName())) {
                mime = Stax.text(r);
            } else if ("alias".equals(r.getLocalName())) {
                aliases.add(Stax.text(r));
            } else {
                Stax.skip(r);
            }
        }
        return TableAccess.OutputFormat.of(mime, aliases, ivoId);
    }

    private static TableAccess.Limit limit(XMLStreamReader r, URI source, String defaultUnit) throws XMLStreamException {
        long defaultValue = -1;
        long hard = -1;
        String unit = "";
        while (Stax.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
            String name = r.getLocalName();
            if ("default".equals(name) || "hard".equals(name)) {
                String u = Stax.attribute(r, "unit");
                if (!u.isEmpty()) {
                    unit = u;
                }
                String text = Stax.text(r);
                long value;
                try {
                    value = Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw Stax.violation("TAPRegExt limit <" + name + "> is not a whole number: '" + text + "'",
                            source, r);
                }
                if ("default".equals(name)) {
                    defaultValue = value;
                } else {
                    hard = value;
                }
            } else {
                Stax.skip(r);
            }
        }
        return TableAccess.Limit.of(defaultValue, hard, unit.isEmpty() ? defaultUnit : unit);
    }

    private static String xsiType(XMLStreamReader r) {
        String v = r.getAttributeValue(Stax.XSI, "type");
        return v == null ? "" : v;
    }
}
