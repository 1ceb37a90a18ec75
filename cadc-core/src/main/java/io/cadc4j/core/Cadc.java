// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core;

import io.cadc4j.core.adql.CadcQueries;
import io.cadc4j.core.adql.RegionQuery;
import io.cadc4j.core.auth.AuthPort;
import io.cadc4j.core.auth.AuthSettings;
import io.cadc4j.core.auth.BasicCredentials;
import io.cadc4j.core.auth.CertificateCredentials;
import io.cadc4j.core.auth.CookieCredentials;
import io.cadc4j.core.auth.Credentials;
import io.cadc4j.core.sky.Angle;
import io.cadc4j.core.sky.Circle;
import io.cadc4j.core.sky.Coordinates;
import io.cadc4j.core.sky.NameResolution;
import io.cadc4j.core.sky.NameResolver;
import io.cadc4j.core.sky.ResolvedName;
import io.cadc4j.core.datalink.DataLink;
import io.cadc4j.core.datalink.DataLinkPort;
import io.cadc4j.core.datalink.DownloadListener;
import io.cadc4j.core.datalink.DownloadOptions;
import io.cadc4j.core.datalink.DownloadOutcome;
import io.cadc4j.core.datalink.DownloadRequest;
import io.cadc4j.core.datalink.LinkListener;
import io.cadc4j.core.datalink.LinkSet;
import io.cadc4j.core.internal.facade.AutoSync;
import io.cadc4j.core.internal.facade.NameCache;
import io.cadc4j.core.internal.facade.PortProviders;
import io.cadc4j.core.internal.facade.Services;
import io.cadc4j.core.internal.facade.TransportSource;
import io.cadc4j.core.internal.facade.Session;
import io.cadc4j.core.internal.facade.Wiring;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.internal.port.AuthPortProvider;
import io.cadc4j.core.internal.port.DataLinkPortProvider;
import io.cadc4j.core.internal.port.NameResolverContext;
import io.cadc4j.core.internal.port.NameResolverProvider;
import io.cadc4j.core.internal.port.PortOverrides;
import io.cadc4j.core.internal.port.TapPortProvider;
import io.cadc4j.core.internal.registry.ServiceResolver;
import io.cadc4j.core.registry.TapEndpoints;
import io.cadc4j.core.spi.HttpTransport;
import io.cadc4j.core.spi.ProviderChoice;
import io.cadc4j.core.spi.Providers;
import io.cadc4j.core.spi.TransportSettings;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableDescription;
import io.cadc4j.core.tap.AsyncJob;
import io.cadc4j.core.tap.JobJournal;
import io.cadc4j.core.tap.JobListFilter;
import io.cadc4j.core.tap.JobReference;
import io.cadc4j.core.tap.QueryPayload;
import io.cadc4j.core.tap.ResultFormat;
import io.cadc4j.core.tap.SyncAttempt;
import io.cadc4j.core.tap.TapPort;
import io.cadc4j.core.tap.TapQuery;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The CADC client: what astroquery's {@code Cadc} class does, method for method, on streaming
 * results. Queries go to a TAP service (CADC's {@code ivo://cadc.nrc.ca/argus} by default, found
 * through CADC's registry, or any TAP service by its base URL), with the credentials held.
 *
 * <pre>{@code
 * try (Cadc cadc = Cadc.builder().build()) {                       // CADC, anonymous
 *     try (RowCursor rows = cadc.queryRegion("08h45m07.5s +54d18m00s", Angle.parse("0.01 deg"), "CFHT")) {
 *         int obsId = rows.columnIndex("observationID");
 *         while (rows.next()) {
 *             System.out.println(rows.getString(obsId));
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p><b>Results</b> are {@link RowCursor}s read as they stream in; the caller closes them. Nothing
 * here loads a whole result into memory, except {@link #getCollections()}, whose answer is small.
 *
 * <p><b>Endpoints</b> are resolved on first use, through the registry file and the service's VOSI
 * capabilities (both cached by the {@link ServiceResolver}), choosing the interface whose security
 * method the credentials held satisfy; they are kept until the credentials change, never resolved
 * per call. A TAP service at a direct URL ({@link #create(URI)}, or {@link Builder#tap(ServiceLocation)}
 * with {@link ServiceLocation#at(URI)}) needs no registry.
 *
 * <p><b>Credentials.</b> {@link #login(String, char[])}, {@link #login(Path)} and
 * {@link #useCredentials(Credentials)} replace the credentials held; {@link #logout()} forgets them
 * (every secret is wiped) and later calls are anonymous. Each call reads the current session once,
 * so a query running while another thread logs in uses either the old or the new credentials from
 * start to end, never a mix; one that still needs a forgotten secret afterwards (a redirect, say)
 * fails with {@link IllegalStateException} rather than continue without it.
 *
 * <p><b>Target names.</b> Every method taking a centre as text ({@link #queryRegion(String)},
 * {@link #getImages(String, Angle, Path)}, {@link #getImageList(RowCursor, String, Angle)}, ...)
 * reads it as {@link #coordinates(String)} does: coordinates as written (never sent to a resolver),
 * else a target name resolved by CDS Sesame (with {@code cadc-names}; see
 * {@link Builder#nameResolution(NameResolution)}), remembered per facade so that a loop asks once.
 *
 * <p><b>DataLink operations</b> ({@link #getDataUrls}, {@link #getImageList}, {@link #getImages},
 * {@link #getImagesLazy}, {@link #getImageUrls}, {@link #download}) go to the DataLink service
 * ({@code ivo://cadc.nrc.ca/caom2ops} by default, or {@link Builder#dataLink(ServiceLocation)}) through the
 * port of {@code cadc-datalink}, with the same credentials as the queries.
 *
 * <p>Thread-safe: immutable apart from its credentials. Close it to forget the credentials and
 * release the transport it made.
 */
public final class Cadc implements AutoCloseable {
    private static final String PUBLISHER_ID = "publisherID";
    private final Wiring wiring;
    private final NameResolver nameResolver;
    private final String noNameResolver;
    private final int concurrency;
    private final AtomicReference<Session> session;
    private final JobJournal journal;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Cadc(Wiring wiring, NameResolver nameResolver, String noNameResolver, int concurrency,
            Credentials credentials, JobJournal journal) {
        this.wiring = wiring;
        this.journal = journal;
        this.nameResolver = nameResolver;
        this.noNameResolver = noNameResolver;
        this.concurrency = concurrency;
        this.session = new AtomicReference<>(new Session(wiring, credentials));
    }

    /**
     * Starts a builder with CADC's defaults: the registry {@link ServiceResolver#DEFAULT_REGISTRY},
     * the services {@link ServiceId#CADC_TAP}, {@link ServiceId#CADC_DATALINK} and
     * {@link ServiceId#CADC_LOGIN}, the discovered transport, no credentials.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A facade with CADC's defaults, as astroquery's {@code Cadc()}: {@code builder().build()}.
     *
     * @return the facade; the caller closes it
     * @throws ProviderNotFoundException if no transport or TAP provider can be found, naming the
     *     module to add
     */
    public static Cadc create() {
        return builder().build();
    }

    /**
     * A facade for the TAP service at a base URL, with no registry, as astroquery's
     * {@code Cadc(url=...)}: {@code builder().tap(ServiceLocation.at(tapBaseUrl)).build()}.
     *
     * <pre>{@code
     * try (Cadc cadc = Cadc.create(URI.create("http://127.0.0.1:8089/tap"))) { ... }
     * }</pre>
     *
     * @param tapBaseUrl the TAP base URL
     * @return the facade; the caller closes it
     * @throws IllegalArgumentException if the URL is not an absolute http or https URL that can be
     *     a TAP base URL
     * @throws ProviderNotFoundException if no transport or TAP provider can be found, naming the
     *     module to add
     */
    public static Cadc create(URI tapBaseUrl) {
        return builder().tap(ServiceLocation.at(tapBaseUrl)).build();
    }

    // ---------------------------------------------------------------- astroquery's queries

    /**
     * Every collection with its energy bands, as astroquery's {@code get_collections}: runs
     * {@value CadcQueries#COLLECTIONS} and groups the rows by collection.
     *
     * <pre>{@code
     * cadc.getCollections().get("CFHT").bands();   // [Optical, Infrared]
     * }</pre>
     *
     * @return collection name to description, sorted by name; bands in the service's order with
     *     nulls skipped
     * @throws QueryException if the service rejects the query
     * @throws CadcException if the service cannot be reached
     */
    public Map<String, CollectionDescription> getCollections() {
        Map<String, Set<String>> bands = new TreeMap<>();
        try (RowCursor rows = tap().query(TapQuery.of(CadcQueries.collections()))) {
            int collection = rows.columnIndex("collection");
            int band = rows.columnIndex("energy_emBand");
            while (rows.next()) {
                if (rows.isNull(collection)) {
                    continue;
                }
                Set<String> set = bands.computeIfAbsent(rows.getString(collection), c -> new LinkedHashSet<>());
                if (!rows.isNull(band)) {
                    set.add(rows.getString(band));
                }
            }
        }
        Map<String, CollectionDescription> out = new LinkedHashMap<>();
        bands.forEach((name, b) -> out.put(name, CollectionDescription.of(name, new ArrayList<>(b))));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Observations within one minute of arc of a position, as astroquery's {@code query_region}.
     *
     * <pre>{@code
     * try (RowCursor rows = cadc.queryRegion(Coordinates.parse("08h45m07.5s +54d18m00s"))) { ... }
     * }</pre>
     *
     * @param center the position
     * @return the observations; the caller closes the cursor
     * @throws CadcException if the query fails
     */
    public RowCursor queryRegion(Coordinates center) {
        return queryRegion(RegionQuery.builder(center).build());
    }

    /**
     * Observations within a radius of a position, as astroquery's {@code query_region}.
     *
     * <pre>{@code
     * cadc.queryRegion(Coordinates.of(131.28125, 54.3), Angle.parse("0.01 deg"))
     * }</pre>
     *
     * @param center the position
     * @param radius the radius, not negative
     * @return the observations; the caller closes the cursor
     * @throws IllegalArgumentException if the radius is negative
     * @throws CadcException if the query fails
     */
    public RowCursor queryRegion(Coordinates center, Angle radius) {
        return queryRegion(RegionQuery.builder(center).radius(radius).build());
    }

    /**
     * Observations of one collection within a radius of a position, as astroquery's
     * {@code query_region(coordinates, radius, collection)}.
     *
     * <pre>{@code
     * cadc.queryRegion(Coordinates.parse("08h45m07.5s +54d18m00s"), Angle.ofDegrees(0.01), "CFHT")
     * }</pre>
     *
     * @param center the position
     * @param radius the radius, not negative
     * @param collection the collection, e.g. {@code CFHT}
     * @return the observations; the caller closes the cursor
     * @throws IllegalArgumentException if the radius is negative or the collection blank
     * @throws CadcException if the query fails
     */
    public RowCursor queryRegion(Coordinates center, Angle radius, String collection) {
        return queryRegion(RegionQuery.builder(center).radius(radius).collection(collection).build());
    }

    /**
     * Observations within one minute of arc of a position written as text, or of a target name
     * resolved by the facade's {@link NameResolver} (astroquery's {@code query_region('M31')}).
     *
     * <pre>{@code
     * cadc.queryRegion("08h45m07.5s +54d18m00s")
     * }</pre>
     *
     * @param center a position in one of {@link Coordinates#ACCEPTED_FORMS}, or a target name
     * @return the observations; the caller closes the cursor
     * @throws IllegalArgumentException if the text is neither a position nor a resolvable name
     *     (see {@link #coordinates(String)})
     * @throws CadcException if the name cannot be resolved or the query fails
     */
    public RowCursor queryRegion(String center) {
        return queryRegion(coordinates(center));
    }

    /**
     * Observations within a radius of a position written as text (or a resolved target name).
     *
     * <pre>{@code
     * cadc.queryRegion("131.28125 54.3", Angle.parse("3 arcsec"))
     * }</pre>
     *
     * @param center a position in one of {@link Coordinates#ACCEPTED_FORMS}, or a target name
     * @param radius the radius, not negative
     * @return the observations; the caller closes the cursor
     * @throws IllegalArgumentException if the text is neither a position nor a resolvable name
     *     (see {@link #coordinates(String)})
     * @throws CadcException if the name cannot be resolved or the query fails
     */
    public RowCursor queryRegion(String center, Angle radius) {
        return queryRegion(coordinates(center), radius);
    }

    /**
     * Observations of one collection within a radius of a position written as text (or a resolved
     * target name).
     *
     * <pre>{@code
     * cadc.queryRegion("08h45m07.5s +54d18m00s", Angle.parse("0.01 deg"), "CFHT")
     * }</pre>
     *
     * @param center a position in one of {@link Coordinates#ACCEPTED_FORMS}, or a target name
     * @param radius the radius, not negative
     * @param collection the collection
     * @return the observations; the caller closes the cursor
     * @throws IllegalArgumentException if the text is neither a position nor a resolvable name
     *     (see {@link #coordinates(String)})
     * @throws CadcException if the name cannot be resolved or the query fails
     */
    public RowCursor queryRegion(String center, Angle radius, String collection) {
        return queryRegion(coordinates(center), radius, collection);
    }

    /**
     * Runs a cone search built with every option ({@link RegionQuery#imagesOnly()} included).
     *
     * <pre>{@code
     * cadc.queryRegion(RegionQuery.builder(center).collection("CFHT").imagesOnly(true).build())
     * }</pre>
     *
     * @param query the cone search
     * @return the observations; the caller closes the cursor
     * @throws CadcException if the query fails
     */
    public RowCursor queryRegion(RegionQuery query) {
        Objects.requireNonNull(query, "query");
        return execSync(query.adql());
    }

    /**
     * Observations whose target name contains a text, ignoring case, as astroquery's
     * {@code query_name} (with the quote escaped, which astroquery forgets).
     *
     * <pre>{@code
     * cadc.queryName("Nr3491_1")
     * }</pre>
     *
     * @param name part of a target name
     * @return the observations; the caller closes the cursor
     * @throws IllegalArgumentException if the name is blank
     * @throws CadcException if the query fails
     */
    public RowCursor queryName(String name) {
        return execSync(CadcQueries.targetName(name));
    }

    /**
     * Reads a position as every method taking a centre as text does: text that parses as a
     * coordinate is that position (it never goes to a resolver); anything else is a target name,
     * resolved by the facade's name resolver (CDS Sesame by default, see
     * {@link Builder#nameResolution(NameResolution)}) through its cache.
     *
     * <pre>{@code
     * Coordinates c = cadc.coordinates("M31");             // asks Sesame once, then the cache
     * Coordinates d = cadc.coordinates("131.28125 54.3");  // parsed, nothing asked
     * }</pre>
     *
     * @param text a position in one of {@link Coordinates#ACCEPTED_FORMS}, or a target name
     * @return the ICRS position
     * @throws IllegalArgumentException if the text is blank, a coordinate out of range, or a name
     *     while no resolver is at hand (resolution off, or no {@code cadc-names}), saying which
     * @throws NotFoundException if the resolver does not know the name
     * @throws CadcException if the resolver cannot be asked
     */
    public Coordinates coordinates(String text) {
        Objects.requireNonNull(text, "text");
        Optional<Coordinates> parsed = Coordinates.parseIfCoordinate(text);
        if (parsed.isPresent()) {
            return parsed.get();
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("neither a coordinate nor a target name: \"" + text
                    + "\"; accepted forms: " + Coordinates.ACCEPTED_FORMS + ", or a target name");
        }
        return resolve(text).coordinates();
    }

    /**
     * Resolves a target name with the facade's name resolver, through its cache: the position, the
     * service that answered, the canonical name (what {@code cadc resolve} prints).
     *
     * <pre>{@code
     * ResolvedName m31 = cadc.resolve("M31");
     * System.out.println(m31.coordinates() + " from " + m31.service());
     * }</pre>
     *
     * @param name a target name
     * @return what the resolver found
     * @throws IllegalArgumentException if the name is blank or parses as a coordinate (which is
     *     never resolved), or if no resolver is at hand, saying why
     * @throws NotFoundException if the resolver does not know the name
     * @throws CadcException if the resolver cannot be asked
     */
    public ResolvedName resolve(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a target name is blank");
        }
        if (Coordinates.parseIfCoordinate(name).isPresent()) {
            throw new IllegalArgumentException("\"" + name.strip() + "\" is a coordinate, not a target name: "
                    + "coordinates are never sent to a name resolver");
        }
        if (nameResolver == null) {
            throw new IllegalArgumentException("not a coordinate: \"" + name + "\"; accepted forms: "
                    + Coordinates.ACCEPTED_FORMS + "; " + noNameResolver);
        }
        return nameResolver.resolve(name.strip());
    }

    // ---------------------------------------------------------------- TAP

    /**
     * Runs an ADQL query synchronously.
     *
     * <pre>{@code
     * try (RowCursor rows = cadc.execSync("select top 10 * from caom2.Observation")) { ... }
     * }</pre>
     *
     * @param adql the query
     * @return the rows; the caller closes the cursor
     * @throws QueryException if the service rejects the query
     * @throws CadcException if the service cannot be reached
     */
    public RowCursor execSync(String adql) {
        return execSync(TapQuery.of(adql));
    }

    /**
     * Runs an ADQL query synchronously with a row limit, uploads and the other options. Unlike
     * astroquery, {@code MAXREC} is sent. Whether the service cut the result at its limit is
     * {@link RowCursor#isOverflow()} once the rows are read. A query whose
     * {@linkplain TapQuery#mode() mode} is ASYNC or AUTO runs as {@link #query(TapQuery)} runs it.
     *
     * <pre>{@code
     * TapQuery q = TapQuery.builder("select * from tap_upload.t").maxRecords(100)
     *         .upload(TableUpload.ofFile("t", Path.of("targets.xml"))).build();
     * try (RowCursor rows = cadc.execSync(q)) { ... }
     * }</pre>
     *
     * @param query the query and its options
     * @return the rows; the caller closes the cursor
     * @throws IllegalArgumentException if an upload file is missing or not a VOTable
     * @throws QueryException if the service rejects the query
     * @throws CadcException if the service cannot be reached
     */
    public RowCursor execSync(TapQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.mode() != TapQuery.Mode.SYNC) {
            return query(query);
        }
        return tap().query(query);
    }

    /**
     * Runs a query as its {@link TapQuery#mode()} says, and streams its rows.
     * <ul>
     * <li>{@link TapQuery.Mode#SYNC}: as {@link #execSync(TapQuery)}.
     * <li>{@link TapQuery.Mode#ASYNC}: as a job made by {@link #createAsync(TapQuery)} (recorded in
     *     the {@linkplain #jobJournal() journal}, when there is one), run and waited for (up to an
     *     hour; the {@linkplain Builder#overallTimeout overall timeout}, when set, ends the wait
     *     sooner), its result streamed; the job is deleted when the cursor closes, or when it fails.
     *     An interrupted wait deletes the job; a wait that runs out of time leaves it running, to
     *     be loaded later, if a journal holds it.
     * <li>{@link TapQuery.Mode#AUTO}: sync, as {@link #attemptSync(TapQuery)} does; when that
     *     says the service's own sync limit cut the result, or the sync request timed out before
     *     any of its answer arrived, as an async job, as ASYNC does. The switch is logged (logger
     *     {@code io.cadc4j.core}, level INFO) with its reason. A {@code MAXREC} the query sets is
     *     never overridden and never triggers the switch.
     * </ul>
     *
     * <pre>{@code
     * TapQuery q = TapQuery.builder("select * from caom2.Plane where ...").mode(TapQuery.Mode.AUTO).build();
     * try (RowCursor rows = cadc.query(q)) { ... }   // every row, sync or async as needed
     * }</pre>
     *
     * @param query the query, its options and its mode
     * @return the rows; the caller closes the cursor
     * @throws QueryException if the service rejects the query, or the job ends in error
     * @throws CadcTimeoutException if the job is not done in time
     * @throws CadcException if the service cannot be reached
     */
    public RowCursor query(TapQuery query) {
        Objects.requireNonNull(query, "query");
        switch (query.mode()) {
            case ASYNC:
                return runAsync(query);
            case AUTO:
                SyncAttempt attempt = attemptSync(query);
                if (attempt.rows().isPresent()) {
                    return attempt.rows().get();
                }
                System.getLogger("io.cadc4j.core").log(System.Logger.Level.INFO,
                        "{0}; running the query as an async job instead", attempt.asyncReason().orElseThrow());
                return runAsync(query);
            default:
                return tap().query(query);
        }
    }

    /**
     * The sync step of {@link TapQuery.Mode#AUTO}, whatever the query's mode: runs the query
     * synchronously and says whether its result stands or the query must run as an async job
     * (and why), for a caller that runs the job its own way; {@link #query(TapQuery)} does both.
     * Without a {@code MAXREC}, the answer is kept in a temporary file while it arrives (memory
     * does not grow with it) and read through, to see whether the service cut it at its own limit
     * ({@code OVERFLOW}, or as many rows as the row limit its capabilities declare); the cursor
     * then reads the file, removed when it closes. With a {@code MAXREC}, the answer streams as it
     * comes, and only a timeout while it opens gives way to async.
     * {@link TapQuery.Builder#syncTimeout(java.time.Duration)} sets how long the sync request may
     * wait for its answer to start.
     *
     * <pre>{@code
     * try (SyncAttempt a = cadc.attemptSync(query)) {
     *     if (a.asyncReason().isPresent()) { ... run it as a job ... }
     * }
     * }</pre>
     *
     * @param query the query and its options
     * @return the result that stands, or why the query must go async
     * @throws QueryException if the service rejects the query
     * @throws CadcException if the service cannot be reached, or its answer broke off after it began
     */
    public SyncAttempt attemptSync(TapQuery query) {
        Objects.requireNonNull(query, "query");
        return AutoSync.attempt(tap(), query);
    }

    private RowCursor runAsync(TapQuery query) {
        return AutoSync.complete(createAsync(query), journal, query.jobTimeout().orElse(AutoSync.DEFAULT_WAIT));
    }

    /**
     * Runs an ADQL query synchronously and keeps the answer in a file, as astroquery's
     * {@code output_file}: the service's document byte for byte, in the format asked with
     * {@link TapQuery.Builder#responseFormat} ({@code votable}, the default, keeps the service's
     * document byte for byte; {@code csv}, {@code tsv} and {@code json} are written by the TAP port
     * as {@link ResultFormat} describes). The file appears only once complete (written beside it,
     * then moved), and a {@code QUERY_STATUS=ERROR} anywhere in the answer fails the call with no
     * file left behind: {@link TapPort#writeResult(TapQuery, ResultFormat, Path)} does the work.
     *
     * <pre>{@code
     * cadc.execSync(TapQuery.builder("select * from caom2.EnumField").responseFormat("csv").build(),
     *         Path.of("fields.csv"));
     * }</pre>
     *
     * @param query the query and its options
     * @param outputFile the file to write
     * @return the size of the file written, in bytes
     * @throws IllegalArgumentException if the response format is none of votable, csv, tsv, json, fits
     *     (needs cadc-formats), ecsv (needs cadc-formats), or the query's mode is not SYNC
     * @throws QueryException if the service rejects the query
     * @throws CadcException if the service cannot be reached or the file cannot be written
     */
    public long execSync(TapQuery query, Path outputFile) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(outputFile, "outputFile");
        if (query.mode() != TapQuery.Mode.SYNC) {
            throw new IllegalArgumentException("a query in mode " + query.mode() + " is not written to a file by "
                    + "execSync; read query(TapQuery) and write its rows, or create the job with createAsync");
        }
        ResultFormat format = fileFormat(query.responseFormat().orElse("votable"));
        // The port streams a VOTable from the service and writes it in the format asked.
        TapQuery.Builder asked = TapQuery.builder(query.adql());
        query.maxRecords().ifPresent(asked::maxRecords);
        query.runId().ifPresent(asked::runId);
        query.uploads().forEach(asked::upload);
        tap().writeResult(asked.build(), format, outputFile);
        try {
            return Files.size(outputFile);
        } catch (IOException e) {
            throw new CadcException("the result was written to " + outputFile + " but its size cannot be read: " + e,
                    null, false, e);
        }
    }

    private static ResultFormat fileFormat(String responseFormat) {
        String f = responseFormat.strip().toLowerCase(Locale.ROOT);
        if (f.equals("votable") || f.contains("votable") || f.equals("text/xml") || f.equals("application/xml")) {
            return ResultFormat.VOTABLE;
        }
        if (f.equals("csv") || f.equals("text/csv")) {
            return ResultFormat.CSV;
        }
        if (f.equals("tsv") || f.equals("text/tab-separated-values")) {
            return ResultFormat.TSV;
        }
        if (f.equals("json") || f.equals("application/json")) {
            return ResultFormat.JSON;
        }
        if (f.equals("fits") || f.equals("application/fits")) {
            return ResultFormat.FITS;
        }
        if (f.equals("ecsv")) {
            return ResultFormat.ECSV;
        }
        throw new IllegalArgumentException("the response format '" + responseFormat
                + "' cannot be written to a file; use votable, csv, tsv, json, fits or ecsv");
    }

    /**
     * The exact synchronous request a query would make, without sending it (astroquery's
     * {@code get_query_payload}); resolving the TAP endpoint may read the registry and
     * capabilities, as the query would. {@link #createAsync} posts the same parameters to
     * {@link TapEndpoints#async()}.
     *
     * <pre>{@code
     * QueryPayload p = cadc.payloadOf(TapQuery.builder(CadcQueries.region(Coordinates.parse("10 20"),
     *         Angle.ofArcminutes(1))).maxRecords(10).build());
     * p.parameter("MAXREC");   // Optional[10]
     * }</pre>
     *
     * @param query the query and its options
     * @return the request
     */
    public QueryPayload payloadOf(TapQuery query) {
        Objects.requireNonNull(query, "query");
        return QueryPayload.of(current().tap().endpoints().sync(), query);
    }

    /**
     * The exact synchronous request a query with no options would make, without sending it.
     *
     * <pre>{@code
     * cadc.payloadOf(CadcQueries.targetName("M31")).parameter("QUERY")
     * }</pre>
     *
     * @param adql the query
     * @return the request
     */
    public QueryPayload payloadOf(String adql) {
        return payloadOf(TapQuery.of(adql));
    }

    /**
     * Creates an asynchronous (UWS) job for a query, in phase PENDING, as astroquery's
     * {@code create_async}; {@link AsyncJob#run()} starts it.
     *
     * <pre>{@code
     * AsyncJob job = cadc.createAsync(TapQuery.builder("select * from caom2.Plane").maxRecords(10000).build());
     * job.run();
     * job.awaitCompletion(Duration.ofMinutes(10));
     * job.raiseIfError();
     * try (RowCursor rows = job.fetchResult()) { ... }
     * job.delete();
     * }</pre>
     *
     * @param query the query and its options
     * @return the job
     * @throws CadcException if the service refuses to create it
     */
    public AsyncJob createAsync(TapQuery query) {
        Objects.requireNonNull(query, "query");
        AsyncJob job = tap().submit(query);
        if (journal != null) {
            journal.record(JobJournal.Entry.of(tapEndpoints().base(), job, query, owner(), Instant.now()));
        }
        return job;
    }

    /**
     * The journal this facade records the jobs it creates in, if {@link Builder#jobJournal(Path)} set one.
     *
     * <pre>{@code
     * cadc.jobJournal().ifPresent(j -> j.entries().forEach(System.out::println));
     * }</pre>
     *
     * @return the journal
     */
    public Optional<JobJournal> jobJournal() {
        return Optional.ofNullable(journal);
    }

    /** Who owns the jobs made now, for the journal: a user name, never a secret. */
    private String owner() {
        Session s = session.get();
        Credentials c = s == null ? Credentials.ANONYMOUS : s.credentials();
        if (c instanceof BasicCredentials) {
            return ((BasicCredentials) c).user();
        }
        return c.securityMethods().contains(SecurityMethod.ANONYMOUS) ? "anonymous" : "authenticated";
    }

    /**
     * Creates an asynchronous job with no options.
     *
     * <pre>{@code
     * AsyncJob job = cadc.createAsync("select count(*) from caom2.Observation");
     * }</pre>
     *
     * @param adql the query
     * @return the job, in phase PENDING
     * @throws CadcException if the service refuses to create it
     */
    public AsyncJob createAsync(String adql) {
        return createAsync(TapQuery.of(adql));
    }

    /**
     * Loads an existing job by its id, as astroquery's {@code load_async_job}.
     *
     * <pre>{@code
     * AsyncJob job = cadc.loadAsyncJob("k2a6pa8rm9dzsn1l");
     * }</pre>
     *
     * @param jobId the job id
     * @return the job
     * @throws NotFoundException if the service has no such job
     */
    public AsyncJob loadAsyncJob(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        return tap().loadJob(jobId);
    }

    /**
     * Loads an existing job by its URL.
     *
     * <pre>{@code
     * AsyncJob job = cadc.loadAsyncJob(URI.create("https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus/async/k2a6"));
     * }</pre>
     *
     * @param jobUrl the job's URL
     * @return the job
     * @throws NotFoundException if the service has no such job
     */
    public AsyncJob loadAsyncJob(URI jobUrl) {
        Objects.requireNonNull(jobUrl, "jobUrl");
        return tap().loadJob(jobUrl);
    }

    /**
     * Lists the caller's jobs, as astroquery's {@code list_async_jobs(phases, after, last,
     * short_description)}: the filter carries phases, after and last. With a short description
     * the list's entries come back as listed; otherwise each job is asked for its whole
     * description, which {@link JobReference#details()} then holds.
     *
     * <pre>{@code
     * cadc.listAsyncJobs(JobListFilter.builder().phases(ExecutionPhase.COMPLETED).last(10).build(), true)
     * }</pre>
     *
     * @param filter which jobs
     * @param shortDescription true for the list as the service gives it, false to load each job
     * @return the jobs, in the service's order
     * @throws AuthorizationException if the service refuses to list jobs to this caller (CADC
     *     refuses anonymous listings)
     */
    public List<JobReference> listAsyncJobs(JobListFilter filter, boolean shortDescription) {
        Objects.requireNonNull(filter, "filter");
        TapPort port = tap();
        List<JobReference> refs = port.listJobs(filter);
        if (shortDescription) {
            return refs;
        }
        List<JobReference> out = new ArrayList<>(refs.size());
        for (JobReference r : refs) {
            if (r.details().isPresent()) {
                out.add(r);
                continue;
            }
            AsyncJob job = r.href().isPresent() ? port.loadJob(r.href().get()) : port.loadJob(r.id());
            out.add(JobReference.of(job.info(), Optional.of(job.uri())));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The tables the service describes (VOSI tables), as astroquery's {@code get_tables()}.
     *
     * <pre>{@code
     * cadc.getTables().forEach(t -> System.out.println(t.schema() + "." + t.name()));
     * }</pre>
     *
     * @return the tables, in the service's order
     * @throws CadcException if the service cannot be reached
     */
    public List<TableDescription> getTables() {
        return tap().tables();
    }

    /**
     * The tables' qualified names, as astroquery's {@code get_tables(only_names=True)}.
     *
     * <pre>{@code
     * cadc.getTableNames()   // [caom2.Observation, caom2.Plane, ...]
     * }</pre>
     *
     * @return {@code schema.table} names (the table's name as the service writes it when that
     *     already includes the schema), in the service's order
     * @throws CadcException if the service cannot be reached
     */
    public List<String> getTableNames() {
        List<String> names = new ArrayList<>();
        for (TableDescription t : getTables()) {
            names.add(qualifiedName(t));
        }
        return Collections.unmodifiableList(names);
    }

    /**
     * One table with its columns, as astroquery's {@code get_table(name)}. A table the service
     * does not have is an empty result, not an error.
     *
     * <pre>{@code
     * cadc.getTable("caom2.Observation").ifPresent(t -> t.columns().forEach(System.out::println));
     * }</pre>
     *
     * @param name the qualified name, e.g. {@code caom2.Observation}
     * @return the table, or empty when the service has no table of that name
     * @throws CadcException if the service cannot be reached
     */
    public Optional<TableDescription> getTable(String name) {
        Objects.requireNonNull(name, "name");
        try {
            return Optional.of(tap().table(name));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * The TAP endpoints in use for the credentials held (resolved now if they were not yet).
     *
     * <pre>{@code
     * URI sync = cadc.tapEndpoints().sync();
     * }</pre>
     *
     * @return the endpoints
     * @throws CadcException if they cannot be resolved
     */
    public TapEndpoints tapEndpoints() {
        return current().tap().endpoints();
    }

    /**
     * The TAP port bound to the credentials held, for what the facade does not cover (availability,
     * for instance). It keeps the credentials it was made with: after a login ask again.
     *
     * <pre>{@code
     * cadc.tapPort().availability().isAvailable()
     * }</pre>
     *
     * @return the port
     * @throws CadcException if the endpoints cannot be resolved
     */
    public TapPort tapPort() {
        return tap();
    }

    // ---------------------------------------------------------------- DataLink

    /**
     * The data URLs of a query's observations, as astroquery's {@code get_data_urls}: the
     * {@code publisherID} of every row is asked of the DataLink service ({@code REQUEST=downloads-only}),
     * keeping the {@code #this} links, or with auxiliaries every link but packages. Unlike astroquery,
     * identifiers the service could not resolve are kept as error rows ({@link LinkSet#errors()}).
     * The cursor is read to its end; the caller still closes it.
     *
     * <pre>{@code
     * try (RowCursor rows = cadc.queryName("Nr3491_1")) {
     *     LinkSet urls = cadc.getDataUrls(rows, false);
     *     urls.links().forEach(l -> System.out.println(l.accessUrl().get()));
     *     urls.errors().forEach(e -> System.err.println(e.id() + ": " + e.errorMessage().get()));
     * }
     * }</pre>
     *
     * @param result a query result with a {@code publisherID} column
     * @param includeAuxiliaries false for the {@code #this} links only, true for every non-package link
     * @return the links with an access URL, and the error rows, grouped by identifier in the result's order
     * @throws IllegalArgumentException if the result has no {@code publisherID} column, or no row with one
     * @throws io.cadc4j.core.ProviderNotFoundException if cadc-datalink is not on the path
     * @throws CadcException if a DataLink call fails
     */
    public LinkSet getDataUrls(RowCursor result, boolean includeAuxiliaries) {
        return getDataUrls(result, includeAuxiliaries, LinkListener.NONE);
    }

    /**
     * The data URLs of a query's observations (see {@link #getDataUrls(RowCursor, boolean)}),
     * telling a listener as each DataLink call of {@link io.cadc4j.core.datalink.LinkOptions#batchSize()} identifiers is
     * answered: the identifiers resolved so far, of how many, and the links found.
     *
     * <pre>{@code
     * LinkSet urls = cadc.getDataUrls(rows, false, (done, total, links) ->
     *         System.err.printf("%d/%d identifiers, %d links%n", done, total, links));
     * }</pre>
     *
     * @param result a query result with a {@code publisherID} column
     * @param includeAuxiliaries false for the {@code #this} links only, true for every non-package link
     * @param listener told of each resolved batch, from the threads that resolve them, one call at a
     *     time ({@link LinkListener})
     * @return the links with an access URL, and the error rows, grouped by identifier in the result's order
     * @throws IllegalArgumentException if the result has no {@code publisherID} column, or no row with one
     * @throws CadcException if a DataLink call fails
     */
    public LinkSet getDataUrls(RowCursor result, boolean includeAuxiliaries, LinkListener listener) {
        Objects.requireNonNull(listener, "listener");
        List<String> ids = publisherIds(result, "getDataUrls");
        return current().dataLink().dataLinks(ids, includeAuxiliaries, listener);
    }

    /**
     * The data URLs of some publisher DIDs (see {@link #getDataUrls(RowCursor, boolean)}).
     *
     * <pre>{@code
     * cadc.getDataUrls(List.of("ivo://cadc.nrc.ca/CFHT?1234567/1234567p"), true)
     * }</pre>
     *
     * @param publisherIds the identifiers, at least one
     * @param includeAuxiliaries false for the {@code #this} links only, true for every non-package link
     * @return the links with an access URL, and the error rows
     * @throws IllegalArgumentException if no identifier is given
     * @throws CadcException if a DataLink call fails
     */
    public LinkSet getDataUrls(Collection<String> publisherIds, boolean includeAuxiliaries) {
        return getDataUrls(publisherIds, includeAuxiliaries, LinkListener.NONE);
    }

    /**
     * The data URLs of some publisher DIDs, telling a listener of each resolved batch (see
     * {@link #getDataUrls(RowCursor, boolean, LinkListener)}).
     *
     * @param publisherIds the identifiers, at least one
     * @param includeAuxiliaries false for the {@code #this} links only, true for every non-package link
     * @param listener told of each resolved batch ({@link LinkListener})
     * @return the links with an access URL, and the error rows
     * @throws IllegalArgumentException if no identifier is given
     * @throws CadcException if a DataLink call fails
     */
    public LinkSet getDataUrls(Collection<String> publisherIds, boolean includeAuxiliaries, LinkListener listener) {
        Objects.requireNonNull(listener, "listener");
        return current().dataLink().dataLinks(checkIds(publisherIds), includeAuxiliaries, listener);
    }

    /**
     * Cutout URLs of a query's observations for a circle, as astroquery's {@code get_image_list}:
     * for every {@code publisherID}, the SODA cutout of its {@code #cutout} service descriptor with
     * {@code POS=CIRCLE ra dec r}, where {@code ra dec} are the FK5 J2000 numbers of the centre (as
     * astroquery writes them, {@link RegionQuery#sodaPos()}) and {@code r} the radius in degrees.
     * An identifier without a cutout service, or whose data the circle misses, is an error row.
     * The cursor is read to its end; the caller still closes it.
     *
     * <pre>{@code
     * Coordinates c = Coordinates.parse("01h45m07.5s +23d18m00s");
     * try (RowCursor rows = cadc.queryRegion(RegionQuery.builder(c).imagesOnly(true).build())) {
     *     cadc.getImageList(rows, c, Angle.parse("0.01 deg")).links().forEach(l -> System.out.println(l.accessUrl().get()));
     * }
     * }</pre>
     *
     * @param result a query result with a {@code publisherID} column
     * @param center the cutout centre
     * @param radius the cutout radius, not negative
     * @return one row per cutout URL ({@link DataLink#accessUrl()}), and the error rows
     * @throws IllegalArgumentException if the result has no {@code publisherID} column, or no row with one
     * @throws CadcException if a DataLink call fails
     */
    public LinkSet getImageList(RowCursor result, Coordinates center, Angle radius) {
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(radius, "radius");
        RegionQuery region = RegionQuery.builder(center).radius(radius).build();
        List<String> ids = publisherIds(result, "getImageList");
        return current().dataLink().cutoutLinks(ids, circle(region));
    }

    /**
     * Cutout URLs of a query's observations for a circle whose centre is written as text or is a
     * target name, as astroquery's {@code get_image_list(result, 'M31', radius)} (see
     * {@link #getImageList(RowCursor, Coordinates, Angle)} and {@link #coordinates(String)}).
     *
     * <pre>{@code
     * cadc.getImageList(rows, "M31", Angle.parse("0.01 deg"))
     * }</pre>
     *
     * @param result a query result with a {@code publisherID} column
     * @param center a position in one of {@link Coordinates#ACCEPTED_FORMS}, or a target name
     * @param radius the cutout radius, not negative
     * @return one row per cutout URL, and the error rows
     * @throws IllegalArgumentException if the centre is neither a position nor a resolvable name
     * @throws CadcException if the name cannot be resolved or a DataLink call fails
     */
    public LinkSet getImageList(RowCursor result, String center, Angle radius) {
        return getImageList(result, coordinates(center), radius);
    }

    /**
     * The cutout URLs of the images around a position, without downloading them (astroquery's
     * {@code get_images(..., get_url_list=True)}): runs {@link #queryRegion(RegionQuery)} with
     * {@code dataProductType='image'} (whatever the query's {@link RegionQuery#imagesOnly()}), then
     * {@link #getImageList} with the query's centre and radius. No image there is an empty set.
     *
     * <pre>{@code
     * cadc.getImageUrls(RegionQuery.builder(Coordinates.parse("01h45m07.5s +23d18m00s"))
     *         .radius(Angle.parse("0.01 deg")).build())
     * }</pre>
     *
     * @param region the position, radius and optional collection
     * @return one row per cutout URL, and the error rows
     * @throws CadcException if the query or a DataLink call fails
     */
    public LinkSet getImageUrls(RegionQuery region) {
        return getImageUrls(region, LinkListener.NONE);
    }

    /**
     * The cutout URLs of the images around a position (see {@link #getImageUrls(RegionQuery)}),
     * telling a listener of each DataLink batch as it is resolved, the cutout links counted.
     *
     * <pre>{@code
     * cadc.getImageUrls(region, (done, total, links) -> System.err.printf("%d/%d%n", done, total))
     * }</pre>
     *
     * @param region the position, radius and optional collection
     * @param listener told of each resolved batch ({@link LinkListener})
     * @return one row per cutout URL, and the error rows
     * @throws CadcException if the query or a DataLink call fails
     */
    public LinkSet getImageUrls(RegionQuery region, LinkListener listener) {
        Objects.requireNonNull(listener, "listener");
        return imageLinks(current(), region, listener);
    }

    /**
     * The cutout URLs of the images around a position written as text or a target name, without
     * downloading them (see {@link #getImageUrls(RegionQuery)} and {@link #coordinates(String)}).
     *
     * <pre>{@code
     * cadc.getImageUrls("M31", Angle.parse("0.01 deg"))
     * }</pre>
     *
     * @param center a position in one of {@link Coordinates#ACCEPTED_FORMS}, or a target name
     * @param radius the radius, not negative
     * @return one row per cutout URL, and the error rows
     * @throws IllegalArgumentException if the centre is neither a position nor a resolvable name
     * @throws CadcException if the name cannot be resolved, or the query or a DataLink call fails
     */
    public LinkSet getImageUrls(String center, Angle radius) {
        return getImageUrls(RegionQuery.builder(coordinates(center)).radius(radius).build());
    }

    /**
     * The images around a position, downloaded, as astroquery's {@code get_images}: the cutout
     * URLs of {@link #getImageUrls}, each downloaded into a directory (at most
     * {@link #concurrency()} at once, each checked to be FITS), with the primary header read.
     * A download that fails (401 on private data, say) is reported in
     * {@link ImageDownloads#failures()} while the others complete.
     *
     * <pre>{@code
     * ImageDownloads got = cadc.getImages(RegionQuery.builder(Coordinates.parse("01h45m07.5s +23d18m00s"))
     *         .radius(Angle.parse("0.01 deg")).build(), Path.of("cutouts"));
     * }</pre>
     *
     * @param region the position, radius and optional collection
     * @param directory where the files go, created if missing
     * @return the files with their headers, the failed downloads and the DataLink error rows
     * @throws CadcException if the query or a DataLink call fails (downloads' failures are reported instead)
     */
    public ImageDownloads getImages(RegionQuery region, Path directory) {
        return getImages(region, directory, DownloadListener.NONE);
    }

    /**
     * The images around a position, downloaded (see {@link #getImages(RegionQuery, Path)}), telling
     * a listener how the downloads advance.
     *
     * @param region the position, radius and collection
     * @param directory where the files go, created if missing
     * @param listener hears every download's progress, from several threads; thread-safe
     * @return the files with their headers, the failed downloads and the DataLink error rows
     * @throws CadcException if the query or a DataLink call fails (downloads' failures are reported instead)
     */
    public ImageDownloads getImages(RegionQuery region, Path directory, DownloadListener listener) {
        return getImages(region, directory, LinkListener.NONE, listener);
    }

    /**
     * The images around a position, downloaded (see {@link #getImages(RegionQuery, Path)}), telling
     * one listener how the DataLink calls that find the cutouts advance and another how the
     * downloads do (one object may be both, as the command's progress line is).
     *
     * @param region the position, radius and collection
     * @param directory where the files go, created if missing
     * @param links told of each resolved DataLink batch ({@link LinkListener})
     * @param listener hears every download's progress, from several threads; thread-safe
     * @return the files with their headers, the failed downloads and the DataLink error rows
     * @throws CadcException if the query or a DataLink call fails (downloads' failures are reported instead)
     */
    public ImageDownloads getImages(RegionQuery region, Path directory, LinkListener links,
            DownloadListener listener) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(listener, "listener");
        Session s = current();
        LinkSet cutouts = imageLinks(s, region, links);
        List<DownloadRequest> requests = new ArrayList<>();
        for (DataLink l : cutouts.links()) {
            requests.add(DownloadRequest.builder(l.accessUrl().get()).directory(directory).expectFits(true).build());
        }
        List<DownloadOutcome> outcomes = requests.isEmpty() ? List.of()
                : s.dataLink().downloader().downloadAll(requests, downloadOptions(), listener);
        return ImageDownloads.of(outcomes, cutouts.errors());
    }

    /**
     * The images of one collection around a position, downloaded (see {@link #getImages(RegionQuery, Path)}).
     *
     * <pre>{@code
     * cadc.getImages(Coordinates.parse("01h45m07.5s +23d18m00s"), Angle.parse("0.01 deg"), "CFHT", Path.of("cutouts"))
     * }</pre>
     *
     * @param center the position
     * @param radius the radius, not negative
     * @param collection the collection
     * @param directory where the files go, created if missing
     * @return the files with their headers, the failed downloads and the DataLink error rows
     * @throws CadcException if the query or a DataLink call fails
     */
    public ImageDownloads getImages(Coordinates center, Angle radius, String collection, Path directory) {
        return getImages(RegionQuery.builder(center).radius(radius).collection(collection).build(), directory);
    }

    /**
     * The images around a position, downloaded (see {@link #getImages(RegionQuery, Path)}).
     *
     * <pre>{@code
     * cadc.getImages(Coordinates.parse("01h45m07.5s +23d18m00s"), Angle.parse("0.01 deg"), Path.of("cutouts"))
     * }</pre>
     *
     * @param center the position
     * @param radius the radius, not negative
     * @param directory where the files go, created if missing
     * @return the files with their headers, the failed downloads and the DataLink error rows
     * @throws CadcException if the query or a DataLink call fails
     */
    public ImageDownloads getImages(Coordinates center, Angle radius, Path directory) {
        return getImages(RegionQuery.builder(center).radius(radius).build(), directory);
    }

    /**
     * The images around a position written as text or a target name, downloaded, as astroquery's
     * {@code get_images('M31', radius)} (see {@link #getImages(RegionQuery, Path)} and
     * {@link #coordinates(String)}).
     *
     * <pre>{@code
     * cadc.getImages("M31", Angle.parse("0.01 deg"), Path.of("cutouts"))
     * }</pre>
     *
     * @param center a position in one of {@link Coordinates#ACCEPTED_FORMS}, or a target name
     * @param radius the radius, not negative
     * @param directory where the files go, created if missing
     * @return the files with their headers, the failed downloads and the DataLink error rows
     * @throws IllegalArgumentException if the centre is neither a position nor a resolvable name
     * @throws CadcException if the name cannot be resolved, or the query or a DataLink call fails
     */
    public ImageDownloads getImages(String center, Angle radius, Path directory) {
        return getImages(coordinates(center), radius, directory);
    }

    /**
     * The images of one collection around a position written as text or a target name, downloaded
     * (see {@link #getImages(RegionQuery, Path)} and {@link #coordinates(String)}).
     *
     * <pre>{@code
     * cadc.getImages("M31", Angle.parse("0.01 deg"), "CFHT", Path.of("cutouts"))
     * }</pre>
     *
     * @param center a position in one of {@link Coordinates#ACCEPTED_FORMS}, or a target name
     * @param radius the radius, not negative
     * @param collection the collection
     * @param directory where the files go, created if missing
     * @return the files with their headers, the failed downloads and the DataLink error rows
     * @throws IllegalArgumentException if the centre is neither a position nor a resolvable name
     * @throws CadcException if the name cannot be resolved, or the query or a DataLink call fails
     */
    public ImageDownloads getImages(String center, Angle radius, String collection, Path directory) {
        return getImages(coordinates(center), radius, collection, directory);
    }

    /**
     * The images around a position as handles that download only when opened (astroquery's
     * {@code get_images_async}): the query and the DataLink calls happen now, no download does.
     *
     * <pre>{@code
     * LazyImages lazy = cadc.getImagesLazy(RegionQuery.builder(center).collection("CFHT").build());
     * for (LazyImages.Handle h : lazy.handles()) { h.open(Path.of("cutouts")); }
     * }</pre>
     *
     * @param region the position, radius and optional collection
     * @return the handles and the DataLink error rows
     * @throws CadcException if the query or a DataLink call fails
     */
    public LazyImages getImagesLazy(RegionQuery region) {
        Session s = current();
        LinkSet cutouts = imageLinks(s, region, LinkListener.NONE);
        List<LazyImages.Handle> handles = new ArrayList<>();
        if (!cutouts.links().isEmpty()) {
            io.cadc4j.core.datalink.Downloader downloader = s.dataLink().downloader();
            for (DataLink l : cutouts.links()) {
                handles.add(new LazyImages.Handle(l.id(), l.accessUrl().get(), downloader, downloadOptions()));
            }
        }
        return LazyImages.of(handles, cutouts.errors());
    }

    /**
     * The images around a position written as text or a target name as handles that download only
     * when opened (see {@link #getImagesLazy(RegionQuery)} and {@link #coordinates(String)}).
     *
     * <pre>{@code
     * cadc.getImagesLazy("M31", Angle.parse("0.01 deg"))
     * }</pre>
     *
     * @param center a position in one of {@link Coordinates#ACCEPTED_FORMS}, or a target name
     * @param radius the radius, not negative
     * @return the handles and the DataLink error rows
     * @throws IllegalArgumentException if the centre is neither a position nor a resolvable name
     * @throws CadcException if the name cannot be resolved, or the query or a DataLink call fails
     */
    public LazyImages getImagesLazy(String center, Angle radius) {
        return getImagesLazy(RegionQuery.builder(coordinates(center)).radius(radius).build());
    }

    /**
     * Downloads files by URL into a directory (data URLs from {@link #getDataUrls}, say), at most
     * {@link #concurrency()} at once, with the session's credentials; every failure is an outcome.
     *
     * <pre>{@code
     * cadc.download(urls.accessUrls(s -> true), Path.of("data"))
     * }</pre>
     *
     * @param urls the URLs
     * @param directory where the files go, created if missing
     * @return one outcome per URL, in order
     * @throws io.cadc4j.core.ProviderNotFoundException if cadc-datalink is not on the path
     */
    public List<DownloadOutcome> download(List<URI> urls, Path directory) {
        return download(urls, directory, DownloadListener.NONE);
    }

    /**
     * Downloads files by URL into a directory, as {@link #download(List, Path)}, telling a listener
     * how they advance. Nothing is resolved first (no registry, no DataLink service is asked): the
     * URLs are fetched as they are, and the credentials held go to each URL whose host their realm
     * covers.
     *
     * <pre>{@code
     * cadc.download(urls, Path.of("data"), new DownloadListener() { ... })
     * }</pre>
     *
     * @param urls the URLs
     * @param directory where the files go, created if missing
     * @param listener hears every download's progress, from several threads; thread-safe
     * @return one outcome per URL, in order
     * @throws io.cadc4j.core.ProviderNotFoundException if cadc-datalink is not on the path
     */
    public List<DownloadOutcome> download(List<URI> urls, Path directory, DownloadListener listener) {
        Objects.requireNonNull(urls, "urls");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(listener, "listener");
        List<DownloadRequest> requests = new ArrayList<>();
        for (URI u : urls) {
            requests.add(DownloadRequest.toDirectory(Objects.requireNonNull(u, "url"), directory));
        }
        if (requests.isEmpty()) {
            return List.of();
        }
        return current().downloader().downloadAll(requests, downloadOptions(), listener);
    }

    /**
     * The DataLink port bound to the credentials held, for what the facade does not cover (SODA
     * cutouts with other shapes, link options). It keeps the credentials it was made with.
     *
     * <pre>{@code
     * cadc.dataLinkPort().links(List.of(publisherId)).rows()
     * }</pre>
     *
     * @return the port
     * @throws io.cadc4j.core.ProviderNotFoundException if cadc-datalink is not on the path
     * @throws CadcException if the DataLink service cannot be resolved
     */
    public DataLinkPort dataLinkPort() {
        return current().dataLink();
    }

    private LinkSet imageLinks(Session s, RegionQuery region, LinkListener listener) {
        Objects.requireNonNull(region, "region");
        List<String> ids;
        try (RowCursor rows = s.tap().port().query(TapQuery.of(region.toBuilder().imagesOnly(true).build().adql()))) {
            ids = readIds(rows, "getImages", false);
        }
        return ids.isEmpty() ? LinkSet.of(List.of()) : s.dataLink().cutoutLinks(ids, circle(region), listener);
    }

    private DownloadOptions downloadOptions() {
        return DownloadOptions.builder().maxConcurrent(concurrency).build();
    }

    /** The SODA circle of astroquery's get_image_list: the FK5 J2000 numbers, as sodaPos() writes them. */
    private static Circle circle(RegionQuery region) {
        return Circle.of(region.center().ra(), region.center().dec(), region.radius().degrees());
    }

    private static List<String> publisherIds(RowCursor result, String operation) {
        Objects.requireNonNull(result, "result");
        return readIds(result, operation, true);
    }

    private static List<String> readIds(RowCursor result, String operation, boolean required) {
        int column;
        try {
            column = result.columnIndex(PUBLISHER_ID);
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            result.metadata().fields().forEach(f -> names.add(f.name()));
            throw new IllegalArgumentException(operation + " needs the column '" + PUBLISHER_ID
                    + "' in the result, which has only " + names, e);
        }
        Set<String> ids = new LinkedHashSet<>();
        while (result.next()) {
            if (!result.isNull(column) && !result.getString(column).isBlank()) {
                ids.add(result.getString(column).trim());
            }
        }
        if (ids.isEmpty() && required) {
            throw new IllegalArgumentException(operation + " needs at least one row with a value in the column '"
                    + PUBLISHER_ID + "', but the result has none");
        }
        return new ArrayList<>(ids);
    }

    private static List<String> checkIds(Collection<String> publisherIds) {
        Objects.requireNonNull(publisherIds, "publisherIds");
        if (publisherIds.isEmpty()) {
            throw new IllegalArgumentException("no publisher DID given");
        }
        List<String> ids = new ArrayList<>(publisherIds.size());
        for (String id : publisherIds) {
            ids.add(Objects.requireNonNull(id, "publisher DID"));
        }
        return ids;
    }

    /**
     * How many DataLink calls and downloads run at once (for the DataLink operations).
     *
     * @return the concurrency, at least 1
     */
    public int concurrency() {
        return concurrency;
    }

    // ---------------------------------------------------------------- credentials

    /**
     * Logs in with a user name and password at the login service ({@code ivo://cadc.nrc.ca/gms},
     * capability {@code ivo://ivoa.net/std/UMS#login-0.1}, or {@link Builder#login(ServiceLocation)}) and uses the
     * session cookie it returns from now on, in place of any credentials held. The password array
     * is wiped before this returns, whatever happens.
     *
     * <pre>{@code
     * char[] password = System.console().readPassword("Password: ");
     * cadc.login("alice", password);
     * }</pre>
     *
     * @param user the user name
     * @param password the password
     * @throws AuthenticationException if the service refuses them, with its message (never the password)
     * @throws ProviderNotFoundException if cadc-auth is not on the path
     * @throws NotFoundException if the login service cannot be found
     */
    public void login(String user, char[] password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        try {
            checkOpen();
            CookieCredentials cookie = wiring.loginPort().login(user, password);
            swap(cookie);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Reads a client certificate and its private key from a PEM file (as {@code cadc-get-cert}
     * writes {@code ~/.ssl/cadcproxy.pem}) and uses it from now on, in place of any credentials held;
     * interfaces secured by certificate are chosen where the service offers them.
     *
     * <pre>{@code
     * cadc.login(Path.of(System.getProperty("user.home"), ".ssl", "cadcproxy.pem"));
     * }</pre>
     *
     * @param certificateFile the PEM file
     * @throws io.cadc4j.core.auth.CredentialException if the file is missing, unreadable, expired or
     *     holds no usable key and certificate (each with its own reason)
     * @throws IllegalStateException if the facade was given a ready transport, which cannot take a
     *     client certificate
     * @throws ProviderNotFoundException if cadc-auth is not on the path
     */
    public void login(Path certificateFile) {
        Objects.requireNonNull(certificateFile, "certificateFile");
        checkOpen();
        CertificateCredentials cert = wiring.authPort().certificate(certificateFile);
        swap(cert);
    }

    /**
     * Uses ready credentials from now on, in place of any held (astroquery's {@code auth_session}):
     * a cookie or token obtained elsewhere, HTTP basic from a netrc file, a certificate, or several
     * in a {@link io.cadc4j.core.auth.CredentialSet}. The facade owns them from now on and destroys
     * them on logout, on the next login and on close.
     *
     * <pre>{@code
     * cadc.useCredentials(NetrcFile.read(netrc).basicFor("ws-cadc.canfar.net", false).orElseThrow());
     * }</pre>
     *
     * @param credentials the credentials
     * @throws IllegalStateException if they were destroyed, or hold a certificate and the facade
     *     was given a ready transport
     */
    public void useCredentials(Credentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        if (credentials.isDestroyed()) {
            throw new IllegalStateException("these credentials have been destroyed");
        }
        checkOpen();
        swap(credentials);
    }

    /**
     * Forgets the credentials held: every secret is wiped (token, password, key material) and later
     * calls are anonymous. No server is called (CADC has no logout). Idempotent.
     *
     * <pre>{@code
     * cadc.logout();
     * }</pre>
     */
    public void logout() {
        if (!closed.get()) {
            swap(Credentials.ANONYMOUS);
        }
    }

    /**
     * Whether calls are made without credentials.
     *
     * <pre>{@code
     * if (cadc.isAnonymous()) { cadc.login(user, password); }
     * }</pre>
     *
     * @return true when no credentials are held
     */
    public boolean isAnonymous() {
        return current().credentials().isAnonymous();
    }

    /**
     * The security methods the credentials held satisfy.
     *
     * <pre>{@code
     * cadc.securityMethods().contains(SecurityMethod.COOKIE)
     * }</pre>
     *
     * @return the methods; {@link SecurityMethod#ANONYMOUS} alone when none are held
     */
    public Set<SecurityMethod> securityMethods() {
        return current().credentials().securityMethods();
    }

    /**
     * How many times this client sent a request again (a retry after a "come back later" answer or
     * a failed connection, or a re-send of an answer that broke before anything was handed on), as
     * its {@link io.cadc4j.core.spi.RetryPolicy} allowed. Each is also logged at INFO.
     *
     * @return the count
     */
    public long retryCount() {
        return wiring.http().retryCount();
    }

    /**
     * Forgets the credentials and closes the transport the facade made (a transport handed to the
     * builder stays open). Idempotent; later calls throw {@link IllegalStateException}.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            session.getAndSet(null).close();
            wiring.close();
        }
    }

    @Override
    public String toString() {
        Session s = session.get();
        ServiceLocation tap = wiring.tap();
        return "Cadc[" + tap.url().map(URI::toString).orElseGet(() -> tap.id().orElseThrow().toString())
                + (s == null ? ", closed" : ", " + s.credentials().securityMethods()) + "]";
    }

    private void swap(Credentials credentials) {
        Session next;
        try {
            next = new Session(wiring, credentials);
        } catch (RuntimeException e) {
            credentials.destroy();
            throw e;
        }
        Session old = session.getAndSet(next);
        if (old == null) {
            // closed meanwhile: forget what was just made
            session.set(null);
            next.close();
            throw new IllegalStateException("this Cadc is closed");
        }
        if (old.credentials() == credentials) {
            old.release();      // the same credentials handed in again stay alive in the new session
        } else {
            old.close();
        }
    }

    private Session current() {
        Session s = session.get();
        if (s == null) {
            throw new IllegalStateException("this Cadc is closed");
        }
        return s;
    }

    private void checkOpen() {
        current();
    }

    private TapPort tap() {
        return current().tap().port();
    }

    private static String qualifiedName(TableDescription t) {
        String name = t.name();
        if (t.schema().isEmpty() || name.contains(".")) {
            return name;
        }
        return t.schema() + "." + name;
    }

    /**
     * Configures a {@link Cadc}. Single-threaded.
     *
     * <p>The setters stand for a few concepts:
     * <ul>
     *   <li><b>Where the services are</b>: {@link #registry(URI)}, the registry file services are
     *       looked up in, and a {@link ServiceLocation} for each service, {@link #tap},
     *       {@link #dataLink} and {@link #login}: a registry id (CADC's by default) or a URL used
     *       with no registry.</li>
     *   <li><b>Which implementations</b>: a {@link ProviderChoice} for the transport
     *       ({@link #transport}) and for each port ({@link #tapPort}, {@link #dataLinkPort},
     *       {@link #authPort}): an instance, a provider by name, or the discovered provider of
     *       highest priority (the default); {@link #classLoader} says where discovery looks. None
     *       found fails with {@link ProviderNotFoundException} naming the module to add. The
     *       transport and the TAP provider are chosen by {@link #build()}; DataLink and auth are
     *       optional until a call needs them, unless one is asked for by name.</li>
     *   <li><b>How requests go</b>: {@link #transportSettings} or its shortcuts (timeouts,
     *       {@link #retryPolicy}); the caches ({@link #cacheTtl}, {@link #diskCache(Path)}); and
     *       {@link #concurrency}.</li>
     *   <li><b>Who asks</b>: {@link #credentials} and {@link #authSettings}; how target names are
     *       resolved ({@link #nameResolution}, {@link #nameResolver}); the {@link #jobJournal}.</li>
     * </ul>
     *
     * <p>The registry, each service's location, each implementation and the class loader are
     * choices made once: giving one again with a different value (a TAP URL after a TAP registry
     * id, say) throws {@link IllegalStateException} naming both, so that two sources of
     * configuration never silently override each other. The other settings keep the last value
     * given. Choices that contradict each other across setters are refused by {@link #build()}.
     */
    public static final class Builder {
        private URI registry;
        private ServiceLocation tap;
        private ServiceLocation dataLink;
        private ServiceLocation login;
        private ProviderChoice<HttpTransport> transport;
        private ProviderChoice<TapPort> tapPort;
        private ProviderChoice<DataLinkPort> dataLinkPort;
        private ProviderChoice<AuthPort> authPort;
        private ClassLoader classLoader;
        private TapPortProvider tapPortProvider;
        private DataLinkPortProvider dataLinkPortProvider;
        private AuthPortProvider authPortProvider;
        private TransportSettings.Builder settings = TransportSettings.builder();
        private AuthSettings authSettings;
        private Credentials credentials = Credentials.ANONYMOUS;
        private NameResolver nameResolver;
        private NameResolution nameResolution = NameResolution.defaults();
        private Duration cacheTtl = ServiceResolver.DEFAULT_TTL;
        private Path diskCache;
        private int concurrency = 4;
        private JobJournal journal;

        static {
            // Provider instances (stand-in adapters) come through the toolkit, which only cadc4j's
            // own modules can read: the provider types are not API.
            PortOverrides.register(Builder.class, new PortOverrides.Slots<Builder>() {
                @Override
                public void tap(Builder builder, TapPortProvider provider) {
                    builder.tapPortProvider = provider;
                }

                @Override
                public void dataLink(Builder builder, DataLinkPortProvider provider) {
                    builder.dataLinkPortProvider = provider;
                }

                @Override
                public void auth(Builder builder, AuthPortProvider provider) {
                    builder.authPortProvider = provider;
                }
            });
        }

        private Builder() {
        }

        /**
         * Records every asynchronous job this facade creates in a {@link JobJournal} in a
         * directory, so it can be found and resumed after this process ends (off by default).
         *
         * @param directory the journal's directory, for example
         *     {@link JobJournal#defaultDirectory(java.util.Map, Path)}
         * @return this builder
         */
        public Builder jobJournal(Path directory) {
            this.journal = JobJournal.at(directory);
            return this;
        }

        /**
         * Sets the registry file services given by id are looked up in (default CADC's,
         * {@code https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/reg/resource-caps}); for example a
         * DaCHS server's {@code http://127.0.0.1:8089/static/reg/resource-caps}. A choice made once.
         *
         * @param registry the registry file's URL
         * @return this builder
         * @throws IllegalStateException if another registry was given
         */
        public Builder registry(URI registry) {
            this.registry = once(this.registry, registry, "the registry");
            return this;
        }

        /**
         * Sets where the TAP service is (default {@link ServiceId#CADC_TAP} in the registry). At a
         * URL, as astroquery's {@code Cadc(url=...)}, it is a TAP base URL: its capabilities are read
         * from {@code {url}/capabilities} when it has them, and the conventional layout under the
         * URL is assumed when it has not. A choice made once.
         *
         * @param location the registry id or the TAP base URL, e.g.
         *     {@code ServiceLocation.at(URI.create("http://127.0.0.1:8089/tap"))}
         * @return this builder
         * @throws IllegalStateException if the TAP service was given another location
         */
        public Builder tap(ServiceLocation location) {
            this.tap = once(this.tap, location, "the TAP service");
            return this;
        }

        /**
         * Sets where the DataLink service is (default {@link ServiceId#CADC_DATALINK} in the
         * registry); at a URL, it is the DataLink {@code links} endpoint. A choice made once.
         *
         * @param location the registry id or the links URL
         * @return this builder
         * @throws IllegalStateException if the DataLink service was given another location
         */
        public Builder dataLink(ServiceLocation location) {
            this.dataLink = once(this.dataLink, location, "the DataLink service");
            return this;
        }

        /**
         * Sets where the login service is (default {@link ServiceId#CADC_LOGIN} in the registry);
         * at a URL, it is the endpoint user and password are posted to. A choice made once.
         *
         * @param location the registry id or the login URL
         * @return this builder
         * @throws IllegalStateException if the login service was given another location
         */
        public Builder login(ServiceLocation location) {
            this.login = once(this.login, location, "the login service");
            return this;
        }

        /**
         * Chooses the HTTP transport (default: discovered, {@code cadc-http-jdk}'s unless another
         * outranks it). A transport given as an instance stays the caller's to close; a facade
         * with one cannot log in with a certificate, which needs a transport made with its TLS
         * context. A choice made once.
         *
         * @param choice an instance, a provider name such as {@code jdk}, or discovered
         * @return this builder
         * @throws IllegalStateException if another transport was chosen
         */
        public Builder transport(ProviderChoice<HttpTransport> choice) {
            this.transport = once(this.transport, choice, "the transport");
            return this;
        }

        /**
         * Chooses the TAP port (default: discovered, {@code cadc-tap}'s). A port given as an
         * instance is used as it is by every session: it sees neither the facade's transport nor
         * its credentials, nor the endpoints it resolves. A choice made once.
         *
         * @param choice an instance, a provider name such as {@code http}, or discovered
         * @return this builder
         * @throws IllegalStateException if another TAP port was chosen
         */
        public Builder tapPort(ProviderChoice<TapPort> choice) {
            this.tapPort = once(this.tapPort, choice, "the TAP port");
            return this;
        }

        /**
         * Chooses the DataLink port (default: discovered, {@code cadc-datalink}'s, if present). An
         * instance is used as it is by every session, as for {@link #tapPort}. A choice made once.
         *
         * @param choice an instance, a provider name such as {@code http}, or discovered
         * @return this builder
         * @throws IllegalStateException if another DataLink port was chosen
         */
        public Builder dataLinkPort(ProviderChoice<DataLinkPort> choice) {
            this.dataLinkPort = once(this.dataLinkPort, choice, "the DataLink port");
            return this;
        }

        /**
         * Chooses the auth port (default: discovered, {@code cadc-auth}'s, if present). An instance
         * is used by every session (with {@link #authSettings} applied). A choice made once.
         *
         * @param choice an instance, a provider name such as {@code cadc}, or discovered
         * @return this builder
         * @throws IllegalStateException if another auth port was chosen
         */
        public Builder authPort(ProviderChoice<AuthPort> choice) {
            this.authPort = once(this.authPort, choice, "the auth port");
            return this;
        }

        /**
         * Discovers providers (transport, ports, name resolvers) with this class loader instead of
         * the SPI's own, as a plugin host such as Spark needs. A choice made once.
         *
         * @param loader the class loader
         * @return this builder
         * @throws IllegalStateException if another class loader was given
         */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = once(this.classLoader, loader, "the class loader");
            return this;
        }

        private static <V> V once(V current, V given, String what) {
            Objects.requireNonNull(given, what);
            if (current != null && !current.equals(given)) {
                throw new IllegalStateException(what + " is given twice, as " + current + " and as " + given
                        + "; give it once");
            }
            return given;
        }

        /**
         * Sets the transport settings (timeouts, redirects, user agent, proxy) in one go.
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder transportSettings(TransportSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings").toBuilder();
            return this;
        }

        /**
         * Sets the connect timeout (default 30 s).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            settings.connectTimeout(timeout);
            return this;
        }

        /**
         * Sets the request timeout (default 120 s): the longest wait for an answer to start, and for
         * each further piece of it.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            settings.requestTimeout(timeout);
            return this;
        }

        /**
         * Sets the overall timeout: everything the client does, every request with its retries,
         * waits and the reading of its answer, ends within this time of {@link #build()}, else fails
         * with {@link CadcTimeoutException}. For clients that do one thing and end, such as a
         * command; a long-lived client leaves it unset (the default).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder overallTimeout(Duration timeout) {
            settings.overallTimeout(timeout);
            return this;
        }

        /**
         * Sets when requests that are safe to repeat are sent again (default
         * {@link io.cadc4j.core.spi.RetryPolicy#defaults()}; {@link io.cadc4j.core.spi.RetryPolicy#none()}
         * turns retries off).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder retryPolicy(io.cadc4j.core.spi.RetryPolicy policy) {
            settings.retryPolicy(policy);
            return this;
        }

        /**
         * Sets the auth settings (the realm login cookies go to, certificate expiry warning, the
         * security method preference).
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder authSettings(AuthSettings settings) {
            this.authSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Starts with these credentials (the facade owns them from now on; see
         * {@link Cadc#useCredentials(Credentials)}).
         *
         * @param credentials the credentials
         * @return this builder
         */
        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * Uses this resolver for target names (text given as a position that is not a coordinate),
         * instead of a discovered one; its answers are cached as {@link #nameResolution} says.
         *
         * @param resolver the resolver
         * @return this builder
         */
        public Builder nameResolver(NameResolver resolver) {
            this.nameResolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * Sets how target names are resolved (default {@link NameResolution#defaults()}: the
         * discovered resolver of highest priority, CDS Sesame when {@code cadc-names} is present,
         * with its mirrors; answers cached per facade). {@link NameResolution#off()} makes a name an
         * error. The resolver is chosen in the usual order: an instance given to
         * {@link #nameResolver(NameResolver)}; else the provider named by
         * {@link NameResolution#resolver()}; else the discovered one of highest priority; none found
         * leaves names unresolvable (an error naming {@code cadc-names} when one is given), unless
         * one was named, which fails the build.
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder nameResolution(NameResolution settings) {
            this.nameResolution = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Sets how long registry and capabilities documents are kept (default 10 minutes).
         *
         * @param ttl the time to live, zero or positive
         * @return this builder
         */
        public Builder cacheTtl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative()) {
                throw new IllegalArgumentException("the cache time to live is negative: " + ttl);
            }
            this.cacheTtl = ttl;
            return this;
        }

        /**
         * Keeps the registry file and capabilities on disk too, in a directory (one file per URL,
         * written atomically), so that the next process skips fetching them while they are fresh
         * (same time to live and stale-if-error as in memory). A directory that cannot be written
         * (a read-only home) is no error. Off by default.
         *
         * @param directory the directory, made on first write
         * @return this builder
         * @see #diskCache()
         */
        public Builder diskCache(Path directory) {
            this.diskCache = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Keeps the registry file and capabilities on disk in the user's cache directory:
         * {@code $XDG_CACHE_HOME/cadc4j}, else {@code ~/.cache/cadc4j} (nothing when neither is
         * known). See {@link #diskCache(Path)}.
         *
         * @return this builder
         */
        public Builder diskCache() {
            io.cadc4j.core.internal.cache.DiskCache.defaultDirectory(System.getenv(), System.getProperty("user.home"))
                    .ifPresent(this::diskCache);
            return this;
        }

        /**
         * Sets how many DataLink calls and downloads run at once (default 4).
         *
         * @param parallel 1 to 64
         * @return this builder
         */
        public Builder concurrency(int parallel) {
            if (parallel < 1 || parallel > 64) {
                throw new IllegalArgumentException("concurrency must be 1 to 64: " + parallel);
            }
            this.concurrency = parallel;
            return this;
        }

        /**
         * Makes the facade: chooses the transport and the TAP provider now; resolves no endpoint
         * (that happens on first use).
         *
         * @return the facade
         * @throws ProviderNotFoundException if no transport or TAP provider can be found, naming the
         *     module to add
         * @throws IllegalStateException if the credentials were destroyed
         */
        public Cadc build() {
            if (credentials.isDestroyed()) {
                throw new IllegalStateException("the credentials given have been destroyed");
            }
            if (nameResolver != null && !nameResolution.enabled()) {
                throw new IllegalStateException("a name resolver is given, but the name resolution given is off; "
                        + "give one of them");
            }
            if (nameResolver != null && nameResolution.resolver().isPresent()) {
                throw new IllegalStateException("a name resolver is given, and the name resolution given names "
                        + "the resolver '" + nameResolution.resolver().get() + "'; give one of them");
            }
            PortProviders ports = PortProviders.choose(orDiscovered(tapPort), tapPortProvider,
                    orDiscovered(dataLinkPort), dataLinkPortProvider, orDiscovered(authPort), authPortProvider,
                    authSettings, classLoader);
            TransportSource transports = new TransportSource(settings.build(), orDiscovered(transport), classLoader);
            HttpPipeline http = transports.pipeline(transports.settings());
            ServiceResolver.Builder rb = ServiceResolver.builder(http)
                    .registry(registry != null ? registry : ServiceResolver.DEFAULT_REGISTRY).cacheTtl(cacheTtl);
            if (diskCache != null) {
                rb.diskCache(diskCache);
            }
            ServiceResolver resolver = rb.build();
            Services services = new Services(orDefault(tap, ServiceId.CADC_TAP),
                    orDefault(dataLink, ServiceId.CADC_DATALINK), orDefault(login, ServiceId.CADC_LOGIN));
            Wiring wiring = new Wiring(transports, http, resolver, services, ports);
            try {
                NameResolver names = nameResolver;
                String noNames = null;
                if (names == null && !nameResolution.enabled()) {
                    noNames = "name resolution is off, so a target name cannot be used as a position";
                } else if (names == null) {
                    List<NameResolverProvider> found = classLoader == null ? Providers.discover(NameResolverProvider.class)
                            : Providers.discover(NameResolverProvider.class, classLoader);
                    if (nameResolution.resolver().isPresent() || !found.isEmpty()) {
                        NameResolverProvider p = Providers.choose(NameResolverProvider.class, found,
                                nameResolution.resolver().orElse(null));
                        names = Objects.requireNonNull(p.create(NameResolverContext.builder(http)
                                .endpoints(nameResolution.endpoints()).timeout(nameResolution.timeout())
                                .detailed(nameResolution.detailed())
                                .registry((id, standard) -> resolver.resolve(id, Set.of(SecurityMethod.ANONYMOUS),
                                        standard).accessUrl())
                                .build()), () -> "NameResolverProvider '" + p.name() + "' returned no resolver");
                    } else {
                        noNames = "a target name needs a name resolver: add cadc-names to the class path or module path";
                    }
                }
                NameResolver cached = names == null ? null : new NameCache(names, nameResolution.cacheSize(),
                        nameResolution.ttl(), nameResolution.negativeTtl());
                return new Cadc(wiring, cached, noNames, concurrency, credentials, journal);
            } catch (RuntimeException e) {
                wiring.close();
                throw e;
            }
        }

        private static <T> ProviderChoice<T> orDiscovered(ProviderChoice<T> choice) {
            return choice != null ? choice : ProviderChoice.discovered();
        }

        private static ServiceLocation orDefault(ServiceLocation location, ServiceId id) {
            return location != null ? location : ServiceLocation.byId(id);
        }
    }
}
