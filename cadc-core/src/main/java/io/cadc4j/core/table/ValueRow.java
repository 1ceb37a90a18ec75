// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import java.lang.reflect.Array;
import java.util.Arrays;

/** An immutable row over given values (see {@link Row#of}). Immutable and thread-safe. */
final class ValueRow implements Row {
    private final Object[] cells;

    ValueRow(Object[] cells) {
        this.cells = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            Object c = cells[i];
            if (c != null && c.getClass().isArray()) {
                c = copyArray(c);
            } else if (c != null && !(c instanceof Boolean || c instanceof Number || c instanceof String)) {
                throw new IllegalArgumentException("cell " + i + " is a " + c.getClass().getName()
                        + "; use Boolean, Number, String or an array");
            }
            this.cells[i] = c;
        }
    }

    private static Object copyArray(Object a) {
        int n = Array.getLength(a);
        Object copy = Array.newInstance(a.getClass().getComponentType(), n);
        System.arraycopy(a, 0, copy, 0, n);
        return copy;
    }

    @Override
    public int columnCount() {
        return cells.length;
    }

    /** A cell is null when it was given as null: a NaN given is a value (as an unflagged BINARY2 NaN is). */
    @Override
    public boolean isNull(int column) {
        return cells[column] == null;
    }

    @Override
    public boolean getBoolean(int column) {
        Object c = cells[column];
        if (c == null) {
            return false;
        }
        if (c instanceof Boolean) {
            return (Boolean) c;
        }
        throw new IllegalStateException("column " + column + " is not boolean but " + c.getClass().getSimpleName());
    }

    @Override
    public int getInt(int column) {
        long v = getLong(column);
        if (v != (int) v) {
            throw new IllegalStateException("column " + column + " value " + v + " does not fit an int");
        }
        return (int) v;
    }

    @Override
    public long getLong(int column) {
        Object c = cells[column];
        if (c == null) {
            return 0;
        }
        if (c instanceof Long || c instanceof Integer || c instanceof Short || c instanceof Byte) {
            return ((Number) c).longValue();
        }
        throw new IllegalStateException("column " + column + " is not integral but " + c.getClass().getSimpleName());
    }

    @Override
    public float getFloat(int column) {
        return (float) getDouble(column);
    }

    @Override
    public double getDouble(int column) {
        Object c = cells[column];
        if (c == null) {
            return Double.NaN;
        }
        if (c instanceof Number) {
            return ((Number) c).doubleValue();
        }
        throw new IllegalStateException("column " + column + " is not numeric but " + c.getClass().getSimpleName());
    }

    @Override
    public String getString(int column) {
        Object c = cells[column];
        if (c == null) {
            return null;
        }
        if (c.getClass().isArray()) {
            StringBuilder sb = new StringBuilder();
            int n = Array.getLength(c);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(Array.get(c, i));
            }
            return sb.toString();
        }
        return c.toString();
    }

    @Override
    public Object getObject(int column) {
        Object c = cells[column];
        return c != null && c.getClass().isArray() ? copyArray(c) : c;
    }

    @Override
    public String toString() {
        return Arrays.deepToString(cells);
    }
}
