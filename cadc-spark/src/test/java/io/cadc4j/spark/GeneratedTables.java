// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.spark;

import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.tests.server.tap.ServedTable;
import java.time.Instant;
import java.util.List;

/**
 * Tables the stand-in serves for the Spark tests: {@code gen.alltypes}, a column of every VOTable
 * datatype and array shape, every fifth row null in every column but the id; {@code gen.rows}, n
 * rows of an id, a position, a name and a timestamp, some nulls.
 */
final class GeneratedTables {
    /** Rows of {@code gen.alltypes}. */
    static final int ALLTYPES_ROWS = 40;

    /** The instant of generated row i's timestamp: one hour apart from 2020-01-01. */
    static Instant time(long i) {
        return Instant.parse("2020-01-01T00:00:00Z").plusSeconds(3600 * i);
    }

    private GeneratedTables() {
    }

    static ServedTable allTypes() {
        List<Field> fields = List.of(
                Field.builder("id", "long").build(),
                Field.builder("b", "boolean").build(),
                Field.builder("ub", "unsignedByte").build(),
                Field.builder("s", "short").build(),
                Field.builder("i", "int").build(),
                Field.builder("l", "long").build(),
                Field.builder("f", "float").build(),
                Field.builder("d", "double").build(),
                Field.builder("fc", "floatComplex").build(),
                Field.builder("dc", "doubleComplex").build(),
                Field.builder("c", "char").arraysize("*").build(),
                Field.builder("uc", "unicodeChar").arraysize("*").build(),
                Field.builder("ts", "char").arraysize("*").xtype("timestamp").build(),
                Field.builder("da", "double").arraysize("*").build(),
                Field.builder("ia", "int").arraysize("3").build(),
                Field.builder("ubarr", "unsignedByte").arraysize("*").build(),
                Field.builder("sa2", "short").arraysize("2x2").build(),
                Field.builder("fca", "floatComplex").arraysize("2").build(),
                Field.builder("ba", "boolean").arraysize("*").build());
        return ServedTable.of("gen.alltypes", fields, ALLTYPES_ROWS, GeneratedTables::allTypesRow);
    }

    static Row allTypesRow(long n) {
        int i = (int) n;
        if (i % 5 == 4) {
            Object[] cells = new Object[19];
            cells[0] = n;
            return Row.of(cells);
        }
        return Row.of(n, i % 2 == 0, (short) (200 + i), (short) (-i * 100), i * 100_000 - 7, n * 10_000_000_000L,
                i / 4.0f, i * 1.5e-9, new float[] {i, -i}, new double[] {i * 0.5, 1.0 / (i + 1)},
                "text " + i + " it's", "Ünïcödé " + i + " ∑", "2020-01-01T" + String.format("%02d", i % 24) + ":30:00.250",
                new double[] {i, i + 0.25, i + 0.5}, new int[] {i, -i, 7}, new short[] {(short) 255, (short) i},
                new short[] {1, 2, 3, (short) i}, new float[] {1, 2, 3, i}, new boolean[] {true, i % 3 == 0});
    }

    static ServedTable rows(String name, long n) {
        List<Field> fields = List.of(
                Field.builder("id", "long").build(),
                Field.builder("ra", "double").unit("deg").build(),
                Field.builder("dec", "double").unit("deg").build(),
                Field.builder("name", "char").arraysize("*").build(),
                Field.builder("obs_time", "char").arraysize("*").xtype("timestamp").build(),
                Field.builder("grp", "int").build());
        return ServedTable.of(name, fields, n, i -> Row.of(i, (i % 36000) / 100.0, ((i * 7) % 18000) / 100.0 - 90.0,
                i % 11 == 10 ? null : "row-" + i, i % 13 == 12 ? null : time(i).toString(), i % 17 == 16 ? null : (int) (i % 7))).keyed();
    }
}
