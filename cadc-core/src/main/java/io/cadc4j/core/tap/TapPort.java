// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.tap;

import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableDescription;
import java.util.List;

/**
 * The port to a TAP service: queries run synchronously as a stream of rows or asynchronously as
 * UWS jobs, and the service's table metadata. {@code cadc-tap} provides it through
 * {@link io.cadc4j.core.spi.TapPortProvider}.
 *
 * <p>Implementations are thread-safe.
 */
public interface TapPort {

    /**
     * Runs a query synchronously and streams its rows.
     *
     * @param query the query
     * @return a cursor over the result; the caller closes it
     * @throws io.cadc4j.core.QueryException if the service rejects the query
     */
    RowCursor query(TapQuery query);

    /**
     * Creates an asynchronous job for a query, in phase PENDING.
     *
     * @param query the query
     * @return the job
     */
    AsyncJob submit(TapQuery query);

    /**
     * Loads an existing job by its id.
     *
     * @param jobId the job id
     * @return the job
     * @throws io.cadc4j.core.NotFoundException if the service has no such job
     */
    AsyncJob loadJob(String jobId);

    /**
     * The tables the service describes in its VOSI table set.
     *
     * @return the tables, in the service's order
     */
    List<TableDescription> tables();
}
