// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.datalink.internal;

import io.cadc4j.core.datalink.DataLink;
import io.cadc4j.core.datalink.LinkOptions;
import io.cadc4j.core.datalink.Semantics;
import io.cadc4j.core.datalink.ServiceDescriptor;
import io.cadc4j.core.internal.http.FormBody;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Resource;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.votable.VOTableReader;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One batch of a DataLink {@code {links}} request (DataLink 1.1 §3): the identifiers sent as
 * repeated {@code ID} parameters, POSTed as a form unless the service refused a POST before (405
 * or 501), then GET; the answer's rows grouped by identifier; identifiers the service left out
 * (DataLink lets it stop early, §3.4 overflow) asked again while each round answers some.
 *
 * <p>Thread-safe: the POST refusal is a volatile flag that only ever goes from false to true.
 */
final class LinksCall {
    private static final System.Logger LOG = System.getLogger("io.cadc4j.datalink");
    static final String NOT_ANSWERED = "the DataLink service returned no row for this identifier";

    private final HttpPipeline http;
    private final URI links;
    private final VOTableReader reader;
    private volatile boolean postRefused;

    LinksCall(HttpPipeline http, URI links, VOTableReader reader) {
        this.http = http;
        this.links = links;
        this.reader = reader;
    }

    /**
     * Resolves one batch.
     *
     * @return the rows by asked identifier in the order asked; then rows for identifiers not asked
     */
    Map<String, List<DataLink>> resolve(List<String> ids, LinkOptions options) {
        Map<String, List<DataLink>> byId = new LinkedHashMap<>();
        for (String id : ids) {
            byId.put(id, new ArrayList<>());
        }
        Map<String, List<DataLink>> strays = new LinkedHashMap<>();
        List<String> missing = ids;
        while (!missing.isEmpty()) {
            Answer answer = fetch(missing, options);
            boolean progress = false;
            for (DataLink row : answer.rows) {
                List<DataLink> slot = byId.get(row.id());
                if (slot == null) {
                    strays.computeIfAbsent(row.id(), k -> new ArrayList<>()).add(row);
                    continue;
                }
                if (missing.contains(row.id())) {
                    slot.add(row);
                    progress = true;
                }
            }
            List<String> still = new ArrayList<>();
            for (String id : missing) {
                if (byId.get(id).isEmpty()) {
                    still.add(id);
                }
            }
            if (!still.isEmpty()) {
                LOG.log(Level.DEBUG, "{0} answered {1} of {2} identifiers{3}", links,
                        missing.size() - still.size(), missing.size(), answer.overflow ? " (overflow)" : "");
            }
            if (!progress) {
                for (String id : still) {
                    byId.get(id).add(DataLink.builder(id, Semantics.THIS).errorMessage(NOT_ANSWERED).build());
                }
                break;
            }
            missing = still;
        }
        byId.putAll(strays);
        return byId;
    }

    private Answer fetch(List<String> ids, LinkOptions options) {
        FormBody.Builder form = FormBody.builder();
        for (String id : ids) {
            form.add("ID", id);
        }
        if (options.downloadsOnly()) {
            form.add("REQUEST", "downloads-only");
        }
        FormBody body = form.build();
        if (options.post() && !postRefused) {
            HttpResponse r = http.send(HttpRequest.newBuilder(links).POST(body).build());
            if (r.status() == 405 || r.status() == 501) {
                r.close();
                LOG.log(Level.DEBUG, "{0} refused POST ({1}); using GET", links, r.status());
                postRefused = true;
            } else if (r.status() >= 200 && r.status() < 300) {
                return read(r, ids);
            } else {
                throw HttpPipeline.errorFor(r);
            }
        }
        URI get = withQuery(links, body.encoded());
        return read(http.sendExpectingSuccess(HttpRequest.newBuilder(get).GET().build()), ids);
    }

    static URI withQuery(URI base, String query) {
        String s = base.toString();
        String sep = base.getRawQuery() == null ? "?" : s.endsWith("&") || s.endsWith("?") ? "" : "&";
        return URI.create(s + sep + query);
    }

    private Answer read(HttpResponse response, List<String> ids) {
        try (HttpResponse r = response; RowCursor rows = reader.open(r.body(), links)) {
            return parse(rows, ids.size() > 1, links);
        }
    }

