// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A cursor that shows only the columns of {@code --columns}, in the order given: names matched
 * exactly first, else ignoring case. Every output format reads it as if the service had sent only
 * those columns.
 *
 * <p>Single-threaded, like the cursor it wraps.
 */
final class ColumnSelection implements RowCursor {
    private final RowCursor rows;
    private final int[] columns;
    private final TableMetadata metadata;

    private ColumnSelection(RowCursor rows, int[] columns, TableMetadata metadata) {
        this.rows = rows;
        this.columns = columns;
        this.metadata = metadata;
    }

    /**
     * Selects columns.
     *
     * @param rows the cursor
     * @param names the column names, in the order wanted
     * @return a cursor over those columns; closing it closes {@code rows}
     * @throws ExitCodes.UsageException if a name is not a column, naming the columns there are
     */
    static RowCursor of(RowCursor rows, List<String> names) {
        TableMetadata all = rows.metadata();
        Set<String> wanted = new LinkedHashSet<>();
        for (String n : names) {
            if (!n.isBlank()) {
                wanted.add(n.strip());
            }
        }
        if (wanted.isEmpty()) {
            throw new ExitCodes.UsageException("--columns needs at least one column name");
        }
        int[] columns = new int[wanted.size()];
        TableMetadata.Builder b = TableMetadata.builder();
        all.name().ifPresent(b::name);
        all.description().ifPresent(b::description);
        all.params().forEach(b::param);
        all.infos().forEach(b::info);
        int k = 0;
        for (String n : wanted) {
            int i = indexOf(all.fields(), n);
            if (i < 0) {
                List<String> there = new ArrayList<>();
                all.fields().forEach(f -> there.add(f.name()));
                throw new ExitCodes.UsageException("--columns: the result has no column '" + n + "'; it has "
                        + String.join(",", there));
            }
            columns[k++] = i;
            b.field(all.fields().get(i));
        }
        return new ColumnSelection(rows, columns, b.build());
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

    @Override
    public TableMetadata metadata() {
        return metadata;
    }

    @Override
    public boolean next() {
        return rows.next();
    }

    @Override
    public long rowNumber() {
        return rows.rowNumber();
    }

    @Override
    public Row snapshot() {
        Row all = rows.snapshot();
        Object[] cells = new Object[columns.length];
        for (int k = 0; k < columns.length; k++) {
            cells[k] = all.getObject(columns[k]);
        }
        return Row.of(cells);
    }

    @Override
    public boolean isOverflow() {
        return rows.isOverflow();
    }

    @Override
    public void close() {
        rows.close();
    }

    @Override
    public boolean isNull(int column) {
        return rows.isNull(columns[column]);
    }

    @Override
    public boolean getBoolean(int column) {
        return rows.getBoolean(columns[column]);
    }

    @Override
    public int getInt(int column) {
        return rows.getInt(columns[column]);
    }

    @Override
    public long getLong(int column) {
        return rows.getLong(columns[column]);
    }

    @Override
    public float getFloat(int column) {
        return rows.getFloat(columns[column]);
    }

    @Override
    public double getDouble(int column) {
        return rows.getDouble(columns[column]);
    }

    @Override
    public String getString(int column) {
        return rows.getString(columns[column]);
    }

    @Override
    public CharSequence getCharSequence(int column) {
        return rows.getCharSequence(columns[column]);
    }

    @Override
    public Object getObject(int column) {
        return rows.getObject(columns[column]);
    }
}
