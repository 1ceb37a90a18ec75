// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import io.cadc4j.core.registry.TableAccess;
import io.cadc4j.core.internal.http.FormBody;
import io.cadc4j.core.internal.http.MultipartBody;
import io.cadc4j.core.spi.RequestBody;
import io.cadc4j.core.tap.ExecutionPhase;
import io.cadc4j.core.tap.JobListFilter;
import io.cadc4j.core.tap.TableUpload;
import io.cadc4j.core.tap.TapQuery;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Builds the bodies and query strings of TAP and UWS requests, with no network: the query form
 * for {@code /sync} and job creation (TAP 1.1 §4), the job-list filter (UWS 1.1 §2.2.1.1), the
 * phase, destruction and execution-duration posts, and the blocking {@code WAIT} query.
 *
 * <p>Uploads are checked here, before anything is sent: a missing, unreadable or non-VOTable
 * file, and a file over the service's advertised upload limit, fail with
 * {@link IllegalArgumentException} naming the table and the file.
 *
 * <p>Stateless and thread-safe.
 */
final class TapRequests {
    /** The media type inline upload parts are sent with. */
    static final String VOTABLE_MEDIA_TYPE = "application/x-votable+xml";

    private static final int SNIFF_BYTES = 8192;

    private TapRequests() {
    }

