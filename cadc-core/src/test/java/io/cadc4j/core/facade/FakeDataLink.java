// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.facade;

import io.cadc4j.core.AuthenticationException;
import io.cadc4j.core.sky.Circle;
import io.cadc4j.core.datalink.DataLink;
import io.cadc4j.core.datalink.DataLinkPort;
import io.cadc4j.core.datalink.DownloadListener;
import io.cadc4j.core.datalink.DownloadOptions;
import io.cadc4j.core.datalink.DownloadOutcome;
import io.cadc4j.core.datalink.DownloadRequest;
import io.cadc4j.core.datalink.Downloader;
import io.cadc4j.core.datalink.FitsCard;
import io.cadc4j.core.datalink.FitsHeader;
import io.cadc4j.core.datalink.LinkListener;
import io.cadc4j.core.datalink.LinkOptions;
import io.cadc4j.core.datalink.LinkSet;
import io.cadc4j.core.datalink.Semantics;
import io.cadc4j.core.datalink.ServiceDescriptor;
import io.cadc4j.core.datalink.SodaCutout;
import io.cadc4j.core.internal.port.DataLinkPortProvider;
import io.cadc4j.core.internal.port.PortContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A DataLink provider double, for the facade's tests and the command's (which get it from this
 * module's test jar): records contexts, the identifiers and circles asked, and the downloads. An
 * identifier containing "unknown" gets an error row; a download writes 2880 zero bytes named after
 * the URL's last segment, unless the URL contains {@link #refused} (401) or {@link #missing} (404).
 *
 * <p>Thread-safe: the records are synchronized lists, the settings volatile.
 */
public final class FakeDataLink implements DataLinkPortProvider {
    /** The context of every port made. */
    public final List<PortContext> contexts = Collections.synchronizedList(new ArrayList<>());
    /** The identifiers of every links or cutout call. */
    public final List<List<String>> asked = Collections.synchronizedList(new ArrayList<>());
    /** Whether each links call asked for the auxiliary links. */
    public final List<Boolean> auxiliaries = Collections.synchronizedList(new ArrayList<>());
    /** The circle of every cutout call. */
    public final List<Circle> circles = Collections.synchronizedList(new ArrayList<>());
    /** Every download asked for. */
    public final List<DownloadRequest> downloads = Collections.synchronizedList(new ArrayList<>());
    /** The options of every download. */
    public final List<DownloadOptions> options = Collections.synchronizedList(new ArrayList<>());
    /** A URL containing this fails with a 401. */
    public volatile String refused = "private";
    /** A URL containing this fails with a 404. */
    public volatile String missing = "\0";
    /** How many progress events a download sends its listener (0: none, not even started/finished). */
    public volatile int progressSteps;
    /** How many identifiers make one batch told to a {@link LinkListener}. */
    public volatile int linkBatch = 2;
    /** Run after the first batch has been told (a Ctrl-C in the middle, say). */
    public volatile Runnable afterFirstBatch = () -> { };

    @Override
    public String name() {
        return "fake";
    }

    /**
     * The data file the links of an identifier point to.
     *
     * @param id a publisher identifier
     * @return {@code https://data.example.org/} followed by the part after {@code ?} and {@code .fits}
     */
    public static URI fileOf(String id) {
        return URI.create("https://data.example.org/" + id.substring(id.indexOf('?') + 1) + ".fits");
    }

    @Override
    public DataLinkPort create(PortContext context) {
        contexts.add(context);
        return new DataLinkPort() {
            @Override
            public LinkSet links(Collection<String> ids, LinkOptions o) {
                throw new UnsupportedOperationException("not used by these tests");
            }

            @Override
            public LinkSet dataLinks(Collection<String> ids, boolean withAuxiliaries) {
                asked.add(List.copyOf(ids));
                auxiliaries.add(withAuxiliaries);
                List<DataLink> rows = new ArrayList<>();
                for (String id : ids) {
                    if (id.contains("unknown")) {
                        rows.add(DataLink.of(id, null, null, "NotFoundFault: " + id, Semantics.THIS, null));
                        continue;
                    }
                    rows.add(DataLink.of(id, fileOf(id), null, null, Semantics.THIS, "application/fits"));
                    if (withAuxiliaries) {
                        rows.add(DataLink.of(id, URI.create(fileOf(id) + ".png"), null, null, Semantics.PREVIEW,
                                "image/png"));
                    }
                }
                return LinkSet.of(rows);
            }

            /** Tells the listener of every {@link #linkBatch} distinct identifiers, as the HTTP adapter does. */
            @Override
            public LinkSet dataLinks(Collection<String> ids, boolean withAuxiliaries, LinkListener listener) {
                return told(ids, dataLinks(ids, withAuxiliaries), listener);
            }

            /** Tells the listener of every {@link #linkBatch} distinct identifiers, as the HTTP adapter does. */
            @Override
            public LinkSet cutoutLinks(Collection<String> ids, Circle circle, LinkListener listener) {
                return told(ids, cutoutLinks(ids, circle), listener);
            }

            private LinkSet told(Collection<String> ids, LinkSet set, LinkListener listener) {
                List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
                int links = 0;
                for (int i = 0; i < distinct.size(); i++) {
                    links += (int) set.forId(distinct.get(i)).stream().filter(l -> !l.isError()).count();
                    if ((i + 1) % linkBatch == 0 || i + 1 == distinct.size()) {
                        listener.batchResolved(i + 1, distinct.size(), links);
                        if (i + 1 == linkBatch) {
                            afterFirstBatch.run();
                        }
                    }
                }
                return set;
            }

            @Override
            public LinkSet cutoutLinks(Collection<String> ids, Circle circle) {
                asked.add(List.copyOf(ids));
                circles.add(circle);
                List<DataLink> rows = new ArrayList<>();
                for (String id : ids) {
                    if (id.contains("unknown")) {
                        rows.add(DataLink.of(id, null, null, "no cutout service for " + id, Semantics.CUTOUT, null));
                    } else {
                        rows.add(DataLink.of(id, URI.create(fileOf(id) + "?POS=" + circle.sodaValue().replace(' ', '+')),
                                null, null, Semantics.CUTOUT, "application/fits"));
                    }
                }
                return LinkSet.of(rows);
            }

            @Override
            public URI cutoutUrl(ServiceDescriptor descriptor, SodaCutout cut) {
                throw new UnsupportedOperationException("not used by these tests");
            }

            @Override
            public Downloader downloader() {
                return new Downloader() {
                    @Override
                    public DownloadOutcome download(DownloadRequest request, DownloadOptions o,
                            DownloadListener listener) {
                        downloads.add(request);
                        options.add(o);
                        if (request.uri().toString().contains(refused)) {
                            throw new AuthenticationException("401 Unauthorized from " + request.uri(), 401,
                                    request.uri(), null);
                        }
                        if (request.uri().toString().contains(missing)) {
                            throw new io.cadc4j.core.NotFoundException("404 Not Found from " + request.uri(), 404,
                                    request.uri(), null);
                        }
                        String path = request.uri().getPath();
                        if (progressSteps > 0) {
                            listener.started(request, path.substring(path.lastIndexOf('/') + 1), 0);
                            for (int i = 1; i <= progressSteps; i++) {
                                listener.progress(request, 2880L * i / progressSteps, java.util.OptionalLong.of(2880));
                            }
                        }
                        java.nio.file.Path file = request.directory().get().resolve(path.substring(path.lastIndexOf('/') + 1));
                        try {
                            java.nio.file.Files.createDirectories(file.getParent());
                            java.nio.file.Files.write(file, new byte[2880]);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        return DownloadOutcome.done(request, file, 2880,
                                FitsHeader.of(List.of(FitsCard.parse("SIMPLE  =                    T"),
                                        FitsCard.parse("OBJECT  = '" + path.substring(1, 8) + "'"))));
                    }

                    @Override
                    public List<DownloadOutcome> downloadAll(List<DownloadRequest> requests, DownloadOptions o,
                            DownloadListener listener) {
                        List<DownloadOutcome> out = new ArrayList<>();
                        for (DownloadRequest r : requests) {
                            DownloadOutcome outcome;
                            try {
                                outcome = download(r, o, listener);
                            } catch (io.cadc4j.core.CadcException e) {
                                outcome = DownloadOutcome.failed(r, e);
                            }
                            if (progressSteps > 0) {
                                listener.finished(outcome);
                            }
                            out.add(outcome);
                        }
                        return out;
                    }
                };
            }
        };
    }
}
