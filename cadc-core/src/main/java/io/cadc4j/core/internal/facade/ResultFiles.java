// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.facade;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.QueryException;
import io.cadc4j.core.QueryPayload;
import io.cadc4j.core.TransportException;
import io.cadc4j.core.internal.io.AtomicFiles;
import io.cadc4j.core.internal.http.FormBody;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.internal.http.MultipartBody;
import io.cadc4j.core.spi.RequestBody;
import io.cadc4j.core.tap.TableUpload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a synchronous query and keeps the service's answer, byte for byte, in a file: written to a
 * temporary file beside the target and moved into place only when complete, so a failed query
 * never leaves a partial file under the asked name.
 *
 * <p>This stands in for the TAP adapter's own result-file writer (issue #4), which can check the
 * whole document as it streams; here the start of a VOTable answer is checked for
 * {@code QUERY_STATUS=ERROR} (DALI §4.4: the INFO precedes the table, so an error document is short).
 *
 * <p>Stateless and thread-safe.
 */
public final class ResultFiles {
    private static final int CHECKED_BYTES = 64 * 1024;
    private static final Pattern ERROR_INFO = Pattern.compile(
            "<INFO(?=[^>]*\\bname\\s*=\\s*[\"']QUERY_STATUS[\"'])(?=[^>]*\\bvalue\\s*=\\s*[\"']ERROR[\"'])[^>]*?"
                    + "(?:/>|>([^<]*)</INFO>)", Pattern.CASE_INSENSITIVE);

    private ResultFiles() {
    }

    /**
     * Sends a payload and writes the answer to a file atomically.
     *
     * @param http the pipeline with the session's credentials
     * @param payload the request
     * @param target the file to write
     * @return the number of bytes written
     * @throws QueryException if the service reports a query error
     * @throws CadcException for an HTTP error status, or if the file cannot be written
     */
    public static long write(HttpPipeline http, QueryPayload payload, Path target) {
        HttpRequest request = HttpRequest.newBuilder(payload.uri()).POST(body(payload)).build();
        try (HttpResponse response = http.sendExpectingSuccess(request); InputStream in = response.body()) {
            return AtomicFiles.write(target, out -> {
                byte[] head = in.readNBytes(CHECKED_BYTES);
                // An error document must not land in place of a result.
                checkStatus(head, payload);
                out.write(head);
                in.transferTo(out);
            });
        } catch (IOException e) {
            throw new TransportException("reading the result of " + payload.uri() + " failed: " + e,
                    payload.uri(), false, e);
        }
    }

    private static void checkStatus(byte[] head, QueryPayload payload) {
        Matcher m = ERROR_INFO.matcher(new String(head, StandardCharsets.UTF_8));
        if (m.find()) {
            String text = m.group(1) == null ? "" : m.group(1).strip();
            throw new QueryException(text.isEmpty() ? "the service reported QUERY_STATUS=ERROR" : text, payload.uri(),
                    null, null);
        }
    }


    /** The body of a payload: a form, or a multipart form when tables travel inline (TAP 1.1 §4.5.2). */
    static RequestBody body(QueryPayload payload) {
        if (payload.inlineTables().isEmpty()) {
            FormBody.Builder b = FormBody.builder();
            payload.parameters().forEach(e -> b.add(e.getKey(), e.getValue()));
            return b.build();
        }
        MultipartBody.Builder b = MultipartBody.builder();
        for (Map.Entry<String, String> e : payload.parameters()) {
            b.field(e.getKey(), e.getValue());
        }
        for (TableUpload u : payload.inlineTables()) {
            String fileName = u.name() + ".xml";
            if (u.kind() == TableUpload.Kind.FILE) {
                Path file = u.file().orElseThrow();
                if (!Files.isReadable(file)) {
                    throw new IllegalArgumentException("the upload table '" + u.name() + "' file " + file
                            + " does not exist or cannot be read");
                }
                b.file(u.name(), fileName, "application/x-votable+xml", file);
            } else {
                b.stream(u.name(), fileName, "application/x-votable+xml", u.isRepeatable(), u.writer().orElseThrow());
            }
        }
        return b.build();
    }
}
