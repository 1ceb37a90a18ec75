// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.server.tap;

import io.cadc4j.tests.server.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of one request to the stand-in TAP service: the query string, then a URL-encoded
 * or multipart form body. Parameter names are compared without regard to case (TAP 1.1 §2.3);
 * multipart file parts are kept as bytes by their field name.
 *
 * <p>Immutable and thread-safe.
 */
public final class TapRequestParams {
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("(?i)\\bname=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i)\\bfilename=\"([^\"]*)\"");

    private final Map<String, String> params;
    private final Map<String, byte[]> files;

    private TapRequestParams(Map<String, String> params, Map<String, byte[]> files) {
        this.params = Collections.unmodifiableMap(params);
        this.files = Collections.unmodifiableMap(files);
    }

    /**
     * Reads a recorded request's parameters.
     *
     * @param request the request
     * @return the parameters
     */
    public static TapRequestParams of(RecordedRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        String q = request.uri().getRawQuery();
        if (q != null) {
            decodeForm(q, params);
        }
        String type = request.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            decodeForm(new String(request.bodyPrefix(), StandardCharsets.UTF_8), params);
        } else if (type.startsWith("multipart/form-data")) {
            Matcher m = BOUNDARY.matcher(request.headers().firstValue("Content-Type").orElse(""));
            if (m.find()) {
                multipart(request.bodyPrefix(), m.group(1), params, files);
            }
        }
        return new TapRequestParams(params, files);
    }

    /**
     * A parameter, by its name in any case.
     *
     * @param name the name
     * @return the value, if sent
     */
    public Optional<String> get(String name) {
        return Optional.ofNullable(params.get(name.toUpperCase(Locale.ROOT)));
    }

    /** @return every parameter, by its upper-case name */
    public Map<String, String> all() {
        return params;
    }

    /**
     * A file part, by its field name.
     *
     * @param name the field name
     * @return the part's bytes, if sent
     */
    public Optional<byte[]> file(String name) {
        byte[] b = files.get(name);
        return b == null ? Optional.empty() : Optional.of(b.clone());
    }

    private static void decodeForm(String form, Map<String, String> out) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k.toUpperCase(Locale.ROOT), v);
        }
    }

    private static void multipart(byte[] body, String boundary, Map<String, String> params, Map<String, byte[]> files) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, delimiter, 0);
        while (pos >= 0) {
            int start = pos + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                return;
            }
            start += 2; // CRLF after the delimiter
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            if (headerEnd < 0) {
                return;
            }
            String headers = new String(body, start, headerEnd - start, StandardCharsets.UTF_8);
            int contentStart = headerEnd + 4;
            int next = indexOf(body, delimiter, contentStart);
            int contentEnd = next < 0 ? body.length : next - 2;
            byte[] content = Arrays.copyOfRange(body, contentStart, Math.max(contentStart, contentEnd));
            Matcher n = NAME.matcher(headers);
            if (n.find()) {
                if (FILENAME.matcher(headers).find()) {
                    files.put(n.group(1), content);
                } else {
                    params.put(n.group(1).toUpperCase(Locale.ROOT), new String(content, StandardCharsets.UTF_8));
                }
            }
            pos = next;
        }
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public String toString() {
        return "TapRequestParams" + params.keySet() + " files " + files.keySet();
    }
}
