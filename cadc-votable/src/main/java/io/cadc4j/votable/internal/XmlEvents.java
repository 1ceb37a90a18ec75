// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import io.cadc4j.votable.ParserLimits;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The parser as every part of the reader pulls it: events with the depth and attribute limits
 * checked, attributes by name, elements skipped and text read within the limits. Single-threaded.
 */
final class XmlEvents {
    final XMLStreamReader r;
    final ParserLimits limits;
    private final Failures fail;
    private int depth;

    XmlEvents(XMLStreamReader r, ParserLimits limits, Failures fail) {
        this.r = r;
        this.limits = limits;
        this.fail = fail;
    }

    /** @return how many elements are open */
    int depth() {
        return depth;
    }

    /** @return the next event, the limits checked */
    int next() throws XMLStreamException {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
            if (++depth > limits.maxDepth()) {
                throw fail.violation("elements nest deeper than the limit of " + limits.maxDepth(), null);
            }
            int n = r.getAttributeCount();
            for (int i = 0; i < n; i++) {
                if (r.getAttributeValue(i).length() > limits.maxAttributeLength()) {
                    throw fail.violation("attribute " + r.getAttributeLocalName(i) + " of <" + r.getLocalName()
                            + "> is longer than the limit of " + limits.maxAttributeLength() + " characters", null);
                }
            }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
            depth--;
        }
        return ev;
    }

    /** @return the current start tag's attribute of this local name, or null */
    String attr(String name) {
        int n = r.getAttributeCount();
        for (int i = 0; i < n; i++) {
            if (name.equals(r.getAttributeLocalName(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    /** Skips the element whose start tag the parser is at, up to its end tag. */
    void skipElement() throws XMLStreamException {
        int target = depth - 1;
        while (depth > target) {
            int ev = next();
            if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw fail.violation("the document ended inside an element", null);
            }
        }
    }

    /** Reads the text of the current element (child elements skipped), bounded by the cell limit. */
    String readText() throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int start = depth;
        while (true) {
            int ev = next();
            if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                    || ev == XMLStreamConstants.SPACE) {
                if (depth == start) {
                    if (sb.length() + r.getTextLength() > limits.maxCellCharacters()) {
                        throw fail.violation("a text of more than " + limits.maxCellCharacters() + " characters",
                                null);
                    }
                    sb.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT && depth < start) {
                return sb.toString();
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw fail.violation("the document ended inside an element", null);
            }
        }
    }
}
