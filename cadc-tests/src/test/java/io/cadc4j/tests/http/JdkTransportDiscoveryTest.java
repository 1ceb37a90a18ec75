// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.spi.HttpTransportProvider;
import io.cadc4j.core.spi.Provider;
import io.cadc4j.core.spi.Providers;
import io.cadc4j.tests.server.Reply;
import io.cadc4j.tests.server.StandInServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JdkTransportDiscoveryTest {

    @Test
    void jdkProviderIsDiscoveredOnTheClassPath() {
        HttpTransportProvider provider = Providers.select(HttpTransportProvider.class);

        assertThat(provider.name()).isEqualTo("jdk");
        assertThat(provider.priority()).isEqualTo(Provider.BUILT_IN_PRIORITY);
        assertThat(provider.getClass().getName()).isEqualTo("io.cadc4j.http.jdk.internal.JdkHttpTransportProvider");
    }

    @Test
    void pipelineBuiltWithoutTransportUsesTheDiscoveredJdkTransport() throws IOException {
        try (StandInServer server = StandInServer.start(); HttpPipeline http = HttpPipeline.builder().build()) {
            server.route("GET", "/ping", Reply.ok().text("pong"));

            assertThat(http.transport().getClass().getName()).isEqualTo("io.cadc4j.http.jdk.internal.JdkHttpTransport");
            try (HttpResponse r = http.sendExpectingSuccess(HttpRequest.newBuilder(server.uri("/ping")).build())) {
                assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("pong");
            }
        }
    }
}
