// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.tap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.table.ColumnDescription;
import io.cadc4j.core.table.TableDescription;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TapTablesTest {
    private final TapSetup setup = new TapSetup();

    @AfterEach
    void stop() {
        setup.close();
    }

    @Test
    void listsAllTableNamesWithDetailMin() {
        List<TableDescription> tables = setup.tap.tables();

        assertThat(tables).hasSize(2);
        assertThat(tables.get(0).isNamed("caom2.Observation")).isTrue();
        assertThat(tables.get(1).isNamed("caom2.Plane")).isTrue();
        assertThat(tables.get(1).columns()).isEmpty();
        assertThat(setup.service.server().requests("/tap/tables").get(0).uri().getQuery()).isEqualTo("detail=min");
    }

    @Test
    void asksForTheWholeTableSetWhenDetailMinIsRefused() {
        setup.service.detailMin(false);

        List<TableDescription> tables = setup.tap.tables();

        assertThat(tables.get(1).columns()).hasSize(9);
        assertThat(setup.service.server().requests("/tap/tables")).hasSize(2);
    }

    @Test
    void readsOneTablesColumnsAndForeignKeysWhateverTheCaseOfItsName() {
        TableDescription plane = setup.tap.table("CAOM2.PLANE");

        assertThat(plane.isNamed("caom2.Plane")).isTrue();
        ColumnDescription bounds = plane.column("POSITION_BOUNDS").orElseThrow();
        assertThat(bounds.datatype()).isEqualTo("double");
        assertThat(bounds.arraysize()).contains("*");
        assertThat(bounds.xtype()).contains("polygon");
        assertThat(bounds.unit()).contains("deg");
        assertThat(bounds.ucd()).contains("pos.outline;obs.field");
        assertThat(bounds.utype()).contains("caom2:Plane.position.bounds");
        assertThat(bounds.description()).contains("footprint");
        ColumnDescription id = plane.column("publisherid").orElseThrow();
        assertThat(id.isIndexed()).isTrue();
        assertThat(id.isPrincipal()).isTrue();
        assertThat(plane.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.targetTable()).isEqualTo("caom2.Observation");
            assertThat(fk.fromColumns()).containsExactly("obsID");
            assertThat(fk.targetColumns()).containsExactly("obsID");
        });
        assertThat(setup.service.server().requests()).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("/tap/tables/CAOM2.PLANE"));
    }

    @Test
    void findsTheTableInTheTableSetWhenThereIsNoPerTableDocument() {
        setup.service.perTableDocuments(false);

        TableDescription obs = setup.tap.table("caom2.observation");

        assertThat(obs.isNamed("caom2.Observation")).isTrue();
        assertThat(obs.columns()).extracting(ColumnDescription::name).containsExactly("obsID", "collection", "type");
    }

    @Test
    void unknownTableIsNotFound() {
        assertThatThrownBy(() -> setup.tap.table("caom2.NoSuchTable"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("caom2.NoSuchTable");
        assertThatThrownBy(() -> setup.tap.table(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
