// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.formats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.core.table.Values;
import io.cadc4j.core.tap.ResultFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FITS tables written by the provider, read back by nom-tam-fits. */
class FitsTableWriterTest {
    @TempDir
    Path dir;

    private static final TableMetadata TABLE = TableMetadata.builder().name("t")
            .field(Field.builder("flag", "boolean").build())
            .field(Field.builder("small", "short").description("uses the short's minimum").build())
            .field(Field.builder("count", "int").values(Values.of("-1", null, true, null, true, List.of(), null))
                    .build())
            .field(Field.builder("mag", "float").unit("mag").ucd("phot.mag").build())
            .field(Field.builder("label", "unicodeChar").arraysize("*").build())
            .field(Field.builder("series", "double").arraysize("*").build())
            .field(Field.builder("vec", "int").arraysize("2x2").build())
            .build();

    private static List<Row> rows() {
        return List.of(
                Row.of(true, (short) -32768, 5, 1.5f, "Ångström", new double[] {1, 2, 3}, new int[] {1, 2, 3, 4}),
                Row.of(null, null, null, null, null, null, null),
                Row.of(false, (short) 7, 9, -2f, "x", new double[] {}, new int[] {5, 6, 7, 8}),
                Row.of(true, (short) 1, 0, 0f, "", new double[] {4.5}, new int[] {0, 0, 0, 0}));
    }

    private Path write(TableMetadata table, List<Row> rows) throws IOException {
        Path p = dir.resolve("t.fits");
        try (OutputStream out = Files.newOutputStream(p); RowCursor c = RowCursor.of(table, rows)) {
            long n = new FormatsResultWriterProvider().write(ResultFormat.FITS, c, out);
            assertThat(n).isEqualTo(rows.size());
        }
        return p;
    }

    @Test
    void everyKindOfColumnReadsBackWithItsNulls() throws Exception {
        Path p = write(TABLE, rows());
        assertThat(Files.size(p) % 2880).isZero();
        try (Fits fits = new Fits(p.toFile())) {
            fits.read();
            assertThat(fits.getNumberOfHDUs()).isEqualTo(2);
            assertThat(fits.getHDU(0).getHeader().getIntValue("NAXIS")).isZero();
            BinaryTableHDU t = (BinaryTableHDU) fits.getHDU(1);
            Header h = t.getHeader();
            assertThat(h.getIntValue("NAXIS2")).isEqualTo(4);
            assertThat(h.getStringValue("EXTNAME")).isEqualTo("t");
            assertThat(h.getStringValue("TFORM1")).isEqualTo("1L");
            assertThat(h.getStringValue("TFORM2")).isEqualTo("1I");
            // -32768 is a value here, so the null is the next value past the column's maximum
            assertThat(h.getLongValue("TNULL2")).isEqualTo(8);
            assertThat(h.getStringValue("TCOMM2")).isEqualTo("uses the short's minimum");
            assertThat(h.getLongValue("TNULL3")).as("the FIELD's declared null").isEqualTo(-1);
            assertThat(h.getStringValue("TUNIT4")).isEqualTo("mag");
            assertThat(h.getStringValue("TUCD4")).isEqualTo("phot.mag");
            assertThat(h.getStringValue("TFORM5")).isEqualTo("10A"); // the UTF-8 bytes of "Ångström"
            assertThat(h.getStringValue("TFORM6")).isEqualTo("PD(3)");
            assertThat(h.getStringValue("TFORM7")).isEqualTo("4J");
            assertThat(h.getStringValue("TDIM7")).isEqualTo("(2,2)");
            assertThat(h.getLongValue("PCOUNT")).isEqualTo(4 * 8);

            Object[] first = t.getData().getRow(0);
            assertThat(((boolean[]) first[0])[0]).isTrue();
            assertThat(((short[]) first[1])[0]).isEqualTo((short) -32768);
            assertThat(((float[]) first[3])[0]).isEqualTo(1.5f);
            // the text is kept as UTF-8 (astropy decodes it so); nom-tam-fits reads ASCII only
            assertThat((String) t.getData().getElement(0, 4)).hasSize(10).endsWith("m");
            byte[] file = Files.readAllBytes(p);
            byte[] utf8 = "Ångström".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(indexOf(file, utf8)).isPositive();
            assertThat((double[]) first[5]).containsExactly(1, 2, 3);
            Object nulls = t.getData().getElement(1, 1);
            assertThat(((short[]) nulls)[0]).isEqualTo((short) 8);
            assertThat(((int[]) t.getData().getElement(1, 2))[0]).isEqualTo(-1);
            assertThat(((float[]) t.getData().getElement(1, 3))[0]).isNaN();
            assertThat((double[]) t.getData().getElement(1, 5)).isEmpty();
            assertThat((double[]) t.getData().getElement(3, 5)).containsExactly(4.5);
        }
    }

    private static int indexOf(byte[] in, byte[] what) {
        for (int i = 0; i + what.length <= in.length; i++) {
            if (Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aNullInAColumnThatUsesEveryValueOfItsTypeIsAnError() {
        TableMetadata table = TableMetadata.builder().field(Field.builder("b", "unsignedByte").build()).build();
        List<Row> rows = new ArrayList<>();
        for (int v = 0; v < 256; v++) {
            rows.add(Row.of((short) v));
        }
        rows.add(Row.of((Object) null));
        assertThatThrownBy(() -> write(table, rows)).isInstanceOf(IOException.class)
                .hasMessageContaining("column b has nulls and uses every value of its type");
    }

    @Test
    void moreColumnsThanFitsAllowsIsARefusalBeforeAnyByte() {
        TableMetadata.Builder b = TableMetadata.builder();
        for (int i = 0; i < 1000; i++) {
            b.field(Field.builder("c" + i, "int").build());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> new FormatsResultWriterProvider().write(ResultFormat.FITS,
                RowCursor.of(b.build(), List.of()), out)).isInstanceOf(IOException.class)
                .hasMessage("a FITS binary table holds at most 999 columns; this result has 1000");
        assertThat(out.size()).isZero();
    }

    @Test
    void longAndNonAsciiNamesAreCutToOneCardAndMadeUnique() {
        String longName = "n".repeat(80);
        TableMetadata table = TableMetadata.builder().field(Field.builder(longName, "int").build())
                .field(Field.builder(longName + "x", "int").build()).field(Field.builder("día", "int").build())
                .field(Field.builder("it's", "int").build()).build();
        List<String> names = FitsTableWriter.names(table);
        assertThat(names.get(0)).isEqualTo("n".repeat(68));
        assertThat(names.get(1)).isEqualTo("n".repeat(66) + "_2");
        assertThat(names.get(2)).isEqualTo("d?a");
        assertThat(names.get(3)).isEqualTo("it's");
        assertThat(Arrays.asList(names.toArray())).doesNotHaveDuplicates();
    }
}
