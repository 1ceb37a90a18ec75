// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench.internal;

import com.ctc.wstx.stax.WstxInputFactory;
import io.cadc4j.bench.TableConsumer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The practical limit of any StAX-based reader: Woodstox tokenizes the whole document and every character of
 * every text event is read once from the parser's own buffer, with nothing else done. A reader cannot be faster
 * than this on the same parser. Thread-safe (the factory is configured once and only read).
 */
public final class WoodstoxScan implements TableConsumer {
    private final XMLInputFactory factory;

    /** Configures Woodstox as a hardened reader would: no DTD, no external entities, text not coalesced. */
    public WoodstoxScan() {
        WstxInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        this.factory = f;
    }

    @Override
    public long consume(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        long sum = 0;
        long elements = 0;
        try {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                            || event == XMLStreamConstants.SPACE) {
                        char[] text = r.getTextCharacters();
                        int end = r.getTextStart() + r.getTextLength();
                        // A plain sum: the cheapest way to read every character, so the limit stays a limit.
                        for (int i = r.getTextStart(); i < end; i++) {
                            sum += text[i];
                        }
                    } else if (event == XMLStreamConstants.START_ELEMENT) {
                        elements++;
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException("the document is not well-formed: " + e.getMessage(), e);
        }
        return Checksum.mix(sum, elements);
    }
}
