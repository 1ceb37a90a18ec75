// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.table.ColumnDescription;
import io.cadc4j.core.table.TableDescription;
import io.cadc4j.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class VosiTablesParserTest {

    private static List<TableDescription> tables(String fixture, Fixtures.Chunking mode) {
        return VosiTablesParser.parseTables(mode.open(Fixtures.bytes(fixture)), Fixtures.uri(fixture));
    }

    private static List<TableDescription> tables(String fixture) {
        return tables(fixture, Fixtures.Chunking.WHOLE);
    }

    private static TableDescription table(String fixture, String name) {
        return VosiTablesParser.parseTable(Fixtures.Chunking.WHOLE.open(Fixtures.bytes(fixture)), Fixtures.uri(fixture),
                name);
    }

    private static List<TableDescription> text(String xml) {
        return VosiTablesParser.parseTables(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                URI.create("http://tap.test/tables"));
    }

    @ParameterizedTest
    @EnumSource(Fixtures.Chunking.class)
    void readsCadcsWholeTableset(Fixtures.Chunking mode) {
        List<TableDescription> all = tables("tables/cadc-argus-tableset.xml", mode);

        assertThat(all).hasSize(22);
        assertThat(all).extracting(TableDescription::schema).containsOnly("caom2", "ivoa", "tap_schema");
        TableDescription obs = all.get(0);
        assertThat(obs.name()).isEqualTo("caom2.Observation");
        assertThat(obs.schema()).isEqualTo("caom2");
        assertThat(obs.type()).contains("output");
        assertThat(obs.description()).contains("the main CAOM Observation table");
        assertThat(obs.columns()).hasSize(45);
        ColumnDescription uri = obs.columns().get(0);
        assertThat(uri.name()).isEqualTo("observationURI");
        assertThat(uri.datatype()).isEqualTo("char");
        assertThat(uri.isTapType()).isFalse();
        assertThat(uri.arraysize()).contains("*");
        assertThat(uri.xtype()).contains("uri");
        assertThat(uri.utype()).contains("caom2:Observation.uri");
        assertThat(uri.isIndexed()).isTrue();
        assertThat(obs.column("OBSID").flatMap(ColumnDescription::arraysize)).contains("36");
        assertThat(obs.foreignKeys()).singleElement().satisfies(k -> {
            assertThat(k.targetTable()).isEqualTo("caom2.ObservationMember");
            assertThat(k.fromColumns()).containsExactly("obsID");
            assertThat(k.targetColumns()).containsExactly("compositeID");
            assertThat(k.description()).hasValueSatisfying(d -> assertThat(d).startsWith("standard way to join"));
        });
        TableDescription keyColumns = all.get(21);
        assertThat(keyColumns.name()).isEqualTo("tap_schema.key_columns");
        assertThat(keyColumns.foreignKeys()).hasSize(3);
        assertThat(all.stream().filter(t -> t.name().equals("caom2.Plane")).findFirst().orElseThrow().columns())
                .hasSize(64);
    }

    @Test
    void readsTheDachsTablesetAndItsFlags() {
        List<TableDescription> all = tables("dachs/tap_tables.xml");

        assertThat(all).extracting(TableDescription::name).startsWith("caom2.observation", "caom2.plane")
                .contains("ivoa.obscore", "tap_schema.groups").hasSize(12);
        TableDescription plane = all.get(1);
        assertThat(plane.schema()).isEqualTo("caom2");
        assertThat(plane.type()).isEmpty();
        assertThat(plane.columns()).hasSize(39);
        ColumnDescription id = plane.column("planeid").orElseThrow();
        assertThat(id.isPrincipal()).isTrue();
        assertThat(id.isIndexed()).isTrue();
        assertThat(id.isNullable()).isFalse();
        assertThat(id.ucd()).contains("meta.id;meta.main");
        ColumnDescription bounds = plane.column("position_bounds").orElseThrow();
        assertThat(bounds.unit()).contains("deg");
        assertThat(bounds.xtype()).contains("polygon");
        assertThat(bounds.datatype()).isEqualTo("double");
        assertThat(bounds.isNullable()).isTrue();
        assertThat(plane.foreignKeys()).hasSize(1);
        assertThat(plane.isNamed("CAOM2.Plane")).isTrue();
    }

    @Test
    void readsOneTableDocuments() {
        TableDescription plane = table("dachs/tap_tables_caom2.plane.xml", "caom2.Plane");
        assertThat(plane.name()).isEqualTo("caom2.plane");
        assertThat(plane.schema()).isEqualTo("caom2");
        assertThat(plane.columns()).hasSize(39);
        assertThat(plane.column("metarelease").flatMap(ColumnDescription::xtype)).contains("timestamp");

        TableDescription obs = table("tables/cadc-argus-table-caom2.Observation.xml", "caom2.Observation");
        assertThat(obs.columns()).hasSize(45);
        assertThat(obs.type()).contains("output");
        assertThat(obs.foreignKeys()).hasSize(1);
    }

    @Test
    void readsATableWhosePrefixesAreNeverDeclared() {
        TableDescription t = table("tables/per-table-undeclared-prefixes.xml", "test.table1");

        assertThat(t.title()).contains("Test table 1");
        assertThat(t.utype()).contains("utype");
        assertThat(t.schema()).isEqualTo("test");
        ColumnDescription id = t.columns().get(0);
        assertThat(id.datatype()).isEqualTo("VARCHAR");
        assertThat(id.isTapType()).isTrue();
        assertThat(id.arraysize()).contains("*");
        assertThat(id.unit()).contains("unit");
        assertThat(id.isIndexed()).isTrue();
        assertThat(id.isPrincipal()).isTrue();
        assertThat(t.foreignKeys()).singleElement().satisfies(k -> {
            assertThat(k.targetTable()).isEqualTo("test.foreigntable");
            assertThat(k.fromColumns()).containsExactly("testkey");
            assertThat(k.utype()).contains("utype");
        });
    }

    @Test
    void acceptsATablesetWhereOneTableWasAskedFor() {
        TableDescription t = table("tables/per-table-returned-as-tableset.xml", "TEST.TABLE2");

        assertThat(t.name()).isEqualTo("test.table2");
        assertThat(t.columns()).hasSize(1);
        assertThat(t.foreignKeys()).hasSize(1);
    }

    @Test
    void namesTheTableWhenATablesetLacksIt() {
        assertThatThrownBy(() -> table("tables/tableset-detail-min.xml", "test.nosuch"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("test.nosuch");
    }

    @Test
    void readsADetailMinTablesetAsNamesWithoutColumns() {
        List<TableDescription> all = tables("tables/tableset-detail-min.xml");

        assertThat(all).extracting(TableDescription::name).containsExactly("test.table1", "test.table2");
        assertThat(all).allSatisfy(t -> assertThat(t.columns()).isEmpty());
    }

    @Test
    void readsTapAndVotableDatatypes() {
        TableDescription tap = tables("tables/datatypes-taptype.xml").get(0);
        assertThat(tap.columns()).allSatisfy(c -> assertThat(c.isTapType()).isTrue());
        assertThat(tap.columns()).extracting(ColumnDescription::datatype).contains("SMALLINT", "TIMESTAMP", "POINT",
                "REGION", "VARBINARY");

        TableDescription vot = tables("tables/datatypes-votabletype.xml").get(0);
        assertThat(vot.columns()).allSatisfy(c -> assertThat(c.isTapType()).isFalse());
        assertThat(vot.columns()).extracting(ColumnDescription::datatype).contains("boolean", "bit", "unicodeChar",
                "floatComplex");
    }

    @Test
    void rejectsAnHtmlPageAndPlainText() {
        assertThatThrownBy(() -> text("<html><body><h1>503</h1></body></html>"))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("<html>");
        assertThatThrownBy(() -> text("Service Unavailable"))
                .isInstanceOf(ProtocolViolationException.class);
        assertThatThrownBy(() -> text(""))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("http://tap.test/tables");
    }

    @Test
    void rejectsAColumnWithoutName() {
        assertThatThrownBy(() -> text("<table><name>a.b</name>\n<column><dataType>int</dataType></column></table>"))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("a column has no name")
                .satisfies(e -> assertThat(((ProtocolViolationException) e).line()).hasValue(2));
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 5000, 64000, 128000})
    void rejectsATruncatedTableset(int length) {
        byte[] cut = Arrays.copyOf(Fixtures.bytes("tables/cadc-argus-tableset.xml"), length);

        assertThatThrownBy(() -> VosiTablesParser.parseTables(new ByteArrayInputStream(cut), URI.create("http://h/t")))
                .isInstanceOf(ProtocolViolationException.class)
                .satisfies(e -> assertThat(((ProtocolViolationException) e).line()).isPresent());
    }
}
