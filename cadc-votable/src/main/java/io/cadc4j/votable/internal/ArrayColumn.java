// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import io.cadc4j.core.table.ArraySize;
import io.cadc4j.core.table.Datatype;
import io.cadc4j.core.table.Field;
import java.io.IOException;
import java.util.Arrays;

/*
 * Bounded arrays (n*) are not held to their bound: writers such as astropy exceed it, and the
 * element limit already bounds memory.
 */

/**
 * Numeric, boolean and bit arrays and complex values of any shape, in reused primitive buffers;
 * with no elements (an empty TD, a zero-length variable array) or a scalar complex with a NaN
 * part is null, but in BINARY2, where only the flag is. Element magic values and NaNs stay as
 * values: an array of nulls is not a null array.
 */
final class ArrayColumn extends Column {
    private final Datatype type;
    private final ArraySize shape;
    private final int perItem;
    private final boolean variable;
    private final boolean wide;
    /** A scalar floatComplex or doubleComplex: null when either part is NaN (but in BINARY2). */
    private final boolean scalarComplex;
    /**
     * Whether no elements (an empty TD, a zero-length variable array) or a scalar complex with a
     * NaN part is null: in every serialization but BINARY2.
     */
    private boolean contentNulls = true;
    private long[] longs = new long[16];
    private double[] doubles = new double[16];
    private int count;

    ArrayColumn(Field f, int index, int maxElements) {
        super(f, index, maxElements);
        this.type = f.type();
        this.shape = f.shape();
        this.perItem = (int) shape.itemElements() * (type.isComplex() ? 2 : 1);
        this.variable = shape.isVariable();
        this.wide = type.isFloatingPoint();
        this.scalarComplex = type.isComplex() && shape.isScalar();
    }

    @Override
    void flagsDecideNulls() {
        contentNulls = false;
    }

    /** Whether the cell just read is null by its content (not by a flag). */
    private boolean nullByContent(int n) {
        if (!contentNulls) {
            return false;
        }
        return n == 0 || scalarComplex && (Double.isNaN(doubles[0]) || Double.isNaN(doubles[1]));
    }

    private void ensure(int n) {
        if (n > maxElements) {
            throw new CellException(n + " array elements exceed the limit " + maxElements);
        }
        if (wide) {
            if (doubles.length < n) {
                doubles = Arrays.copyOf(doubles, Math.max(n, doubles.length * 2));
            }
        } else if (longs.length < n) {
            longs = Arrays.copyOf(longs, Math.max(n, longs.length * 2));
        }
    }

    @Override
    void parseText(char[] b, int off, int len) {
        int end = off + len;
        int n = 0;
        int i = off;
        while (true) {
            while (i < end && (b[i] <= ' ' || b[i] == ',' && n > 0)) {
                i++;
            }
            if (i == end) {
                break;
            }
            int s = i;
            if (type == Datatype.BIT) {
                i++;
            } else {
                while (i < end && b[i] > ' ') {
                    i++;
                }
            }
            ensure(n + 1);
            parseElement(b, s, i - s, n++);
        }
        setCount(n);
    }

    private void parseElement(char[] b, int s, int len, int at) {
        switch (type) {
            case FLOAT:
            case FLOAT_COMPLEX:
                doubles[at] = Numbers.parseFloat(b, s, len);
                break;
            case DOUBLE:
            case DOUBLE_COMPLEX:
                doubles[at] = Numbers.parseDouble(b, s, len);
                break;
            case BOOLEAN:
                longs[at] = parseBoolean(b, s, len) > 0 ? 1 : 0;
                break;
            case BIT:
                if (b[s] != '0' && b[s] != '1') {
                    throw new CellException("not a bit: '" + b[s] + "'");
                }
                longs[at] = b[s] - '0';
                break;
            default:
                long v = Numbers.parseLong(b, s, len);
                if (type == Datatype.UNSIGNED_BYTE && (v < 0 || v > 255) || type == Datatype.SHORT && v != (short) v
                        || type == Datatype.INT && v != (int) v) {
                    throw new CellException("'" + new String(b, s, Math.min(len, 40)) + "' is out of range for "
                            + type);
                }
                longs[at] = v;
                break;
        }
    }