    /**
     * The body of a query: a URL-encoded form, or a multipart form when a table travels inline.
     *
     * @param query the query
     * @param access the service's TAPRegExt declarations, for the upload limit; empty when unknown
     * @return the body
     * @throws IllegalArgumentException if an upload file is missing, unreadable, not a VOTable or
     *     over the upload limit
     */
    static RequestBody queryBody(TapQuery query, Optional<TableAccess> access) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(access, "access");
        FormBody form = form(query);
        List<TableUpload> inline = new ArrayList<>();
        for (TableUpload u : query.uploads()) {
            if (u.isInline()) {
                inline.add(u);
            }
        }
        if (inline.isEmpty()) {
            return form;
        }
        Optional<TableAccess.Limit> limit = access.flatMap(TableAccess::uploadLimit);
        MultipartBody.Builder b = MultipartBody.builder();
        form.fields().forEach(f -> b.field(f.getKey(), f.getValue()));
        for (TableUpload u : inline) {
            String fileName = u.name() + ".xml";
            if (u.kind() == TableUpload.Kind.FILE) {
                Path file = u.file().orElseThrow();
                checkFile(u.name(), file, limit);
                b.file(u.name(), fileName, VOTABLE_MEDIA_TYPE, file);
            } else {
                b.stream(u.name(), fileName, VOTABLE_MEDIA_TYPE, u.isRepeatable(), u.writer().orElseThrow());
            }
        }
        return b.build();
    }

    /**
     * The query's fields in the order sent: {@code REQUEST=doQuery}, {@code LANG=ADQL},
     * {@code QUERY}, then {@code MAXREC}, {@code RESPONSEFORMAT} and {@code RUNID} when set, and one
     * {@code UPLOAD} listing every table as {@code name,param:name} (inline) or {@code name,url},
     * separated by {@code ;} (TAP 1.1 §4.5.2).
     *
     * @param query the query
     * @return the form
     */
    static FormBody form(TapQuery query) {
        FormBody.Builder b = FormBody.builder()
                .add("REQUEST", "doQuery")
                .add("LANG", "ADQL")
                .add("QUERY", query.adql());
        query.maxRecords().ifPresent(n -> b.add("MAXREC", Long.toString(n)));
        query.responseFormat().ifPresent(f -> b.add("RESPONSEFORMAT", f));
        query.runId().ifPresent(id -> b.add("RUNID", id));
        if (!query.uploads().isEmpty()) {
            List<String> pairs = new ArrayList<>();
            for (TableUpload u : query.uploads()) {
                pairs.add(u.name() + "," + (u.isInline() ? "param:" + u.name() : u.url().orElseThrow().toString()));
            }
            b.add("UPLOAD", String.join(";", pairs));
        }
        return b.build();
    }

    /**
     * The job list URL with a filter: {@code PHASE} once per phase, {@code AFTER} as UTC ISO-8601
     * with milliseconds, {@code LAST}.
     *
     * @param async the job list URL
     * @param filter the filter
     * @return the URL to GET
     */
    static URI jobListUri(URI async, JobListFilter filter) {
        FormBody.Builder b = FormBody.builder();
        filter.phases().forEach(p -> b.add("PHASE", p.name()));
        filter.after().ifPresent(a -> b.add("AFTER", Timestamps.format(a)));
        filter.last().ifPresent(n -> b.add("LAST", Integer.toString(n)));
        FormBody q = b.build();
        return q.fields().isEmpty() ? async : withQuery(async, q.encoded());
    }

    /**
     * The blocking job URL (UWS 1.1 §2.2.1.3): {@code WAIT} in whole seconds, at least 1, and the
     * phase the caller last saw so the server returns as soon as it changes.
     *
     * @param job the job URL
     * @param wait the longest wait the caller wants
     * @param seen the phase last seen
     * @return the URL to GET
     */
    static URI waitUri(URI job, Duration wait, ExecutionPhase seen) {
        long seconds = Math.max(1, wait.getSeconds());
        FormBody q = FormBody.builder().add("WAIT", Long.toString(seconds)).add("PHASE", seen.name()).build();
        return withQuery(job, q.encoded());
    }

    /**
     * The body of a phase change, {@code PHASE=RUN} or {@code PHASE=ABORT}.
     *
     * @param phase {@link ExecutionPhase#EXECUTING} to run, {@link ExecutionPhase#ABORTED} to abort
     * @return the form
     */
    static FormBody phaseForm(ExecutionPhase phase) {
        String value;
        if (phase == ExecutionPhase.EXECUTING || phase == ExecutionPhase.QUEUED) {
            value = "RUN";
        } else if (phase == ExecutionPhase.ABORTED) {
            value = "ABORT";
        } else {
            throw new IllegalArgumentException("a client can only ask a job to run or to abort, not " + phase);
        }
        return FormBody.builder().add("PHASE", value).build();
    }

    /**
     * The body that sets a job's destruction time.
     *
     * @param when the new destruction time
     * @return the form
     */
    static FormBody destructionForm(Instant when) {
        return FormBody.builder().add("DESTRUCTION", Timestamps.format(when)).build();
    }

    /**
     * The body that sets a job's execution duration, in whole seconds (0 asks for no limit).
     *
     * @param duration the duration
     * @return the form
     */
    static FormBody executionDurationForm(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative execution duration: " + duration);
        }
        return FormBody.builder().add("EXECUTIONDURATION", Long.toString(duration.getSeconds())).build();
    }

    private static URI withQuery(URI base, String query) {
        String s = base.toString();
        return URI.create(s + (s.indexOf('?') >= 0 ? "&" : "?") + query);
    }

    private static void checkFile(String table, Path file, Optional<TableAccess.Limit> limit) {
        byte[] head;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("upload table '" + table + "': no such file " + file, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("upload table '" + table + "': cannot read " + file + ": " + e, e);
        }
        if (!looksLikeVotable(head)) {
            throw new IllegalArgumentException("upload table '" + table + "': " + file
                    + " is not a VOTable document (no <VOTABLE> element at its start)");
        }
        if (limit.isEmpty()) {
            return;
        }
        TableAccess.Limit l = limit.get();
        OptionalLong max = l.effective();
        if (max.isEmpty()) {
            return;
        }
        if (TableAccess.Limit.BYTE.equals(l.unit()) && size > max.getAsLong()) {
            throw new IllegalArgumentException("upload table '" + table + "': " + file + " has " + size
                    + " bytes; the service accepts at most " + max.getAsLong() + " bytes");
        }
        if (TableAccess.Limit.ROW.equals(l.unit())) {
            long rows = countTableDataRows(file, table);
            if (rows > max.getAsLong()) {
                throw new IllegalArgumentException("upload table '" + table + "': " + file + " has " + rows
                        + " rows; the service accepts at most " + max.getAsLong() + " rows");
            }
        }
    }

    /** Whether the start of a file is an XML document whose root is a VOTABLE element. */
    static boolean looksLikeVotable(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String t = text.stripLeading();
        if (!t.startsWith("<")) {
            return false;
        }
        int i = 0;
        while (i < t.length()) {
            int open = t.indexOf('<', i);
            if (open < 0 || open + 1 >= t.length()) {
                return false;
            }
            char c = t.charAt(open + 1);
            if (c == '?' || c == '!') {
                // prolog: declaration, comment or DOCTYPE
                int close = t.startsWith("<!--", open) ? t.indexOf("-->", open) : t.indexOf('>', open);
                if (close < 0) {
                    return false;
                }
                i = close + 1;
                continue;
            }
            int end = open + 1;
            while (end < t.length() && !Character.isWhitespace(t.charAt(end)) && t.charAt(end) != '>'
                    && t.charAt(end) != '/') {
                end++;
            }
            String root = t.substring(open + 1, end);
            return "VOTABLE".equals(root.substring(root.indexOf(':') + 1));
        }
        return false;
    }

    /**
     * Counts TABLEDATA rows ({@code <TR>} start tags) by scanning bytes; a BINARY or BINARY2 file
     * has none to count, so the row limit cannot be checked ahead for it and 0 is returned.
     */
    private static long countTableDataRows(Path file, String table) {
        byte[] tag = {'<', 'T', 'R'};
        long rows = 0;
        int matched = 0;
        boolean pendingTag = false;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (pendingTag) {
                        pendingTag = false;
                        if (b == '>' || b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                            rows++;
                        }
                    }
                    if (b == tag[matched]) {
                        matched++;
                        if (matched == tag.length) {
                            pendingTag = true;
                            matched = 0;
                        }
                    } else {
                        matched = b == tag[0] ? 1 : 0;
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("upload table '" + table + "': cannot read " + file + ": " + e, e);
        }
        return rows;
    }
}
