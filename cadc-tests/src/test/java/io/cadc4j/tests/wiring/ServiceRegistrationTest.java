// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every adapter registers its providers twice, and both registrations say the same. */
class ServiceRegistrationTest {

    @Test
    void everyCadcModuleIsOnTheTestClassPath() {
        assertThat(BuildArtifacts.cadcModules()).containsKeys("io.cadc4j.core", "io.cadc4j.votable",
                "io.cadc4j.http.jdk", "io.cadc4j.tap", "io.cadc4j.datalink", "io.cadc4j.auth", "io.cadc4j.formats",
                "io.cadc4j.names");
    }

    @Test
    void servicesFilesAgreeWithProvidesInEveryModule() {
        for (Map.Entry<String, Path> m : BuildArtifacts.cadcModules().entrySet()) {
            ModuleDescriptor d = BuildArtifacts.descriptor(m.getValue()).orElseThrow();

            assertThat(BuildArtifacts.servicesFiles(m.getValue()))
                    .as("META-INF/services of %s must list exactly what its module-info provides", m.getKey())
                    .isEqualTo(BuildArtifacts.provides(d));
        }
    }

    @Test
    void jdkTransportIsRegisteredBothWays() {
        Path jdk = BuildArtifacts.module("io.cadc4j.http.jdk");

        assertThat(BuildArtifacts.servicesFiles(jdk)).containsEntry("io.cadc4j.core.spi.HttpTransportProvider",
                java.util.List.of("io.cadc4j.http.jdk.internal.JdkHttpTransportProvider"));
    }

    @Test
    void bothNameResolversAreRegisteredBothWays() {
        Path names = BuildArtifacts.module("io.cadc4j.names");
        java.util.List<String> both = java.util.List.of("io.cadc4j.names.internal.CadcNameResolverProvider",
                "io.cadc4j.names.internal.SesameNameResolverProvider");

        assertThat(BuildArtifacts.servicesFiles(names)).containsEntry("io.cadc4j.core.internal.port.NameResolverProvider", both);
        assertThat(BuildArtifacts.provides(BuildArtifacts.descriptor(names).orElseThrow()))
                .containsEntry("io.cadc4j.core.internal.port.NameResolverProvider", both);
    }

    @Test
    void adaptersExportNothingAndInternalsAreExportedOnlyToCadc4jModules() {
        for (Map.Entry<String, Path> m : BuildArtifacts.cadcModules().entrySet()) {
            ModuleDescriptor d = BuildArtifacts.descriptor(m.getValue()).orElseThrow();
            // An internal package is toolkit: exported, if at all, only to cadc4j's own modules.
            assertThat(d.exports()).as("exports of %s", m.getKey())
                    .allMatch(e -> e.source().contains(".internal") == e.isQualified())
                    .allMatch(e -> e.targets().stream().allMatch(t -> t.startsWith("io.cadc4j.")));
            if (m.getKey().equals("io.cadc4j.http.jdk") || m.getKey().equals("io.cadc4j.tap")
                    || m.getKey().equals("io.cadc4j.datalink") || m.getKey().equals("io.cadc4j.auth")
                    || m.getKey().equals("io.cadc4j.formats")
                    || m.getKey().equals("io.cadc4j.names")) {
                assertThat(d.exports()).as("an adapter exports nothing: %s", m.getKey()).isEmpty();
            }
        }
    }
}
