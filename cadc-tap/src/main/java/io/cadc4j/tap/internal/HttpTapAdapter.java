// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import io.cadc4j.core.AuthenticationException;
import io.cadc4j.core.AuthorizationException;
import io.cadc4j.core.CadcException;
import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.QueryException;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.StandardId;
import io.cadc4j.core.TransportException;
import io.cadc4j.core.registry.Availability;
import io.cadc4j.core.registry.Capabilities;
import io.cadc4j.core.registry.Capability;
import io.cadc4j.core.registry.TableAccess;
import io.cadc4j.core.registry.TapEndpoints;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.spi.RequestBody;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableDescription;
import io.cadc4j.core.tap.AsyncJob;
import io.cadc4j.core.tap.JobInfo;
import io.cadc4j.core.tap.JobListFilter;
import io.cadc4j.core.tap.JobReference;
import io.cadc4j.core.tap.ResultFormat;
import io.cadc4j.core.tap.TableUpload;
import io.cadc4j.core.tap.TapPort;
import io.cadc4j.core.tap.TapQuery;
import io.cadc4j.votable.VOTableReader;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link TapPort} over HTTP: TAP 1.1 sync and async queries, UWS 1.1 jobs, VOSI tables and
 * availability, through the core's {@link HttpPipeline}.
 *
 * <p>Thread-safe: it holds only immutable state and a lazily read, then fixed, upload limit.
 */
final class HttpTapAdapter implements TapPort {
    private static final System.Logger LOG = System.getLogger("io.cadc4j.tap");

    private final HttpPipeline http;
    private final TapEndpoints endpoints;
    private final VOTableReader reader;
    private volatile Optional<TableAccess> access;

    HttpTapAdapter(HttpPipeline http, TapEndpoints endpoints) {
        this.http = Objects.requireNonNull(http, "http");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.reader = VOTableReader.builder().httpPipeline(http).build();
        this.access = endpoints.tableAccess().isPresent() ? endpoints.tableAccess() : null;
    }

    HttpPipeline http() {
        return http;
    }

    VOTableReader reader() {
        return reader;
    }

    @Override
    public TapEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public RowCursor query(TapQuery query) {
        Objects.requireNonNull(query, "query");
        checkVotableFormat(query);
        RequestBody body = TapRequests.queryBody(query, access(query));
        HttpRequest request = syncRequest(query, body);
        return ResendingCursor.open(http, request, () -> rows(ResumingBody.wrap(http, http.send(request)), null));
    }

