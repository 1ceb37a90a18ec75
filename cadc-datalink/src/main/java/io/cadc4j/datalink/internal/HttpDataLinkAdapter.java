// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.datalink.internal;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.CadcInterruptedException;
import io.cadc4j.core.sky.Circle;
import io.cadc4j.core.datalink.DataLink;
import io.cadc4j.core.datalink.DataLinkPort;
import io.cadc4j.core.datalink.Downloader;
import io.cadc4j.core.datalink.LinkListener;
import io.cadc4j.core.datalink.LinkOptions;
import io.cadc4j.core.datalink.LinkSet;
import io.cadc4j.core.datalink.Semantics;
import io.cadc4j.core.datalink.SemanticsFilter;
import io.cadc4j.core.datalink.ServiceDescriptor;
import io.cadc4j.core.datalink.SodaCutout;
import io.cadc4j.core.internal.port.PortContext;
import io.cadc4j.votable.VOTableReader;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The {@link DataLinkPort} over HTTP (DataLink 1.1 §3): identifiers sent in batches to the
 * {@code {links}} URL of the {@link PortContext}, several batches at once, the answers parsed with
 * {@code cadc-votable} and put back in the order the identifiers were asked.
 *
 * <p>Thread-safe: the only mutable state is whether the service refused a POST, after which every
 * call is a GET.
 */
public final class HttpDataLinkAdapter implements DataLinkPort {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final System.Logger LOG = System.getLogger("io.cadc4j.datalink");

    private final PortContext context;
    private final LinksCall call;
    private final Downloader downloader;

    /**
     * Makes the adapter.
     *
     * @param context the pipeline and the {@code {links}} URL
     */
    public HttpDataLinkAdapter(PortContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.call = new LinksCall(context.http(), context.serviceUri(), VOTableReader.builder().build());
        this.downloader = new HttpDownloader(context.http());
    }

    @Override
    public LinkSet links(Collection<String> ids, LinkOptions options) {
        return links(ids, options, LinkListener.NONE);
    }

    @Override
    public LinkSet links(Collection<String> ids, LinkOptions options, LinkListener listener) {
        return resolve(ids, options, new Tally(listener, l -> !l.isError()));
    }

