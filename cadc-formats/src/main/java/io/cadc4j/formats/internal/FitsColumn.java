// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.formats.internal;

import io.cadc4j.core.table.ArraySize;
import io.cadc4j.core.table.Datatype;
import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;

/**
 * One column of a FITS binary table: its TFORM, what the first pass learnt about its cells (widest
 * text, longest variable array, integers' range and nulls, heap bytes) and how a cell is encoded.
 *
 * <p>Single-threaded.
 */
final class FitsColumn {
    final Field field;
    final AstropyHeader.Kind kind;
    /** The FITS type letter: L, B, I, J, K, E, D, C, M or A. */
    final char code;
    /** Whether cells are variable-length arrays kept in the heap. */
    final boolean variable;
    /** Elements per cell of a fixed array (complex values count once); 1 for a scalar. */
    final int fixedCount;

    // what the first pass saw
    int maxBytes;
    long maxCount;
    long heapBytes;
    boolean sawNull;
    boolean sawSentinel;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;

    // decided after the first pass
    boolean longDescriptors;
    Long tnull;

    FitsColumn(Field field) {
        this.field = field;
        this.kind = AstropyHeader.kind(field);
        this.code = code(field.type());
        ArraySize s = field.shape();
        this.variable = (kind == AstropyHeader.Kind.ARRAY || kind == AstropyHeader.Kind.COMPLEX) && s.isVariable();
        this.fixedCount = kind == AstropyHeader.Kind.TEXT || variable ? 1 : (int) s.itemElements();
    }

    private static char code(Datatype t) {
        switch (t) {
            case BOOLEAN:
            case BIT:
                return 'L';
            case UNSIGNED_BYTE:
                return 'B';
            case SHORT:
                return 'I';
            case INT:
                return 'J';
            case LONG:
                return 'K';
            case FLOAT:
                return 'E';
            case DOUBLE:
                return 'D';
            case FLOAT_COMPLEX:
                return 'C';
            case DOUBLE_COMPLEX:
                return 'M';
            default:
                return 'A';
        }
    }

    /** Bytes of one element. */
    int elementSize() {
        switch (code) {
            case 'I':
                return 2;
            case 'J':
            case 'E':
                return 4;
            case 'K':
            case 'D':
            case 'C':
                return 8;
            case 'M':
                return 16;
            default:
                return 1;
        }
    }

    boolean integral() {
        return code == 'B' || code == 'I' || code == 'J' || code == 'K';
    }

    /** The null a scalar integer column uses unless its FIELD declares one: 255 for bytes, else the type's minimum. */
    long defaultSentinel() {
        return code == 'B' ? typeMax() : typeMin();
    }

    long typeMin() {
        switch (code) {
            case 'B':
                return 0;
            case 'I':
                return Short.MIN_VALUE;
            case 'J':
                return Integer.MIN_VALUE;
            default:
                return Long.MIN_VALUE;
        }
    }

    long typeMax() {
        switch (code) {
            case 'B':
                return 255;
            case 'I':
                return Short.MAX_VALUE;
            case 'J':
                return Integer.MAX_VALUE;
            default:
                return Long.MAX_VALUE;
        }
    }

    /** First pass: notes what a cell needs. */
    void survey(Row row, int i) {
        boolean isNull = row.isNull(i);
        switch (kind) {
            case TEXT:
                if (!isNull) {
                    maxBytes = Math.max(maxBytes, utf8Length(row.getCharSequence(i)));
                }
                break;
            case SCALAR:
                if (integral()) {
                    if (isNull) {
                        sawNull = true;
                    } else {
                        long v = row.getLong(i);
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                        sawSentinel |= v == defaultSentinel();
                    }
                }
                break;
            default:
                if (variable && !isNull) {
                    long n = elements(row.getObject(i));
                    maxCount = Math.max(maxCount, n);
                    heapBytes += n * elementSize();
                }
        }
    }

    /** After the first pass: chooses the null value of an integer column. */
    void decide(boolean bigHeap) throws java.io.IOException {
        longDescriptors = bigHeap;
        if (!integral()) {
            return;
        }
        java.util.Optional<String> declared = field.values().nullValue();
        if (declared.isPresent()) {
            try {
                long v = Long.parseLong(declared.get().strip());
                if (v >= typeMin() && v <= typeMax()) {
                    tnull = v;
                    return;
                }
            } catch (NumberFormatException e) {
                // not an integer: choose one below
            }
        }
        if (kind != AstropyHeader.Kind.SCALAR || !sawNull) {
            return;
        }
        if (!sawSentinel) {
            tnull = defaultSentinel();
        } else if (max < typeMax()) {
            tnull = max + 1;
        } else if (min > typeMin()) {
            tnull = min - 1;
        } else {
            throw new java.io.IOException("column " + field.name() + " has nulls and uses every value of its type, "
                    + "so FITS has no value left to mark them (TNULL)");
        }
    }

    /** The TFORM value. */
    String tform() {
        if (kind == AstropyHeader.Kind.TEXT) {
            return Math.max(1, maxBytes) + "A";
        }
        if (variable) {
            return (longDescriptors ? "Q" : "P") + code + "(" + maxCount + ")";
        }
        return fixedCount + String.valueOf(code);
    }