    @Override
    public void writeResult(TapQuery query, ResultFormat format, OutputStream out) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        checkVotableFormat(query);
        RequestBody body = TapRequests.queryBody(query, access(query));
        HttpResponse response = ResumingBody.wrap(http, http.send(syncRequest(query, body)));
        ResultWriters.write(this, response, null, format, out);
    }

    @Override
    public void writeResult(TapQuery query, ResultFormat format, Path target) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(target, "target");
        checkVotableFormat(query);
        RequestBody body = TapRequests.queryBody(query, access(query));
        ResultWriters.atomically(target, out -> {
            HttpResponse response = ResumingBody.wrap(http, http.send(syncRequest(query, body)));
            ResultWriters.write(this, response, null, format, out);
        });
    }

    /**
     * The sync request for a query. With a sync timeout it waits that long for its answer and is
     * sent once: the caller bounded the wait (AUTO then goes async), which retries would multiply.
     */
    private HttpRequest syncRequest(TapQuery query, RequestBody body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoints.sync()).POST(body).safeToRepeat();
        query.syncTimeout().ifPresent(t -> b.timeout(t).sendOnce());
        return b.build();
    }

    @Override
    public RowCursor read(InputStream votable, URI source) {
        Objects.requireNonNull(votable, "votable");
        Objects.requireNonNull(source, "source");
        return reader.open(votable, source);
    }

    private static void checkVotableFormat(TapQuery query) {
        Optional<String> f = query.responseFormat();
        if (f.isPresent()) {
            String v = f.get().toLowerCase(Locale.ROOT);
            if (!(v.equals("votable") || v.contains("votable") || v.equals("text/xml") || v.equals("application/xml"))) {
                throw new IllegalArgumentException("this port streams VOTable results; RESPONSEFORMAT '" + f.get()
                        + "' is not one (use writeResult to get CSV, TSV or JSON)");
            }
        }
    }

    /**
     * The rows of a query's answer. A VOTable is read whatever the status (the reader raises its
     * {@code QUERY_STATUS=ERROR}); anything else becomes the matching exception.
     */
    RowCursor rows(HttpResponse response, String jobId) {
        BufferedInputStream in = open(response, jobId);
        try {
            return reader.open(new ResponseStream(in, response), response.uri());
        } catch (QueryException e) {
            response.close();
            if (jobId != null && e.jobId().isEmpty()) {
                throw new QueryException(e.serverMessage(), response.uri(), jobId, e);
            }
            throw e;
        } catch (RuntimeException e) {
            response.close();
            throw e;
        }
    }

    /**
     * The body of a successful VOTable answer, buffered and checked to start like XML; every other
     * answer becomes its exception.
     */
    BufferedInputStream open(HttpResponse response, String jobId) {
        if (response.status() < 200 || response.status() >= 300) {
            throw Responses.errorFor(response, reader, jobId);
        }
        BufferedInputStream in = Responses.buffered(response);
        byte[] head;
        try {
            head = Responses.peek(in, response.uri());
        } catch (RuntimeException e) {
            response.close();
            throw e;
        }
        if (!Responses.looksLikeXml(head)) {
            response.close();
            throw Responses.notVotable(head, response.headers().firstValue("Content-Type").orElse(""),
                    response.uri(), jobId);
        }
        return in;
    }

    /**
     * The service's upload limit, read once from its capabilities when a query first carries an
     * inline table and the endpoints were given without them; a service without readable
     * capabilities has no known limit.
     */
    private Optional<TableAccess> access(TapQuery query) {
        Optional<TableAccess> a = access;
        if (a != null) {
            return a;
        }
        boolean inline = false;
        for (TableUpload u : query.uploads()) {
            inline |= u.isInline();
        }
        if (!inline) {
            return Optional.empty();
        }
        Optional<TableAccess> found = Optional.empty();
        try (HttpResponse r = http.sendExpectingSuccess(HttpRequest.newBuilder(endpoints.capabilities()).build());
                InputStream in = r.body()) {
            Capabilities caps = Capabilities.parse(in, r.uri());
            Optional<Capability> tap = caps.find(StandardId.TAP);
            if (tap.isPresent()) {
                found = tap.get().tableAccess();
            }
        } catch (CadcException | IOException e) {
            LOG.log(Level.DEBUG, "no upload limit known for {0}: {1}", endpoints.base(), e.toString());
        }
        access = found;
        return found;
    }

    @Override
    public AsyncJob submit(TapQuery query) {
        Objects.requireNonNull(query, "query");
        RequestBody body = TapRequests.queryBody(query, access(query));
        URI async = endpoints.async();
        try (HttpResponse r = http.sendExpectingSuccess(HttpRequest.newBuilder(async).POST(body).build());
                InputStream in = r.body()) {
            JobInfo info = UwsParser.parseJob(in, r.uri());
            URI jobUri = r.uri();
            if (sameResource(jobUri, async)) {
                // Answered without a redirect: the job lives below the job list (UWS 1.1 §2.2.3.1).
                jobUri = child(async, info.jobId());
            }
            return new HttpAsyncJob(this, info.jobId(), stripQuery(jobUri));
        } catch (IOException e) {
            throw new TransportException("reading the new job from " + async + " failed: " + e, async,
                    true, e);
        }
    }

    @Override
    public AsyncJob loadJob(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        if (jobId.isBlank() || jobId.contains("/")) {
            throw new IllegalArgumentException("a job id is a non-blank path segment, not '" + jobId + "'");
        }
        return loadJob(child(endpoints.async(), jobId));
    }

    @Override
    public AsyncJob loadJob(URI jobUrl) {
        Objects.requireNonNull(jobUrl, "jobUrl");
        // The job may answer from another URL (DaCHS redirects {async}/{id} to its own path): keep the final one.
        try (HttpResponse r = http.sendExpectingSuccess(HttpRequest.newBuilder(jobUrl).GET().build());
                InputStream in = r.body()) {
            JobInfo info = UwsParser.parseJob(in, r.uri());
            return new HttpAsyncJob(this, info.jobId(), stripQuery(r.uri()));
        } catch (IOException e) {
            throw new TransportException("reading job " + jobUrl + " failed: " + e, jobUrl, true, e);
        }
    }

    JobInfo jobInfo(URI jobUrl) {
        return get(jobUrl, in -> UwsParser.parseJob(in, jobUrl));
    }

    @Override
    public List<JobReference> listJobs(JobListFilter filter) {
        Objects.requireNonNull(filter, "filter");
        URI uri = TapRequests.jobListUri(endpoints.async(), filter);
        List<JobReference> refs = get(uri, in -> UwsParser.parseJobList(in, uri));
        if (!filter.fullDescriptions()) {
            return refs;
        }
        List<JobReference> full = new ArrayList<>(refs.size());
        for (JobReference ref : refs) {
            URI href = ref.href().orElse(child(endpoints.async(), ref.id()));
            full.add(JobReference.of(jobInfo(href), Optional.of(href)));
        }
        return full;
    }

    @Override
    public List<TableDescription> tables() {
        URI min = URI.create(endpoints.tables() + (endpoints.tables().getQuery() == null ? "?" : "&") + "detail=min");
        try {
            return get(min, in -> VosiTablesParser.parseTables(in, min));
        } catch (ServiceException e) {
            if (e instanceof AuthenticationException || e instanceof AuthorizationException) {
                throw e;
            }
            LOG.log(Level.DEBUG, "{0} refused detail=min ({1}); asking for the whole table set", min, e.status());
            URI all = endpoints.tables();
            return get(all, in -> VosiTablesParser.parseTables(in, all));
        }
    }

    @Override
    public TableDescription table(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a table name is not blank");
        }
        URI one = child(endpoints.tables(), URLEncoder.encode(name, StandardCharsets.UTF_8));
        try {
            return get(one, in -> VosiTablesParser.parseTable(in, one, name));
        } catch (ServiceException e) {
            if (e instanceof AuthenticationException || e instanceof AuthorizationException) {
                throw e;
            }
            LOG.log(Level.DEBUG, "no per-table document at {0} ({1}); reading the whole table set", one, e.status());
        }
        // No per-table endpoint, or one that spells the name differently: the whole table set,
        // matched without regard to case (DaCHS lower-cases names).
        URI all = endpoints.tables();
        List<TableDescription> tables = get(all, in -> VosiTablesParser.parseTables(in, all));
        for (TableDescription t : tables) {
            if (t.isNamed(name)) {
                return t;
            }
        }
        throw new NotFoundException("the service at " + endpoints.base() + " has no table '" + name + "' ("
                + tables.size() + " tables in " + all + ")", 404, all, null);
    }

    @Override
    public Availability availability() {
        URI uri = endpoints.availability();
        return get(uri, in -> AvailabilityParser.parse(in, uri));
    }

    /** A GET whose successful body a parser reads. */
    <T> T get(URI uri, Parser<T> parser) {
        return http.fetch(HttpRequest.newBuilder(uri).GET().build(), (in, r) -> parser.parse(in));
    }

    /** Reads a body. */
    interface Parser<T> {
        T parse(InputStream in) throws IOException;
    }

    static URI child(URI base, String segment) {
        String s = stripQuery(base).toString();
        return URI.create(s.endsWith("/") ? s + segment : s + "/" + segment);
    }

    static URI stripQuery(URI uri) {
        String s = uri.toString();
        int q = s.indexOf('?');
        return q < 0 ? uri : URI.create(s.substring(0, q));
    }

    private static boolean sameResource(URI a, URI b) {
        String x = stripQuery(a).toString();
        String y = stripQuery(b).toString();
        return x.replaceAll("/+$", "").equals(y.replaceAll("/+$", ""));
    }

    @Override
    public String toString() {
        return "HttpTapAdapter[" + endpoints.base() + "]";
    }

    /** A response body whose closing also releases the response. */
    static final class ResponseStream extends FilterInputStream {
        private final HttpResponse response;

        ResponseStream(InputStream in, HttpResponse response) {
            super(in);
            this.response = response;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                response.close();
            }
        }
    }
}
