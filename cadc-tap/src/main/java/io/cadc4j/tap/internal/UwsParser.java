// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.internal.xml.Stax;
import io.cadc4j.core.tap.ErrorSummary;
import io.cadc4j.core.tap.ExecutionPhase;
import io.cadc4j.core.tap.JobInfo;
import io.cadc4j.core.tap.JobParameter;
import io.cadc4j.core.tap.JobReference;
import io.cadc4j.core.tap.ResultReference;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads UWS job documents and job lists (UWS 1.0 and 1.1, namespace
 * {@code http://www.ivoa.net/xml/UWS/v1.0}, and CADC's older {@code v1.0rc3}) with StAX.
 *
 * <p>Elements are matched by local name, so the namespace version and the prefix do not matter;
 * {@code jobInfo} content keeps its namespaces. Tolerated, as DIGEST §3.5 lists: values in CDATA
 * with white space around, {@code xsi:nil}, timestamps with or without milliseconds, {@code Z} or
 * offsets, a quote of {@code -1}, unknown elements (Gaia's {@code locationId}), and job lists that
 * embed whole jobs. A job without {@code jobId} or {@code phase}, or with an unknown phase, is a
 * protocol violation.
 *
 * <p>Stateless and thread-safe.
 */
final class UwsParser {
    private UwsParser() {
    }

    /**
     * Reads a job document ({@code GET {async}/{id}}).
     *
     * @param in the document
     * @param source its URL; relative result links are resolved against it
     * @return the job
     * @throws ProtocolViolationException if it is not a well-formed UWS job document
     */
    static JobInfo parseJob(InputStream in, URI source) {
        XMLStreamReader r = Stax.open(in, source, true);
        try {
            String root = Stax.root(r);
            if (!"job".equals(root)) {
                throw Stax.violation("expected a UWS job document but the root element is <" + rootName(root) + ">",
                        source, r);
            }
            return job(r, source);
        } catch (XMLStreamException e) {
            throw Stax.failure("the UWS job document", source, e);
        } finally {
            Stax.closeQuietly(r);
        }
    }

    /**
     * Reads a job list ({@code GET {async}}), of {@code jobref}s or of embedded jobs.
     *
     * @param in the document
     * @param source its URL; relative job links are resolved against it
     * @return the jobs, in document order
     * @throws ProtocolViolationException if it is not a well-formed UWS job list
     */
    static List<JobReference> parseJobList(InputStream in, URI source) {
        XMLStreamReader r = Stax.open(in, source, true);
        try {
            String root = Stax.root(r);
            if (!"jobs".equals(root)) {
                throw Stax.violation("expected a UWS job list but the root element is <" + rootName(root) + ">",
                        source, r);
            }
            List<JobReference> jobs = new ArrayList<>();
            while (Stax.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
                String name = Stax.name(r);
                if ("jobref".equals(name)) {
                    jobs.add(jobRef(r, source));
                } else if ("job".equals(name)) {
                    jobs.add(JobReference.of(job(r, source), Optional.empty()));
                } else {
                    Stax.skip(r);
                }
            }
            return jobs;
        } catch (XMLStreamException e) {
            throw Stax.failure("the UWS job list", source, e);
        } finally {
            Stax.closeQuietly(r);
        }
    }

    /**
     * Reads a job's {@code results} document ({@code GET {job}/results}).
     *
     * @param in the document
     * @param source its URL
     * @return the results, in document order
     */
    static List<ResultReference> parseResults(InputStream in, URI source) {
        XMLStreamReader r = Stax.open(in, source, true);
        try {
            String root = Stax.root(r);
            if (!"results".equals(root)) {
                throw Stax.violation("expected a UWS results document but the root element is <" + rootName(root)
                        + ">", source, r);
            }
            return results(r, source);
        } catch (XMLStreamException e) {
            throw Stax.failure("the UWS results document", source, e);
        } finally {
            Stax.closeQuietly(r);
        }
    }

    /**
     * Reads the text a phase resource answers ({@code GET {job}/phase}, text/plain).
     *
     * @param text the body
     * @param source its URL
     * @return the phase
     */
    static ExecutionPhase parsePhase(String text, URI source) {
        try {
            return ExecutionPhase.parse(text);
        } catch (IllegalArgumentException e) {
            String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
            throw new ProtocolViolationException("the phase resource " + source + " answered '" + shown.strip()
                    + "', which is not a UWS phase", source, e);
        }
    }

    private static String rootName(String root) {
        return root.isEmpty() ? "none" : root;
    }

    private static JobInfo job(XMLStreamReader r, URI source) throws XMLStreamException {
        String version = Stax.anyAttribute(r, "version");
        String jobId = null;
        ExecutionPhase phase = null;
        Fields f = new Fields();
        while (Stax.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
            String name = Stax.name(r);
            switch (name) {
                case "jobId":
                    jobId = value(r);
                    break;
                case "phase":
                    phase = phase(r, source);
                    break;
                case "runId":
                    f.runId = value(r);
                    break;
                case "ownerId":
                    f.ownerId = value(r);
                    break;
                case "quote":
                    String quote = value(r);
                    // UWS 1.0 servers write -1 for "no idea" (Gaia).
                    f.quote = quote == null || quote.equals("-1") ? null : time(quote, r, source, name);
                    break;
                case "creationTime":
                    f.creationTime = time(value(r), r, source, name);
                    break;
                case "startTime":
                    f.startTime = time(value(r), r, source, name);
                    break;
                case "endTime":
                    f.endTime = time(value(r), r, source, name);
                    break;
                case "destruction":
                    f.destruction = time(value(r), r, source, name);
                    break;
                case "executionDuration":
                    f.executionDuration = seconds(value(r), r, source);
                    break;
                case "parameters":
                    f.parameters = parameters(r);
                    break;
                case "results":
                    f.results = results(r, source);
                    break;
                case "errorSummary":
                    f.errorSummary = errorSummary(r);
                    break;
                case "jobInfo":
                    f.jobInfo = jobInfo(r);
                    break;
                default:
                    Stax.skip(r);
            }
        }
        if (jobId == null) {
            throw Stax.violation("the UWS job has no jobId", source, r);
        }
        if (phase == null) {
            throw Stax.violation("the UWS job " + jobId + " has no phase", source, r);
        }
        JobInfo.Builder b = JobInfo.builder(jobId, phase);
        if (!version.isEmpty()) {
            b.version(version);
        }
        if (f.runId != null) {
            b.runId(f.runId);
        }
        if (f.ownerId != null) {
            b.ownerId(f.ownerId);
        }
        if (f.quote != null) {
            b.quote(f.quote);
        }
        if (f.creationTime != null) {
            b.creationTime(f.creationTime);
        }
        if (f.startTime != null) {
            b.startTime(f.startTime);
        }
        if (f.endTime != null) {
            b.endTime(f.endTime);
        }
        if (f.destruction != null) {
            b.destruction(f.destruction);
        }
        if (f.executionDuration != null) {
            b.executionDuration(f.executionDuration);
        }
        f.parameters.forEach(b::parameter);
        f.results.forEach(b::result);
        if (f.errorSummary != null) {
            b.errorSummary(f.errorSummary);
        }
        f.jobInfo.forEach(e -> b.jobInfo(e[0], e[1]));
        return b.build();
    }

    /** The values of a job gathered while reading, before the builder is made. */
    private static final class Fields {
        String runId;
        String ownerId;
        Instant quote;
        Instant creationTime;
        Instant startTime;
        Instant endTime;
        Instant destruction;
        Duration executionDuration;
        List<JobParameter> parameters = List.of();
        List<ResultReference> results = List.of();
        ErrorSummary errorSummary;
        List<String[]> jobInfo = List.of();
    }

    private static JobReference jobRef(XMLStreamReader r, URI source) throws XMLStreamException {
        String id = Stax.anyAttribute(r, "id");
        String href = Stax.anyAttribute(r, "href");
        ExecutionPhase phase = null;
        String runId = null;
        String ownerId = null;
        Instant creationTime = null;
        while (Stax.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
            String name = Stax.name(r);
            switch (name) {
                case "phase":
                    phase = phase(r, source);
                    break;
                case "runId":
                    runId = value(r);
                    break;
                case "ownerId":
                    ownerId = value(r);
                    break;
                case "creationTime":
                    creationTime = time(value(r), r, source, name);
                    break;
                default:
                    Stax.skip(r);
            }
        }
        if (id.isEmpty()) {
            throw Stax.violation("a jobref has no id", source, r);
        }
        return JobReference.of(id, href.isEmpty() ? Optional.empty() : Optional.of(link(href, source, r)),
                Optional.ofNullable(phase), Optional.ofNullable(runId), Optional.ofNullable(ownerId),
                Optional.ofNullable(creationTime));
    }

    /** An element's value: null when {@code xsi:nil} or empty, else the trimmed text. */
    private static String value(XMLStreamReader r) throws XMLStreamException {
        boolean nil = Stax.isNil(r);
        String text = Stax.text(r);
        return nil || text.isEmpty() ? null : text;
    }

    private static ExecutionPhase phase(XMLStreamReader r, URI source) throws XMLStreamException {
        String text = Stax.text(r);
        try {
            return ExecutionPhase.parse(text);
        } catch (IllegalArgumentException e) {
            throw Stax.violation("'" + text + "' is not a UWS phase", source, r);
        }
    }

    private static Instant time(String text, XMLStreamReader r, URI source, String element) {
        if (text == null) {
            return null;
        }
        try {
            return Timestamps.parse(text);
        } catch (DateTimeParseException e) {
            throw Stax.violation("<" + element + "> '" + text + "' is not an ISO-8601 time", source, r);
        }
    }

    private static Duration seconds(String text, XMLStreamReader r, URI source) {
        if (text == null) {
            return null;
        }
        try {
            long s = Long.parseLong(text);
            return s < 0 ? null : Duration.ofSeconds(s);
        } catch (NumberFormatException e) {
            throw Stax.violation("<executionDuration> '" + text + "' is not a number of seconds", source, r);
        }
    }

    private static List<JobParameter> parameters(XMLStreamReader r) throws XMLStreamException {
        List<JobParameter> out = new ArrayList<>();
        while (Stax.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
            if ("parameter".equals(Stax.name(r))) {
                String id = Stax.anyAttribute(r, "id");
                boolean byRef = "true".equalsIgnoreCase(Stax.anyAttribute(r, "byReference"));
                String text = Stax.text(r);
                if (!id.isEmpty()) {
                    out.add(JobParameter.of(id, text, byRef));
                }
            } else {
                Stax.skip(r);
            }
        }
        return out;
    }

    private static List<ResultReference> results(XMLStreamReader r, URI source) throws XMLStreamException {
        List<ResultReference> out = new ArrayList<>();
        while (Stax.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
            if ("result".equals(Stax.name(r))) {
                String id = Stax.anyAttribute(r, "id");
                String href = r.getAttributeValue(Stax.XLINK, "href");
                if (href == null) {
                    href = Stax.anyAttribute(r, "href");
                }
                String mime = Stax.anyAttribute(r, "mime-type");
                String sizeText = Stax.anyAttribute(r, "size");
                if (href.isBlank()) {
                    throw Stax.violation("the result '" + id + "' has no xlink:href", source, r);
                }
                URI uri = link(href.strip(), source, r);
                long size;
                try {
                    size = sizeText.isEmpty() ? -1 : Long.parseLong(sizeText);
                } catch (NumberFormatException e) {
                    size = -1; // a size is advisory; an unreadable one is as good as none
                }
                Stax.skip(r);
                out.add(ResultReference.of(id.isEmpty() ? "result" : id, uri, mime, size));
            } else {
                Stax.skip(r);
            }
        }
        return out;
    }

    private static ErrorSummary errorSummary(XMLStreamReader r) throws XMLStreamException {
        if (Stax.isNil(r)) {
            Stax.skip(r);
            return null;
        }
        boolean transientFailure = "transient".equalsIgnoreCase(Stax.anyAttribute(r, "type"));
        boolean hasDetail = "true".equalsIgnoreCase(Stax.anyAttribute(r, "hasDetail"));
        String message = "";
        while (Stax.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
            if ("message".equals(Stax.name(r))) {
                message = Stax.text(r);
            } else {
                Stax.skip(r);
            }
        }
        return ErrorSummary.of(message, transientFailure, hasDetail);
    }

    /**
     * Flattens {@code jobInfo} to its leaf elements: the path of element names below
     * {@code jobInfo}, each in Clark notation when namespaced, to the element's trimmed text.
     */
    private static List<String[]> jobInfo(XMLStreamReader r) throws XMLStreamException {
        List<String[]> out = new ArrayList<>();
        List<String> path = new ArrayList<>();
        List<Boolean> hasChild = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!hasChild.isEmpty()) {
                    hasChild.set(hasChild.size() - 1, Boolean.TRUE);
                }
                String ns = r.getNamespaceURI();
                path.add(ns == null || ns.isEmpty() ? Stax.name(r) : "{" + ns + "}" + r.getLocalName());
                hasChild.add(Boolean.FALSE);
                text.setLength(0);
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (path.isEmpty()) {
                    return out;
                }
                if (!hasChild.get(hasChild.size() - 1)) {
                    out.add(new String[] {String.join("/", path), text.toString().strip()});
                }
                path.remove(path.size() - 1);
                hasChild.remove(hasChild.size() - 1);
                text.setLength(0);
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the document ends inside jobInfo", r.getLocation());
            }
        }
    }

    private static URI link(String href, URI source, XMLStreamReader r) {
        try {
            URI uri = new URI(href);
            return uri.isAbsolute() ? uri : source.resolve(uri);
        } catch (URISyntaxException e) {
            throw Stax.violation("'" + href + "' is not a URI", source, r);
        }
    }
}
