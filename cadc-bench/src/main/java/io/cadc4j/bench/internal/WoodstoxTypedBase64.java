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
import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.typed.Base64Variants;

/**
 * The limit of a BINARY2 reader that stays on the StAX parser: Woodstox parses the document and decodes the STREAM
 * text itself through the Stax2 typed-access API ({@link XMLStreamReader2#readElementAsBinary}), straight from its
 * own buffer, and every decoded byte is summed. No row is walked. Thread-safe factory; each call is
 * single-threaded (the decode buffer is per call).
 */
public final class WoodstoxTypedBase64 implements TableConsumer {
    private final XMLInputFactory factory;

    /** Configures Woodstox as {@link WoodstoxScan} does. */
    public WoodstoxTypedBase64() {
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
        byte[] decoded = new byte[1 << 16];
        long sum = 0;
        long bytes = 0;
        try {
            XMLStreamReader2 r = (XMLStreamReader2) factory.createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && "STREAM".equals(r.getLocalName())) {
                        int n;
                        // MIME_NO_LINEFEEDS is the plain RFC 4648 alphabet; the typed decoder skips whitespace.
                        while ((n = r.readElementAsBinary(decoded, 0, decoded.length,
                                Base64Variants.MIME_NO_LINEFEEDS)) > 0) {
                            sum += BlockBase64Decode.sum(decoded, n);
                            bytes += n;
                        }
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException("the document is not well-formed: " + e.getMessage(), e);
        }
        return Checksum.mix(sum, bytes);
    }
}
