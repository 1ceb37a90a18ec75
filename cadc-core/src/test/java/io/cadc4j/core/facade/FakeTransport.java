// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.facade;

import io.cadc4j.core.spi.HttpHeaders;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.spi.HttpTransport;
import io.cadc4j.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A transport double: canned answers by URI (404 otherwise); records each request and its body. */
final class FakeTransport implements HttpTransport {
    private final Map<URI, byte[]> bodies = new ConcurrentHashMap<>();
    private final Map<URI, String> types = new ConcurrentHashMap<>();
    private final List<HttpRequest> requests = new ArrayList<>();
    private final List<String> sentBodies = new ArrayList<>();
    private volatile boolean closed;

    FakeTransport answer(URI uri, String contentType, byte[] body) {
        bodies.put(uri, body);
        types.put(uri, contentType);
        return this;
    }

    FakeTransport answer(URI uri, String contentType, String body) {
        return answer(uri, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    synchronized List<HttpRequest> requests() {
        return new ArrayList<>(requests);
    }

    synchronized List<String> sentBodies() {
        return new ArrayList<>(sentBodies);
    }

    synchronized long count(URI uri) {
        return requests.stream().filter(r -> r.uri().equals(uri)).count();
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public HttpResponse send(HttpRequest request) throws IOException {
        String sent = "";
        if (request.body().isPresent()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            request.body().get().writeTo(out);
            sent = out.toString(StandardCharsets.UTF_8);
        }
        synchronized (this) {
            requests.add(request);
            sentBodies.add(sent);
        }
        if (request.uri().equals(FakeTap.PROBE)) {
            // echoes the cookie, so that the port double sees what each request carried
            byte[] echo = request.headers().firstValue("Cookie").orElse("-").getBytes(StandardCharsets.UTF_8);
            return HttpResponse.of(request, 200, HttpHeaders.of(Map.of("Content-Type", List.of("text/plain"))),
                    new ByteArrayInputStream(echo));
        }
        byte[] body = bodies.get(request.uri());
        if (body == null) {
            return HttpResponse.of(request, 404, HttpHeaders.of(Map.of("Content-Type", List.of("text/plain"))),
                    new ByteArrayInputStream("no such resource".getBytes(StandardCharsets.UTF_8)));
        }
        return HttpResponse.of(request, 200, HttpHeaders.of(Map.of("Content-Type", List.of(types.get(request.uri())))),
                new ByteArrayInputStream(body));
    }

    @Override
    public void close() {
        closed = true;
    }

    static byte[] fixture(String relative) {
        return Fixtures.bytes(relative);
    }
}
