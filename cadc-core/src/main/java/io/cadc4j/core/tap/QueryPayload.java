// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.tap;

import io.cadc4j.core.internal.http.FormBody;
import java.net.URI;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The exact request a query would send, without sending it: astroquery's
 * {@code get_query_payload}. {@link io.cadc4j.core.Cadc#payloadOf(TapQuery)} makes one.
 *
 * <p>The parameters are those of TAP 1.1 §4 in the order sent: {@code REQUEST=doQuery},
 * {@code LANG=ADQL}, {@code QUERY}, then {@code MAXREC}, {@code RESPONSEFORMAT} and {@code RUNID}
 * when set, and {@code UPLOAD} listing every table as {@code name,param:name} (a table sent in the
 * request) or {@code name,url} (a table the service fetches). With an inline table the request is
 * {@code multipart/form-data} and each table travels as a part named after it; otherwise it is
 * {@code application/x-www-form-urlencoded}.
 *
 * <pre>{@code
 * QueryPayload p = cadc.payloadOf(CadcQueries.targetName("M31"));
 * System.out.println(p.method() + " " + p.uri() + " " + p.parameter("QUERY").orElseThrow());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class QueryPayload {
    private static final String MULTIPART = "multipart/form-data";

    private final String method;
    private final URI uri;
    private final List<Map.Entry<String, String>> parameters;
    private final List<TableUpload> inlineTables;

    private QueryPayload(String method, URI uri, List<Map.Entry<String, String>> parameters,
            List<TableUpload> inlineTables) {
        this.method = method;
        this.uri = uri;
        this.parameters = List.copyOf(parameters);
        this.inlineTables = List.copyOf(inlineTables);
    }

    /**
     * The request a TAP query makes when POSTed to an endpoint ({@code {tap}/sync} or {@code {tap}/async}).
     *
     * @param endpoint the endpoint the query is posted to
     * @param query the query
     * @return the payload
     */
    public static QueryPayload of(URI endpoint, TapQuery query) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(query, "query");
        List<Map.Entry<String, String>> params = new ArrayList<>();
        params.add(entry("REQUEST", "doQuery"));
        params.add(entry("LANG", "ADQL"));
        params.add(entry("QUERY", query.adql()));
        query.maxRecords().ifPresent(n -> params.add(entry("MAXREC", Long.toString(n))));
        query.responseFormat().ifPresent(f -> params.add(entry("RESPONSEFORMAT", f)));
        query.runId().ifPresent(r -> params.add(entry("RUNID", r)));
        List<TableUpload> inline = new ArrayList<>();
        if (!query.uploads().isEmpty()) {
            List<String> pairs = new ArrayList<>();
            for (TableUpload u : query.uploads()) {
                pairs.add(u.name() + "," + (u.isInline() ? "param:" + u.name() : u.url().orElseThrow().toString()));
                if (u.isInline()) {
                    inline.add(u);
                }
            }
            params.add(entry("UPLOAD", String.join(";", pairs)));
        }
        return new QueryPayload("POST", endpoint, params, inline);
    }

    private static Map.Entry<String, String> entry(String name, String value) {
        return new AbstractMap.SimpleImmutableEntry<>(name, value);
    }

    /** @return the HTTP method, {@code POST} */
    public String method() {
        return method;
    }

    /** @return the URL the request goes to */
    public URI uri() {
        return uri;
    }

    /** @return the form parameters, in the order sent */
    public List<Map.Entry<String, String>> parameters() {
        return parameters;
    }

    /**
     * The value of a parameter.
     *
     * @param name the parameter name, compared without regard to case as TAP does
     * @return the first value, or empty when the parameter is not sent
     */
    public Optional<String> parameter(String name) {
        Objects.requireNonNull(name, "name");
        for (Map.Entry<String, String> e : parameters) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** @return the ADQL text, the {@code QUERY} parameter */
    public String adql() {
        return parameter("QUERY").orElseThrow();
    }

    /** @return the tables that travel inside the request as parts of their own */
    public List<TableUpload> inlineTables() {
        return inlineTables;
    }

    /** @return {@code multipart/form-data} with inline tables, else {@code application/x-www-form-urlencoded} */
    public String contentType() {
        return inlineTables.isEmpty() ? FormBody.MEDIA_TYPE : MULTIPART;
    }

    /**
     * The parameters URL-encoded as a form body ({@code REQUEST=doQuery&LANG=ADQL&QUERY=...}), without
     * the inline tables' content.
     *
     * @return the encoded parameters
     */
    public String encodedParameters() {
        FormBody.Builder b = FormBody.builder();
        parameters.forEach(e -> b.add(e.getKey(), e.getValue()));
        return b.build().encoded();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof QueryPayload)) {
            return false;
        }
        QueryPayload p = (QueryPayload) o;
        return method.equals(p.method) && uri.equals(p.uri) && parameters.equals(p.parameters)
                && inlineTables.equals(p.inlineTables);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, parameters, inlineTables);
    }

    @Override
    public String toString() {
        return method + " " + uri + " " + contentType() + " " + encodedParameters();
    }
}
