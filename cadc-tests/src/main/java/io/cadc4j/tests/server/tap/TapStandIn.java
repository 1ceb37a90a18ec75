// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.server.tap;

import io.cadc4j.tests.server.Exchange;
import io.cadc4j.tests.server.RecordedRequest;
import io.cadc4j.tests.server.StandInServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in TAP 1.1 / UWS 1.1 / VOSI service on the loopback {@link StandInServer}, over a small
 * CAOM2-shaped data set, with the faults real services show. It does not parse ADQL: it answers
 * by what the query names.
 *
 * <ul>
 *   <li>{@code caom2.Plane} (any other table name too): the {@link #PLANES} rows, cut by
 *       {@code TOP n} and by {@code MAXREC} (then {@code QUERY_STATUS=OVERFLOW}).</li>
 *   <li>{@code stand_in.generated} with {@code TOP n}: n computed rows (id, ra, dec, name),
 *       streamed chunked, for large results.</li>
 *   <li>{@code TAP_UPLOAD.x}: one row per table in {@code UPLOAD}: its name, where it came from
 *       ({@code param:x} or the URL), the bytes received, whether they start like a VOTable and
 *       how many {@code <TR>} they hold.</li>
 *   <li>a table given to {@link #serve(ServedTable)}: really queried, in the ADQL subset
 *       {@link AdqlSubset} knows ({@code SELECT [TOP n] columns FROM t [WHERE ...]}, also over a
 *       subquery), cut at {@code MAXREC}; in BINARY2 when {@code RESPONSEFORMAT} names it, else
 *       TABLEDATA.</li>
 *   <li>{@code fault.<name>}: the fault {@link Fault#token()} names, answered the faulty way; in
 *       an async job {@code fault.error} ends the job in ERROR and {@code fault.hang} never ends.</li>
 * </ul>
 *
 * <p>Sync: {@code POST /tap/sync} answers 303 to {@code /tap/sync/<n>/results/result}, which runs
 * the query (so a client that posts twice runs it twice: {@link #executions()}). Async:
 * {@code /tap/async} with jobs below it, phases PENDING, QUEUED, EXECUTING, COMPLETED, ERROR,
 * ABORTED; {@code PHASE=RUN} at creation is ignored (as DaCHS does); {@code WAIT} blocks unless
 * {@link #blockingWait(boolean)} turned it off. VOSI: {@code /tap/tables} (with
 * {@code detail=min}), {@code /tap/tables/<name>} (any case), {@code /tap/capabilities} with an
 * upload limit, {@code /tap/availability}.
 *
 * <p>Thread-safe.
 */
public final class TapStandIn implements AutoCloseable {
    /** The column names of {@code caom2.Plane}. */
    public static final List<String> PLANE_COLUMNS = List.of("publisherID", "obsID", "collection", "ra", "dec",
            "dataRelease", "position_bounds", "energy_bounds_lower", "calibrationLevel");

    /**
     * The {@code caom2.Plane} rows, as their TABLEDATA text (null for an empty cell): publisher id,
     * obs id, collection, ra, dec, data release, polygon, energy lower bound, calibration level.
     */
    public static final List<List<String>> PLANES = List.of(
            row("ivo://cadc.nrc.ca/CFHT?2460001/2460001p", "2460001", "CFHT", "131.28", "54.3",
                    "2020-01-01T00:00:00.000", "131.1 54.2 131.4 54.2 131.4 54.4 131.1 54.4", "3.6E-7", "2"),
            row("ivo://cadc.nrc.ca/CFHT?2460002/2460002o", "2460002", "CFHT", "131.31", "54.28",
                    "2021-06-15T12:30:00.000", "131.2 54.2 131.5 54.2 131.5 54.4 131.2 54.4", null, "1"),
            row("ivo://cadc.nrc.ca/JCMT?scuba2_00042/raw-850um", "scuba2_00042", "JCMT", "26.28", "23.3",
                    "2019-03-02T08:00:00.000", "26.2 23.2 26.4 23.2 26.4 23.4 26.2 23.4", "1.1E-3", "0"),
            row("ivo://cadc.nrc.ca/DAO?dao_c122_2016_012345/dao_c122_2016_012345", "dao_c122_2016_012345", "DAO",
                    "26.3", "23.31", "2016-11-20T00:00:00.000", "26.25 23.25 26.35 23.25 26.35 23.35", "4.0E-7",
                    "1"),
            row("ivo://cadc.nrc.ca/GEMINI?GN-2018B-Q-1-1/GN-2018B-Q-1-1", "GN-2018B-Q-1-1", "GEMINI", "131.25",
                    "54.31", null, null, "2.2E-6", "1"),
            row("ivo://cadc.nrc.ca/VLASS?VLASS1.1.ql.T10t12/VLASS1.1.ql.T10t12.J083000+543000", "VLASS1.1.T10t12",
                    "VLASS", "127.5", "54.5", "2018-02-01T00:00:00.000", "127.0 54.0 128.0 54.0 128.0 55.0 127.0 55.0",
                    "0.1", "2"));

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");
    private static final Pattern TOP = Pattern.compile("(?i)\\btop\\s+(\\d+)");
    private static final Pattern FAULT = Pattern.compile("(?i)\\bfault\\.([a-z0-9_]+)");
    private static final String UWS_NS = "http://www.ivoa.net/xml/UWS/v1.0";

    /** The faults a query names with {@code fault.<token>}. */
    public enum Fault {
        /** A VOTable with {@code QUERY_STATUS=ERROR} under HTTP 200 (as DaCHS answers). */
        ERROR_200("error_200"),
        /** A VOTable with {@code QUERY_STATUS=ERROR} under HTTP 400 (as CADC answers). */
        ERROR_400("error_400"),
        /** A plain-text body under HTTP 400. */
        TEXT_400("text_400"),
        /** A plain-text body under HTTP 200. */
        TEXT_200("text_200"),
        /** An HTML page under HTTP 500. */
        HTML_500("html_500"),
        /** An HTML page (a login page, say) under HTTP 200. */
        HTML_200("html_200"),
        /** HTTP 503 with {@code Retry-After: 3}. */
        UNAVAILABLE("unavailable"),
        /** HTTP 403. */
        FORBIDDEN("forbidden"),
        /** HTTP 401. */
        UNAUTHORIZED("unauthorized"),
        /** A VOTable cut off in the middle of its rows. */
        TRUNCATED("truncated"),
        /** Rows, then {@code QUERY_STATUS=ERROR} after the table. */
        ERROR_AFTER_ROWS("error_after_rows"),
        /** Async: the job ends in ERROR with a summary and an {@code /error} document. */
        ERROR("error"),
        /** Async: the job stays EXECUTING until aborted. */
        HANG("hang");

        private final String token;

        Fault(String token) {
            this.token = token;
        }

        /** @return the name a query uses, after {@code fault.} */
        public String token() {
            return token;
        }

        static Optional<Fault> in(String query) {
            Matcher m = FAULT.matcher(query);
            if (!m.find()) {
                return Optional.empty();
            }
            for (Fault f : values()) {
                if (f.token.equalsIgnoreCase(m.group(1))) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    private final StandInServer server;
    private final ScheduledExecutorService runner;
    private final Map<String, TapRequestParams> syncRequests = new LinkedHashMap<>();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Map<String, ServedTable> served = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger executions = new AtomicInteger();
    private final Instant upSince = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private volatile boolean blockingWait = true;
    private volatile boolean perTableDocuments = true;
    private volatile boolean detailMin = true;
    private volatile long uploadLimitBytes = 100_000;
    private volatile Duration jobDuration = Duration.ofMillis(150);
    private volatile boolean resultRanges;
    private volatile long syncLimit = Long.MAX_VALUE;
    private volatile Duration syncDelay = Duration.ZERO;
    private final AtomicInteger cuts = new AtomicInteger();

    private TapStandIn(StandInServer server) {
        this.server = server;
        this.runner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tap-stand-in-runner");
            t.setDaemon(true);
            return t;
        });
        server.routeUnder("*", "/tap", this::dispatch);
    }

    /**
     * Starts a stand-in TAP service on a new loopback server.
     *
     * @return the service
     */
    public static TapStandIn start() {
        return new TapStandIn(StandInServer.start());
    }

    /**
     * Installs a stand-in TAP service under {@code /tap} of a running server, e.g. an HTTPS one
     * from {@link StandInServer#startHttps}. Closing the service closes the server.
     *
     * @param server the server
     * @return the service
     */
    public static TapStandIn on(StandInServer server) {
        return new TapStandIn(Objects.requireNonNull(server, "server"));
    }

    /** @return the TAP base URL, {@code http://127.0.0.1:<port>/tap} (https on an HTTPS server) */
    public URI base() {
        return server.uri("/tap");
    }

    /** @return the underlying server, with its recorded requests */
    public StandInServer server() {
        return server;
    }

    /** @return how many times a query was run (sync results served, async jobs run) */
    public int executions() {
        return executions.get();
    }

    /**
     * Whether {@code WAIT} blocks (UWS 1.1) or is ignored (UWS 1.0 services answer at once).
     *
     * @param blocking true to block
     * @return this
     */
    public TapStandIn blockingWait(boolean blocking) {
        this.blockingWait = blocking;
        return this;
    }

    /**
     * Whether {@code /tables/<name>} answers; off, it is 404 and clients must read the table set.
     *
     * @param offered true to answer
     * @return this
     */
    public TapStandIn perTableDocuments(boolean offered) {
        this.perTableDocuments = offered;
        return this;
    }

    /**
     * Whether {@code detail=min} is honoured; off, it is refused with 400.
     *
     * @param offered true to honour it
     * @return this
     */
    public TapStandIn detailMin(boolean offered) {
        this.detailMin = offered;
        return this;
    }

    /**
     * The upload limit the capabilities advertise, in bytes.
     *
     * @param bytes the limit
     * @return this
     */
    public TapStandIn uploadLimitBytes(long bytes) {
        this.uploadLimitBytes = bytes;
        return this;
    }

    /**
     * How long a running job takes before it completes.
     *
     * @param duration the time
     * @return this
     */
    public TapStandIn jobDuration(Duration duration) {
        this.jobDuration = duration;
        return this;
    }

    /**
     * The row limit of sync queries that send no {@code MAXREC} (the TAPRegExt default output
     * limit; a result cut at it says {@code OVERFLOW}); async jobs are not limited. None by default.
     *
     * @param rows the limit
     * @return this
     */
    public TapStandIn syncLimit(long rows) {
        this.syncLimit = rows;
        return this;
    }

    /**
     * Holds every sync request this long before answering anything (its headers included), as a
     * service busy planning a heavy query does; async jobs are not held. None by default.
     *
     * @param delay the time
     * @return this
     */
    public TapStandIn syncDelay(Duration delay) {
        this.syncDelay = Objects.requireNonNull(delay, "delay");
        return this;
    }

    /**
     * Whether results (sync and async) are served as files are: with their length, an
     * {@code ETag}, {@code Last-Modified} and {@code Accept-Ranges: bytes}, honouring {@code Range}
     * (off by default: results are streamed with neither).
     *
     * @param offered whether ranges are offered
     * @return this
     */
    public TapStandIn resultRanges(boolean offered) {
        this.resultRanges = offered;
        return this;
    }

    /**
     * Cuts the next results served (sync or async, whole or a range) at half their bytes and drops
     * the connection, as a broken network does. Applies to results of plain rows.
     *
     * @param responses how many responses to cut
     * @return this
     */
    public TapStandIn cutResults(int responses) {
        this.cuts.set(responses);
        return this;
    }

    /**
     * Serves a table that queries naming it really read (see {@link ServedTable}).
     *
     * @param table the table
     * @return this
     */
    public TapStandIn serve(ServedTable table) {
        served.put(table.name().toLowerCase(Locale.ROOT), Objects.requireNonNull(table, "table"));
        return this;
    }

    /**
     * The phase of a job on the server, or empty once deleted.
     *
     * @param id the job id
     * @return the phase name
     */
    public Optional<String> jobPhase(String id) {
        synchronized (jobs) {
            Job j = jobs.get(id);
            if (j == null) {
                return Optional.empty();
            }
            synchronized (j) {
                return Optional.of(j.phase);
            }
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
        server.close();
    }

    @Override
    public String toString() {
        return "TapStandIn[" + base() + "]";
    }

    // ------------------------------------------------------------------ dispatch

    private void dispatch(Exchange ex) throws IOException {
        RecordedRequest req = ex.request();
        String path = req.path();
        String rest = path.substring("/tap".length());
        String method = req.method();
        if (rest.equals("/sync")) {
            TapRequestParams p = TapRequestParams.of(req);
            holdSync();
            if ("GET".equals(method)) {
                runQuery(ex, p, null);
                return;
            }
            String id = "s" + ids.incrementAndGet();
            synchronized (syncRequests) {
                syncRequests.put(id, p);
            }
            redirect(ex, "/tap/sync/" + id + "/results/result");
        } else if (rest.startsWith("/sync/") && rest.endsWith("/results/result")) {
            String id = rest.substring("/sync/".length(), rest.length() - "/results/result".length());
            TapRequestParams p;
            synchronized (syncRequests) {
                p = syncRequests.get(id);
            }
            if (p == null) {
                text(ex, 404, "no sync request " + id);
            } else if (!((resultRanges || cuts.get() > 0) && serveResultFile(ex, p, "s" + id))) {
                runQuery(ex, p, null);
            }
        } else if (rest.equals("/async") || rest.equals("/async/")) {
            if ("POST".equals(method)) {
                createJob(ex);
            } else {
                listJobs(ex);
            }
        } else if (rest.startsWith("/async/")) {
            job(ex, rest.substring("/async/".length()));
        } else if (rest.equals("/tables")) {
            tables(ex);
        } else if (rest.startsWith("/tables/")) {
            table(ex, URLDecoder.decode(rest.substring("/tables/".length()), StandardCharsets.UTF_8));
        } else if (rest.equals("/capabilities")) {
            xml(ex, 200, capabilities());
        } else if (rest.equals("/availability")) {
            xml(ex, 200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><avl:availability "
                    + "xmlns:avl=\"http://www.ivoa.net/xml/VOSIAvailability/v1.0\"><avl:available>true</avl:available>"
                    + "<avl:upSince>" + upSince + "</avl:upSince><avl:note>stand-in</avl:note></avl:availability>");
        } else {
            text(ex, 404, "no such resource " + path);
        }
    }

    private void holdSync() {
        Duration d = syncDelay;
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ------------------------------------------------------------------ queries

    /** Answers a query (sync, or an async job's result). */
    private void runQuery(Exchange ex, TapRequestParams p, Job job) throws IOException {
        executions.incrementAndGet();
        String query = p.get("QUERY").orElse("");
        String lang = p.get("LANG").orElse("");
        if (!"doQuery".equalsIgnoreCase(p.get("REQUEST").orElse("doQuery")) || !"ADQL".equalsIgnoreCase(lang)
                || query.isBlank()) {
            errorVotable(ex, 400, "REQUEST=doQuery, LANG=ADQL and a QUERY are required, got " + p.all().keySet());
            return;
        }
        Optional<Fault> fault = Fault.in(query);
        if (fault.isPresent() && answerFault(ex, fault.get())) {
            return;
        }
        long maxrec = p.get("MAXREC").map(Long::parseLong).orElse(job == null ? syncLimit : Long.MAX_VALUE);
        if (!served.isEmpty()) {
            AdqlSubset.Select select;
            try {
                select = AdqlSubset.parse(query, served);
            } catch (RuntimeException e) {
                errorVotable(ex, 400, "Could not parse your query: " + e.getMessage());
                return;
            }
            if (select != null) {
                served(ex, select, maxrec, p.get("RESPONSEFORMAT").orElse(""));
                return;
            }
        }
        Matcher top = TOP.matcher(query);
        long limit = top.find() ? Long.parseLong(top.group(1)) : Long.MAX_VALUE;
        String lower = query.toLowerCase(Locale.ROOT);
        if (lower.contains("stand_in.generated")) {
            generated(ex, Math.min(limit, maxrec), limit > maxrec);
        } else if (lower.contains("tap_upload.")) {
            uploads(ex, p);
        } else {
            planes(ex, limit, maxrec, fault.orElse(null));
        }
    }

    private boolean answerFault(Exchange ex, Fault fault) throws IOException {
        switch (fault) {
            case ERROR_200:
                errorVotable(ex, 200, "Could not parse your query: Expected \"SELECT\" (stand-in fault)");
                return true;
            case ERROR_400:
                errorVotable(ex, 400, "IllegalArgumentException: column not found: nosuchcol (stand-in fault)");
                return true;
            case TEXT_400:
                text(ex, 400, "IllegalArgumentException: bad MAXREC value (stand-in fault)");
                return true;
            case TEXT_200:
                text(ex, 200, "query failed: table not found (stand-in fault)");
                return true;
            case HTML_500:
                ex.header("Content-Type", "text/html");
                ex.send(500, ("<html><head><title>Internal Error</title><style>p{}</style></head><body><h1>Internal "
                        + "Error</h1><p>the database went away (stand-in fault)</p></body></html>")
                        .getBytes(StandardCharsets.UTF_8));
                return true;
            case HTML_200:
                ex.header("Content-Type", "text/html");
                ex.send(200, "<!DOCTYPE html><html><body><h1>Please log in</h1></body></html>"
                        .getBytes(StandardCharsets.UTF_8));
                return true;
            case UNAVAILABLE:
                ex.header("Retry-After", "3");
                text(ex, 503, "service is down for maintenance (stand-in fault)");
                return true;
            case FORBIDDEN:
                text(ex, 403, "permission denied (stand-in fault)");
                return true;
            case UNAUTHORIZED:
                ex.header("WWW-Authenticate", "Basic realm=\"stand-in\"");
                text(ex, 401, "authentication required (stand-in fault)");
                return true;
            case TRUNCATED:
                ex.header("Content-Type", "application/x-votable+xml");
                OutputStream out = ex.sendHeaders(200, -1);
                out.write((votableHead(planeFields()) + tr(PLANES.get(0)) + tr(PLANES.get(1)) + "<TR><TD>ivo://cut")
                        .getBytes(StandardCharsets.UTF_8));
                ex.abortConnection();
                return true;
            default:
                return false;
        }
    }

    private void planes(Exchange ex, long limit, long maxrec, Fault fault) throws IOException {
        xml(ex, 200, planesDocument(limit, maxrec, fault), "application/x-votable+xml");
    }

    private static String planesDocument(long limit, long maxrec, Fault fault) {
        long n = Math.min(Math.min(limit, maxrec), PLANES.size());
        boolean overflow = Math.min(limit, PLANES.size()) > maxrec;
        StringBuilder b = new StringBuilder(votableHead(planeFields()));
        for (int i = 0; i < n; i++) {
            b.append(tr(PLANES.get(i)));
        }
        b.append("</TABLEDATA></DATA></TABLE>");
        if (fault == Fault.ERROR_AFTER_ROWS) {
            b.append("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">query timed out after the rows (stand-in fault)</INFO>");
        } else if (overflow) {
            b.append("<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>");
        }
        b.append("</RESOURCE></VOTABLE>");
        return b.toString();
    }

    private static void served(Exchange ex, AdqlSubset.Select select, long maxrec, String format) throws IOException {
        io.cadc4j.votable.Serialization ser = format.toLowerCase(Locale.ROOT).contains("binary2")
                ? io.cadc4j.votable.Serialization.BINARY2 : io.cadc4j.votable.Serialization.TABLEDATA;
        ex.header("Content-Type", "application/x-votable+xml");
        try (OutputStream out = ex.sendHeaders(200, -1)) {
            OutputStream buffered = new java.io.BufferedOutputStream(out, 64 * 1024);
            io.cadc4j.votable.VOTableWriter.of(ser).write(new ServedResult(select, maxrec), buffered);
            buffered.flush();
        }
    }

    private static String planeFields() {
        return "<FIELD name=\"publisherID\" datatype=\"char\" arraysize=\"*\" ucd=\"meta.ref.ivoid\"/>"
                + "<FIELD name=\"obsID\" datatype=\"char\" arraysize=\"*\" ucd=\"meta.id\"/>"
                + "<FIELD name=\"collection\" datatype=\"char\" arraysize=\"*\"/>"
                + "<FIELD name=\"ra\" datatype=\"double\" unit=\"deg\" ucd=\"pos.eq.ra\"/>"
                + "<FIELD name=\"dec\" datatype=\"double\" unit=\"deg\" ucd=\"pos.eq.dec\"/>"
                + "<FIELD name=\"dataRelease\" datatype=\"char\" arraysize=\"*\" xtype=\"timestamp\"/>"
                + "<FIELD name=\"position_bounds\" datatype=\"double\" arraysize=\"*\" xtype=\"polygon\" unit=\"deg\"/>"
                + "<FIELD name=\"energy_bounds_lower\" datatype=\"double\" unit=\"m\"/>"
                + "<FIELD name=\"calibrationLevel\" datatype=\"int\"><VALUES null=\"-1\"/></FIELD>";
    }

    private void generated(Exchange ex, long n, boolean overflow) throws IOException {
        ex.header("Content-Type", "application/x-votable+xml");
        try (OutputStream out = ex.sendHeaders(200, -1);
                Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024)) {
            writeGenerated(w, n, overflow);
        }
    }

    private static void writeGenerated(Writer w, long n, boolean overflow) throws IOException {
        w.write(votableHead("<FIELD name=\"id\" datatype=\"long\"/><FIELD name=\"ra\" datatype=\"double\"/>"
                + "<FIELD name=\"dec\" datatype=\"double\"/><FIELD name=\"name\" datatype=\"char\" arraysize=\"*\"/>"));
        for (long i = 0; i < n; i++) {
            w.write("<TR><TD>");
            w.write(Long.toString(i));
            w.write("</TD><TD>");
            w.write(Double.toString(generatedRa(i)));
            w.write("</TD><TD>");
            w.write(Double.toString(generatedDec(i)));
            w.write("</TD><TD>row-");
            w.write(Long.toString(i));
            w.write("</TD></TR>\n");
        }
        w.write("</TABLEDATA></DATA></TABLE>");
        if (overflow) {
            w.write("<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>");
        }
        w.write("</RESOURCE></VOTABLE>");
    }

    // ------------------------------------------------------------------ results served as files

    /**
     * The whole result of a query as bytes, for results served as a file would be (a length,
     * validators, ranges), or null for answers that are not plain rows (faults, uploads).
     */
    private static byte[] resultBytes(TapRequestParams p) throws IOException {
        String query = p.get("QUERY").orElse("");
        if (Fault.in(query).isPresent() || query.toLowerCase(Locale.ROOT).contains("tap_upload.")) {
            return null;
        }
        long maxrec = p.get("MAXREC").map(Long::parseLong).orElse(Long.MAX_VALUE);
        Matcher top = TOP.matcher(query);
        long limit = top.find() ? Long.parseLong(top.group(1)) : Long.MAX_VALUE;
        if (query.toLowerCase(Locale.ROOT).contains("stand_in.generated")) {
            java.io.StringWriter w = new java.io.StringWriter();
            writeGenerated(w, Math.min(limit, maxrec), limit > maxrec);
            return w.toString().getBytes(StandardCharsets.UTF_8);
        }
        return planesDocument(limit, maxrec, null).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Serves a result as a file: with {@link #resultRanges(boolean)} its length, {@code ETag},
     * {@code Last-Modified} and {@code Accept-Ranges: bytes}, a {@code Range} honoured (206) when
     * {@code If-Range} still matches; a response {@link #cutResults(int)} asked for stops at half
     * its bytes and drops the connection. Returns false when the query's answer is not plain rows.
     */
    private boolean serveResultFile(Exchange ex, TapRequestParams p, String name) throws IOException {
        byte[] whole = served.isEmpty() ? resultBytes(p) : null;
        if (whole == null) {
            return false;
        }
        executions.incrementAndGet();
        String etag = "\"" + name + "-" + Integer.toHexString(java.util.Arrays.hashCode(whole)) + "\"";
        String lastModified = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                upSince.atZone(java.time.ZoneOffset.UTC));
        int start = 0;
        int status = 200;
        ex.header("Content-Type", "application/x-votable+xml");
        if (resultRanges) {
            ex.header("Accept-Ranges", "bytes").header("ETag", etag).header("Last-Modified", lastModified);
            Optional<String> range = ex.request().headers().firstValue("Range");
            Optional<String> ifRange = ex.request().headers().firstValue("If-Range");
            Matcher m = range.map(RANGE::matcher).orElse(null);
            if (m != null && m.matches() && (ifRange.isEmpty() || ifRange.get().equals(etag)
                    || ifRange.get().equals(lastModified))) {
                start = Integer.parseInt(m.group(1));
                if (start >= whole.length) {
                    ex.header("Content-Range", "bytes */" + whole.length);
                    ex.send(416, new byte[0]);
                    return true;
                }
                status = 206;
                ex.header("Content-Range", "bytes " + start + "-" + (whole.length - 1) + "/" + whole.length);
            }
        }
        int length = whole.length - start;
        boolean cut = cuts.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        OutputStream out = ex.sendHeaders(status, length);
        if (cut) {
            out.write(whole, start, length / 2);
            out.flush();
            ex.abortConnection();
            return true;
        }
        out.write(whole, start, length);
        out.close();
        return true;
    }

    /**
     * The ra of generated row i.
     *
     * @param i the row id
     * @return the ra
     */
    public static double generatedRa(long i) {
        return (i % 36000) / 100.0;
    }

    /**
     * The dec of generated row i.
     *
     * @param i the row id
     * @return the dec
     */
    public static double generatedDec(long i) {
        return ((i * 7) % 18000) / 100.0 - 90.0;
    }

    private void uploads(Exchange ex, TapRequestParams p) throws IOException {
        String upload = p.get("UPLOAD").orElse("");
        StringBuilder b = new StringBuilder(votableHead("<FIELD name=\"table_name\" datatype=\"char\" arraysize=\"*\"/>"
                + "<FIELD name=\"source\" datatype=\"char\" arraysize=\"*\"/><FIELD name=\"bytes\" datatype=\"long\"/>"
                + "<FIELD name=\"is_votable\" datatype=\"boolean\"/><FIELD name=\"tr_rows\" datatype=\"long\"/>"));
        for (String pair : upload.split(";")) {
            int comma = pair.indexOf(',');
            if (comma < 0) {
                continue;
            }
            String name = pair.substring(0, comma);
            String source = pair.substring(comma + 1);
            byte[] bytes = source.startsWith("param:") ? p.file(source.substring("param:".length())).orElse(null)
                    : null;
            if (source.startsWith("param:") && bytes == null) {
                errorVotable(ex, 400, "UPLOAD names " + source + " but no such part was sent");
                return;
            }
            String text = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
            long rows = bytes == null ? -1 : text.split("<TR>", -1).length - 1;
            b.append(tr(List.of(name, source, bytes == null ? "-1" : Long.toString(bytes.length),
                    Boolean.toString(text.contains("<VOTABLE")), Long.toString(rows))));
        }
        b.append("</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>");
        xml(ex, 200, b.toString(), "application/x-votable+xml");
    }

    private static String votableHead(String fields) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<VOTABLE version=\"1.4\" "
                + "xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE type=\"results\">"
                + "<INFO name=\"QUERY_STATUS\" value=\"OK\"/><TABLE>" + fields + "<DATA><TABLEDATA>";
    }

    private static String tr(List<String> cells) {
        StringBuilder b = new StringBuilder("<TR>");
        for (String c : cells) {
            b.append("<TD>").append(c == null ? "" : escape(c)).append("</TD>");
        }
        return b.append("</TR>").toString();
    }

    private static void errorVotable(Exchange ex, int status, String message) throws IOException {
        xml(ex, status, errorDocument(message), "application/x-votable+xml");
    }

    private static String errorDocument(String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<VOTABLE version=\"1.4\" "
                + "xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE type=\"results\">"
                + "<INFO name=\"QUERY_STATUS\" value=\"ERROR\">" + escape(message) + "</INFO></RESOURCE></VOTABLE>";
    }

    // ------------------------------------------------------------------ UWS

    private static final class Job {
        final String id;
        final TapRequestParams params;
        final Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        final String owner;
        String phase = "PENDING";
        Instant start;
        Instant end;
        Instant destruction = created.plus(Duration.ofDays(7));
        long executionDuration = 600;
        String error;

        Job(String id, TapRequestParams params, String owner) {
            this.id = id;
            this.params = params;
            this.owner = owner;
        }

        boolean active() {
            return phase.equals("PENDING") || phase.equals("QUEUED") || phase.equals("EXECUTING");
        }
    }

    private void createJob(Exchange ex) throws IOException {
        RecordedRequest req = ex.request();
        TapRequestParams p = TapRequestParams.of(req);
        String id = "j" + ids.incrementAndGet();
        Job job = new Job(id, p, owner(req));
        synchronized (jobs) {
            jobs.put(id, job);
        }
        // PHASE=RUN at creation is ignored, as DaCHS does: clients must post to <job>/phase.
        redirect(ex, "/tap/async/" + id);
    }

    private static String owner(RecordedRequest req) {
        String auth = req.headers().firstValue("Authorization").orElse("");
        if (!auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(auth.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? decoded : decoded.substring(0, colon);
    }

    private void job(Exchange ex, String rest) throws IOException {
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        String sub = slash < 0 ? "" : rest.substring(slash + 1);
        Job job;
        synchronized (jobs) {
            job = jobs.get(id);
        }
        if (job == null) {
            text(ex, 404, "UWS job " + id + " not found");
            return;
        }
        String method = ex.request().method();
        TapRequestParams p = TapRequestParams.of(ex.request());
        switch (sub) {
            case "":
                if ("DELETE".equals(method) || "POST".equals(method) && "DELETE".equalsIgnoreCase(p.get("ACTION").orElse(""))) {
                    delete(job);
                    redirect(ex, "/tap/async");
                } else if ("GET".equals(method)) {
                    if (p.get("WAIT").isPresent()) {
                        await(job, p);
                    }
                    xml(ex, 200, jobXml(job));
                } else {
                    text(ex, 405, method + " not allowed on a job");
                }
                return;
            case "phase":
                if ("POST".equals(method)) {
                    changePhase(ex, job, p.get("PHASE").orElse(""));
                } else {
                    synchronized (job) {
                        text(ex, 200, job.phase);
                    }
                }
                return;
            case "destruction":
            case "executionduration":
                if ("POST".equals(method)) {
                    synchronized (job) {
                        if (sub.equals("destruction")) {
                            job.destruction = Instant.parse(p.get("DESTRUCTION").orElse(""));
                        } else {
                            job.executionDuration = Long.parseLong(p.get("EXECUTIONDURATION").orElse("0"));
                        }
                    }
                    redirect(ex, "/tap/async/" + id);
                } else {
                    synchronized (job) {
                        text(ex, 200, sub.equals("destruction") ? job.destruction.toString()
                                : Long.toString(job.executionDuration));
                    }
                }
                return;
            case "results":
                xml(ex, 200, "<uws:results xmlns:uws=\"" + UWS_NS + "\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                        + resultsXml(job) + "</uws:results>");
                return;
            case "results/result":
                synchronized (job) {
                    if (!job.phase.equals("COMPLETED")) {
                        text(ex, 404, "job " + id + " has no result in phase " + job.phase);
                        return;
                    }
                }
                if (!((resultRanges || cuts.get() > 0) && serveResultFile(ex, job.params, job.id))) {
                    runQuery(ex, job.params, job);
                }
                return;
            case "error":
                synchronized (job) {
                    if (job.error == null) {
                        text(ex, 404, "job " + id + " has no error");
                        return;
                    }
                }
                errorVotable(ex, 200, job.error + ": the column nosuchcol is not in caom2.Plane (detail)");
                return;
            case "parameters":
                StringBuilder b = new StringBuilder("<uws:parameters xmlns:uws=\"" + UWS_NS + "\">");
                job.params.all().forEach((k, v) -> b.append("<uws:parameter id=\"").append(escape(k.toLowerCase(Locale.ROOT)))
                        .append("\">").append(escape(v)).append("</uws:parameter>"));
                xml(ex, 200, b.append("</uws:parameters>").toString());
                return;
            default:
                text(ex, 404, "no resource " + sub + " below job " + id);
        }
    }

    private void changePhase(Exchange ex, Job job, String phase) throws IOException {
        synchronized (job) {
            if (phase.equalsIgnoreCase("RUN")) {
                if (!job.phase.equals("PENDING")) {
                    text(ex, 400, "job " + job.id + " is " + job.phase + ", not PENDING");
                    return;
                }
                job.phase = "EXECUTING";
                job.start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                job.notifyAll();
                Optional<Fault> fault = Fault.in(job.params.get("QUERY").orElse(""));
                if (fault.orElse(null) != Fault.HANG) {
                    runner.schedule(() -> finish(job, fault.orElse(null)), jobDuration.toMillis(), TimeUnit.MILLISECONDS);
                }
            } else if (phase.equalsIgnoreCase("ABORT")) {
                if (job.active()) {
                    job.phase = "ABORTED";
                    job.end = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                    job.notifyAll();
                }
            } else {
                text(ex, 400, "PHASE must be RUN or ABORT, not '" + phase + "'");
                return;
            }
        }
        redirect(ex, "/tap/async/" + job.id);
    }

    private void finish(Job job, Fault fault) {
        synchronized (job) {
            if (!job.phase.equals("EXECUTING")) {
                return;
            }
            if (fault == Fault.ERROR) {
                job.phase = "ERROR";
                job.error = "Field query: No such field known: nosuchcol";
            } else {
                job.phase = "COMPLETED";
            }
            job.end = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            job.notifyAll();
        }
    }

    private void await(Job job, TapRequestParams p) {
        if (!blockingWait) {
            return;
        }
        long seconds;
        try {
            seconds = Long.parseLong(p.get("WAIT").orElse("0"));
        } catch (NumberFormatException e) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds < 0 ? 60 : Math.min(seconds, 60));
        String seen = p.get("PHASE").orElse(null);
        synchronized (job) {
            String start = seen != null ? seen : job.phase;
            while (job.active() && job.phase.equalsIgnoreCase(start)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(job, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void delete(Job job) {
        synchronized (jobs) {
            jobs.remove(job.id);
        }
        synchronized (job) {
            if (job.active()) {
                job.phase = "ABORTED";
                job.notifyAll();
            }
        }
    }

    private String jobXml(Job job) {
        synchronized (job) {
            StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<uws:job version=\"1.1\" "
                    + "xmlns:uws=\"" + UWS_NS + "\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                    + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
            b.append("<uws:jobId>").append(job.id).append("</uws:jobId>");
            job.params.get("RUNID").ifPresent(r -> b.append("<uws:runId>").append(escape(r)).append("</uws:runId>"));
            if (job.owner == null) {
                b.append("<uws:ownerId xsi:nil=\"true\"/>");
            } else {
                b.append("<uws:ownerId>").append(escape(job.owner)).append("</uws:ownerId>");
            }
            b.append("<uws:phase>").append(job.phase).append("</uws:phase>");
            b.append("<uws:quote>").append(job.created.plusSeconds(5)).append("</uws:quote>");
            b.append("<uws:creationTime>").append(job.created).append("</uws:creationTime>");
            b.append(job.start == null ? "<uws:startTime xsi:nil=\"true\"/>"
                    : "<uws:startTime>" + job.start + "</uws:startTime>");
            b.append(job.end == null ? "<uws:endTime xsi:nil=\"true\"/>" : "<uws:endTime>" + job.end + "</uws:endTime>");
            b.append("<uws:executionDuration>").append(job.executionDuration).append("</uws:executionDuration>");
            b.append("<uws:destruction>").append(job.destruction).append("</uws:destruction>");
            b.append("<uws:parameters>");
            job.params.all().forEach((k, v) -> b.append("<uws:parameter id=\"").append(escape(k.toLowerCase(Locale.ROOT)))
                    .append("\">").append(escape(v)).append("</uws:parameter>"));
            b.append("</uws:parameters>");
            b.append("<uws:results>").append(resultsXml(job)).append("</uws:results>");
            if (job.error != null) {
                b.append("<uws:errorSummary type=\"fatal\" hasDetail=\"true\"><uws:message>").append(escape(job.error))
                        .append("</uws:message></uws:errorSummary>");
            }
            return b.append("</uws:job>").toString();
        }
    }

    private String resultsXml(Job job) {
        synchronized (job) {
            if (!job.phase.equals("COMPLETED")) {
                return "";
            }
        }
        return "<uws:result id=\"result\" xlink:href=\"" + server.uri("/tap/async/" + job.id + "/results/result")
                + "\" mime-type=\"application/x-votable+xml\"/>";
    }

    private void listJobs(Exchange ex) throws IOException {
        String raw = ex.request().uri().getRawQuery();
        Set<String> phases = new java.util.HashSet<>();
        Instant after = null;
        int last = -1;
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String k = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
                String v = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (k.equals("PHASE")) {
                    phases.add(v.toUpperCase(Locale.ROOT));
                } else if (k.equals("AFTER")) {
                    after = Instant.parse(v);
                } else if (k.equals("LAST")) {
                    last = Integer.parseInt(v);
                }
            }
        }
        List<Job> chosen = new ArrayList<>();
        synchronized (jobs) {
            for (Job j : jobs.values()) {
                String phase;
                synchronized (j) {
                    phase = j.phase;
                }
                if ((phases.isEmpty() ? !phase.equals("ARCHIVED") : phases.contains(phase))
                        && (after == null || j.created.isAfter(after))) {
                    chosen.add(j);
                }
            }
        }
        // LAST: the most recent first (UWS 1.1 §2.2.1.1).
        if (last >= 0) {
            List<Job> recent = new ArrayList<>();
            for (int i = chosen.size() - 1; i >= 0 && recent.size() < last; i--) {
                recent.add(chosen.get(i));
            }
            chosen = recent;
        }
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<uws:jobs version=\"1.1\" "
                + "xmlns:uws=\"" + UWS_NS + "\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">");
        for (Job j : chosen) {
            synchronized (j) {
                b.append("<uws:jobref id=\"").append(j.id).append("\" xlink:href=\"")
                        .append(server.uri("/tap/async/" + j.id)).append("\"><uws:phase>").append(j.phase)
                        .append("</uws:phase>");
                j.params.get("RUNID").ifPresent(r -> b.append("<uws:runId>").append(escape(r)).append("</uws:runId>"));
                b.append("<uws:creationTime>").append(j.created).append("</uws:creationTime></uws:jobref>");
            }
        }
        xml(ex, 200, b.append("</uws:jobs>").toString());
    }

    // ------------------------------------------------------------------ VOSI

    private static final String[][] OBSERVATION = {
        {"obsID", "char", "*", "", "meta.id;meta.main", "caom2:Observation.observationID", "", "the observation id",
            "indexed principal"},
        {"collection", "char", "*", "", "meta.id", "caom2:Observation.collection", "", "the archive", "principal"},
        {"type", "char", "*", "", "", "", "", "observation type", ""},
    };

    private static final String[][] PLANE = {
        {"publisherID", "char", "*", "", "meta.ref.ivoid", "caom2:Plane.publisherID", "", "the publisher id",
            "indexed principal"},
        {"obsID", "char", "*", "", "meta.id", "caom2:Plane.observationID", "", "the observation it belongs to",
            "indexed"},
        {"collection", "char", "*", "", "", "", "", "the archive", ""},
        {"ra", "double", "", "deg", "pos.eq.ra", "", "", "right ascension of the centre", "principal"},
        {"dec", "double", "", "deg", "pos.eq.dec", "", "", "declination of the centre", "principal"},
        {"dataRelease", "char", "*", "", "time.release", "caom2:Plane.dataRelease", "timestamp",
            "when the data become public", ""},
        {"position_bounds", "double", "*", "deg", "pos.outline;obs.field", "caom2:Plane.position.bounds",
            "polygon", "footprint", ""},
        {"energy_bounds_lower", "double", "", "m", "em.wl;stat.min", "", "", "shortest wavelength", ""},
        {"calibrationLevel", "int", "", "", "meta.code.qual", "caom2:Plane.calibrationLevel", "",
            "calibration level", ""},
    };

    private void tables(Exchange ex) throws IOException {
        boolean min = "min".equalsIgnoreCase(TapRequestParams.of(ex.request()).get("detail").orElse(""));
        if (min && !detailMin) {
            text(ex, 400, "unknown parameter detail");
            return;
        }
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<vosi:tableset "
                + "xmlns:vosi=\"http://www.ivoa.net/xml/VOSITables/v1.0\" "
                + "xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><schema><name>caom2</name>");
        b.append(tableXml("caom2.Observation", "observations", OBSERVATION, min, false));
        b.append(tableXml("caom2.Plane", "planes (data products)", PLANE, min, true));
        b.append("</schema></vosi:tableset>");
        xml(ex, 200, b.toString());
    }

    private void table(Exchange ex, String name) throws IOException {
        if (!perTableDocuments) {
            text(ex, 404, "not found: " + name);
            return;
        }
        String doc;
        if (name.equalsIgnoreCase("caom2.Plane")) {
            doc = tableXml("caom2.Plane", "planes (data products)", PLANE, false, true);
        } else if (name.equalsIgnoreCase("caom2.Observation")) {
            doc = tableXml("caom2.Observation", "observations", OBSERVATION, false, false);
        } else {
            text(ex, 404, "table not found: " + name);
            return;
        }
        xml(ex, 200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doc.replaceFirst("<table>",
                "<vosi:table xmlns:vosi=\"http://www.ivoa.net/xml/VOSITables/v1.0\" "
                        + "xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\" "
                        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
                .replaceFirst("</table>$", "</vosi:table>"));
    }

    private static String tableXml(String name, String description, String[][] columns, boolean min, boolean fk) {
        StringBuilder b = new StringBuilder("<table><name>").append(name).append("</name>");
        b.append("<description>").append(description).append("</description>");
        if (!min) {
            for (String[] c : columns) {
                b.append("<column><name>").append(c[0]).append("</name>");
                b.append("<description>").append(escape(c[7])).append("</description>");
                if (!c[3].isEmpty()) {
                    b.append("<unit>").append(c[3]).append("</unit>");
                }
                if (!c[4].isEmpty()) {
                    b.append("<ucd>").append(c[4]).append("</ucd>");
                }
                if (!c[5].isEmpty()) {
                    b.append("<utype>").append(c[5]).append("</utype>");
                }
                b.append("<dataType xsi:type=\"vs:VOTableType\"");
                if (!c[2].isEmpty()) {
                    b.append(" arraysize=\"").append(c[2]).append('"');
                }
                if (!c[6].isEmpty()) {
                    b.append(" extendedType=\"").append(c[6]).append('"');
                }
                b.append('>').append(c[1]).append("</dataType>");
                for (String flag : c[8].split(" ")) {
                    if (!flag.isEmpty()) {
                        b.append("<flag>").append(flag).append("</flag>");
                    }
                }
                b.append("</column>");
            }
            if (fk) {
                b.append("<foreignKey><targetTable>caom2.Observation</targetTable><fkColumn><fromColumn>obsID"
                        + "</fromColumn><targetColumn>obsID</targetColumn></fkColumn></foreignKey>");
            }
        }
        return b.append("</table>").toString();
    }

    private String capabilities() {
        String base = base().toString();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<vosi:capabilities "
                + "xmlns:vosi=\"http://www.ivoa.net/xml/VOSICapabilities/v1.0\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\" "
                + "xmlns:tr=\"http://www.ivoa.net/xml/TAPRegExt/v1.0\">"
                + "<capability standardID=\"ivo://ivoa.net/std/VOSI#capabilities\"><interface xsi:type=\"vs:ParamHTTP\">"
                + "<accessURL use=\"full\">" + base + "/capabilities</accessURL></interface></capability>"
                + "<capability standardID=\"ivo://ivoa.net/std/VOSI#availability\"><interface xsi:type=\"vs:ParamHTTP\">"
                + "<accessURL use=\"full\">" + base + "/availability</accessURL></interface></capability>"
                + "<capability standardID=\"ivo://ivoa.net/std/VOSI#tables-1.1\"><interface xsi:type=\"vs:ParamHTTP\" "
                + "version=\"1.1\"><accessURL use=\"base\">" + base + "/tables</accessURL></interface></capability>"
                + "<capability standardID=\"ivo://ivoa.net/std/TAP\" xsi:type=\"tr:TableAccess\">"
                + "<interface xsi:type=\"vs:ParamHTTP\" role=\"std\" version=\"1.1\"><accessURL use=\"base\">" + base
                + "</accessURL></interface>"
                + "<language><name>ADQL</name><version ivo-id=\"ivo://ivoa.net/std/ADQL#v2.0\">2.0</version></language>"
                + "<outputFormat><mime>application/x-votable+xml</mime><alias>votable</alias></outputFormat>"
                + "<uploadMethod ivo-id=\"ivo://ivoa.net/std/TAPRegExt#upload-inline\"/>"
                + "<uploadMethod ivo-id=\"ivo://ivoa.net/std/TAPRegExt#upload-http\"/>"
                + "<outputLimit><default unit=\"row\">" + (syncLimit == Long.MAX_VALUE ? 1000 : syncLimit)
                + "</default><hard unit=\"row\">1000000000</hard></outputLimit>"
                + "<uploadLimit><hard unit=\"byte\">" + uploadLimitBytes + "</hard></uploadLimit>"
                + "</capability></vosi:capabilities>";
    }

    // ------------------------------------------------------------------ plumbing

    private static List<String> row(String... cells) {
        List<String> l = new ArrayList<>();
        for (String c : cells) {
            l.add(c);
        }
        return java.util.Collections.unmodifiableList(l);
    }

    private static void redirect(Exchange ex, String path) throws IOException {
        ex.header("Location", ex.uri(path).toString());
        ex.send(303, new byte[0]);
    }

    private static void text(Exchange ex, int status, String text) throws IOException {
        ex.header("Content-Type", "text/plain; charset=utf-8");
        ex.send(status, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void xml(Exchange ex, int status, String xml) throws IOException {
        xml(ex, status, xml, "text/xml; charset=utf-8");
    }

    private static void xml(Exchange ex, int status, String xml, String type) throws IOException {
        ex.header("Content-Type", type);
        ex.send(status, xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
