// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class XmlTextTest {
    private static final String NASTY = "a<b>&\"c\"\td\ne\rf é 'g'";

    /** What is escaped reads back, through the hardened parser, as the original string. */
    @Test
    void escapedTextAndAttributesReadBackUnchanged() throws Exception {
        String doc = "<r a=\"" + XmlText.attribute(NASTY) + "\">" + XmlText.text(NASTY) + "</r>";
        XMLStreamReader r = Stax.open(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)),
                URI.create("http://x.test/doc"));
        assertThat(Stax.root(r)).isEqualTo("r");
        assertThat(r.getAttributeValue(null, "a")).isEqualTo(NASTY);
        StringBuilder text = new StringBuilder();
        while (r.next() != XMLStreamReader.END_ELEMENT) {
            text.append(r.getText());
        }
        // XML normalises a bare CR in content to LF; the escaper writes it as a reference so it survives.
        assertThat(text.toString()).isEqualTo(NASTY);
    }

    @Test
    void refusesCharactersXmlCannotCarry() {
        assertThatThrownBy(() -> XmlText.text("a\u0001b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("character U+0001 cannot be written in XML");
        assertThatThrownBy(() -> XmlText.attribute("\uffff")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theParserRefusesADoctype() {
        String doc = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
        assertThatThrownBy(() -> {
            XMLStreamReader r = Stax.open(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)),
                    URI.create("http://x.test/doc"));
            Stax.root(r);
            Stax.text(r);
        }).isInstanceOf(javax.xml.stream.XMLStreamException.class).hasMessageContaining("\"x\"");
    }
}
