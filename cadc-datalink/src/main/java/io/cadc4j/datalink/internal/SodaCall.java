// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.datalink.internal;

import io.cadc4j.core.datalink.SodaCutout;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the URL of a sync SODA call (SODA 1.0 §3.2, DataLink 1.1 §4 "Building the call"): the
 * descriptor's access URL, then its fixed parameters ({@code ID}, {@code RUNID}, ...) in the
 * order given, then the cut's parameters after they pass the descriptor's limits. Stateless.
 *
 * <p>Values are percent-encoded as UTF-8 with spaces as {@code %20}, which every server decodes
 * alike (a {@code +} is a space only to form decoders). A parameter the access URL already
 * carries in its query is kept, and the new ones follow it.
 */
final class SodaCall {
    private SodaCall() {
    }

    /**
     * The URL of the call.
     *
     * @param accessUrl the service's access URL
     * @param fixed the descriptor's fixed parameters, each name with its values
     * @param cut the caller's cut
     * @param limits the descriptor's limits by parameter name; empty when it gives none
     * @return the URL
     * @throws IllegalArgumentException if a value of the cut lies outside its limits
     */
    static URI syncUrl(URI accessUrl, List<Map.Entry<String, String>> fixed, SodaCutout cut,
            Map<String, ParamLimits> limits) {
        Objects.requireNonNull(accessUrl, "accessUrl");
        SodaParameterCheck.check(cut, limits);
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> p : fixed) {
            append(query, p.getKey(), p.getValue());
        }
        for (Map.Entry<String, List<String>> p : cut.parameters().entrySet()) {
            for (String v : p.getValue()) {
                append(query, p.getKey(), v);
            }
        }
        String base = accessUrl.toString();
        if (query.length() == 0) {
            return accessUrl;
        }
        String separator = accessUrl.getRawQuery() == null ? "?" : base.endsWith("&") || base.endsWith("?") ? "" : "&";
        return URI.create(base + separator + query);
    }

    private static void append(StringBuilder query, String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(encode(name)).append('=').append(encode(value));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
