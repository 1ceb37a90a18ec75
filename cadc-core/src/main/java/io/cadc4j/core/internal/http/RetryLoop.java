// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.http;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.CadcInterruptedException;
import io.cadc4j.core.CadcTimeoutException;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.TransportException;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.spi.RetryPolicy;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Sends a request again, as a {@link RetryPolicy} allows, when the answer says "later" (429, 502,
 * 503, 504) or the exchange failed before any byte of an answer arrived; only requests that are
 * {@linkplain HttpRequest#isSafeToRepeat() safe to repeat}. Each retry is logged at INFO (URL,
 * reason, wait) and counted. When the tries or the time run out after at least one retry, the
 * failure says so in one sentence: "... still busy after 3 tries over 9 s (503, Retry-After 1)".
 *
 * <p>Thread-safe.
 */
public final class RetryLoop {
    private static final System.Logger LOG = System.getLogger("io.cadc4j.http");

    private final RetryPolicy policy;
    private final Deadline deadline;
    private final AtomicLong retries;

    /**
     * Makes the loop.
     *
     * @param policy the policy
     * @param deadline the client's overall deadline, or null
     * @param retries the counter every retry adds one to
     */
    public RetryLoop(RetryPolicy policy, Deadline deadline, AtomicLong retries) {
        this.policy = policy;
        this.deadline = deadline;
        this.retries = retries;
    }

    /**
     * Whether a status means "come back later".
     *
     * @param status an HTTP status
     * @return true for 429, 502, 503, 504
     */
    public static boolean isRetryableStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /**
     * Sends a request through {@code once} as often as the policy allows.
     *
     * @param request the request
     * @param once one send (redirects and challenges included)
     * @return the first answer that is not a "later", or the last one when no retry was allowed
     * @throws CadcException the last failure, saying how often it was tried when it was tried again
     */
    public HttpResponse send(HttpRequest request, Function<HttpRequest, HttpResponse> once) {
        if (!policy.retries() || !request.isSafeToRepeat()) {
            return once.apply(request);
        }
        long start = System.nanoTime();
        Instant end = Instant.now().plus(policy.budget());
        if (deadline != null && deadline.instant().isBefore(end)) {
            end = deadline.instant();
        }
        for (int attempt = 1; ; attempt++) {
            HttpResponse response = null;
            CadcException failure = null;
            String reason;
            Duration retryAfter = null;
            try {
                response = once.apply(request);
            } catch (CadcTimeoutException e) {
                if (deadline != null && deadline.passed()) {
                    throw e;
                }
                failure = e;
            } catch (TransportException e) {
                if (!e.isTransient()) {
                    throw e;
                }
                failure = e;
            }
            if (response != null) {
                if (!isRetryableStatus(response.status())) {
                    return response;
                }
                retryAfter = StatusErrors.retryAfter(response.headers());
                reason = response.status() + response.headers().firstValue("Retry-After")
                        .map(v -> ", Retry-After " + v.strip()).orElse("");
            } else {
                reason = failure.getMessage();
            }
            Duration wait = attempt < policy.maxAttempts() ? policy.delayBefore(attempt, retryAfter) : null;
            if (wait == null || Instant.now().plus(wait).isAfter(end)) {
                if (attempt == 1) {
                    // Never tried again: the answer or failure as it was.
                    if (response != null) {
                        return response;
                    }
                    throw failure;
                }
                throw gaveUp(request, response, failure, attempt, start, reason);
            }
            if (response != null) {
                drain(response);
            }
            retries.incrementAndGet();
            LOG.log(Level.INFO, "retrying {0} {1} in {2} (try {3} of {4}): {5}", request.method(), request.uri(),
                    Durations.text(wait), attempt + 1, policy.maxAttempts(), reason);
            sleep(wait, request);
        }
    }

    private CadcException gaveUp(HttpRequest request, HttpResponse response, CadcException failure, int tries,
            long start, String reason) {
        String over = tries + " tries over " + Durations.text(Duration.ofNanos(System.nanoTime() - start));
        if (response != null) {
            CadcException e = StatusErrors.toException(response);
            if (e instanceof ServiceException) {
                ServiceException s = (ServiceException) e;
                String text = s.serverMessage() == null || s.serverMessage().isBlank() ? "" : s.serverMessage() + "; ";
                return new ServiceException(s.status(), text + "still busy after " + over + " (" + reason + ")",
                        response.uri(), s.retryAfter().orElse(null), null);
            }
            return e;
        }
        String message = failure.getMessage() + "; still failing after " + over;
        if (failure instanceof CadcTimeoutException) {
            return new CadcTimeoutException(message, request.uri(), failure);
        }
        return new TransportException(message, request.uri(), true, failure);
    }

    private static void drain(HttpResponse response) {
        try (response; InputStream in = response.body()) {
            in.readNBytes(16 * 1024);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "ignoring a failure to read a body before a retry: {0}", e.toString());
        }
    }

    private static void sleep(Duration wait, HttpRequest request) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CadcInterruptedException(request.uri(), e);
        }
    }
}
