// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.server.tap;

import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The rows of an {@link AdqlSubset.Select} over a {@link ServedTable}, computed as they are
 * written: filtered, projected, cut at {@code TOP} and at {@code MAXREC} (then overflowed, as a
 * TAP service reports a result cut at its limit). Single-threaded.
 */
final class ServedResult implements RowCursor {
    private final TableMetadata metadata;
    private final Iterator<Row> rows;
    private final long maxrec;
    private long count;
    private Row current;
    private boolean overflow;

    ServedResult(AdqlSubset.Select select, long maxrec) {
        this.metadata = select.output();
        long top = select.top < 0 ? Long.MAX_VALUE : select.top;
        this.rows = limit(rows(select), top);
        this.maxrec = maxrec;
    }

    private static Iterator<Row> limit(Iterator<Row> in, long top) {
        return new Iterator<Row>() {
            private long n;

            @Override
            public boolean hasNext() {
                return n < top && in.hasNext();
            }

            @Override
            public Row next() {
                n++;
                return in.next();
            }
        };
    }

    /** The output rows of a select, before its TOP. */
    private static Iterator<Row> rows(AdqlSubset.Select s) {
        long[] range = s.table != null && s.table.isKeyed() && s.where != null ? s.where.keyRange()
                : new long[] {0, Long.MAX_VALUE};
        Iterator<Row> source = s.table != null ? new Iterator<Row>() {
            private long i = range[0];

            @Override
            public boolean hasNext() {
                return i < Math.min(range[1], s.table.rowCount());
            }

            @Override
            public Row next() {
                return s.table.row(i++);
            }
        } : limit(rows(s.inner), s.inner.top < 0 ? Long.MAX_VALUE : s.inner.top);
        TableMetadata src = s.source();
        int[] keep = new int[s.columns == null ? src.fields().size() : s.columns.size()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = s.columns == null ? i : indexOf(src, s.columns.get(i));
        }
        return new Iterator<Row>() {
            private Row ahead;

            @Override
            public boolean hasNext() {
                while (ahead == null && source.hasNext()) {
                    Row r = source.next();
                    if (s.where == null || Boolean.TRUE.equals(s.where.test(r))) {
                        Object[] cells = new Object[keep.length];
                        for (int i = 0; i < keep.length; i++) {
                            cells[i] = r.getObject(keep[i]);
                        }
                        ahead = Row.of(cells);
                    }
                }
                return ahead != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row r = ahead;
                ahead = null;
                return r;
            }
        };
    }

    private static int indexOf(TableMetadata m, String name) {
        String n = name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
        for (int i = 0; i < m.fields().size(); i++) {
            if (name.startsWith("\"") ? m.fields().get(i).name().equals(n) : m.fields().get(i).name().equalsIgnoreCase(n)) {
                return i;
            }
        }
        throw new IllegalArgumentException("column not found: " + name);
    }

    @Override
    public TableMetadata metadata() {
        return metadata;
    }

    @Override
    public boolean next() {
        if (!rows.hasNext()) {
            current = null;
            return false;
        }
        if (count >= maxrec) {
            overflow = true;
            current = null;
            return false;
        }
        current = rows.next();
        count++;
        return true;
    }

    @Override
    public long rowNumber() {
        return count;
    }

    @Override
    public Row snapshot() {
        return current;
    }

    @Override
    public boolean isOverflow() {
        return overflow;
    }

    @Override
    public void close() {
    }

    @Override
    public boolean isNull(int column) {
        return current.isNull(column);
    }

    @Override
    public boolean getBoolean(int column) {
        return current.getBoolean(column);
    }

    @Override
    public int getInt(int column) {
        return current.getInt(column);
    }

    @Override
    public long getLong(int column) {
        return current.getLong(column);
    }

    @Override
    public float getFloat(int column) {
        return current.getFloat(column);
    }

    @Override
    public double getDouble(int column) {
        return current.getDouble(column);
    }

    @Override
    public String getString(int column) {
        return current.getString(column);
    }

    @Override
    public Object getObject(int column) {
        return current.getObject(column);
    }
}
