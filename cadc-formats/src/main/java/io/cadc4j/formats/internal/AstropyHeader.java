// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.formats.internal;

import io.cadc4j.core.table.ArraySize;
import io.cadc4j.core.table.Datatype;
import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.TableMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;

/**
 * The YAML header astropy reads: the ECSV 1.0 header, and the same column block that astropy keeps
 * in a FITS table's COMMENT cards (between {@code --BEGIN-ASTROPY-SERIALIZED-COLUMNS--} and
 * {@code --END-ASTROPY-SERIALIZED-COLUMNS--}) to carry descriptions and column meta that FITS has no
 * keyword for.
 *
 * <p>Every scalar is written double-quoted by SnakeYAML Engine: astropy reads the header with a
 * YAML 1.1 loader, which would take a plain {@code yes}, {@code on} or {@code 1:30} for a boolean or
 * a number.
 *
 * <p>Stateless and thread-safe.
 */
final class AstropyHeader {
    private AstropyHeader() {
    }

    /** How a column's cells are written, the same in ECSV and FITS. */
    enum Kind {
        /** A number or boolean, one per cell. */
        SCALAR,
        /** Text: char or unicodeChar of any shape (a multi-dimensional char array as its text). */
        TEXT,
        /** An array of numbers or booleans. */
        ARRAY,
        /** A complex number or an array of them. */
        COMPLEX
    }

    static Kind kind(Field f) {
        Datatype t = f.type();
        if (t.isCharacter()) {
            return Kind.TEXT;
        }
        if (t.isComplex()) {
            return Kind.COMPLEX;
        }
        return f.shape().isScalar() ? Kind.SCALAR : Kind.ARRAY;
    }

    /** The numpy name of a VOTable element type, as ECSV writes it; {@code string} for text. */
    static String numpyType(Datatype t) {
        switch (t) {
            case BOOLEAN:
            case BIT:
                return "bool";
            case UNSIGNED_BYTE:
                return "uint8";
            case SHORT:
                return "int16";
            case INT:
                return "int32";
            case LONG:
                return "int64";
            case FLOAT:
                return "float32";
            case DOUBLE:
                return "float64";
            default:
                return "string";
        }
    }

    /**
     * The ECSV subtype of an array column: the element type and the numpy shape, the VOTable
     * dimensions in reverse (numpy's last index varies fastest), {@code null} for a variable length.
     * A variable array of more than one dimension is written flat ({@code [null]}), the one shape of
     * variable array astropy reads back.
     */
    static String subtype(Field f) {
        ArraySize s = f.shape();
        StringBuilder b = new StringBuilder(numpyType(f.type())).append('[');
        if (s.isVariable()) {
            b.append("null");
        } else {
            for (int i = s.dimensionCount() - 1; i >= 0; i--) {
                b.append(s.dimension(i));
                if (i > 0) {
                    b.append(',');
                }
            }
        }
        return b.append(']').toString();
    }

    /**
     * The header's YAML lines (without the {@code # } prefix ECSV puts before them).
     *
     * @param table the table
     * @param names the column names as written (possibly changed from the FIELD names)
     * @param fits whether the block is for a FITS header: characters outside printable ASCII
     *     escaped, and the table meta replaced by the (empty) {@code __serialized_columns__} that
     *     astropy's FITS reader expects there (the table's name and description are FITS keywords)
     * @return the lines
     */
    static List<String> yaml(TableMetadata table, List<String> names, boolean fits) {
        List<Map<String, Object>> columns = new ArrayList<>();
        List<Field> fields = table.fields();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", names.get(i));
            f.unit().ifPresent(u -> c.put("unit", u));
            Kind k = kind(f);
            if (k == Kind.ARRAY) {
                c.put("datatype", "string");
                c.put("subtype", subtype(f));
            } else {
                c.put("datatype", k == Kind.SCALAR ? numpyType(f.type()) : "string");
            }
            f.description().ifPresent(d -> c.put("description", d));
            Map<String, Object> meta = new LinkedHashMap<>();
            f.ucd().ifPresent(u -> meta.put("ucd", u));
            f.utype().ifPresent(u -> meta.put("utype", u));
            f.xtype().ifPresent(x -> meta.put("xtype", x));
            if (!meta.isEmpty()) {
                c.put("meta", meta);
            }
            columns.add(c);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        if (!fits) {
            root.put("delimiter", ",");
        }
        root.put("datatype", columns);
        Map<String, Object> meta = new LinkedHashMap<>();
        if (fits) {
            meta.put("__serialized_columns__", new LinkedHashMap<>());
        } else {
            table.name().ifPresent(n -> meta.put("name", n));
            table.description().ifPresent(d -> meta.put("description", d));
        }
        if (!meta.isEmpty()) {
            root.put("meta", meta);
        }
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setDefaultScalarStyle(ScalarStyle.DOUBLE_QUOTED)
                .setExplicitStart(true)
                .setSplitLines(false)
                .setWidth(Integer.MAX_VALUE)
                .setUseUnicodeEncoding(!fits)
                .build();
        String text = new Dump(settings).dumpToString(root);
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\n", -1)) {
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        return lines;
    }
}
