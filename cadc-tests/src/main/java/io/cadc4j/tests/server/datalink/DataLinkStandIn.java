// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.server.datalink;

import io.cadc4j.tests.server.Exchange;
import io.cadc4j.tests.server.StandInServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DataLink {@code {links}} endpoint and a SODA sync endpoint on a {@link StandInServer}.
 *
 * <p>For every identifier asked it answers, in a DataLink 1.1 TABLEDATA VOTable, a {@code #this}
 * row (a file under {@code /dl/files/}), a {@code #preview} row, a {@code #package} row and a
 * {@code #cutout} row naming a SODA descriptor whose {@code ID} is bound with {@code ref=} to the
 * ID column, and whose CIRCLE/POLYGON/BAND have {@code VALUES}. An identifier containing
 * {@code unknown} gets one {@code NotFoundFault} error row instead, and one containing
 * {@code silent} gets no row at all. An identifier containing {@code fail} makes the whole call
 * answer 500. The SODA endpoint answers a
 * small valid FITS file for any call with an {@code ID}.
 *
 * <p>Faults: a {@link Builder#latency latency} before every links answer, an answer that covers
 * only the first {@link Builder#maxIdsPerAnswer n} identifiers, and refusing POST with 405.
 * It counts calls and the most that were in progress at once.
 *
 * <p>Thread-safe.
 */
public final class DataLinkStandIn {
    /** The path of the links endpoint. */
    public static final String LINKS_PATH = "/dl/links";
    /** The path of the SODA sync endpoint. */
    public static final String SODA_PATH = "/dl/soda/sync";
    /** The path under which files are served. */
    public static final String FILES_PATH = "/dl/files/";

    /** The footprint every data set has: ra, dec, radius in degrees. */
    public static final double[] FOOTPRINT = {131.33, 54.30, 0.17};

    private final StandInServer server;
    private final Duration latency;
    private final int maxIdsPerAnswer;
    private final boolean refusePost;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    private DataLinkStandIn(Builder b) {
        this.server = b.server;
        this.latency = b.latency;
        this.maxIdsPerAnswer = b.maxIdsPerAnswer;
        this.refusePost = b.refusePost;
        server.route("GET", LINKS_PATH, this::links);
        server.route("POST", LINKS_PATH, this::links);
        server.route("GET", SODA_PATH, this::soda);
        server.routeUnder("GET", "/dl/files", ex -> ex.header("Content-Type", "application/fits").send(200, fits()));
    }

    /**
     * Starts describing a stand-in on a server.
     *
     * @param server the server to add the routes to
     * @return a builder
     */
    public static Builder on(StandInServer server) {
        return new Builder(Objects.requireNonNull(server, "server"));
    }

    /** @return the links URL */
    public URI linksUrl() {
        return server.uri(LINKS_PATH);
    }

    /** @return the SODA sync URL */
    public URI sodaUrl() {
        return server.uri(SODA_PATH);
    }

    /** @return links calls answered so far */
    public int calls() {
        return calls.get();
    }

    /** @return the most links calls that were in progress at the same time */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    private void links(Exchange ex) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        calls.incrementAndGet();
        int status;
        String type;
        byte[] body;
        try {
            if (refusePost && ex.request().method().equals("POST")) {
                ex.header("Allow", "GET");
                status = 405;
                type = "text/plain";
                body = "POST not allowed".getBytes(StandardCharsets.UTF_8);
            } else {
                if (!latency.isZero()) {
                    try {
                        Thread.sleep(latency.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                String query = ex.request().method().equals("POST") ? ex.request().bodyText()
                        : ex.request().uri().getRawQuery();
                List<String> ids = values(query == null ? "" : query, "ID");
                if (ids.isEmpty()) {
                    status = 400;
                    type = "text/plain";
                    body = "UsageFault: no ID".getBytes(StandardCharsets.UTF_8);
                } else if (ids.stream().anyMatch(i -> i.contains("fail"))) {
                    status = 500;
                    type = "text/plain";
                    body = "FatalFault: the stand-in was told to fail".getBytes(StandardCharsets.UTF_8);
                } else {
                    boolean downloadsOnly = values(query == null ? "" : query, "REQUEST").contains("downloads-only");
                    List<String> answered = ids.subList(0, Math.min(ids.size(), maxIdsPerAnswer));
                    status = 200;
                    type = "application/x-votable+xml;content=datalink";
                    body = document(answered, downloadsOnly, answered.size() < ids.size())
                            .getBytes(StandardCharsets.UTF_8);
                }
            }
        } finally {
            // out of flight before the answer goes: a client may start its next call as soon as it has
            // read this one, and must not be counted twice for that moment
            inFlight.decrementAndGet();
        }
        ex.header("Content-Type", type).send(status, body);
    }

    private void soda(Exchange ex) throws IOException {
        List<String> ids = values(ex.request().uri().getRawQuery() == null ? "" : ex.request().uri().getRawQuery(), "ID");
        if (ids.isEmpty()) {
            ex.header("Content-Type", "text/plain").send(400, "UsageFault: ID is required".getBytes(StandardCharsets.UTF_8));
            return;
        }
        ex.header("Content-Type", "application/fits").send(200, fits());
    }

    private String document(List<String> ids, boolean downloadsOnly, boolean overflow) {
        StringBuilder s = new StringBuilder();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<VOTABLE version=\"1.4\" "
                + "xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n<RESOURCE type=\"results\">\n"
                + "<INFO name=\"standardID\" value=\"ivo://ivoa.net/std/DataLink#links-1.1\"/>\n<TABLE>\n");
        String[][] fields = {
            {"ID", "char", "*"}, {"access_url", "char", "*"}, {"service_def", "char", "*"},
            {"error_message", "char", "*"}, {"semantics", "char", "*"}, {"description", "char", "*"},
            {"content_type", "char", "*"}, {"content_length", "long", null}, {"content_qualifier", "char", "*"},
            {"local_semantics", "char", "*"}, {"link_auth", "char", "*"}, {"link_authorized", "boolean", null},
        };
        for (String[] f : fields) {
            s.append("<FIELD name=\"").append(f[0]).append("\" ID=\"dl_").append(f[0]).append("\" datatype=\"")
                    .append(f[1]).append('"');
            if (f[2] != null) {
                s.append(" arraysize=\"").append(f[2]).append('"');
            }
            s.append("/>\n");
        }
        s.append("<DATA><TABLEDATA>\n");
        int n = 0;
        for (String id : ids) {
            n++;
            if (id.contains("silent")) {
                continue;
            }
            if (id.contains("unknown")) {
                row(s, id, "", "", "NotFoundFault: " + id, "#this", "", "", "", "", "", "", "");
                continue;
            }
            String file = server.uri(FILES_PATH + "f" + Math.abs(id.hashCode()) + ".fits").toString();
            row(s, id, file, "", "", "#this", "the data", "application/fits", "5760", "#image", "data", "false", "true");
            row(s, id, file + "?preview=true", "", "", "#preview", "a preview", "image/png", "", "", "", "false", "true");
            row(s, id, server.uri("/dl/pkg?ID=" + URLEncoder.encode(id, StandardCharsets.UTF_8)).toString(), "", "",
                    "#package", "everything", "application/x-tar", "", "", "", "false", "true");
            if (!downloadsOnly) {
                row(s, id, "", "soda", "", "#cutout", "SODA cutout", "application/fits", "", "", "", "optional", "true");
            }
        }
        s.append("</TABLEDATA></DATA>\n</TABLE>\n");
        if (overflow) {
            s.append("<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>\n");
        }
        s.append("</RESOURCE>\n");
        s.append("<RESOURCE type=\"meta\" utype=\"adhoc:service\" ID=\"soda\">\n")
                .append("<PARAM name=\"standardID\" datatype=\"char\" arraysize=\"*\" "
                        + "value=\"ivo://ivoa.net/std/SODA#sync-1.0\"/>\n")
                .append("<PARAM name=\"accessURL\" datatype=\"char\" arraysize=\"*\" value=\"")
                .append(escape(sodaUrl().toString())).append("\"/>\n")
                .append("<PARAM name=\"resourceIdentifier\" datatype=\"char\" arraysize=\"*\" "
                        + "value=\"ivo://example.org/soda\"/>\n")
                .append("<GROUP name=\"inputParams\">\n")
                .append("<PARAM name=\"ID\" datatype=\"char\" arraysize=\"*\" value=\"\" ref=\"dl_ID\"/>\n")
                .append("<PARAM name=\"RUNID\" datatype=\"char\" arraysize=\"*\" value=\"standin-run\"/>\n")
                .append("<PARAM name=\"POS\" datatype=\"char\" arraysize=\"*\" value=\"\"/>\n")
                .append("<PARAM name=\"CIRCLE\" datatype=\"double\" arraysize=\"3\" xtype=\"circle\" value=\"\">"
                        + "<VALUES><MAX value=\"").append(FOOTPRINT[0]).append(' ').append(FOOTPRINT[1]).append(' ')
                .append(FOOTPRINT[2]).append("\"/></VALUES></PARAM>\n")
                .append("<PARAM name=\"BAND\" datatype=\"double\" arraysize=\"2\" xtype=\"interval\" unit=\"m\" "
                        + "value=\"\"><VALUES><MIN value=\"3.0E-7\"/><MAX value=\"1.0E-6\"/></VALUES></PARAM>\n")
                .append("<PARAM name=\"POL\" datatype=\"char\" arraysize=\"*\" value=\"\"><VALUES>"
                        + "<OPTION value=\"I\"/><OPTION value=\"Q\"/><OPTION value=\"U\"/></VALUES></PARAM>\n")
                .append("</GROUP>\n</RESOURCE>\n</VOTABLE>\n");
        return s.toString();
    }

    private static void row(StringBuilder s, String... cells) {
        s.append("<TR>");
        for (String c : cells) {
            s.append("<TD>").append(escape(c)).append("</TD>");
        }
        s.append("</TR>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static List<String> values(String query, String name) {
        List<String> out = new ArrayList<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                out.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** @return a minimal FITS file: one 2880-byte header block with SIMPLE, BITPIX, NAXIS and END */
    public static byte[] fits() {
        byte[] block = new byte[2880];
        Arrays.fill(block, (byte) ' ');
        String[] cards = {"SIMPLE  =                    T", "BITPIX  =                    8",
            "NAXIS   =                    0", "END"};
        for (int i = 0; i < cards.length; i++) {
            byte[] c = cards[i].getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(c, 0, block, i * 80, c.length);
        }
        return block;
    }

    /** Describes a {@link DataLinkStandIn}. Single-threaded. */
    public static final class Builder {
        private final StandInServer server;
        private Duration latency = Duration.ZERO;
        private int maxIdsPerAnswer = Integer.MAX_VALUE;
        private boolean refusePost;

        private Builder(StandInServer server) {
            this.server = server;
        }

        /**
         * @param latency the delay before every links answer
         * @return this builder
         */
        public Builder latency(Duration latency) {
            this.latency = Objects.requireNonNull(latency, "latency");
            return this;
        }

        /**
         * @param n answer only the first n identifiers of each call, with {@code QUERY_STATUS=OVERFLOW}
         * @return this builder
         */
        public Builder maxIdsPerAnswer(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("n must be at least 1: " + n);
            }
            this.maxIdsPerAnswer = n;
            return this;
        }

        /**
         * @param refuse true to answer every POST with 405
         * @return this builder
         */
        public Builder refusePost(boolean refuse) {
            this.refusePost = refuse;
            return this;
        }

        /** @return the stand-in, its routes added to the server */
        public DataLinkStandIn install() {
            return new DataLinkStandIn(this);
        }
    }
}
