// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.sky.NameResolver;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.spi.HttpTransport;
import io.cadc4j.core.internal.port.NameResolverContext;
import io.cadc4j.core.internal.port.NameResolverProvider;
import io.cadc4j.core.spi.Providers;
import io.cadc4j.tests.server.names.NameResolverStandIn;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The Sesame adapter, found through its provider, passes the NameResolver contract; and its defaults. */
class SesameNameResolverContractTest extends NameResolverContract {

    @Override
    protected NameResolverProvider provider() {
        return Providers.select(NameResolverProvider.class, "sesame", null);
    }

    @Override
    protected URI endpoint(NameResolverStandIn standIn) {
        return standIn.sesameMirror();
    }

    @Override
    protected Expected known() {
        return new Expected("ngc3642", 170.57458768232, 59.07452101151, "Simbad", "NGC 3642");
    }

    @Override
    protected String unknownName() {
        return "m31";
    }

    @Test
    void isTheDefaultResolver() {
        assertThat(Providers.select(NameResolverProvider.class).name()).isEqualTo("sesame");
    }

    @Test
    void asksAstropysMirrorsInAstropysOrderBySimbadThenNedThenVizier() {
        List<URI> sent = new CopyOnWriteArrayList<>();
        HttpTransport offline = new HttpTransport() {
            @Override
            public HttpResponse send(HttpRequest request) throws IOException {
                sent.add(request.uri());
                throw new ConnectException("no network in this test");
            }

            @Override
            public void close() {
            }
        };
        try (HttpPipeline http = HttpPipeline.builder().transport(offline).build()) {
            NameResolver r = provider().create(NameResolverContext.builder(http).build());
            assertThatThrownBy(() -> r.resolve("NGC 3642")).isInstanceOf(CadcException.class)
                    .hasMessageContaining("every endpoint failed");
        }
        assertThat(sent).containsExactly(URI.create("https://cds.unistra.fr/cgi-bin/nph-sesame/SNV?NGC%203642"),
                URI.create("http://vizier.cfa.harvard.edu/viz-bin/nph-sesame/SNV?NGC%203642"));
    }

    @Test
    void aMirrorWithoutItsTrailingSlashStillGetsTheDatabases() {
        NameResolverStandIn s = standIn();
        String mirror = s.sesameMirror().toString();
        NameResolver r = resolver(SHORT, URI.create(mirror.substring(0, mirror.length() - 1)));
        assertThat(r.resolve("castor").canonicalName()).contains("* alf Gem");
        assertThat(s.server().requests()).singleElement()
                .satisfies(q -> assertThat(q.uri().getRawPath()).isEqualTo("/cgi-bin/nph-sesame/SNV"));
    }
}
