// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.names.internal;

import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.sky.Coordinates;
import io.cadc4j.core.sky.ResolvedName;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the ASCII answer of CADC's target resolver ({@code find?target=...&format=ascii}):
 * {@code key=value} lines ending in CRLF, split on the first {@code =} only (a VizieR hit's
 * {@code service} value itself holds one: {@code V=VizieR (CDS)(cdsweb.u-strasbg.fr)}).
 * <pre>
 * target=m31
 * service=ned(ned.ipac.caltech.edu)      the database, then the host asked in parentheses
 * coordsys=ICRS
 * ra=10.684799                           degrees
 * dec=41.269076
 * time(ms)=2508
 * oname=MESSIER 031  otype=G  mtype=...  with detail=max
 * </pre>
 * A name it cannot resolve is answered with HTTP 425 and an {@code error=} first line.
 *
 * <p>Stateless and thread-safe.
 */
final class CadcResolverAnswer {
    /** The HTTP status CADC's resolver answers an unknown name with. */
    static final int NOT_FOUND_STATUS = 425;

    private CadcResolverAnswer() {
    }

    /**
     * Splits the answer into its fields, in order.
     *
     * @param text the answer
     * @return key to value; lines without {@code =} and blank lines are left out
     */
    static Map<String, String> fields(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\r?\n|\r")) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            out.putIfAbsent(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return out;
    }

    /**
     * Reads a successful answer.
     *
     * @param name the name asked
     * @param source the URL that answered
     * @param text the answer
     * @return the resolved name, with every field beyond the position, the service and
     *     {@code oname} in its details (the host asked as {@code host})
     * @throws NotFoundException if the answer carries an {@code error=} line
     * @throws ProtocolViolationException if the position is missing, unreadable or not ICRS
     */
    static ResolvedName read(String name, URI source, String text) {
        Map<String, String> f = fields(text);
        if (f.containsKey("error")) {
            throw notFound(name, source, text);
        }
        String coordsys = f.getOrDefault("coordsys", "ICRS");
        if (!"ICRS".equalsIgnoreCase(coordsys)) {
            throw new ProtocolViolationException("CADC's target resolver answered \"" + name + "\" in coordsys="
                    + coordsys + ", not ICRS", source, null);
        }
        Coordinates position;
        try {
            position = Coordinates.of(number(f, "ra", name, source), number(f, "dec", name, source));
        } catch (IllegalArgumentException e) {
            throw new ProtocolViolationException("CADC's target resolver's position for \"" + name
                    + "\" is out of range: " + e.getMessage(), source, e);
        }
        String service = f.getOrDefault("service", "");
        String host = null;
        int open = service.lastIndexOf('(');
        if (open > 0 && service.endsWith(")")) {
            host = service.substring(open + 1, service.length() - 1);
            service = service.substring(0, open).strip();
        }
        ResolvedName.Builder b = ResolvedName.builder(name, position, service.isEmpty() ? "CADC" : service)
                .resolver(CadcNameResolverProvider.NAME).source(source);
        if (host != null && !host.isEmpty() && !"null".equals(host)) {
            b.detail("host", host);
        }
        for (Map.Entry<String, String> e : f.entrySet()) {
            switch (e.getKey()) {
                case "target":
                case "service":
                case "coordsys":
                case "ra":
                case "dec":
                    break;
                case "oname":
                    b.canonicalName(e.getValue());
                    break;
                default:
                    b.detail(e.getKey(), e.getValue());
            }
        }
        return b.build();
    }

    /**
     * The "not found" of a 425 answer (or an answer with {@code error=}): its error text and the
     * services the resolver asked.
     *
     * @param name the name asked
     * @param source the URL that answered
     * @param text the answer
     * @return the exception to throw
     */
    static NotFoundException notFound(String name, URI source, String text) {
        Map<String, String> f = fields(text);
        String error = f.getOrDefault("error", text.strip().isEmpty() ? "no reason given" : text.strip());
        String asked = f.getOrDefault("service", "");
        int open = asked.lastIndexOf('(');
        if (open > 0) {
            asked = asked.substring(0, open).strip();
        }
        return new NotFoundException("CADC's target resolver does not know \"" + name + "\"" + (asked.isEmpty() ? ""
                : " (asked " + asked + " at " + source + ")") + ": " + error, NOT_FOUND_STATUS, source, null);
    }

    private static double number(Map<String, String> f, String key, String name, URI source) {
        String v = f.get(key);
        if (v == null) {
            throw new ProtocolViolationException("CADC's target resolver's answer for \"" + name + "\" has no "
                    + key + "= line", source, null);
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new ProtocolViolationException("CADC's target resolver's " + key + " for \"" + name
                    + "\" is not a number: '" + v + "'", source, e);
        }
    }
}
