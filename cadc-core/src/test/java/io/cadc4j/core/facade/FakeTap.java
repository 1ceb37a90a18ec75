// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.facade;

import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.registry.Availability;
import io.cadc4j.core.registry.TapEndpoints;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.internal.port.PortContext;
import io.cadc4j.core.internal.port.TapPortProvider;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableDescription;
import io.cadc4j.core.tap.AsyncJob;
import io.cadc4j.core.tap.JobListFilter;
import io.cadc4j.core.tap.JobReference;
import io.cadc4j.core.tap.TapPort;
import io.cadc4j.core.tap.TapQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A TAP provider double: records the contexts it is given and the queries its ports run. A query
 * first sends two GETs through the port's pipeline to a probe URL, so a test can see which
 * credential headers each request of one query carried.
 */
final class FakeTap implements TapPortProvider {
    static final URI PROBE = URI.create("https://ws.canfar.net/probe");

    final List<PortContext> contexts = Collections.synchronizedList(new ArrayList<>());
    final List<TapQuery> queries = Collections.synchronizedList(new ArrayList<>());
    /** The formats asked of {@code writeResult(query, format, file)}, which writes "FORMAT adql". */
    final List<io.cadc4j.core.tap.ResultFormat> formats = Collections.synchronizedList(new ArrayList<>());
    final Map<String, TableDescription> tables = new ConcurrentHashMap<>();
    final Map<String, AsyncJob> jobs = new ConcurrentHashMap<>();
    final List<JobReference> jobList = Collections.synchronizedList(new ArrayList<>());
    volatile Function<TapQuery, RowCursor> answer = q -> ListCursor.of(List.of("a"), List.of(), false);
    final List<List<String>> probed = Collections.synchronizedList(new ArrayList<>());
    volatile boolean probe;

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public TapPort create(PortContext context) {
        contexts.add(context);
        return new TapPort() {
            @Override
            public void writeResult(io.cadc4j.core.tap.TapQuery query, io.cadc4j.core.tap.ResultFormat format,
                    java.io.OutputStream out) {
                throw new UnsupportedOperationException("not used by these tests");
            }

            @Override
            public void writeResult(io.cadc4j.core.tap.TapQuery query, io.cadc4j.core.tap.ResultFormat format,
                    java.nio.file.Path file) {
                queries.add(query);
                formats.add(format);
                try {
                    java.nio.file.Files.writeString(file, format + " " + query.adql());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public TapEndpoints endpoints() {
                return TapEndpoints.ofBase(context.serviceUri());
            }

            @Override
            public RowCursor query(TapQuery query) {
                queries.add(query);
                if (probe) {
                    List<String> seen = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        try (HttpResponse r = context.http().send(HttpRequest.newBuilder(PROBE).GET().build())) {
                            seen.add(new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    probed.add(seen);
                }
                return answer.apply(query);
            }

            @Override
            public AsyncJob submit(TapQuery query) {
                queries.add(query);
                return jobs.get("new");
            }

            @Override
            public AsyncJob loadJob(String jobId) {
                AsyncJob j = jobs.get(jobId);
                if (j == null) {
                    throw new NotFoundException("no job " + jobId, 404, context.serviceUri(), null);
                }
                return j;
            }

            @Override
            public AsyncJob loadJob(URI jobUrl) {
                String path = jobUrl.getPath();
                return loadJob(path.substring(path.lastIndexOf('/') + 1));
            }

            @Override
            public List<JobReference> listJobs(JobListFilter filter) {
                return List.copyOf(jobList);
            }

            @Override
            public List<TableDescription> tables() {
                return List.copyOf(tables.values());
            }

            @Override
            public TableDescription table(String name) {
                TableDescription t = tables.get(name);
                if (t == null) {
                    throw new NotFoundException("no table " + name, 404, context.serviceUri(), null);
                }
                return t;
            }

            @Override
            public Availability availability() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
