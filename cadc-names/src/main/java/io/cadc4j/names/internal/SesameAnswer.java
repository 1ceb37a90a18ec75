// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.names.internal;

import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.sky.Coordinates;
import io.cadc4j.core.sky.ResolvedName;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CDS Sesame's plain-text answer ({@code nph-sesame/SNV?name}). Its lines:
 * <pre>
 * # ngc3642    #Q2779348                                  the name asked, a query id
 * #=Si=Simbad, all IDs (via url):    1    41ms           one block per database asked: its name, hits
 * %I.0 NGC 3642                                           the main identifier
 * %C.0 LIN                                                the object type
 * %J 170.57458768232000 +59.07452101151000 = 11:22:17.90 +59:04:28.2   ICRS degrees, then sexagesimal
 * #! *** Nothing found ***                                a database's failure (no %J in its block)
 * #====Done (2024-Feb-15,11:26:16z)====
 * </pre>
 * The first {@code %J} line gives the position (ICRS, degrees, any number of decimals, RA possibly
 * zero-padded, signs optional); the database is that of the block it is in, the canonical name and
 * object type are that block's {@code %I.0} and {@code %C.0}. An answer without {@code %J} is
 * "not found", with Sesame's {@code #!} lines as its reason. Columns are separated by spaces or
 * tabs, and lines may end in trailing spaces.
 *
 * <p>Stateless and thread-safe.
 */
final class SesameAnswer {
    private static final Pattern SERVICE = Pattern.compile("^#=[A-Za-z]+=\\s*([^,:(]+?)\\s*(?:[,:(].*)?$");
    private static final Pattern POSITION = Pattern.compile("^%J\\s+([-+]?[0-9]*\\.?[0-9]+)\\s+([-+]?[0-9]*\\.?[0-9]+)(?:\\s.*)?$");

    private SesameAnswer() {
    }

    /**
     * Reads an answer.
     *
     * @param name the name asked
     * @param databases which databases were asked, in Sesame's letters (e.g. {@code SNV})
     * @param source the URL that answered
     * @param text the answer
     * @return the resolved name
     * @throws NotFoundException if the answer has no position
     * @throws ProtocolViolationException if the answer is not Sesame's, or its position unreadable
     */
    static ResolvedName read(String name, String databases, URI source, String text) {
        String service = null;
        String canonical = null;
        String type = null;
        List<String> complaints = new ArrayList<>();
        boolean sesame = false;
        int lineNo = 0;
        for (String raw : text.split("\r?\n|\r")) {
            lineNo++;
            String line = raw.strip();
            if (line.startsWith("#")) {
                sesame = true;
            }
            if (line.startsWith("#=")) {
                Matcher m = SERVICE.matcher(line);
                service = m.matches() ? m.group(1) : line.substring(2);
                canonical = null;
                type = null;
            } else if (line.startsWith("#!")) {
                complaints.add((service == null ? "" : service + ": ") + line.substring(2).strip());
            } else if (line.startsWith("%I.0 ") || line.startsWith("%I.0\t")) {
                if (canonical == null) {
                    canonical = line.substring(4).strip().replace("{", "").replace("}", "");
                }
            } else if (line.startsWith("%C.0 ") || line.startsWith("%C.0\t")) {
                type = line.substring(4).strip();
            } else if (line.startsWith("%J ") || line.startsWith("%J\t")) {
                Matcher m = POSITION.matcher(line);
                if (!m.matches()) {
                    throw new ProtocolViolationException("Sesame's position line for \"" + name
                            + "\" is unreadable: '" + line + "'", source, lineNo, 0, null);
                }
                Coordinates position;
                try {
                    position = Coordinates.of(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
                } catch (IllegalArgumentException e) {
                    throw new ProtocolViolationException("Sesame's position for \"" + name + "\" is out of range: '"
                            + line + "' (" + e.getMessage() + ")", source, lineNo, 0, e);
                }
                // %I.0 and %C.0 may come before or after %J within the block: read the rest of it.
                String[] rest = restOfBlock(text, lineNo);
                for (String r : rest) {
                    if (canonical == null && (r.startsWith("%I.0 ") || r.startsWith("%I.0\t"))) {
                        canonical = r.substring(4).strip().replace("{", "").replace("}", "");
                    } else if (type == null && (r.startsWith("%C.0 ") || r.startsWith("%C.0\t"))) {
                        type = r.substring(4).strip();
                    }
                }
                ResolvedName.Builder b = ResolvedName.builder(name, position, service == null ? "Sesame" : service)
                        .resolver(SesameNameResolverProvider.NAME).source(source);
                if (canonical != null && !canonical.isEmpty()) {
                    b.canonicalName(canonical);
                }
                if (type != null && !type.isEmpty()) {
                    b.detail("otype", type);
                }
                return b.build();
            }
        }
        if (!sesame) {
            throw new ProtocolViolationException("the answer of " + source + " for \"" + name
                    + "\" is not Sesame's plain text: it starts '" + start(text) + "'", source, null);
        }
        throw new NotFoundException("Sesame does not know \"" + name + "\" (asked " + describe(databases) + " at "
                + source + ")" + (complaints.isEmpty() ? "" : ": " + String.join("; ", complaints)), 0, source, null);
    }

    /** The lines after {@code lineNo} (1-based) up to the next database block. */
    private static String[] restOfBlock(String text, int lineNo) {
        String[] lines = text.split("\r?\n|\r");
        List<String> out = new ArrayList<>();
        for (int i = lineNo; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("#=")) {
                break;
            }
            out.add(l);
        }
        return out.toArray(new String[0]);
    }

    /**
     * Names Sesame's database letters: {@code SNV} is "Simbad, NED, VizieR".
     *
     * @param letters the letters of the request path
     * @return the databases' names
     */
    static String describe(String letters) {
        List<String> names = new ArrayList<>();
        for (char c : letters.toCharArray()) {
            switch (Character.toUpperCase(c)) {
                case 'S':
                    names.add("Simbad");
                    break;
                case 'N':
                    names.add("NED");
                    break;
                case 'V':
                    names.add("VizieR");
                    break;
                case 'A':
                    names.add("all databases");
                    break;
                default:
                    names.add(String.valueOf(c));
            }
        }
        return String.join(", ", names);
    }

    private static String start(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() > 80 ? t.substring(0, 80) + "..." : t;
    }
}
