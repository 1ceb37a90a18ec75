// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.QueryException;
import io.cadc4j.core.registry.Availability;
import io.cadc4j.core.registry.TapEndpoints;
import io.cadc4j.core.internal.port.PortContext;
import io.cadc4j.core.internal.port.TapPortProvider;
import io.cadc4j.core.table.ColumnDescription;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableDescription;
import io.cadc4j.core.tap.AsyncJob;
import io.cadc4j.core.tap.ErrorSummary;
import io.cadc4j.core.tap.ExecutionPhase;
import io.cadc4j.core.tap.JobInfo;
import io.cadc4j.core.tap.JobListFilter;
import io.cadc4j.core.tap.JobParameter;
import io.cadc4j.core.tap.JobReference;
import io.cadc4j.core.tap.ResultReference;
import io.cadc4j.core.tap.TapPort;
import io.cadc4j.core.tap.TapQuery;
import io.cadc4j.testing.Fixtures;
import io.cadc4j.votable.VOTableReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TAP provider for the command's tests, registered in the test resources above cadc-tap's: its
 * ports answer queries with real DaCHS documents read by the real VOTable reader, chosen by the
 * query's shape, and keep async jobs in memory. What they were asked is recorded in static lists,
 * which each test clears.
 */
public final class FixtureTapProvider implements TapPortProvider {
    static final List<PortContext> CONTEXTS = Collections.synchronizedList(new ArrayList<>());
    static final List<TapQuery> QUERIES = Collections.synchronizedList(new ArrayList<>());
    static final Map<String, FakeJob> JOBS = new ConcurrentHashMap<>();
    /** What a query containing "slow" waits on after its fifth row. */
    static final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CountDownLatch> SLOW =
            new java.util.concurrent.atomic.AtomicReference<>();
    /** Counted down when a "slow" query reaches its fifth row. */
    static final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CountDownLatch> REACHED =
            new java.util.concurrent.atomic.AtomicReference<>();
    static final String SYNTAX_ERROR = "Field query: Could not parse your query: Expected \"SELECT\", found 'S'";

    /** Creates the provider (ServiceLoader calls this). */
    public FixtureTapProvider() {
    }

    static void reset() {
        CONTEXTS.clear();
        QUERIES.clear();
        JOBS.clear();
    }

    @Override
    public String name() {
        return "fixtures";
    }

    @Override
    public int priority() {
        return 1000;
    }

