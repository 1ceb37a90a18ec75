// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

import io.cadc4j.core.ProviderNotFoundException;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.internal.port.AuthPortProvider;
import io.cadc4j.core.internal.port.DataLinkPortProvider;
import io.cadc4j.core.internal.port.TapPortProvider;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvidersTest {

    @Test
    void skipsProvidersThatFailToLoadOrDescribeThemselves() {
        List<HttpTransportProvider> found = Providers.discover(HttpTransportProvider.class);

        assertThat(found).extracting(Provider::name).containsExactly("thirdparty", "builtin");
    }

    @Test
    void looksUpOnceAndReturnsTheSameList() {
        assertThat(Providers.discover(HttpTransportProvider.class)).isSameAs(Providers.discover(HttpTransportProvider.class));
    }

    @Test
    void thirdPartyTransportOutranksBuiltIn() {
        assertThat(Providers.select(HttpTransportProvider.class).name()).isEqualTo("thirdparty");
    }

    @Test
    void providerNamedOnTheBuilderWinsOverPriority() {
        try (HttpPipeline http = HttpPipeline.builder().transportProvider("builtin").build()) {
            assertThat(((TestProviders.NamedTransport) http.transport()).madeBy).isEqualTo("builtin");
        }
    }

    @Test
    void builderInstanceBeatsEverything() {
        TestProviders.NamedTransport mine = new TestProviders.NamedTransport("mine");
        try (HttpPipeline http = HttpPipeline.builder().transport(mine).transportProvider("builtin").build()) {
            assertThat(http.transport()).isSameAs(mine);
        }
    }

    @Test
    void discoveredTransportIsUsedWhenNothingIsNamed() {
        try (HttpPipeline http = HttpPipeline.builder().build();
                HttpResponse r = http.send(HttpRequest.newBuilder(URI.create("http://example.org/x")).build())) {
            assertThat(((TestProviders.NamedTransport) http.transport()).madeBy).isEqualTo("thirdparty");
            assertThat(r.status()).isEqualTo(204);
        }
    }

    @Test
    void unknownNameListsTheProvidersFound() {
        assertThatThrownBy(() -> Providers.select(HttpTransportProvider.class, "okhttp", null))
                .isInstanceOf(ProviderNotFoundException.class)
                .hasMessageContaining("no HttpTransportProvider named 'okhttp'")
                .hasMessageContaining("thirdparty, builtin");
    }

    @Test
    void noProviderMessageNamesTheModuleToAdd() {
        assertThatThrownBy(() -> Providers.select(TapPortProvider.class))
                .isInstanceOf(ProviderNotFoundException.class)
                .hasMessage("no TapPortProvider found: add cadc-tap to the class path or module path");
        assertThatThrownBy(() -> Providers.select(AuthPortProvider.class))
                .hasMessageContaining("add cadc-auth");
        assertThatThrownBy(() -> Providers.select(DataLinkPortProvider.class))
                .hasMessageContaining("add cadc-datalink");
    }

    @Test
    void tiesAreSettledByName() {
        HttpTransportProvider b = new Fixed("b", 5);
        HttpTransportProvider a = new Fixed("a", 5);
        HttpTransportProvider low = new Fixed("0-low", 1);

        assertThat(Providers.choose(HttpTransportProvider.class, List.of(low, b, a), null).name()).isEqualTo("a");
    }

    @Test
    void emptyCandidateListNamesTheModule() {
        assertThatThrownBy(() -> Providers.choose(HttpTransportProvider.class, List.of(), null))
                .isInstanceOf(ProviderNotFoundException.class)
                .hasMessageContaining("add cadc-http-jdk");
    }

    @Test
    void classLoaderWithoutRegistrationsFindsNothing() {
        ClassLoader empty = new ClassLoader(null) { };

        assertThat(Providers.discover(HttpTransportProvider.class, empty)).isEmpty();
        assertThatThrownBy(() -> HttpPipeline.builder().classLoader(empty).build())
                .isInstanceOf(ProviderNotFoundException.class)
                .hasMessageContaining("add cadc-http-jdk to the class path or module path");
    }

    private static final class Fixed implements HttpTransportProvider {
        private final String name;
        private final int priority;

        Fixed(String name, int priority) {
            this.name = name;
            this.priority = priority;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public HttpTransport create(TransportSettings settings) {
            return new TestProviders.NamedTransport(name);
        }
    }
}
