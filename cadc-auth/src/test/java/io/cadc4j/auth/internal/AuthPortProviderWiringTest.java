// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.internal.port.AuthPortProvider;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.internal.port.PortContext;
import io.cadc4j.core.spi.Provider;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AuthPortProviderWiringTest {

    @Test
    void serviceLoaderFindsTheBuiltInProviderOnTheClassPath() {
        List<AuthPortProvider> found = ServiceLoader.load(AuthPortProvider.class).stream().map(ServiceLoader.Provider::get)
                .collect(Collectors.toList());

        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("cadc");
            assertThat(p.priority()).isEqualTo(Provider.BUILT_IN_PRIORITY);
            URI login = URI.create("https://ws-cadc.canfar.net/ac/login");
            assertThat(p.create(PortContext.of(HttpPipeline.builder().transport(new RecordingTransport(r -> null)).build(), login)))
                    .isInstanceOf(CadcAuthAdapter.class);
        });
    }

    @Test
    void servicesFileAndModuleDescriptorNameTheSameProvider() throws IOException {
        Path module = Path.of("src/main/java/module-info.java");
        String descriptor = Files.readString(module, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("provides\\s+([\\w.]+)\\s+with\\s+([\\w.]+)\\s*;").matcher(descriptor);
        assertThat(m.find()).isTrue();
        List<String> services = Files.readAllLines(Path.of("src/main/resources/META-INF/services/" + m.group(1)),
                StandardCharsets.UTF_8).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .collect(Collectors.toList());

        assertThat(m.group(1)).isEqualTo(AuthPortProvider.class.getName());
        assertThat(services).containsExactly(m.group(2));
        assertThat(m.group(2)).isEqualTo(CadcAuthPortProvider.class.getName());
    }
}
