// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.tap;

import io.cadc4j.core.table.RowCursor;
import java.util.Objects;
import java.util.Optional;

/**
 * What the sync step of a {@link TapQuery.Mode#AUTO} query came to: either the whole sync result,
 * which stands, or the reason the query must run as an async job instead. Made by
 * {@link io.cadc4j.core.Cadc#attemptSync(TapQuery)}, for callers that run the async job their own
 * way (the {@code cadc} command does, to handle Ctrl-C); {@link io.cadc4j.core.Cadc#query(TapQuery)}
 * does both steps.
 *
 * <pre>{@code
 * try (SyncAttempt a = cadc.attemptSync(query)) {
 *     if (a.rows().isPresent()) {
 *         RowCursor rows = a.rows().get();   // closed with the attempt
 *         ...
 *     } else {
 *         System.err.println(a.asyncReason().get());
 *         // run it as an async job
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe, like the cursor it holds. Closing it closes the cursor (and removes the
 * file a spooled result was kept in).
 */
public final class SyncAttempt implements AutoCloseable {
    private final RowCursor rows;
    private final String asyncReason;

    private SyncAttempt(RowCursor rows, String asyncReason) {
        this.rows = rows;
        this.asyncReason = asyncReason;
    }

    /**
     * An attempt whose sync result stands.
     *
     * @param rows the result, not yet read
     * @return the attempt
     */
    public static SyncAttempt ran(RowCursor rows) {
        return new SyncAttempt(Objects.requireNonNull(rows, "rows"), null);
    }

    /**
     * An attempt that must give way to an async job.
     *
     * @param reason why, as a sentence fragment for the user ("the service cut the sync result ...")
     * @return the attempt
     */
    public static SyncAttempt goAsync(String reason) {
        return new SyncAttempt(null, Objects.requireNonNull(reason, "reason"));
    }

    /** @return the sync result, when it stands; the caller reads it, closing the attempt closes it */
    public Optional<RowCursor> rows() {
        return Optional.ofNullable(rows);
    }

    /** @return why the query must run as an async job, when it must */
    public Optional<String> asyncReason() {
        return Optional.ofNullable(asyncReason);
    }

    @Override
    public void close() {
        if (rows != null) {
            rows.close();
        }
    }

    @Override
    public String toString() {
        return rows != null ? "SyncAttempt[ran]" : "SyncAttempt[async: " + asyncReason + "]";
    }
}
