// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.server.names;

import io.cadc4j.testing.Fixtures;
import io.cadc4j.tests.server.Exchange;
import io.cadc4j.tests.server.RecordedRequest;
import io.cadc4j.tests.server.StandInServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for both name resolvers on one loopback {@link StandInServer}, answering with the
 * captured documents of {@code fixtures/resolver} (see {@code fixtures/SOURCES.md}):
 * <ul>
 *   <li>CDS Sesame: {@code GET /cgi-bin/nph-sesame/<databases>?<name>} ({@link #sesameMirror()}):
 *       {@code ngc3642}, {@code castor}, {@code hd 3145} with their real answers, {@code m31} with
 *       VizieR's real "Nothing found"; any other name with that answer's shape for the name (written
 *       here).</li>
 *   <li>CADC's target resolver: {@code GET /cadc-target-resolver/find?target=<name>&...}
 *       ({@link #cadcFind()}): {@code m31} (NED's answer) and {@code hd 3145} (VizieR's); any other
 *       name HTTP 425 with the not-found answer, its {@code target=} line naming the name.</li>
 *   <li>The registry: {@code GET /reg/resource-caps} ({@link #registry()}) maps
 *       {@code ivo://cadc.nrc.ca/resolver} to {@code /cadc-target-resolver/capabilities}, the
 *       resolver's real capabilities document with this server as its host.</li>
 * </ul>
 * Names are matched without regard to case, as both services do. {@link #answer(String, String)}
 * and {@link #cadcAnswer(String, String)} add or replace answers;
 * {@link #fault(Fault)} makes every resolver request fail one way (the registry keeps answering).
 *
 * <pre>{@code
 * try (NameResolverStandIn down = NameResolverStandIn.start(fixtures).fault(Fault.UNAVAILABLE);
 *      NameResolverStandIn up = NameResolverStandIn.start(fixtures)) {
 *     ... endpoints List.of(down.sesameMirror(), up.sesameMirror()) ...
 *     assertThat(up.namesAsked()).containsExactly("ngc3642");
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class NameResolverStandIn implements AutoCloseable {
    /** The path of Sesame's interface, as on CDS's servers. */
    public static final String SESAME_PATH = "/cgi-bin/nph-sesame/";
    /** The path of CADC's resolver's {@code find} endpoint. */
    public static final String CADC_FIND_PATH = "/cadc-target-resolver/find";

    private static final String CAPABILITIES_PATH = "/cadc-target-resolver/capabilities";

    /** How a resolver request is answered. */
    public enum Fault {
        /** Normally (the default). */
        NONE,
        /** HTTP 503 with a short text, as a mirror that is down behind its proxy. */
        UNAVAILABLE,
        /** HTTP 500. */
        SERVER_ERROR,
        /** Never: the answer's headers are held until the server closes. */
        STALL,
        /** HTTP 404, as a mirror whose path moved. */
        MOVED,
        /** HTTP 200 with an HTML page instead of the answer. */
        HTML
    }

    private final StandInServer server;
    private final Map<String, String> sesame = new ConcurrentHashMap<>();
    private final Map<String, String> cadc = new ConcurrentHashMap<>();
    private final String sesameNotFound;
    private final String cadcNotFound;
    private final String capabilities;
    private volatile Fault fault = Fault.NONE;

    private NameResolverStandIn(Path resolverFixtures) throws IOException {
        this.server = StandInServer.start();
        sesame.put("ngc3642", read(resolverFixtures, "sesame-snv-ngc3642-found.txt"));
        sesame.put("castor", read(resolverFixtures, "sesame-snv-castor-found.txt"));
        sesame.put("hd 3145", read(resolverFixtures, "sesame-vizier-hd3145-found.txt"));
        sesameNotFound = read(resolverFixtures, "sesame-vizier-m31-not-found.txt");
        sesame.put("m31", sesameNotFound);
        cadc.put("m31", read(resolverFixtures, "cadc-resolver-m31-found.txt"));
        cadc.put("hd 3145", read(resolverFixtures, "cadc-resolver-vizier-hd3145-found.txt"));
        cadcNotFound = read(resolverFixtures, "cadc-resolver-not-found-425.txt");
        capabilities = read(resolverFixtures, "cadc-resolver-capabilities-template.xml")
                .replace("https://replace.me.com", "http://127.0.0.1:" + server.port());
        server.routeUnder("GET", SESAME_PATH.substring(0, SESAME_PATH.length() - 1), this::sesame);
        server.route("GET", CADC_FIND_PATH, this::cadc);
        server.route("GET", CAPABILITIES_PATH, x -> x.header("Content-Type", "text/xml")
                .send(200, capabilities.getBytes(StandardCharsets.UTF_8)));
        server.route("GET", "/reg/resource-caps", x -> x.header("Content-Type", "text/plain")
                .send(200, ("# a stand-in registry\nivo://cadc.nrc.ca/resolver = " + server.uri(CAPABILITIES_PATH)
                        + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Starts a stand-in on a free loopback port.
     *
     * @param resolverFixtures the {@code fixtures/resolver} directory
     * @return the running stand-in
     * @throws UncheckedIOException if a fixture cannot be read
     */
    public static NameResolverStandIn start(Path resolverFixtures) {
        Objects.requireNonNull(resolverFixtures, "resolverFixtures");
        try {
            return new NameResolverStandIn(resolverFixtures);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resolver fixtures in " + resolverFixtures, e);
        }
    }

    /**
     * The {@code fixtures/resolver} directory of the repository the tests run in (the system
     * property {@code cadc4j.repo.dir}, which the build sets, else the parent directory).
     *
     * @return the directory
     */
    public static Path repositoryFixtures() {
        return Fixtures.dir().resolve("resolver");
    }

    private static String read(Path dir, String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    /**
     * Makes every resolver request fail one way from now on ({@link Fault#NONE} to answer again).
     *
     * @param how the fault
     * @return this stand-in
     */
    public NameResolverStandIn fault(Fault how) {
        this.fault = Objects.requireNonNull(how, "how");
        return this;
    }

    /**
     * Sets Sesame's answer for a name (the name as sent, decoded).
     *
     * @param name the name
     * @param text the plain-text answer
     * @return this stand-in
     */
    public NameResolverStandIn answer(String name, String text) {
        sesame.put(key(Objects.requireNonNull(name, "name")), Objects.requireNonNull(text, "text"));
        return this;
    }

    /**
     * Sets CADC's resolver's answer (HTTP 200) for a name.
     *
     * @param name the name
     * @param text the {@code key=value} answer
     * @return this stand-in
     */
    public NameResolverStandIn cadcAnswer(String name, String text) {
        cadc.put(key(Objects.requireNonNull(name, "name")), Objects.requireNonNull(text, "text"));
        return this;
    }

    /**
     * The Sesame mirror URL, ending in {@code /nph-sesame/} as astropy's do.
     *
     * @return the URL
     */
    public URI sesameMirror() {
        return server.uri(SESAME_PATH);
    }

    /**
     * The URL of CADC's resolver's {@code find} endpoint.
     *
     * @return the URL
     */
    public URI cadcFind() {
        return server.uri(CADC_FIND_PATH);
    }

    /**
     * The registry file that names CADC's resolver here.
     *
     * @return the URL
     */
    public URI registry() {
        return server.uri("/reg/resource-caps");
    }

    /**
     * The names asked of either resolver so far, decoded, in arrival order.
     *
     * @return the names
     */
    public List<String> namesAsked() {
        List<String> names = new ArrayList<>();
        for (RecordedRequest r : server.requests()) {
            String n = nameOf(r.uri());
            if (n != null) {
                names.add(n);
            }
        }
        return names;
    }

    /**
     * The raw (still encoded) query strings of the resolver requests so far.
     *
     * @return the queries
     */
    public List<String> rawQueries() {
        List<String> out = new ArrayList<>();
        for (RecordedRequest r : server.requests()) {
            if (nameOf(r.uri()) != null) {
                out.add(r.uri().getRawQuery());
            }
        }
        return out;
    }

    /**
     * The server underneath, for its request log.
     *
     * @return the server
     */
    public StandInServer server() {
        return server;
    }

    private static String nameOf(URI uri) {
        String path = uri.getPath();
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        if (path.startsWith(SESAME_PATH)) {
            return decode(query);
        }
        if (path.equals(CADC_FIND_PATH)) {
            return param(query, "target");
        }
        return null;
    }

    /** Both services ignore case in names, and so does the stand-in. */
    private static String key(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    private static String param(String rawQuery, String key) {
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && decode(pair.substring(0, eq)).equals(key)) {
                return decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static String decode(String s) {
        // Sesame takes the query as the name, where '+' is a plus: decode %XX only.
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private boolean faulted(Exchange x) throws IOException {
        switch (fault) {
            case UNAVAILABLE:
                x.header("Content-Type", "text/plain").send(503, "Service Temporarily Unavailable\n"
                        .getBytes(StandardCharsets.UTF_8));
                return true;
            case SERVER_ERROR:
                x.header("Content-Type", "text/plain").send(500, "Internal Server Error\n"
                        .getBytes(StandardCharsets.UTF_8));
                return true;
            case STALL:
                x.stall();
                x.abortConnection();
                return true;
            case MOVED:
                x.header("Content-Type", "text/html").send(404, "<html><head><title>404 Not Found</title></head>"
                        .concat("<body>The requested URL was not found on this server.</body></html>")
                        .getBytes(StandardCharsets.UTF_8));
                return true;
            case HTML:
                x.header("Content-Type", "text/html").send(200, "<html><body>Sesame is being upgraded</body></html>"
                        .getBytes(StandardCharsets.UTF_8));
                return true;
            default:
                return false;
        }
    }

    private void sesame(Exchange x) throws IOException {
        if (faulted(x)) {
            return;
        }
        String name = nameOf(x.request().uri());
        String text = name == null ? null : sesame.get(key(name));
        if (text == null) {
            // Sesame's not-found answer (the m31 capture's shape) for a name it has no answer for.
            text = "# " + name + "\t#Q-00001\n\n\n#! *** Nothing found *** \n\n#====Done (2014-Feb-04,20:32:14z)====\n";
        }
        x.header("Content-Type", "text/plain").send(200, text.getBytes(StandardCharsets.UTF_8));
    }

    private void cadc(Exchange x) throws IOException {
        if (faulted(x)) {
            return;
        }
        String name = nameOf(x.request().uri());
        String text = name == null ? null : cadc.get(key(name));
        if (text == null) {
            String body = cadcNotFound.replaceFirst("target=[^\r\n]*", "target=" + (name == null ? "" : name));
            x.header("Content-Type", "text/plain").send(425, body.getBytes(StandardCharsets.UTF_8));
            return;
        }
        x.header("Content-Type", "text/plain").send(200, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Stops the server, releasing stalled requests. Idempotent. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "NameResolverStandIn[" + server + "]";
    }
}
