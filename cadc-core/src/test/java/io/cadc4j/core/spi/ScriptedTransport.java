// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A transport double that answers from a function of the request and records what it was sent,
 * bodies included, as a real transport would send them.
 */
final class ScriptedTransport implements HttpTransport {
    /** One request as it reached the transport. */
    static final class Sent {
        final HttpRequest request;
        final String body;

        Sent(HttpRequest request, String body) {
            this.request = request;
            this.body = body;
        }
    }

    /** Answers a request; may throw IOException or InterruptedException like a real transport. */
    interface Script {
        HttpResponse answer(HttpRequest request) throws IOException, InterruptedException;
    }

    final List<Sent> sent = new ArrayList<>();
    private final Script script;

    ScriptedTransport(Script script) {
        this.script = script;
    }

    static ScriptedTransport answering(Function<HttpRequest, HttpResponse> f) {
        return new ScriptedTransport(f::apply);
    }

    static HttpResponse respond(HttpRequest request, int status, String body, String... headerPairs) {
        HttpHeaders.Builder h = HttpHeaders.builder();
        for (int i = 0; i < headerPairs.length; i += 2) {
            h.add(headerPairs[i], headerPairs[i + 1]);
        }
        return HttpResponse.of(request, status, h.build(), new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public synchronized HttpResponse send(HttpRequest request) throws IOException, InterruptedException {
        String body = "";
        if (request.body().isPresent()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            request.body().get().writeTo(out);
            body = out.toString(StandardCharsets.UTF_8);
        }
        sent.add(new Sent(request, body));
        return script.answer(request);
    }

    @Override
    public void close() {
    }
}
