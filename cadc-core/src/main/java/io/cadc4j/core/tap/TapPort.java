// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.tap;

import io.cadc4j.core.registry.Availability;
import io.cadc4j.core.registry.TapEndpoints;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableDescription;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The port to a TAP service: queries run synchronously as a stream of rows or asynchronously as
 * UWS jobs, the service's table metadata and availability. {@code cadc-tap} provides it through
 * {@link io.cadc4j.core.internal.port.TapPortProvider}.
 *
 * <pre>{@code
 * try (RowCursor rows = tap.query(TapQuery.builder("select top 10 * from caom2.Plane").maxRecords(10).build())) {
 *     int id = rows.metadata().columnIndex("publisherID");
 *     while (rows.next()) { ... }
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe.
 */
public interface TapPort {

    /**
     * The endpoints this port talks to, as resolved when it was made.
     *
     * @return the endpoints
     */
    TapEndpoints endpoints();

    /**
     * Runs a query synchronously and streams its rows; the server runs it once.
     *
     * @param query the query
     * @return a cursor over the result; the caller closes it
     * @throws io.cadc4j.core.QueryException if the service rejects the query (also for a VOTable
     *     with {@code QUERY_STATUS=ERROR} under HTTP 200)
     * @throws io.cadc4j.core.ServiceException for an HTTP error status without a query error
     * @throws IllegalArgumentException if an upload file is missing, unreadable, not a VOTable or
     *     over the service's upload limit (checked before anything is sent)
     */
    RowCursor query(TapQuery query);

    /**
     * Runs a query synchronously and writes its result to a stream while it arrives, in a format
     * that {@link ResultFormat} describes. The stream is flushed, not closed.
     *
     * @param query the query
     * @param format the format to write
     * @param out where to write
     * @throws io.cadc4j.core.QueryException if the service rejects the query
     * @throws io.cadc4j.core.CadcException if reading the result or writing fails
     */
    void writeResult(TapQuery query, ResultFormat format, OutputStream out);

    /**
     * Runs a query synchronously and writes its result to a file, atomically: into a temporary
     * file beside the target, moved into place once the whole result is read. A failure leaves no
     * partial file and does not touch an existing target.
     *
     * @param query the query
     * @param format the format to write
     * @param target the file to make or replace
     * @throws io.cadc4j.core.QueryException if the service rejects the query
     * @throws io.cadc4j.core.CadcException if reading the result or writing the file fails
     */
    void writeResult(TapQuery query, ResultFormat format, Path target);

    /**
     * Reads a result document kept earlier (a VOTable a query answered, written by
     * {@link #writeResult(TapQuery, ResultFormat, OutputStream)} as {@link ResultFormat#VOTABLE}),
     * as {@link #query(TapQuery)} reads the service's answer: a {@code QUERY_STATUS=ERROR} in it
     * fails, {@link RowCursor#isOverflow()} tells whether it was cut. The cursor closes the stream.
     *
     * @param votable the document
     * @param source where it came from, for messages
     * @return a cursor over its rows; the caller closes it
     * @throws io.cadc4j.core.QueryException if the document reports an error
     * @throws io.cadc4j.core.ProtocolViolationException if it is not a VOTable
     * @throws UnsupportedOperationException if this port reads no documents (the default)
     */
    default RowCursor read(InputStream votable, URI source) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " reads no kept result documents");
    }

    /**
     * Creates an asynchronous job for a query, in phase PENDING; {@link AsyncJob#run()} starts it.
     *
     * @param query the query
     * @return the job
     * @throws io.cadc4j.core.ServiceException if the service refuses to create it
     */
    AsyncJob submit(TapQuery query);

    /**
     * Loads an existing job by its id, as {@code {async}/{id}}.
     *
     * @param jobId the job id
     * @return the job
     * @throws io.cadc4j.core.NotFoundException if the service has no such job
     */
    AsyncJob loadJob(String jobId);

    /**
     * Loads an existing job by its URL (which may lie outside {@code {async}}).
     *
     * @param jobUrl the job's URL
     * @return the job
     * @throws io.cadc4j.core.NotFoundException if the service has no such job
     */
    AsyncJob loadJob(URI jobUrl);

    /**
     * Lists the caller's jobs (UWS 1.1 §2.2.1.1). CADC refuses anonymous listings.
     *
     * @param filter which jobs
     * @return the jobs, in the service's order
     * @throws io.cadc4j.core.AuthorizationException if the service refuses to list jobs to this caller
     */
    List<JobReference> listJobs(JobListFilter filter);

    /**
     * The tables the service describes in its VOSI table set, in the service's order. Columns may
     * be empty when the port asked for names only ({@code detail=min}); {@link #table(String)} has them.
     *
     * @return the tables
     */
    List<TableDescription> tables();

    /**
     * One table with its columns and foreign keys. Names are compared without regard to case.
     *
     * @param name the table name, usually qualified ({@code caom2.Plane})
     * @return the table
     * @throws io.cadc4j.core.NotFoundException if the service has no such table
     */
    TableDescription table(String name);

    /**
     * The service's VOSI availability.
     *
     * @return the availability
     */
    Availability availability();
}
