// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.spi.HttpHeaders;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.spi.HttpTransport;
import io.cadc4j.core.spi.HttpTransportProvider;
import io.cadc4j.core.spi.TransportSettings;
import io.cadc4j.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * A transport for the command's tests, registered in the test resources above the real one: it
 * serves CADC's captured registry file and argus capabilities, and 404 for anything else (so a
 * plain TAP URL falls back to its conventional layout). Nothing leaves the process.
 */
public final class FixtureTransportProvider implements HttpTransportProvider {
    static final Map<URI, String> DOCUMENTS = Map.of(
            URI.create("https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/reg/resource-caps"), "registry/cadc-resource-caps.txt",
            URI.create("https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus/capabilities"),
            "capabilities/cadc-argus-tap-capabilities.xml");

    /** Creates the provider (ServiceLoader calls this). */
    public FixtureTransportProvider() {
    }

    @Override
    public String name() {
        return "fixtures";
    }

    @Override
    public int priority() {
        return 1000;
    }

    @Override
    public HttpTransport create(TransportSettings settings) {
        return new HttpTransport() {
            @Override
            public HttpResponse send(io.cadc4j.core.spi.HttpRequest request) throws java.io.IOException {
                String fixture = DOCUMENTS.get(request.uri());
                if (fixture == null) {
                    return HttpResponse.of(request, 404, HttpHeaders.of(Map.of("Content-Type", List.of("text/plain"))),
                            new ByteArrayInputStream("not here".getBytes(StandardCharsets.UTF_8)));
                }
                return HttpResponse.of(request, 200, HttpHeaders.of(Map.of("Content-Type",
                        List.of(fixture.endsWith(".txt") ? "text/plain" : "text/xml"))),
                        new ByteArrayInputStream(Files.readAllBytes(Fixtures.path(fixture))));
            }

            @Override
            public void close() {
            }
        };
    }
}