    /**
     * Reads a DataLink table: each row with every DataLink 1.1 column the table has, and rows that
     * name a service descriptor given the descriptor bound to that row.
     */
    static Answer parse(RowCursor rows, boolean dropLastOnOverflow, URI source) {
        TableMetadata t = rows.metadata();
        int id = column(t, "ID");
        if (id < 0) {
            throw new io.cadc4j.core.ProtocolViolationException("the DataLink answer has no ID column; columns are "
                    + names(t), source, null);
        }
        int access = column(t, "access_url");
        int service = column(t, "service_def");
        int error = column(t, "error_message");
        int semantics = column(t, "semantics");
        int description = column(t, "description");
        int contentType = column(t, "content_type");
        int contentLength = column(t, "content_length");
        int qualifier = column(t, "content_qualifier");
        int local = column(t, "local_semantics");
        int auth = column(t, "link_auth");
        int authorized = column(t, "link_authorized");
        List<DataLink> out = new ArrayList<>();
        List<Row> snapshots = new ArrayList<>();
        while (rows.next()) {
            String rowId = text(rows, id);
            if (rowId == null) {
                continue;
            }
            String sem = text(rows, semantics);
            DataLink.Builder b = DataLink.builder(rowId, sem == null ? Semantics.THIS : Semantics.of(sem))
                    .serviceDef(text(rows, service)).errorMessage(text(rows, error))
                    .description(text(rows, description)).contentType(text(rows, contentType))
                    .contentLength(number(rows, contentLength)).contentQualifier(text(rows, qualifier))
                    .localSemantics(text(rows, local)).linkAuth(text(rows, auth))
                    .linkAuthorized(bool(rows, authorized));
            String url = text(rows, access);
            if (url != null) {
                try {
                    b.accessUrl(new URI(url.replace(" ", "%20")));
                } catch (java.net.URISyntaxException e) {
                    b.errorMessage("unreadable access_url '" + url + "': " + e.getMessage());
                }
            }
            out.add(b.build());
            snapshots.add(text(rows, service) != null ? rows.snapshot() : null);
        }
        boolean overflow = rows.isOverflow();
        Map<String, ServiceDescriptor> descriptors = new HashMap<>();
        for (Resource r : rows.document().serviceDescriptors()) {
            if (r.id().isPresent()) {
                descriptors.put(r.id().get(), ServiceDescriptor.from(r));
            }
        }
        for (int i = 0; i < out.size(); i++) {
            DataLink l = out.get(i);
            Optional<String> def = l.serviceDef();
            if (def.isPresent() && descriptors.containsKey(def.get())) {
                out.set(i, l.toBuilder().service(descriptors.get(def.get()).bind(t, snapshots.get(i))).build());
            }
        }
        if (overflow && dropLastOnOverflow && !out.isEmpty()) {
            // The rows of the last identifier may be incomplete: ask for it again.
            String last = out.get(out.size() - 1).id();
            out.removeIf(l -> l.id().equals(last));
        }
        return new Answer(out, overflow);
    }

    private static int column(TableMetadata t, String name) {
        List<Field> fields = t.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String names(TableMetadata t) {
        List<String> n = new ArrayList<>();
        t.fields().forEach(f -> n.add(f.name()));
        return n.toString();
    }

    private static String text(Row row, int column) {
        if (column < 0 || row.isNull(column)) {
            return null;
        }
        Object o = row.getObject(column);
        String s = o == null ? null : o.toString().strip();
        return s == null || s.isEmpty() ? null : s;
    }

    private static Long number(Row row, int column) {
        if (column < 0 || row.isNull(column)) {
            return null;
        }
        Object o = row.getObject(column);
        if (o instanceof Number) {
            return ((Number) o).longValue();
        }
        String s = text(row, column);
        try {
            return s == null ? null : Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean bool(Row row, int column) {
        if (column < 0 || row.isNull(column)) {
            return null;
        }
        Object o = row.getObject(column);
        if (o instanceof Boolean) {
            return (Boolean) o;
        }
        String s = text(row, column);
        if (s == null) {
            return null;
        }
        return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("t") || s.equals("1");
    }

    /** The rows of one answer and whether the service said it stopped early. */
    static final class Answer {
        final List<DataLink> rows;
        final boolean overflow;

        Answer(List<DataLink> rows, boolean overflow) {
            this.rows = rows;
            this.overflow = overflow;
        }
    }
}