    private void setCount(int n) {
        if (shape.isVariable()) {
            if (n % perItem != 0) {
                throw new CellException(n + " elements do not make whole items of " + perItem + " for arraysize "
                        + shape.text());
            }
        } else if (n != 0 && n != perItem) {
            throw new CellException(n + " elements where arraysize " + (shape.isScalar() ? "(scalar)"
                    : shape.text()) + " of " + type + " needs " + perItem);
        }
        count = n;
        isNull = nullByContent(n);
    }

    @Override
    void readBinary(BinaryInput in) throws IOException {
        int n;
        if (variable) {
            int items = in.readInt();
            if (items < 0) {
                throw new CellException("negative length prefix " + items);
            }
            long total = (long) items * perItem;
            if (total > maxElements) {
                throw new CellException("length prefix " + items + " means " + total
                        + " elements, over the array element limit " + maxElements);
            }
            n = (int) total;
        } else {
            n = perItem;
        }
        ensure(n);
        switch (type) {
            case FLOAT:
            case FLOAT_COMPLEX:
                for (int i = 0; i < n; i++) {
                    doubles[i] = in.readFloat();
                }
                break;
            case DOUBLE:
            case DOUBLE_COMPLEX:
                for (int i = 0; i < n; i++) {
                    doubles[i] = in.readDouble();
                }
                break;
            case BOOLEAN:
                for (int i = 0; i < n; i++) {
                    longs[i] = binaryBoolean(in.readUnsignedByte()) > 0 ? 1 : 0;
                }
                break;
            case BIT:
                int bytesNeeded = (n + 7) / 8;
                int bit = 0;
                for (int k = 0; k < bytesNeeded; k++) {
                    int by = in.readUnsignedByte();
                    for (int j = 7; j >= 0 && bit < n; j--) {
                        longs[bit++] = by >> j & 1;
                    }
                }
                break;
            case UNSIGNED_BYTE:
                for (int i = 0; i < n; i++) {
                    longs[i] = in.readUnsignedByte();
                }
                break;
            case SHORT:
                for (int i = 0; i < n; i++) {
                    longs[i] = in.readShort();
                }
                break;
            case INT:
                for (int i = 0; i < n; i++) {
                    longs[i] = in.readInt();
                }
                break;
            default:
                for (int i = 0; i < n; i++) {
                    longs[i] = in.readLong();
                }
                break;
        }
        count = n;
        isNull = nullByContent(n);
    }

    @Override
    void setNull() {
        isNull = true;
        count = 0;
    }

    @Override
    boolean getBoolean() {
        if (type != Datatype.BOOLEAN && type != Datatype.BIT || shape.itemElements() != 1 || shape.isVariable()) {
            throw wrongType("a single boolean");
        }
        return !isNull && longs[0] != 0;
    }

    @Override
    String getString() {
        if (isNull) {
            return null;
        }
        StringBuilder sb = new StringBuilder(count * 8);
        for (int i = 0; i < count; i++) {
            if (i > 0 && type != Datatype.BIT) {
                sb.append(' ');
            }
            switch (type) {
                case FLOAT:
                case FLOAT_COMPLEX:
                    sb.append((float) doubles[i]);
                    break;
                case DOUBLE:
                case DOUBLE_COMPLEX:
                    sb.append(doubles[i]);
                    break;
                case BOOLEAN:
                    sb.append(longs[i] != 0 ? 'T' : 'F');
                    break;
                default:
                    sb.append(longs[i]);
                    break;
            }
        }
        return sb.toString();
    }

    @Override
    Object getObject() {
        if (isNull) {
            return null;
        }
        int n = count;
        switch (type) {
            case FLOAT:
            case FLOAT_COMPLEX: {
                float[] a = new float[n];
                for (int i = 0; i < n; i++) {
                    a[i] = (float) doubles[i];
                }
                return a;
            }
            case DOUBLE:
            case DOUBLE_COMPLEX:
                return Arrays.copyOf(doubles, n);
            case BOOLEAN:
            case BIT: {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) {
                    a[i] = longs[i] != 0;
                }
                return a;
            }
            case UNSIGNED_BYTE:
            case SHORT: {
                short[] a = new short[n];
                for (int i = 0; i < n; i++) {
                    a[i] = (short) longs[i];
                }
                return a;
            }
            case INT: {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) {
                    a[i] = (int) longs[i];
                }
                return a;
            }
            default:
                return Arrays.copyOf(longs, n);
        }
    }
}
