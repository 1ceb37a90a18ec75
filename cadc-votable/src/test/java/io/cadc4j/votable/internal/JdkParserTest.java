// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.internal.xml.Stax;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.votable.Binary2Layout;
import io.cadc4j.votable.ParserLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import org.junit.jupiter.api.Test;

/** Without Woodstox the reader runs on the JDK's own StAX parser, with the same results. */
class JdkParserTest {
    private static final XMLInputFactory JDK = Stax.harden(XMLInputFactory.newDefaultFactory(), true,
            ParserLimits.defaults().maxDepth() + 1, ParserLimits.defaults().maxAttributeLength() + 1);
    private static final XMLInputFactory WOODSTOX = Reading.woodstox();

    private static String read(XMLInputFactory f, byte[] doc) {
        StringBuilder sb = new StringBuilder();
        try (RowCursor c = new VOTableCursor(f, new ByteArrayInputStream(doc), null, ParserLimits.defaults(),
                Binary2Layout.STANDARD, null)) {
            while (c.next()) {
                for (int i = 0; i < c.columnCount(); i++) {
                    Object o = c.getObject(i);
                    sb.append(o != null && o.getClass().isArray() ? c.getString(i) : o).append('|');
                }
                sb.append('\n');
            }
            sb.append(c.isOverflow()).append(c.document());
        } catch (CadcException e) {
            sb.append(e.getClass().getSimpleName());
        }
        return sb.toString();
    }

    @Test
    void readsEveryFixtureAsWoodstoxDoes() throws IOException {
        String prop = System.getProperty("cadc4j.repo.dir");
        Path dir = (prop != null ? Paths.get(prop) : Paths.get("..")).resolve("fixtures");
        assertThat(JDK.getClass().getName()).doesNotContain("ctc");
        List<Path> docs = new ArrayList<>();
        for (String sub : List.of("votable", "status", "datalink", "dachs")) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.resolve(sub), "*.xml")) {
                ds.forEach(docs::add);
            }
        }
        assertThat(docs).hasSizeGreaterThan(60);
        for (Path p : docs) {
            byte[] doc = Files.readAllBytes(p);
            assertThat(read(JDK, doc)).as(p.toString()).isEqualTo(read(WOODSTOX, doc));
        }
    }

    @Test
    void refusesEntitiesOnTheJdkParserToo() {
        String doc = "<?xml version=\"1.0\"?><!DOCTYPE VOTABLE [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<VOTABLE><RESOURCE><TABLE><FIELD name=\"a\" datatype=\"char\" arraysize=\"*\"/><DATA><TABLEDATA>"
                + "<TR><TD>&xxe;</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";
        assertThatThrownBy(() -> {
            try (RowCursor c = new VOTableCursor(JDK, new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)),
                    null, ParserLimits.defaults(), Binary2Layout.STANDARD, null)) {
                while (c.next()) {
                    assertThat(Arrays.asList(c.getString(0))).doesNotContain("root");
                }
            }
        }).isInstanceOf(ProtocolViolationException.class);
    }
}
