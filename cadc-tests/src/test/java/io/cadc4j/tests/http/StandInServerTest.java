// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.spi.RequestBody;
import io.cadc4j.core.spi.TransportSettings;
import io.cadc4j.tests.server.PatternBytes;
import io.cadc4j.tests.server.RecordedRequest;
import io.cadc4j.tests.server.Reply;
import io.cadc4j.tests.server.Responders;
import io.cadc4j.tests.server.StandInServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stand-in server itself: routing, recording, and releasing stalls. */
class StandInServerTest {
    private final StandInServer server = StandInServer.start();
    private final HttpPipeline http = HttpPipeline.builder()
            .transport(new UrlConnectionTransport(TransportSettings.defaults())).build();

    @AfterEach
    void stop() {
        http.transport().close();
        server.close();
    }

    @Test
    void exactRouteWinsOverSubtreeAndLongestSubtreeWins() throws IOException {
        server.routeUnder("GET", "/async", Reply.ok().text("job"));
        server.routeUnder("GET", "/async/1/results", Reply.ok().text("results"));
        server.route("GET", "/async", Reply.ok().text("list"));

        assertThat(text("/async")).isEqualTo("list");
        assertThat(text("/async/1/phase")).isEqualTo("job");
        assertThat(text("/async/1/results/result")).isEqualTo("results");
    }

    @Test
    void unroutedRequestGets404NamingIt() throws IOException {
        try (HttpResponse r = http.send(HttpRequest.newBuilder(server.uri("/nowhere")).build())) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).contains("GET /nowhere");
        }
    }

    @Test
    void recordsBodySizeAndChecksumButKeepsOnlyAPrefix() throws IOException {
        server.route("POST", "/big", Responders.bodySummary());
        long size = RecordedRequest.PREFIX_LIMIT + 12_345L;

        String summary = text(HttpRequest.newBuilder(server.uri("/big"))
                .POST(RequestBody.ofWriter("application/octet-stream", true, out -> PatternBytes.write(out, size))).build());

        RecordedRequest got = server.requests().get(0);
        assertThat(got.bodySize()).isEqualTo(size);
        assertThat(got.bodyPrefix()).hasSize(RecordedRequest.PREFIX_LIMIT);
        assertThat(got.isBodyComplete()).isFalse();
        assertThat(summary).isEqualTo(size + " " + Long.toHexString(got.bodyCrc32()));
    }

    @Test
    void releasingStallsLetsStalledResponderDropTheConnection() throws Exception {
        server.route("GET", "/stalled", Responders.stallBeforeHeaders());
        Thread caller = new Thread(() -> {
            try (HttpResponse r = http.send(HttpRequest.newBuilder(server.uri("/stalled")).build())) {
                r.status();
            } catch (RuntimeException e) {
                // Expected: the server drops the connection once released.
            }
        });
        caller.start();
        RecordedRequest got = server.awaitRequest("/stalled", Duration.ofSeconds(10));

        server.releaseStalls();

        assertThat(got.awaitSent(10).isComplete()).isFalse();
        caller.join(10_000);
        assertThat(caller.isAlive()).isFalse();
    }

    private String text(String path) throws IOException {
        return text(HttpRequest.newBuilder(server.uri(path)).build());
    }

    private String text(HttpRequest request) throws IOException {
        try (HttpResponse r = http.sendExpectingSuccess(request)) {
            return new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
