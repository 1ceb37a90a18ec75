// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every POM that a release publishes carries what Maven Central asks for (name, description, URL,
 * licence, SCM with both connections, developers with an id), itself or through the parent; the
 * benchmarks are kept out of publishing; every built cadc4j jar carries the project's LICENSE and NOTICE.
 */
class PomMetadataTest {
    private static final Path ROOT = Fixtures.repository();

    @Test
    void everyPublishedPomHasCentralsMetadata() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        List<String> problems = new ArrayList<>(missing("pom.xml", parent.getDocumentElement(), null));
        for (String module : children(parent.getDocumentElement(), "modules", "module")) {
            if (module.equals("cadc-bench")) {
                continue;
            }
            Element pom = read(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement();
            Element inherited = child(pom, "parent") != null ? parent.getDocumentElement() : null;
            problems.addAll(missing(module + "/pom.xml", pom, inherited));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aPomWithoutScmConnectionIsCaught() throws Exception {
        Element bare = read(ROOT.resolve("cadc-bom/pom.xml")).getDocumentElement();
        Element scm = child(bare, "scm");
        scm.removeChild(child(scm, "developerConnection"));
        assertThat(missing("bom", bare, null)).containsExactly("bom: no scm/developerConnection");
    }

    @Test
    void benchmarksAreNeverPublished() throws Exception {
        Element bench = read(ROOT.resolve("cadc-bench/pom.xml")).getDocumentElement();
        assertThat(text(child(bench, "properties"), "maven.deploy.skip")).isEqualTo("true");
        String parentPom = Files.readString(ROOT.resolve("pom.xml"));
        assertThat(parentPom).contains("<excludeArtifact>cadc-bench</excludeArtifact>");
    }

    @Test
    void everyCadcJarCarriesTheLicenceAndNotice() throws IOException {
        byte[] license = Files.readAllBytes(ROOT.resolve("LICENSE"));
        byte[] notice = Files.readAllBytes(ROOT.resolve("NOTICE"));
        Map<String, Path> modules = BuildArtifacts.cadcModules();
        assertThat(modules).containsKeys("io.cadc4j.core", "io.cadc4j.votable", "io.cadc4j.tap");
        for (Map.Entry<String, Path> m : modules.entrySet()) {
            assertThat(entry(m.getValue(), "META-INF/LICENSE")).as(m.getKey() + " META-INF/LICENSE").isEqualTo(license);
            assertThat(entry(m.getValue(), "META-INF/NOTICE")).as(m.getKey() + " META-INF/NOTICE").isEqualTo(notice);
        }
    }

    private static byte[] entry(Path jarOrDir, String name) throws IOException {
        if (Files.isDirectory(jarOrDir)) {
            Path p = jarOrDir.resolve(name);
            return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
        }
        try (JarFile jar = new JarFile(jarOrDir.toFile())) {
            var e = jar.getEntry(name);
            if (e == null) {
                return null;
            }
            try (var in = jar.getInputStream(e)) {
                return in.readAllBytes();
            }
        }
    }

    /** What Central asks for that the POM lacks, looking in {@code inherited} (the parent) for what may be inherited. */
    private static List<String> missing(String where, Element pom, Element inherited) {
        List<String> problems = new ArrayList<>();
        for (String own : List.of("name", "description")) {
            if (isBlank(text(pom, own))) {
                problems.add(where + ": no " + own);
            }
        }
        Element from = child(pom, "url") != null || inherited == null ? pom : inherited;
        if (isBlank(text(from, "url"))) {
            problems.add(where + ": no url");
        }
        from = child(pom, "licenses") != null || inherited == null ? pom : inherited;
        Element licenses = child(from, "licenses");
        if (licenses == null || child(licenses, "license") == null || isBlank(text(child(licenses, "license"), "name"))
                || isBlank(text(child(licenses, "license"), "url"))) {
            problems.add(where + ": no licence with name and url");
        }
        from = child(pom, "scm") != null || inherited == null ? pom : inherited;
        Element scm = child(from, "scm");
        for (String s : List.of("url", "connection", "developerConnection")) {
            if (scm == null || isBlank(text(scm, s))) {
                problems.add(where + ": no scm/" + s);
            }
        }
        from = child(pom, "developers") != null || inherited == null ? pom : inherited;
        Element developers = child(from, "developers");
        Element developer = developers == null ? null : child(developers, "developer");
        if (developer == null || isBlank(text(developer, "id")) || isBlank(text(developer, "name"))) {
            problems.add(where + ": no developer with id and name");
        }
        return problems;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static Document read(Path pom) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(pom.toFile());
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && n.getNodeName().equals(name)) {
                return (Element) n;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }

    private static List<String> children(Element parent, String list, String item) {
        List<String> out = new ArrayList<>();
        Element l = child(parent, list);
        for (Node n = l == null ? null : l.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && n.getNodeName().equals(item)) {
                out.add(n.getTextContent().strip());
            }
        }
        return out;
    }
}
