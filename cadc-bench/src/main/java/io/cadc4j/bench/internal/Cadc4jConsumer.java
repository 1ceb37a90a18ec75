// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench.internal;

import io.cadc4j.bench.TableConsumer;
import io.cadc4j.core.CadcException;
import io.cadc4j.core.table.Datatype;
import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.votable.VOTableReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * cadc4j's own reader (cadc-votable's {@link VOTableReader}): a {@link RowCursor} loop that reads every cell with
 * the typed accessor of its column and folds it with {@link Checksum} the way {@link StilConsumer} folds STIL's
 * objects, so that the two give the same checksum for the same table. Single-threaded.
 */
public final class Cadc4jConsumer implements TableConsumer {
    private static final URI SOURCE = URI.create("file:/cadc4j-bench");
    private static final int NULL_OR_OBJECT = 0;
    private static final int STRING = 1;
    private static final int DOUBLE = 2;
    private static final int LONG = 3;
    private static final int INT = 4;
    private static final int BOOLEAN = 5;

    private final VOTableReader reader = VOTableReader.builder().build();

    @Override
    public long consume(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        // The cursor closes its stream at the end of the data; the TableConsumer contract leaves that to the caller.
        try (RowCursor rows = reader.open(new FilterInputStream(in) {
            @Override
            public void close() {
                // the caller closes the document
            }
        }, SOURCE)) {
            int[] kinds = kinds(rows.metadata().fields());
            long sum = kinds.length;
            long count = 0;
            while (rows.next()) {
                for (int c = 0; c < kinds.length; c++) {
                    sum = cell(rows, c, kinds[c], sum);
                }
                count++;
            }
            return Checksum.mix(sum, count);
        } catch (CadcException e) {
            throw new IOException("cadc4j could not read the document: " + e.getMessage(), e);
        }
    }

    private static long cell(RowCursor rows, int c, int kind, long sum) {
        if (rows.isNull(c)) {
            return Checksum.mix(sum, Checksum.NULL);
        }
        switch (kind) {
            case STRING:
                return Checksum.mix(sum, Checksum.text(rows.getCharSequence(c)));
            case DOUBLE:
                return Checksum.mix(sum, Double.doubleToLongBits(rows.getDouble(c)));
            case LONG:
                return Checksum.mix(sum, rows.getLong(c));
            case INT:
                return Checksum.mix(sum, rows.getInt(c));
            case BOOLEAN:
                return Checksum.mix(sum, rows.getBoolean(c) ? 1231 : 1237);
            default:
                return Checksum.mixCell(sum, rows.getObject(c));
        }
    }

    private static int[] kinds(List<Field> fields) {
        int[] kinds = new int[fields.size()];
        for (int i = 0; i < kinds.length; i++) {
            Field f = fields.get(i);
            Datatype t = f.type();
            boolean scalar = f.shape().isScalar();
            if (t.isCharacter()) {
                kinds[i] = STRING;
            } else if (!scalar) {
                kinds[i] = NULL_OR_OBJECT;
            } else if (t == Datatype.DOUBLE || t == Datatype.FLOAT) {
                kinds[i] = DOUBLE;
            } else if (t == Datatype.LONG) {
                kinds[i] = LONG;
            } else if (t.isIntegral()) {
                kinds[i] = INT;
            } else if (t == Datatype.BOOLEAN) {
                kinds[i] = BOOLEAN;
            } else {
                kinds[i] = NULL_OR_OBJECT;
            }
        }
        return kinds;
    }
}
