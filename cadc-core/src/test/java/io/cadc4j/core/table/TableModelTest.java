// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import io.cadc4j.core.sky.Circle;
import io.cadc4j.core.sky.Polygon;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableModelTest {

    @Test
    void parsesEveryArraysizeForm() {
        assertThat(ArraySize.parse("").isScalar()).isTrue();
        ArraySize fixed = ArraySize.parse("10");
        assertThat(fixed.isVariable()).isFalse();
        assertThat(fixed.itemElements()).isEqualTo(10);
        ArraySize star = ArraySize.parse("*");
        assertThat(star.isVariable()).isTrue();
        assertThat(star.bound()).isEqualTo(-1);
        assertThat(star.itemElements()).isEqualTo(1);
        ArraySize bounded = ArraySize.parse("128*");
        assertThat(bounded.bound()).isEqualTo(128);
        ArraySize multi = ArraySize.parse("2x3x*");
        assertThat(multi.dimensionCount()).isEqualTo(3);
        assertThat(multi.dimension(2)).isEqualTo(-1);
        assertThat(multi.itemElements()).isEqualTo(6);
        assertThat(ArraySize.parse("2x3").itemElements()).isEqualTo(6);
    }

    @Test
    void rejectsMalformedArraysizes() {
        assertThatThrownBy(() -> ArraySize.parse("*x2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only the last dimension");
        assertThatThrownBy(() -> ArraySize.parse("ten")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArraySize.parse("-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesDatatypesAsVotableDoesAndToleratesCase() {
        assertThat(Datatype.of("unsignedByte")).isEqualTo(Datatype.UNSIGNED_BYTE);
        assertThat(Datatype.of("Double")).isEqualTo(Datatype.DOUBLE);
        assertThat(Datatype.DOUBLE_COMPLEX.byteSize()).isEqualTo(16);
        assertThatThrownBy(() -> Datatype.of("varchar")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("varchar");
    }

    @Test
    void checksDatatypeAndArraysizeWhenAFieldIsBuilt() {
        Field f = Field.builder("ra", "double").arraysize("2").xtype("point").build();
        assertThat(f.type()).isEqualTo(Datatype.DOUBLE);
        assertThat(f.shape().itemElements()).isEqualTo(2);
        assertThat(f.values()).isEqualTo(Values.NONE);
        assertThatThrownBy(() -> Field.builder("x", "string").build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void treatsEmptyAndMagicParamValuesAsNull() {
        Field f = Field.builder("n", "int").values(Values.of("-1", null, true, null, true, List.of(), null)).build();
        assertThat(Param.of(f, "").isNull()).isTrue();
        assertThat(Param.of(f, "-1").isNull()).isTrue();
        assertThat(Param.of(f, "3").isNull()).isFalse();
    }

    @Test
    void readsDaliTimestampsAsUtcInstants() {
        Row r = Row.of("2011-01-01T00:00:00.000", "2020-02-29", "2020-02-29T12:00:00Z", "yesterday", null);
        assertThat(r.getTimestamp(0)).isEqualTo(Instant.parse("2011-01-01T00:00:00Z"));
        assertThat(r.getTimestamp(1)).isEqualTo(Instant.parse("2020-02-29T00:00:00Z"));
        assertThat(r.getTimestamp(2)).isEqualTo(Instant.parse("2020-02-29T12:00:00Z"));
        assertThatThrownBy(() -> r.getTimestamp(3)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("yesterday");
        assertThat(r.getTimestamp(4)).isNull();
    }

    @Test
    void viewsNumericArraysAsDaliShapes() {
        Row r = Row.of(new double[] {10, 20}, new float[] {1, 2, 3}, new double[] {0, 0, 1, 0, 1, 1}, new double[] {1});
        assertThat(r.getShape(0, XtypeValue.Kind.POINT).values()).containsExactly(10, 20);
        assertThat(r.getShape(1, XtypeValue.Kind.CIRCLE).value(2)).isEqualTo(3);
        assertThat(r.getShape(2, XtypeValue.Kind.POLYGON).size()).isEqualTo(6);
        assertThatThrownBy(() -> r.getShape(3, XtypeValue.Kind.INTERVAL)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 numbers");
    }

    /** A circle or polygon cell is a region of the one sky family; a point is not a region. */
    @Test
    void xtypeCirclesAndPolygonsAreSkyShapes() {
        Row r = Row.of(new double[] {10, 20}, new float[] {1, 2, 3}, new double[] {0, 0, 1, 0, 1, 1});
        assertThat(r.getShape(0, XtypeValue.Kind.POINT).toShape()).isEmpty();
        assertThat(r.getShape(1, XtypeValue.Kind.CIRCLE).toShape()).hasValue(Circle.of(1, 2, 3));
        assertThat(r.getShape(2, XtypeValue.Kind.POLYGON).toShape()).hasValue(Polygon.of(0, 0, 1, 0, 1, 1));
        assertThat(r.getShape(1, XtypeValue.Kind.CIRCLE).toShape().orElseThrow().posValue()).isEqualTo("CIRCLE 1 2 3");
        assertThatThrownBy(() -> XtypeValue.of(XtypeValue.Kind.CIRCLE, new double[] {1, 95, 3}).toShape())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsRowValuesAndRefusesOtherTypes() {
        int[] cells = {1, 2};
        Row r = Row.of(7L, 2.5f, true, "x", cells, null, Double.NaN);
        cells[0] = 99;
        assertThat(r.getLong(0)).isEqualTo(7);
        assertThat(r.getInt(0)).isEqualTo(7);
        assertThat(r.getDouble(1)).isEqualTo(2.5);
        assertThat(r.getBoolean(2)).isTrue();
        assertThat((int[]) r.getObject(4)).containsExactly(1, 2);
        assertThat(r.isNull(5)).isTrue();
        assertThat(r.isNull(6)).as("a NaN given is a value, as an unflagged BINARY2 NaN is").isFalse();
        assertThat(r.getObject(6)).isEqualTo(Double.NaN);
        assertThat(r.getDouble(5)).isNaN();
        assertThat(Row.of(Float.NaN).isNull(0)).isFalse();
        assertThatThrownBy(() -> r.getLong(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Row.of(new Object())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsServiceDescriptorsAtAnyDepth() {
        Resource inner = Resource.builder().type("meta").utype("adhoc:service").id("soda").build();
        Resource results = Resource.builder().resource(inner).build();
        DocumentMetadata doc = DocumentMetadata.builder().resource(results).build();
        assertThat(doc.allResources()).containsExactly(results, inner);
        assertThat(doc.serviceDescriptors()).containsExactly(inner);
        assertThat(results.type()).isEqualTo("results");
    }

    @Test
    void findsColumnsExactlyFirstThenIgnoringCase() {
        TableMetadata t = TableMetadata.of(null, List.of(Field.builder("obsID", "char").build(),
                Field.builder("OBSID", "char").build()), List.of());
        assertThat(t.columnIndex("OBSID")).isEqualTo(1);
        assertThat(t.columnIndex("obsid")).isEqualTo(0);
        assertThatThrownBy(() -> t.columnIndex("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("obsID");
    }

    @Test
    void readsRowsHeldInMemoryThroughACursor() {
        TableMetadata meta = TableMetadata.builder().name("t").field(Field.builder("id", "char").arraysize("*").build())
                .field(Field.builder("n", "int").build()).build();
        RowCursor rows = RowCursor.of(meta, List.of(Row.of("a", 1), Row.of(null, 2)), true);

        assertThatThrownBy(() -> rows.getString(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(rows::isOverflow).isInstanceOf(IllegalStateException.class);
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(0)).isEqualTo("a");
        assertThat(rows.getCharSequence(0).toString()).isEqualTo("a");
        assertThat(rows.getInt(rows.columnIndex("n"))).isEqualTo(1);
        assertThat(rows.next()).isTrue();
        assertThat(rows.isNull(0)).isTrue();
        assertThat(rows.snapshot().getLong(1)).isEqualTo(2L);
        assertThat(rows.rowNumber()).isEqualTo(1L);
        assertThat(rows.next()).isFalse();
        assertThat(rows.isOverflow()).isTrue();

        RowCursor closed = RowCursor.of(meta, List.of(Row.of("b", 3)));
        closed.close();
        assertThat(closed.next()).isFalse();
        assertThat(closed.isOverflow()).isFalse();
        assertThatThrownBy(() -> RowCursor.of(meta, List.of(Row.of("too", 1, "many"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("row 0 has 3 cells for 2 columns");
    }
}