    private LinkSet resolve(Collection<String> ids, LinkOptions options, Tally tally) {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(options, "options");
        Set<String> unique = new LinkedHashSet<>();
        for (String id : ids) {
            Objects.requireNonNull(id, "an identifier in ids");
            if (id.isBlank()) {
                throw new IllegalArgumentException("blank identifier in ids");
            }
            unique.add(id);
        }
        List<List<String>> batches = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String id : unique) {
            current.add(id);
            if (current.size() == options.batchSize()) {
                batches.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        tally.total = unique.size();
        List<Map<String, List<DataLink>>> answers = run(batches, options, tally);
        List<DataLink> rows = new ArrayList<>();
        for (Map<String, List<DataLink>> answer : answers) {
            for (List<DataLink> forId : answer.values()) {
                rows.addAll(forId);
            }
        }
        return LinkSet.of(rows);
    }

    private List<Map<String, List<DataLink>>> run(List<List<String>> batches, LinkOptions options, Tally tally) {
        if (batches.size() <= 1 || options.maxConcurrent() == 1) {
            List<Map<String, List<DataLink>>> out = new ArrayList<>();
            for (List<String> b : batches) {
                out.add(tally.resolved(b, call.resolve(b, options)));
            }
            return out;
        }
        int threads = Math.min(options.maxConcurrent(), batches.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cadc4j-datalink-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Map<String, List<DataLink>>>> futures = new ArrayList<>();
            for (List<String> b : batches) {
                futures.add(pool.submit(() -> tally.resolved(b, call.resolve(b, options))));
            }
            List<Map<String, List<DataLink>>> out = new ArrayList<>();
            for (Future<Map<String, List<DataLink>>> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CadcInterruptedException(context.serviceUri(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CadcException) {
                throw (CadcException) cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException("resolving links at " + context.serviceUri() + " failed", cause);
        } finally {
            tally.stop();
            pool.shutdownNow();
        }
    }

    @Override
    public LinkSet dataLinks(Collection<String> publisherIds, boolean withAuxiliaries) {
        return dataLinks(publisherIds, withAuxiliaries, LinkListener.NONE);
    }

    @Override
    public LinkSet dataLinks(Collection<String> publisherIds, boolean withAuxiliaries, LinkListener listener) {
        Predicate<DataLink> kept = dataFilter(withAuxiliaries);
        LinkSet all = resolve(publisherIds, LinkOptions.builder().downloadsOnly(true).build(),
                new Tally(listener, l -> !l.isError() && kept.test(l)));
        return LinkSet.of(all.select(kept));
    }

    /** The rows {@link #dataLinks} keeps: errors, and links with an access URL whose semantics pass. */
    private static Predicate<DataLink> dataFilter(boolean withAuxiliaries) {
        Predicate<Semantics> filter = withAuxiliaries ? SemanticsFilter.WITH_AUXILIARIES : SemanticsFilter.DATA_ONLY;
        return l -> l.isError() || l.accessUrl().isPresent() && filter.test(l.semantics());
    }

    @Override
    public LinkSet cutoutLinks(Collection<String> publisherIds, Circle circle) {
        return cutoutLinks(publisherIds, circle, LinkListener.NONE);
    }

    @Override
    public LinkSet cutoutLinks(Collection<String> publisherIds, Circle circle, LinkListener listener) {
        Objects.requireNonNull(circle, "circle");
        LinkSet all = resolve(publisherIds, LinkOptions.defaults(), new Tally(listener,
                l -> !l.isError() && isSodaCutout(l)));
        SodaCutout cut = SodaCutout.builder().pos(circle).build();
        List<DataLink> out = new ArrayList<>();
        for (Entry<String, List<DataLink>> e : all.byId().entrySet()) {
            List<DataLink> forId = new ArrayList<>();
            for (DataLink l : e.getValue()) {
                if (l.isError()) {
                    forId.add(l);
                    continue;
                }
                if (!isSodaCutout(l)) {
                    continue;
                }
                try {
                    // astroquery.cadc copies only ID and RUNID from the descriptor; the rest are the caller's.
                    URI url = build(l.service().get(), cut, name -> name.equalsIgnoreCase("ID")
                            || name.equalsIgnoreCase("RUNID"));
                    forId.add(DataLink.builder(l.id(), Semantics.CUTOUT).accessUrl(url)
                            .description(l.description().orElse(null)).contentType(l.contentType().orElse(null))
                            .serviceDef(l.serviceDef().orElse(null)).service(l.service().get()).build());
                } catch (IllegalArgumentException ex) {
                    forId.add(DataLink.builder(l.id(), Semantics.CUTOUT).errorMessage(ex.getMessage()).build());
                }
            }
            if (forId.isEmpty()) {
                forId.add(DataLink.builder(e.getKey(), Semantics.CUTOUT)
                        .errorMessage("no #cutout link with a sync SODA service for this identifier").build());
            }
            out.addAll(forId);
        }
        return LinkSet.of(out);
    }

    /** Whether a link is one {@link #cutoutLinks} makes a URL of: a {@code #cutout} with a sync SODA service. */
    private static boolean isSodaCutout(DataLink l) {
        return l.semantics().isA(Semantics.CUTOUT) && l.service().isPresent() && l.service().get().isSodaSync();
    }

    @Override
    public URI cutoutUrl(ServiceDescriptor descriptor, SodaCutout cut) {
        return build(descriptor, cut, name -> true);
    }

    private static URI build(ServiceDescriptor descriptor, SodaCutout cut, Predicate<String> copy) {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(cut, "cut");
        URI access = descriptor.accessUrl().orElseThrow(() -> new IllegalArgumentException("service descriptor "
                + descriptor.id().orElse("") + " has no accessURL; resolve its resourceIdentifier "
                + descriptor.resourceIdentifier().orElse("(none)") + " in the registry"));
        Set<String> given = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        given.addAll(cut.parameters().keySet());
        List<Map.Entry<String, String>> fixed = new ArrayList<>();
        Map<String, ParamLimits> limits = new LinkedHashMap<>();
        for (ServiceDescriptor.InputParam p : descriptor.inputParams()) {
            if (p.value().isPresent() && !given.contains(p.name()) && copy.test(p.name())) {
                fixed.add(Map.entry(p.name(), p.value().get()));
            }
            if (p.min().isPresent() || p.max().isPresent() || !p.options().isEmpty()) {
                limits.put(p.name().toUpperCase(Locale.ROOT), ParamLimits.of(p.xtype().orElse(null),
                        p.min().orElse(null), p.max().orElse(null), p.options()));
            }
        }
        return SodaCall.syncUrl(access, fixed, cut, limits);
    }

    @Override
    public Downloader downloader() {
        return downloader;
    }

    /**
     * The running totals of one resolution, told to its listener as each batch is resolved: the
     * calls are made under this object's lock, so they never overlap and the counts only grow.
     * After {@link #stop()} (the resolution failed or ended) nothing more is told.
     */
    private static final class Tally {
        private final LinkListener listener;
        private final Predicate<DataLink> counted;
        private int total;
        private int done;
        private int found;
        private boolean stopped;

        Tally(LinkListener listener, Predicate<DataLink> counted) {
            this.listener = Objects.requireNonNull(listener, "listener");
            this.counted = counted;
        }

        synchronized Map<String, List<DataLink>> resolved(List<String> batch, Map<String, List<DataLink>> answer) {
            if (stopped || listener == LinkListener.NONE) {
                return answer;
            }
            done += batch.size();
            for (List<DataLink> rows : answer.values()) {
                for (DataLink l : rows) {
                    if (counted.test(l)) {
                        found++;
                    }
                }
            }
            try {
                listener.batchResolved(done, total, found);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a link listener failed: {0}", e.toString());
            }
            return answer;
        }

        synchronized void stop() {
            stopped = true;
        }
    }

    @Override
    public String toString() {
        return "HttpDataLinkAdapter[" + context.serviceUri() + "]";
    }
}
