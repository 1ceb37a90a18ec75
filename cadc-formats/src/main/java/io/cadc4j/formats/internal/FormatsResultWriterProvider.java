// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.formats.internal;

import io.cadc4j.core.internal.port.ResultWriterProvider;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.tap.ResultFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The built-in {@link ResultWriterProvider}, named {@code formats}: FITS binary tables
 * ({@link FitsTableWriter}) and ECSV ({@link EcsvTableWriter}).
 *
 * <p>Stateless and thread-safe.
 */
public final class FormatsResultWriterProvider implements ResultWriterProvider {
    private static final Set<ResultFormat> FORMATS = Set.copyOf(EnumSet.of(ResultFormat.FITS, ResultFormat.ECSV));

    /** Creates the provider; it does nothing until asked to write. */
    public FormatsResultWriterProvider() {
        // ServiceLoader needs a public no-argument constructor
    }

    @Override
    public String name() {
        return "formats";
    }

    @Override
    public int priority() {
        return BUILT_IN_PRIORITY;
    }

    @Override
    public Set<ResultFormat> formats() {
        return FORMATS;
    }

    @Override
    public long write(ResultFormat format, RowCursor rows, OutputStream out) throws IOException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(out, "out");
        switch (format) {
            case FITS:
                return FitsTableWriter.write(rows, out);
            case ECSV:
                return EcsvTableWriter.write(rows, out);
            default:
                throw new IllegalArgumentException("the formats provider writes FITS and ECSV, not " + format);
        }
    }
}
