// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The BOM manages every artifact a user may depend on, at the build's version. */
class BomTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void bomListsEveryPublishedModuleAtTheProjectVersion() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        Document bom = read(ROOT.resolve("cadc-bom/pom.xml"));
        List<String> published = new ArrayList<>();
        for (String module : texts(parent.getDocumentElement(), "module")) {
            if (!module.equals("cadc-bom") && !module.equals("cadc-bench")) {
                published.add(module);
            }
        }
        List<String> managed = new ArrayList<>();
        NodeList deps = bom.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            assertThat(texts(d, "groupId")).containsExactly("io.cadc4j");
            assertThat(texts(d, "version")).containsExactly("${project.version}");
            managed.addAll(texts(d, "artifactId"));
        }

        assertThat(managed).containsExactlyInAnyOrderElementsOf(published);
        assertThat(texts(bom.getDocumentElement(), "version").get(0))
                .isEqualTo(texts(parent.getDocumentElement(), "version").get(0));
    }

    private static Document read(Path pom) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f.newDocumentBuilder().parse(pom.toFile());
    }

    /** The text of the direct children of {@code parent} named {@code tag}. */
    private static List<String> texts(Element parent, String tag) {
        List<String> out = new ArrayList<>();
        NodeList all = parent.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getParentNode() == parent || e.getParentNode().getParentNode() == parent && "modules".equals(e.getParentNode().getNodeName())) {
                out.add(e.getTextContent().strip());
            }
        }
        return out;
    }
}
