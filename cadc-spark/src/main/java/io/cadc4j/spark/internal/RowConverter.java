// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.spark.internal;

import io.cadc4j.core.table.ArraySize;
import io.cadc4j.core.table.Datatype;
import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.TableMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Copies the current row of a cadc4j cursor into a Spark {@link InternalRow}, cell by cell with
 * one converter per column chosen once: primitives without boxing through the row's typed
 * getters, text as UTF-8 straight from the reader's character view, timestamps as micros,
 * arrays as Spark array data. The Spark row is reused from row to row, as Spark allows.
 *
 * <p>Single-threaded: one per partition reader.
 */
final class RowConverter {
    private final Cell[] cells;
    private final int[] source;
    private final GenericInternalRow row;
    private final Object[] values;

    private RowConverter(Cell[] cells, int[] source) {
        this.cells = cells;
        this.source = source;
        this.values = new Object[cells.length];
        this.row = new GenericInternalRow(values);
    }

    /**
     * Matches the columns Spark asked for to the result's FIELDs, by name.
     *
     * @param schema the columns to produce
     * @param result the result's metadata
     * @return the converter
     * @throws IllegalStateException if the result lacks a column or gives it another type than the
     *     schema was made from
     */
    static RowConverter of(StructType schema, TableMetadata result) {
        StructField[] want = schema.fields();
        Cell[] cells = new Cell[want.length];
        int[] source = new int[want.length];
        List<Field> fields = result.fields();
        for (int i = 0; i < want.length; i++) {
            int at = indexOf(fields, want[i].name());
            if (at < 0) {
                throw new IllegalStateException("the service's result has no column '" + want[i].name()
                        + "' (it has " + names(fields) + ")");
            }
            Field f = fields.get(at);
            DataType got = VoTypes.sparkType(f.type(), f.shape(), f.xtype().orElse(null));
            if (!got.sameType(want[i].dataType())) {
                throw new IllegalStateException("column '" + want[i].name() + "' is " + VoTypes.describe(got)
                        + " in the result but was " + VoTypes.describe(want[i].dataType()) + " when the schema was read");
            }
            source[i] = at;
            cells[i] = cell(f.type(), f.shape(), f.xtype().orElse(null));
        }
        return new RowConverter(cells, source);
    }

    /**
     * Converts the cursor's current row.
     *
     * @param r the row (a cursor view)
     * @return the Spark row, valid until the next call
     */
    InternalRow convert(Row r) {
        for (int i = 0; i < cells.length; i++) {
            int c = source[i];
            values[i] = r.isNull(c) ? null : cells[i].get(r, c);
        }
        return row;
    }

    /** Reads one non-null cell as Spark's internal value. */
    @FunctionalInterface
    private interface Cell {
        Object get(Row r, int column);
    }

    private static Cell cell(Datatype t, ArraySize shape, String xtype) {
        if (t.isCharacter()) {
            if (VoTypes.isTimestamp(xtype) && shape.dimensionCount() <= 1) {
                return (r, c) -> micros(r.getTimestamp(c));
            }
            if (shape.dimensionCount() <= 1) {
                return (r, c) -> utf8(r.getCharSequence(c));
            }
            return (r, c) -> {
                Object o = r.getObject(c);
                String[] s = o instanceof String[] ? (String[]) o : new String[] {o.toString()};
                Object[] u = new Object[s.length];
                for (int i = 0; i < s.length; i++) {
                    u[i] = s[i] == null ? null : UTF8String.fromString(s[i]);
                }
                return new GenericArrayData(u);
            };
        }
        if (shape.isScalar() && !t.isComplex()) {
            switch (t) {
                case BOOLEAN:
                case BIT:
                    return (r, c) -> r.getBoolean(c);
                case UNSIGNED_BYTE:
                case SHORT:
                    return (r, c) -> (short) r.getInt(c);
                case INT:
                    return (r, c) -> r.getInt(c);
                case LONG:
                    return (r, c) -> r.getLong(c);
                case FLOAT:
                    return (r, c) -> r.getFloat(c);
                default:
                    return (r, c) -> r.getDouble(c);
            }
        }
        if (t.isComplex()) {
            boolean single = t == Datatype.FLOAT_COMPLEX;
            if (shape.isScalar()) {
                return (r, c) -> complexAt(r.getObject(c), 0, single);
            }
            return (r, c) -> {
                Object o = r.getObject(c);
                int n = (single ? ((float[]) o).length : ((double[]) o).length) / 2;
                Object[] items = new Object[n];
                for (int i = 0; i < n; i++) {
                    items[i] = complexAt(o, i, single);
                }
                return new GenericArrayData(items);
            };
        }
        return (r, c) -> array(r.getObject(c));
    }

    private static InternalRow complexAt(Object o, int i, boolean single) {
        if (single) {
            float[] f = (float[]) o;
            return new GenericInternalRow(new Object[] {f[2 * i], f[2 * i + 1]});
        }
        double[] d = (double[]) o;
        return new GenericInternalRow(new Object[] {d[2 * i], d[2 * i + 1]});
    }

    private static Object array(Object o) {
        if (o instanceof double[]) {
            return UnsafeArrayData.fromPrimitiveArray((double[]) o);
        } else if (o instanceof float[]) {
            return UnsafeArrayData.fromPrimitiveArray((float[]) o);
        } else if (o instanceof long[]) {
            return UnsafeArrayData.fromPrimitiveArray((long[]) o);
        } else if (o instanceof int[]) {
            return UnsafeArrayData.fromPrimitiveArray((int[]) o);
        } else if (o instanceof short[]) {
            return UnsafeArrayData.fromPrimitiveArray((short[]) o);
        } else if (o instanceof boolean[]) {
            boolean[] b = (boolean[]) o;
            Object[] boxed = new Object[b.length];
            for (int i = 0; i < b.length; i++) {
                boxed[i] = b[i];
            }
            return new GenericArrayData(boxed);
        } else if (o instanceof byte[]) {
            byte[] b = (byte[]) o;
            short[] s = new short[b.length];
            for (int i = 0; i < b.length; i++) {
                s[i] = (short) (b[i] & 0xff);
            }
            return UnsafeArrayData.fromPrimitiveArray(s);
        }
        throw new IllegalStateException("an array cell came as " + o.getClass().getSimpleName());
    }

    private static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    /** UTF-8 bytes of a cell's characters; ASCII text is copied without an intermediate String. */
    private static UTF8String utf8(CharSequence s) {
        int n = s.length();
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch >= 0x80) {
                return UTF8String.fromBytes(s.toString().getBytes(StandardCharsets.UTF_8));
            }
            b[i] = (byte) ch;
        }
        return UTF8String.fromBytes(b);
    }

    private static int indexOf(List<Field> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String names(List<Field> fields) {
        StringBuilder b = new StringBuilder();
        for (Field f : fields) {
            b.append(b.length() == 0 ? "" : ", ").append(f.name());
        }
        return b.length() == 0 ? "none" : b.toString();
    }
}
