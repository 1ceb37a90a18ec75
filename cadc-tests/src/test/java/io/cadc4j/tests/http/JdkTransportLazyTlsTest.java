// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.spi.HttpTransport;
import io.cadc4j.core.spi.HttpTransportProvider;
import io.cadc4j.core.spi.Providers;
import io.cadc4j.core.spi.TransportSettings;
import io.cadc4j.testing.TestPki;
import io.cadc4j.tests.server.Reply;
import io.cadc4j.tests.server.StandInServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

/**
 * The JDK transport without a TLS context of its settings sends http through a client that set up
 * no TLS, and https through one made on the first https request with the JVM's defaults: here
 * those defaults do not trust the stand-in's private CA, so the handshake is refused (a TLS
 * failure, not the plain client's refusal), and http keeps working before and after.
 */
class JdkTransportLazyTlsTest {
    private static HttpTransport transport() {
        return Providers.select(HttpTransportProvider.class, "jdk", null).create(TransportSettings.builder().build());
    }

    private static String get(HttpTransport t, java.net.URI uri) throws IOException, InterruptedException {
        try (HttpResponse r = t.send(HttpRequest.newBuilder(uri).build())) {
            return new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void httpsGetsTheDefaultTrustOnFirstUseAndHttpNeverNeedsIt() throws Exception {
        try (StandInServer plain = StandInServer.start();
                StandInServer https = StandInServer.startHttps(TestPki.shared(), false);
                HttpTransport t = transport()) {
            plain.route("GET", "/plain", Reply.ok().text("plain"));
            https.route("GET", "/secure", Reply.ok().text("secure"));

            assertThat(get(t, plain.uri("/plain"))).isEqualTo("plain");
            assertThatThrownBy(() -> get(t, https.uri("/secure")))
                    .isInstanceOf(IOException.class)
                    .satisfies(e -> assertThat(causes(e)).anyMatch(c -> c instanceof SSLException))
                    .satisfies(e -> assertThat(causes(e)).noneMatch(c -> String.valueOf(c.getMessage())
                            .contains("plain-HTTP client")));
            assertThat(https.requests("/secure")).isEmpty();
            assertThat(get(t, plain.uri("/plain"))).isEqualTo("plain");
            assertThat(plain.requests("/plain")).hasSize(2);
        }
    }

    private static java.util.List<Throwable> causes(Throwable e) {
        java.util.List<Throwable> all = new java.util.ArrayList<>();
        for (Throwable c = e; c != null && !all.contains(c); c = c.getCause()) {
            all.add(c);
        }
        return all;
    }
}