    static RowCursor answer(TapQuery q, URI source) {
        String adql = q.adql();
        String fixture;
        if (adql.startsWith("S ")) {
            throw new QueryException(SYNTAX_ERROR, source, null, null);
        } else if (adql.contains("slow")) {
            RowCursor region = answer(TapQuery.of("select INTERSECTS"), source);
            int[] rows = {0};
            return (RowCursor) java.lang.reflect.Proxy.newProxyInstance(RowCursor.class.getClassLoader(),
                    new Class<?>[] {RowCursor.class}, (proxy, method, args) -> {
                        if (method.getName().equals("next") && ++rows[0] == 6) {
                            REACHED.get().countDown();
                            SLOW.get().await();
                        }
                        try {
                            return method.invoke(region, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        } else if (adql.contains("broken")) {
            // the region answer cut two thirds of the way through, in the middle of a row: the
            // reader fails after some rows, as when a connection breaks
            try {
                byte[] whole = Files.readAllBytes(Fixtures.path("dachs/sync_query_region_cfht.vot.xml"));
                byte[] cut = java.util.Arrays.copyOf(whole, whole.length * 2 / 3);
                return VOTableReader.builder().build().open(new java.io.ByteArrayInputStream(cut));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (adql.contains("caom2.EnumField")) {
            fixture = "dachs/sync_enumfield.vot.xml";
        } else if (adql.contains("INTERSECTS")) {
            fixture = "dachs/sync_query_region_cfht.vot.xml";
        } else if (q.maxRecords().isPresent() && q.maxRecords().getAsLong() == 3) {
            fixture = "dachs/sync_maxrec3_overflow.vot.xml";
        } else if (adql.contains("publisherID")) {
            fixture = "dachs/async_result.vot.xml";
        } else {
            fixture = "dachs/sync_obscore.vot.xml";
        }
        try {
            return VOTableReader.builder().build().open(Files.newInputStream(Fixtures.path(fixture)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public TapPort create(PortContext context) {
        CONTEXTS.add(context);
        URI base = context.serviceUri();
        return new TapPort() {
            @Override
            public void writeResult(io.cadc4j.core.tap.TapQuery query, io.cadc4j.core.tap.ResultFormat format,
                    java.io.OutputStream out) {
                throw new UnsupportedOperationException("not used by these tests");
            }

            @Override
            public void writeResult(io.cadc4j.core.tap.TapQuery query, io.cadc4j.core.tap.ResultFormat format,
                    java.nio.file.Path file) {
                throw new UnsupportedOperationException("not used by these tests");
            }

            @Override
            public TapEndpoints endpoints() {
                return TapEndpoints.ofBase(base);
            }

            @Override
            public RowCursor query(TapQuery query) {
                QUERIES.add(query);
                return answer(query, base);
            }

            @Override
            public AsyncJob submit(TapQuery query) {
                QUERIES.add(query);
                FakeJob job = new FakeJob("job" + (JOBS.size() + 1), base, query);
                JOBS.put(job.id(), job);
                return job;
            }

            @Override
            public AsyncJob loadJob(String jobId) {
                FakeJob job = JOBS.get(jobId);
                if (job == null) {
                    throw new NotFoundException("no job " + jobId + " at " + base + "/async", 404, base, null);
                }
                return job;
            }

            @Override
            public AsyncJob loadJob(URI jobUrl) {
                String p = jobUrl.getPath();
                return loadJob(p.substring(p.lastIndexOf('/') + 1));
            }

            @Override
            public List<JobReference> listJobs(JobListFilter filter) {
                List<JobReference> out = new ArrayList<>();
                JOBS.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach(j -> {
                    if (filter.phases().isEmpty() || filter.phases().contains(j.phase)) {
                        out.add(JobReference.of(j.id(), Optional.of(j.uri()), Optional.of(j.phase), Optional.empty(),
                                Optional.of("tester"), Optional.of(j.created)));
                    }
                });
                return out;
            }

            @Override
            public List<TableDescription> tables() {
                return List.of(plane(), TableDescription.of("caom2", "caom2.Observation", "Observations", List.of()));
            }

            @Override
            public TableDescription table(String name) {
                if (name.equalsIgnoreCase("caom2.Plane")) {
                    return plane();
                }
                throw new NotFoundException("no table " + name, 404, base, null);
            }

            @Override
            public Availability availability() {
                throw new UnsupportedOperationException("not needed");
            }
        };
    }

    private static TableDescription plane() {
        return TableDescription.of("caom2", "caom2.Plane", "Planes:\n  products of observations",
                List.of(ColumnDescription.of("obsID", "char", "", "the observation"),
                        ColumnDescription.of("time_exposure", "double", "s", "exposure time")));
    }

    /** A job kept in memory; it completes when awaited, or fails when its query says {@code fail}. */
    static final class FakeJob implements AsyncJob {
        final String id;
        final URI uri;
        final TapQuery query;
        final Instant created = Instant.parse("2026-11-21T12:00:00Z");
        volatile ExecutionPhase phase = ExecutionPhase.PENDING;
        volatile boolean deleted;
        int waits;

        @Override
        public void writeResult(io.cadc4j.core.tap.ResultFormat format, java.io.OutputStream out) {
            throw new UnsupportedOperationException("not used by these tests");
        }

        @Override
        public void writeResult(io.cadc4j.core.tap.ResultFormat format, java.nio.file.Path file) {
            throw new UnsupportedOperationException("not used by these tests");
        }

        FakeJob(String id, URI base, TapQuery query) {
            this.id = id;
            this.uri = URI.create(base + "/async/" + id);
            this.query = query;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public URI uri() {
            return uri;
        }

        @Override
        public ExecutionPhase phase() {
            return phase;
        }

        @Override
        public JobInfo info() {
            JobInfo.Builder b = JobInfo.builder(id, phase).creationTime(created).ownerId("tester")
                    .parameter(JobParameter.of("QUERY", query.adql(), false));
            if (phase == ExecutionPhase.ERROR) {
                b.errorSummary(ErrorSummary.of("the query failed on purpose", false, false));
            }
            if (phase == ExecutionPhase.COMPLETED) {
                b.result(ResultReference.of("result", URI.create(uri + "/results/result"), "", -1));
            }
            return b.build();
        }

        @Override
        public void run() {
            if (phase == ExecutionPhase.PENDING) {
                phase = ExecutionPhase.EXECUTING;
            }
        }

        @Override
        public ExecutionPhase awaitCompletion(Duration timeout) {
            // "sleepy" jobs outlast two short waits (every one for "sleepy forever"), 50 ms each
            if (phase == ExecutionPhase.EXECUTING && query.adql().contains("sleepy")
                    && (query.adql().contains("forever") || timeout.toMinutes() < 1 && waits++ < 2)) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new io.cadc4j.core.CadcTimeoutException("job " + id + " is still EXECUTING after " + timeout,
                        uri, null);
            }
            if (phase == ExecutionPhase.EXECUTING) {
                phase = query.adql().contains("fail") ? ExecutionPhase.ERROR : ExecutionPhase.COMPLETED;
            }
            return phase;
        }

        @Override
        public ExecutionPhase awaitCompletion(Duration timeout, boolean abortOnCancel) {
            return awaitCompletion(timeout);
        }

        @Override
        public void raiseIfError() {
            if (phase == ExecutionPhase.ERROR || phase == ExecutionPhase.ABORTED) {
                throw new QueryException("job " + id + " ended in " + phase + ": the query failed on purpose", uri, id,
                        null);
            }
        }

        @Override
        public List<ResultReference> results() {
            return info().results();
        }

        @Override
        public RowCursor fetchResult() {
            if (phase != ExecutionPhase.COMPLETED) {
                throw new NotFoundException("job " + id + " has no result in phase " + phase, 404, uri, null);
            }
            return answer(query, uri);
        }

        @Override
        public void setDestruction(Instant when) {
        }

        @Override
        public void setExecutionDuration(Duration duration) {
        }

        @Override
        public void abort() {
            phase = ExecutionPhase.ABORTED;
        }

        @Override
        public void delete() {
            deleted = true;
            JOBS.remove(id);
        }
    }
}
