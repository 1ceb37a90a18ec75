// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.registry;

import io.cadc4j.core.spi.HttpHeaders;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.spi.HttpTransport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A transport double that answers from a table of canned responses and records each request. */
final class FakeTransport implements HttpTransport {
    private final Map<URI, Canned> answers = new ConcurrentHashMap<>();
    private final List<HttpRequest> requests = new ArrayList<>();

    private static final class Canned {
        final int status;
        final String contentType;
        final byte[] body;
        final IOException failure;

        Canned(int status, String contentType, byte[] body, IOException failure) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
            this.failure = failure;
        }
    }

    FakeTransport answer(URI uri, int status, String contentType, byte[] body) {
        answers.put(uri, new Canned(status, contentType, body, null));
        return this;
    }

    FakeTransport answer(URI uri, int status, String contentType, String body) {
        return answer(uri, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    FakeTransport fail(URI uri, IOException failure) {
        answers.put(uri, new Canned(0, "", new byte[0], failure));
        return this;
    }

    synchronized List<HttpRequest> requests() {
        return new ArrayList<>(requests);
    }

    synchronized long count(URI uri) {
        return requests.stream().filter(r -> r.uri().equals(uri)).count();
    }

    @Override
    public HttpResponse send(HttpRequest request) throws IOException {
        synchronized (this) {
            requests.add(request);
        }
        Canned c = answers.get(request.uri());
        if (c == null) {
            return HttpResponse.of(request, 404, HttpHeaders.of(Map.of("Content-Type", List.of("text/plain"))),
                    new ByteArrayInputStream("no such resource".getBytes(StandardCharsets.UTF_8)));
        }
        if (c.failure != null) {
            throw c.failure;
        }
        return HttpResponse.of(request, c.status, HttpHeaders.of(Map.of("Content-Type", List.of(c.contentType))),
                new ByteArrayInputStream(c.body));
    }

    @Override
    public void close() {
    }
}
