// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import io.cadc4j.core.AuthenticationException;
import io.cadc4j.core.AuthorizationException;
import io.cadc4j.core.CadcException;
import io.cadc4j.core.CadcInterruptedException;
import io.cadc4j.core.CadcTimeoutException;
import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.QueryException;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.TransportException;
import io.cadc4j.core.internal.http.FormBody;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.tap.AsyncJob;
import io.cadc4j.core.tap.ErrorSummary;
import io.cadc4j.core.tap.ExecutionPhase;
import io.cadc4j.core.tap.JobInfo;
import io.cadc4j.core.tap.ResultFormat;
import io.cadc4j.core.tap.ResultReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A UWS 1.1 job of a TAP service. Every method asks the server.
 *
 * <p>Thread-safe: it holds only its id, its URL and the adapter.
 */
final class HttpAsyncJob implements AsyncJob {
    private static final System.Logger LOG = System.getLogger("io.cadc4j.tap");
    /** The longest single blocking WAIT asked for; CADC caps WAIT at 60 s, so more gains nothing. */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);
    /** Slack over the WAIT given to the HTTP request, so the server's answer arrives before the timeout. */
    private static final Duration WAIT_SLACK = Duration.ofSeconds(30);

    private final HttpTapAdapter tap;
    private final String id;
    private final URI uri;

    HttpAsyncJob(HttpTapAdapter tap, String id, URI uri) {
        this.tap = tap;
        this.id = id;
        this.uri = uri;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public ExecutionPhase phase() {
        URI phase = HttpTapAdapter.child(uri, "phase");
        return tap.get(phase, in -> UwsParser.parsePhase(new String(in.readNBytes(4096), StandardCharsets.UTF_8), phase));
    }

    @Override
    public JobInfo info() {
        return tap.jobInfo(uri);
    }

    @Override
    public void run() {
        post("phase", TapRequests.phaseForm(ExecutionPhase.EXECUTING));
    }

    @Override
    public void abort() {
        post("phase", TapRequests.phaseForm(ExecutionPhase.ABORTED));
    }

    @Override
    public void setDestruction(Instant when) {
        Objects.requireNonNull(when, "when");
        post("destruction", TapRequests.destructionForm(when));
    }

    @Override
    public void setExecutionDuration(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        post("executionduration", TapRequests.executionDurationForm(duration));
    }

    @Override
    public void delete() {
        HttpRequest del = HttpRequest.newBuilder(uri).DELETE().build();
        try (HttpResponse r = tap.http().send(del)) {
            int status = r.status();
            if (status >= 200 && status < 300) {
                return;
            }
            if (status == 404 || status == 410) {
                // gone already (an abort may end in the job's removal): what a delete asks for
                LOG.log(Level.DEBUG, "DELETE {0} answered {1}: the job is gone", uri, status);
                return;
            }
            if (status != 405 && status != 501) {
                throw withJob(HttpPipeline.errorFor(r));
            }
        }
        // UWS 1.0 services delete on POST ACTION=DELETE (UWS 1.1 §2.2.3.3 keeps both).
        HttpRequest post = HttpRequest.newBuilder(uri).POST(FormBody.builder().add("ACTION", "DELETE").build()).build();
        try (HttpResponse r = tap.http().sendExpectingSuccess(post)) {
            LOG.log(Level.DEBUG, "deleted {0} with POST ACTION=DELETE ({1})", uri, r.status());
        } catch (io.cadc4j.core.NotFoundException e) {
            LOG.log(Level.DEBUG, "POST ACTION=DELETE to {0}: the job is gone", uri);
        } catch (CadcException e) {
            throw withJob(e);
        }
    }

    private void post(String resource, FormBody form) {
        URI target = HttpTapAdapter.child(uri, resource);
        try (HttpResponse r = tap.http().sendExpectingSuccess(HttpRequest.newBuilder(target).POST(form).build())) {
            LOG.log(Level.DEBUG, "POST {0} {1} -> {2}", target, form, r.status());
        } catch (CadcException e) {
            throw withJob(e);
        }
    }

    @Override
    public ExecutionPhase awaitCompletion(Duration timeout) throws InterruptedException {
        return awaitCompletion(timeout, false);
    }

    @Override
    public ExecutionPhase awaitCompletion(Duration timeout, boolean abortOnCancel) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("negative timeout: " + timeout);
        }
        try {
            return await(timeout);
        } catch (InterruptedException | CadcTimeoutException e) {
            if (abortOnCancel) {
                abortQuietly(e);
            }
            throw e;
        }
    }

    private ExecutionPhase await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        PollingBackoff backoff = PollingBackoff.defaults(() -> ThreadLocalRandom.current().nextDouble());
        ExecutionPhase seen = null;
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for job " + id);
            }
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            ExecutionPhase phase;
            long asked = System.nanoTime();
            if (seen != null && seen != ExecutionPhase.PENDING && left.getSeconds() >= 1) {
                Duration wait = left.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : left;
                phase = blockingWait(wait, seen);
            } else {
                phase = phaseOrInterrupt();
            }
            if (!phase.isActive()) {
                return phase;
            }
            if (phase != seen) {
                backoff.reset();
            }
            boolean blocked = System.nanoTime() - asked >= Duration.ofMillis(900).toNanos();
            seen = phase;
            left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw new CadcTimeoutException("job " + id + " at " + uri + " is still " + phase + " after " + timeout,
                        uri, null);
            }
            if (!blocked) {
                // The server answered at once (UWS 1.0, or WAIT ignored): poll with backoff.
                Thread.sleep(Math.max(1, backoff.next(left).toMillis()));
            }
        }
    }

    private ExecutionPhase phaseOrInterrupt() throws InterruptedException {
        try {
            return phase();
        } catch (CadcInterruptedException e) {
            throw interrupted(e);
        }
    }

    private ExecutionPhase blockingWait(Duration wait, ExecutionPhase seen) throws InterruptedException {
        URI waitUri = TapRequests.waitUri(uri, wait, seen);
        HttpRequest request = HttpRequest.newBuilder(waitUri).GET().timeout(wait.plus(WAIT_SLACK)).build();
        try (HttpResponse r = tap.http().sendExpectingSuccess(request); InputStream in = r.body()) {
            return UwsParser.parseJob(in, waitUri).phase();
        } catch (CadcInterruptedException e) {
            throw interrupted(e);
        } catch (IOException e) {
            throw new TransportException("reading job " + id + " from " + waitUri + " failed: " + e,
                    waitUri, true, e);
        }
    }

    private InterruptedException interrupted(CadcInterruptedException e) {
        Thread.interrupted();
        InterruptedException ie = new InterruptedException("interrupted while waiting for job " + id);
        ie.initCause(e);
        return ie;
    }

    private void abortQuietly(Exception why) {
        // The abort must go out even though this thread was interrupted: clear the flag, restore it after.
        boolean wasInterrupted = Thread.interrupted();
        try {
            abort();
        } catch (CadcException e) {
            why.addSuppressed(e);
        } finally {
            if (wasInterrupted || why instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void raiseIfError() {
        JobInfo info = info();
        if (info.phase() == ExecutionPhase.ABORTED) {
            throw new QueryException("the job was aborted", uri, id, null);
        }
        if (info.phase() != ExecutionPhase.ERROR) {
            return;
        }
        Optional<ErrorSummary> summary = info.errorSummary();
        String message = summary.map(ErrorSummary::message).orElse("");
        String detail = errorDocument();
        if (message.isBlank()) {
            message = detail.isBlank() ? "the job ended in ERROR without a message" : detail;
        } else if (!detail.isBlank() && !message.contains(detail) && !detail.contains(message)) {
            message = message + " (" + detail + ")";
        } else if (detail.length() > message.length()) {
            message = detail;
        }
        throw new QueryException(message, uri, id, null);
    }

    /** The text of the job's {@code /error} document: a VOTable's error, or its readable text. */
    private String errorDocument() {
        URI error = HttpTapAdapter.child(uri, "error");
        try (HttpResponse r = tap.http().send(HttpRequest.newBuilder(error).GET().build())) {
            if (r.status() < 200 || r.status() >= 300) {
                return "";
            }
            byte[] body;
            try (InputStream in = r.body()) {
                body = in.readNBytes(Responses.SNIFF_BYTES * 8);
            }
            String contentType = r.headers().firstValue("Content-Type").orElse("");
            if (Responses.looksLikeXml(body)) {
                QueryException q = Responses.votableError(body, error, tap.reader(), id);
                if (q != null) {
                    return q.serverMessage();
                }
            }
            return Responses.readable(body, contentType);
        } catch (IOException | CadcException e) {
            LOG.log(Level.DEBUG, "no error document for job {0}: {1}", id, e.toString());
            return "";
        }
    }

    @Override
    public List<ResultReference> results() {
        URI results = HttpTapAdapter.child(uri, "results");
        try {
            return tap.get(results, in -> UwsParser.parseResults(in, results));
        } catch (CadcException e) {
            throw withJob(e);
        }
    }

    @Override
    public RowCursor fetchResult() {
        URI href = mainResult();
        HttpRequest request = HttpRequest.newBuilder(href).GET().build();
        return ResendingCursor.open(tap.http(), request,
                () -> tap.rows(ResumingBody.wrap(tap.http(), tap.http().send(request)), id));
    }

    @Override
    public void writeResult(ResultFormat format, OutputStream out) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        URI href = mainResult();
        HttpResponse response = ResumingBody.wrap(tap.http(), tap.http().send(HttpRequest.newBuilder(href).GET().build()));
        ResultWriters.write(tap, response, id, format, out);
    }

    @Override
    public void writeResult(ResultFormat format, Path target) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(target, "target");
        URI href = mainResult();
        ResultWriters.atomically(target, out -> {
            HttpResponse response = ResumingBody.wrap(tap.http(),
                    tap.http().send(HttpRequest.newBuilder(href).GET().build()));
            ResultWriters.write(tap, response, id, format, out);
        });
    }

    private URI mainResult() {
        List<ResultReference> results = results();
        for (ResultReference r : results) {
            if (r.isMainResult()) {
                return r.href();
            }
        }
        if (results.size() == 1) {
            return results.get(0).href();
        }
        throw new NotFoundException("job " + id + " at " + uri + " lists no result with id '"
                + ResultReference.MAIN_RESULT_ID + "' (" + results.size() + " results; phase " + phase() + ")", 404,
                HttpTapAdapter.child(uri, "results"), null);
    }

    private CadcException withJob(CadcException e) {
        if (e instanceof ServiceException && !(e instanceof NotFoundException)
                && !(e instanceof AuthenticationException)
                && !(e instanceof AuthorizationException)) {
            ServiceException s = (ServiceException) e;
            if (s.status() == 400) {
                return new QueryException(s.serverMessage(), s.requestUri().orElse(uri), id, e);
            }
        }
        return e;
    }

    @Override
    public String toString() {
        return "AsyncJob[" + id + " at " + uri + "]";
    }

}
