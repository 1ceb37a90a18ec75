// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.formats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.core.tap.ResultFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** ECSV written by the provider: its YAML header loaded back, its rows as astropy expects them. */
class EcsvTableWriterTest {
    private static final TableMetadata TABLE = TableMetadata.builder().name("t")
            .field(Field.builder("yes", "boolean").description("on: 'quoted' \"twice\"").build())
            .field(Field.builder("n", "long").ucd("meta.id").build())
            .field(Field.builder("ra", "double").unit("deg").xtype("x").build())
            .field(Field.builder("s", "char").arraysize("*").build())
            .field(Field.builder("m", "float").arraysize("2x2").build())
            .field(Field.builder("v", "int").arraysize("*").build())
            .build();

    private static String write(List<Row> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = new FormatsResultWriterProvider().write(ResultFormat.ECSV, RowCursor.of(TABLE, rows), out);
        assertThat(n).isEqualTo(rows.size());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void headerIsYamlThatSaysEveryColumnsTypeUnitDescriptionAndMeta() throws Exception {
        String text = write(List.of());
        List<String> lines = Arrays.asList(text.split("\n"));
        assertThat(lines.get(0)).isEqualTo("# %ECSV 1.0");
        assertThat(lines.get(1)).isEqualTo("# ---");
        String yaml = lines.stream().skip(1).filter(l -> l.startsWith("# ")).map(l -> l.substring(2))
                .collect(Collectors.joining("\n"));
        Map<String, Object> header = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
        assertThat(header.get("delimiter")).isEqualTo(",");
        List<Map<String, Object>> columns = (List<Map<String, Object>>) header.get("datatype");
        assertThat(columns).extracting(c -> c.get("name")).containsExactly("yes", "n", "ra", "s", "m", "v");
        assertThat(columns).extracting(c -> c.get("datatype"))
                .containsExactly("bool", "int64", "float64", "string", "string", "string");
        assertThat(columns.get(0).get("description")).isEqualTo("on: 'quoted' \"twice\"");
        assertThat(columns.get(1).get("meta")).isEqualTo(Map.of("ucd", "meta.id"));
        assertThat(columns.get(2).get("unit")).isEqualTo("deg");
        assertThat(columns.get(2).get("meta")).isEqualTo(Map.of("xtype", "x"));
        assertThat(columns.get(4).get("subtype")).isEqualTo("float32[2,2]");
        assertThat(columns.get(5).get("subtype")).isEqualTo("int32[null]");
        // every scalar double-quoted, so a YAML 1.1 reader (astropy's) cannot take "yes" for true
        assertThat(text).contains("# - \"name\": \"yes\"");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("yes,n,ra,s,m,v");
    }

    @Test
    void rowsWriteNullsEmptyQuoteWhatNeedsItAndArraysAsJson() throws Exception {
        String text = write(List.of(
                Row.of(true, 1L, 1.5, "a,b", new float[] {1, 2, 3, Float.NaN}, new int[] {7, 8}),
                Row.of(null, null, null, null, null, null),
                Row.of(false, -9L, Double.POSITIVE_INFINITY, "", new float[] {0, 0, 0, 0}, new int[] {}),
                Row.of(true, 0L, 1e-300, "say \"hi\"", new float[] {1, 2, 3, 4}, new int[] {1})));
        List<String> body = Arrays.asList(text.split("\n"));
        body = body.subList(body.size() - 4, body.size());
        assertThat(body).containsExactly(
                "True,1,1.5,\"a,b\",\"[[1.0,2.0],[3.0,null]]\",\"[7,8]\"",
                ",,,,,",
                "False,-9,inf,\"\",\"[[0.0,0.0],[0.0,0.0]]\",[]",
                "True,0,1.0E-300,\"say \"\"hi\"\"\",\"[[1.0,2.0],[3.0,4.0]]\",[1]");
    }
}
