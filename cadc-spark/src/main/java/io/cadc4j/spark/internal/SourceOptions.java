// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.spark.internal;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The options of one {@code spark.read.format("cadc")} read, checked when the read is defined
 * (on the driver, before any task runs). Option names are compared without regard to case, as
 * Spark does.
 *
 * <p>Credentials are named by file (a netrc file, a file holding a cookie or a token), never given
 * as text: the secret is read from the file when a request is made, so it is never part of the
 * options, the plan, {@link #toString()} or Spark's UI.
 *
 * <p>Immutable and serializable (it travels to the executors inside each partition).
 */
public final class SourceOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The options a read understands, lower-case. */
    static final Set<String> KNOWN = Set.of("registry", "tapurl", "tapservice", "query", "table", "partitioncolumn",
            "lowerbound", "upperbound", "numpartitions", "predicates", "mode", "maxrec", "responseformat", "netrc",
            "cookiefile", "tokenfile", "timeout", "asynctimeout");

    /** How each partition's request is run. */
    public enum Mode {
        /** One synchronous request ({@code /sync}), streamed. */
        SYNC,
        /** An asynchronous job ({@code /async}): created, run, its result streamed, then deleted. */
        ASYNC
    }

    /** Which credentials file was given. */
    public enum CredentialKind {
        /** None: anonymous requests. */
        NONE,
        /** A netrc file: HTTP basic for the TAP host's entry. */
        NETRC,
        /** A file holding a CADC_SSO cookie value. */
        COOKIE,
        /** A file holding a bearer token. */
        TOKEN
    }

    private final URI registry;
    private final URI tapUrl;
    private final String tapService;
    private final String query;
    private final String table;
    private final String partitionColumn;
    private final String lowerBound;
    private final String upperBound;
    private final int numPartitions;
    private final List<String> predicates;
    private final Mode mode;
    private final long maxrec;
    private final String responseFormat;
    private final CredentialKind credentialKind;
    private final String credentialFile;
    private final Duration timeout;
    private final Duration asyncTimeout;
    private final Map<String, String> given;

    private SourceOptions(Map<String, String> o) {
        given = Map.copyOf(o);
        registry = uri(o, "registry");
        tapUrl = uri(o, "tapurl");
        if (registry != null && tapUrl != null) {
            throw bad("give either 'registry' or 'tapUrl', not both");
        }
        tapService = o.get("tapservice");
        if (tapService != null && tapUrl != null) {
            throw bad("'tapService' names a service in a registry; with 'tapUrl' there is none");
        }
        query = text(o, "query");
        table = text(o, "table");
        if ((query == null) == (table == null)) {
            throw bad(query == null ? "give 'query' (an ADQL text) or 'table' (a table name)"
                    : "give either 'query' or 'table', not both");
        }
        if (table != null && !table.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*){0,2}|\"[^\"]+\"")) {
            throw bad("'table' must be a table name such as caom2.Plane, not '" + table + "'");
        }
        partitionColumn = text(o, "partitioncolumn");
        lowerBound = text(o, "lowerbound");
        upperBound = text(o, "upperbound");
        String n = text(o, "numpartitions");
        String preds = text(o, "predicates");
        boolean anyRange = partitionColumn != null || lowerBound != null || upperBound != null;
        if (anyRange && (partitionColumn == null || lowerBound == null || upperBound == null || n == null)) {
            throw bad("'partitionColumn', 'lowerBound', 'upperBound' and 'numPartitions' go together: give all four"
                    + " (missing: " + missing(o, "partitionColumn", "lowerBound", "upperBound", "numPartitions") + ")");
        }
        if (preds != null && anyRange) {
            throw bad("give either 'predicates' or 'partitionColumn' with its bounds, not both");
        }
        if (n != null) {
            numPartitions = parseInt(n, "numPartitions");
            if (numPartitions < 1) {
                throw bad("'numPartitions' must be 1 or more, not " + n);
            }
            if (!anyRange && preds == null) {
                throw bad("'numPartitions' needs 'partitionColumn', 'lowerBound' and 'upperBound'");
            }
        } else {
            numPartitions = 1;
        }
        predicates = preds == null ? List.of() : Predicates.parse(preds);
        if (preds != null && predicates.isEmpty()) {
            throw bad("'predicates' lists no predicate");
        }
        String m = text(o, "mode");
        if (m == null || m.equalsIgnoreCase("sync")) {
            mode = Mode.SYNC;
        } else if (m.equalsIgnoreCase("async")) {
            mode = Mode.ASYNC;
        } else {
            throw bad("'mode' is 'sync' or 'async', not '" + m + "'");
        }
        String mr = text(o, "maxrec");
        maxrec = mr == null ? -1 : parseLong(mr, "maxrec");
        if (mr != null && maxrec < 0) {
            throw bad("'maxrec' must not be negative: " + mr);
        }
        responseFormat = text(o, "responseformat");
        CredentialKind kind = CredentialKind.NONE;
        String file = null;
        int given = 0;
        for (String k : List.of("netrc", "cookiefile", "tokenfile")) {
            if (o.containsKey(k)) {
                given++;
                file = text(o, k);
                if (file == null) {
                    throw bad("'" + k + "' names a file; it is empty");
                }
                kind = k.equals("netrc") ? CredentialKind.NETRC
                        : k.equals("cookiefile") ? CredentialKind.COOKIE : CredentialKind.TOKEN;
            }
        }
        if (given > 1) {
            throw bad("give only one of 'netrc', 'cookieFile' and 'tokenFile'");
        }
        if (file != null && !Files.isReadable(Path.of(file))) {
            throw bad("the credentials file " + file + " does not exist or cannot be read");
        }
        credentialKind = kind;
        credentialFile = file;
        timeout = duration(o, "timeout", null);
        asyncTimeout = duration(o, "asynctimeout", Duration.ofHours(1));
    }

    /**
     * Checks and keeps a read's options.
     *
     * @param options the options as Spark gives them (any case)
     * @return the options
     * @throws IllegalArgumentException naming the option, for any unknown, missing or malformed one
     */
    public static SourceOptions of(Map<String, String> options) {
        Map<String, String> lower = new TreeMap<>();
        Set<String> unknown = new TreeSet<>();
        options.forEach((k, v) -> {
            String key = k.toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(key)) {
                unknown.add(k);
            }
            lower.put(key, v);
        });
        if (!unknown.isEmpty()) {
            throw bad("unknown option" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + "; the options are registry, tapUrl, tapService, query, table, partitionColumn, lowerBound,"
                    + " upperBound, numPartitions, predicates, mode, maxrec, responseFormat, netrc, cookieFile,"
                    + " tokenFile, timeout, asyncTimeout");
        }
        return new SourceOptions(lower);
    }

    /** @return the registry, if given */
    public Optional<URI> registry() {
        return Optional.ofNullable(registry);
    }

    /** @return the TAP base URL, if given */
    public Optional<URI> tapUrl() {
        return Optional.ofNullable(tapUrl);
    }

    /** @return the TAP service id to look up in the registry, if given */
    public Optional<String> tapService() {
        return Optional.ofNullable(tapService);
    }

    /** @return the ADQL query, if given */
    public Optional<String> query() {
        return Optional.ofNullable(query);
    }

    /** @return the table name, if given */
    public Optional<String> table() {
        return Optional.ofNullable(table);
    }

    /** @return the partition column, if given */
    public Optional<String> partitionColumn() {
        return Optional.ofNullable(partitionColumn);
    }

    /** @return the lower bound's text, with a partition column */
    public String lowerBound() {
        return lowerBound;
    }

    /** @return the upper bound's text, with a partition column */
    public String upperBound() {
        return upperBound;
    }

    /** @return the number of partitions asked for (1 when not given) */
    public int numPartitions() {
        return numPartitions;
    }

    /** @return the explicit predicates, one per partition; empty when not given */
    public List<String> predicates() {
        return predicates;
    }

    /** @return how requests are run */
    public Mode mode() {
        return mode;
    }

    /** @return the MAXREC to send, or -1 to send none */
    public long maxrec() {
        return maxrec;
    }

    /** @return the RESPONSEFORMAT to send, if given */
    public Optional<String> responseFormat() {
        return Optional.ofNullable(responseFormat);
    }

    /** @return which credentials file was given */
    public CredentialKind credentialKind() {
        return credentialKind;
    }

    /** @return the credentials file, if given */
    public Optional<String> credentialFile() {
        return Optional.ofNullable(credentialFile);
    }

    /** @return the request timeout, if given */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** @return the longest wait for an async job */
    public Duration asyncTimeout() {
        return asyncTimeout;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceOptions && ((SourceOptions) o).given.equals(given);
    }

    @Override
    public int hashCode() {
        return given.hashCode();
    }

    /** @return the service, the source of rows and the partitioning; never a secret */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("cadc[");
        b.append(tapUrl != null ? "tapUrl=" + tapUrl : registry != null ? "registry=" + registry : "registry=CADC");
        if (tapService != null) {
            b.append(", tapService=").append(tapService);
        }
        b.append(table != null ? ", table=" + table : ", query=" + query);
        if (partitionColumn != null) {
            b.append(", partitionColumn=").append(partitionColumn).append(" [").append(lowerBound).append(", ")
                    .append(upperBound).append(") in ").append(numPartitions);
        } else if (!predicates.isEmpty()) {
            b.append(", predicates=").append(predicates.size());
        }
        b.append(", mode=").append(mode.name().toLowerCase(Locale.ROOT));
        if (credentialKind != CredentialKind.NONE) {
            b.append(", credentials=").append(credentialKind.name().toLowerCase(Locale.ROOT)).append(" file");
        }
        return b.append(']').toString();
    }

    static IllegalArgumentException bad(String message) {
        return new IllegalArgumentException("cadc data source: " + message);
    }

    private static String missing(Map<String, String> o, String... names) {
        List<String> m = new ArrayList<>();
        for (String n : names) {
            if (text(o, n.toLowerCase(Locale.ROOT)) == null) {
                m.add(n);
            }
        }
        return String.join(", ", m);
    }

    private static String text(Map<String, String> o, String key) {
        String v = o.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static URI uri(Map<String, String> o, String key) {
        String v = text(o, key);
        if (v == null) {
            if (o.containsKey(key)) {
                throw bad("'" + key + "' is empty");
            }
            return null;
        }
        try {
            URI u = new URI(v);
            if (u.getScheme() == null || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))
                    || u.getHost() == null) {
                throw bad("'" + (key.equals("tapurl") ? "tapUrl" : key) + "' must be an http or https URL, not '" + v + "'");
            }
            return u;
        } catch (URISyntaxException e) {
            throw bad("'" + (key.equals("tapurl") ? "tapUrl" : key) + "' is not a URL: '" + v + "'");
        }
    }

    private static int parseInt(String v, String name) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw bad("'" + name + "' must be a whole number, not '" + v + "'");
        }
    }

    private static long parseLong(String v, String name) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw bad("'" + name + "' must be a whole number, not '" + v + "'");
        }
    }

    private static Duration duration(Map<String, String> o, String key, Duration fallback) {
        String v = text(o, key);
        if (v == null) {
            return fallback;
        }
        try {
            Duration d = v.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(v)) : Duration.parse(v);
            if (d.isZero() || d.isNegative()) {
                throw bad("'" + key + "' must be positive: '" + v + "'");
            }
            return d;
        } catch (java.time.format.DateTimeParseException | ArithmeticException e) {
            throw bad("'" + key + "' is a number of seconds or an ISO-8601 duration (PT30S), not '" + v + "'");
        }
    }
}