    /** The TDIM value of a fixed multi-dimensional array, else null. */
    String tdim() {
        ArraySize s = field.shape();
        if (kind != AstropyHeader.Kind.ARRAY || variable || s.dimensionCount() < 2) {
            return null;
        }
        StringBuilder b = new StringBuilder("(");
        for (int d = 0; d < s.dimensionCount(); d++) {
            if (d > 0) {
                b.append(',');
            }
            b.append(s.dimension(d));
        }
        return b.append(')').toString();
    }

    /** Bytes of the cell in the row. */
    int width() {
        if (kind == AstropyHeader.Kind.TEXT) {
            return Math.max(1, maxBytes);
        }
        if (variable) {
            return longDescriptors ? 16 : 8;
        }
        return fixedCount * elementSize();
    }

    /**
     * Second pass: writes a cell into the row, and a variable array's elements into the heap.
     *
     * @return the heap bytes written
     */
    long write(Row row, int i, DataOutputStream data, DataOutputStream heap, long heapOffset) throws IOException {
        boolean isNull = row.isNull(i);
        switch (kind) {
            case TEXT: {
                int w = width();
                if (isNull) {
                    data.write(new byte[w]);
                } else {
                    byte[] b = row.getString(i).getBytes(StandardCharsets.UTF_8);
                    data.write(b, 0, Math.min(w, b.length));
                    for (int k = b.length; k < w; k++) {
                        data.write(0);
                    }
                }
                return 0;
            }
            case SCALAR:
                scalar(row, i, isNull, data);
                return 0;
            default:
                Object a = isNull ? null : row.getObject(i);
                if (variable) {
                    long n = a == null ? 0 : elements(a);
                    if (longDescriptors) {
                        data.writeLong(n);
                        data.writeLong(heapOffset);
                    } else {
                        data.writeInt((int) n);
                        data.writeInt((int) heapOffset);
                    }
                    if (a != null) {
                        elements(heap, a, Array.getLength(a));
                    }
                    return n * elementSize();
                }
                int per = code == 'C' || code == 'M' ? 2 : 1;
                int want = fixedCount * per;
                int have = a == null ? 0 : Math.min(want, Array.getLength(a));
                if (a != null) {
                    elements(data, a, have);
                }
                fill(data, want - have);
                return 0;
        }
    }

    private void scalar(Row row, int i, boolean isNull, DataOutputStream d) throws IOException {
        switch (code) {
            case 'L':
                d.write(isNull ? 0 : row.getBoolean(i) ? 'T' : 'F');
                break;
            case 'B':
                d.write((int) (isNull ? tnull : row.getLong(i)));
                break;
            case 'I':
                d.writeShort((int) (isNull ? tnull : row.getLong(i)));
                break;
            case 'J':
                d.writeInt((int) (isNull ? tnull : row.getLong(i)));
                break;
            case 'K':
                d.writeLong(isNull ? tnull : row.getLong(i));
                break;
            case 'E':
                d.writeFloat(isNull ? Float.NaN : row.getFloat(i));
                break;
            default:
                d.writeDouble(isNull ? Double.NaN : row.getDouble(i));
        }
    }

    /** Writes the first n array elements (complex parts count as elements). */
    private void elements(DataOutputStream d, Object a, int n) throws IOException {
        for (int k = 0; k < n; k++) {
            switch (code) {
                case 'L':
                    d.write(((boolean[]) a)[k] ? 'T' : 'F');
                    break;
                case 'E':
                case 'C':
                    d.writeFloat(Array.getFloat(a, k));
                    break;
                case 'D':
                case 'M':
                    d.writeDouble(Array.getDouble(a, k));
                    break;
                case 'B':
                    d.write((int) Array.getLong(a, k));
                    break;
                case 'I':
                    d.writeShort((int) Array.getLong(a, k));
                    break;
                case 'J':
                    d.writeInt((int) Array.getLong(a, k));
                    break;
                default:
                    d.writeLong(Array.getLong(a, k));
            }
        }
    }

    /** Writes n null elements: NaN, TNULL, or zero bytes. */
    private void fill(DataOutputStream d, int n) throws IOException {
        for (int k = 0; k < n; k++) {
            switch (code) {
                case 'E':
                case 'C':
                    d.writeFloat(Float.NaN);
                    break;
                case 'D':
                case 'M':
                    d.writeDouble(Double.NaN);
                    break;
                case 'B':
                    d.write(tnull == null ? 0 : (int) (long) tnull);
                    break;
                case 'I':
                    d.writeShort(tnull == null ? 0 : (int) (long) tnull);
                    break;
                case 'J':
                    d.writeInt(tnull == null ? 0 : (int) (long) tnull);
                    break;
                case 'K':
                    d.writeLong(tnull == null ? 0 : tnull);
                    break;
                default:
                    d.write(0);
            }
        }
    }

    /** Elements of an array value in FITS terms (a complex pair counts once). */
    private long elements(Object a) {
        long n = Array.getLength(a);
        return code == 'C' || code == 'M' ? n / 2 : n;
    }

    static int utf8Length(CharSequence s) {
        int n = 0;
        for (int i = 0, len = s.length(); i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
