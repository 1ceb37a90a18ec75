// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.auth.internal;

import io.cadc4j.core.spi.HttpHeaders;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.spi.HttpTransport;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A transport double: answers each request with what a function of it says, and records every
 * request exactly as the pipeline handed it over (credential headers included).
 */
final class RecordingTransport implements HttpTransport {
    /** A canned answer. */
    static final class Answer {
        final int status;
        final HttpHeaders headers;
        final String body;

        Answer(int status, HttpHeaders headers, String body) {
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        static Answer ok(String body) {
            return new Answer(200, HttpHeaders.empty(), body);
        }

        static Answer redirect(int status, URI to) {
            return new Answer(status, HttpHeaders.builder().add("Location", to.toString()).build(), "");
        }

        static Answer status(int status, String headerName, String headerValue) {
            return new Answer(status, HttpHeaders.builder().add(headerName, headerValue).build(), "");
        }
    }

    private final Function<HttpRequest, Answer> answers;
    private final List<HttpRequest> requests = new ArrayList<>();

    RecordingTransport(Function<HttpRequest, Answer> answers) {
        this.answers = answers;
    }

    @Override
    public synchronized HttpResponse send(HttpRequest request) {
        requests.add(request);
        Answer a = answers.apply(request);
        return HttpResponse.of(request, a.status, a.headers,
                new ByteArrayInputStream(a.body.getBytes(StandardCharsets.UTF_8)));
    }

    synchronized List<HttpRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
    }
}
