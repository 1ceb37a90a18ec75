// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CoreValuesTest {

    @Test
    void serviceIdAcceptsShortCadcNames() {
        assertThat(ServiceId.of("argus")).isEqualTo(ServiceId.CADC_TAP);
        assertThat(ServiceId.of(" ivo://cadc.nrc.ca/caom2ops ")).isEqualTo(ServiceId.CADC_DATALINK);
        assertThat(ServiceId.of("ivo://irsa.ipac/TAP").uri()).isEqualTo(URI.create("ivo://irsa.ipac/TAP"));
    }

    @Test
    void serviceIdRejectsWhatIsNotAnIvoUri() {
        assertThatThrownBy(() -> ServiceId.of("https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ivo://authority/path");
        assertThatThrownBy(() -> ServiceId.of("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServiceId.of("a b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void securityMethodIsAnOpenVocabulary() {
        assertThat(SecurityMethod.of("ivo://ivoa.net/sso#cookie")).isSameAs(SecurityMethod.COOKIE);
        assertThat(SecurityMethod.of("")).isSameAs(SecurityMethod.ANONYMOUS);
        assertThat(SecurityMethod.ANONYMOUS.isAnonymous()).isTrue();
        SecurityMethod legacy = SecurityMethod.of("vos://cadc.nrc.ca~vospace/CADC/std/Auth#token-1.0");
        assertThat(legacy).isEqualTo(SecurityMethod.of("vos://cadc.nrc.ca~vospace/CADC/std/Auth#token-1.0"));
        assertThat(legacy.isAnonymous()).isFalse();
    }

    @Test
    void exceptionsSayWhatFailedWhereAndWhetherToRetry() {
        URI uri = URI.create("https://ws.example.org/tap/async/abc");
        QueryException q = new QueryException("Could not parse the query at line 1", uri, "abc", null);
        ProtocolViolationException p = new ProtocolViolationException("unexpected end of document", uri, 12, 7, null);

        assertThat(q).hasMessage("query failed (job abc) at " + uri + ": Could not parse the query at line 1");
        assertThat(q.jobId()).contains("abc");
        assertThat(q.isTransient()).isFalse();
        assertThat(p).hasMessage("unexpected end of document (line 12, column 7)");
        assertThat(p.line()).hasValue(12);
        assertThat(new CadcTimeoutException("slow", uri, null).isTransient()).isTrue();
        assertThat(new CadcException("plain").requestUri()).isEmpty();
    }

    /** Core must stay free of anything but JDK modules, and never need java.net.http. */
    @Test
    void coreModuleRequiresOnlyJdkModulesAndNotJavaNetHttp() throws Exception {
        Path descriptor = Path.of("target", "classes", "module-info.class");
        ModuleDescriptor md;
        try (InputStream in = Files.newInputStream(descriptor)) {
            md = ModuleDescriptor.read(in);
        }
        Set<String> requires = md.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());

        assertThat(md.name()).isEqualTo("io.cadc4j.core");
        assertThat(requires).allMatch(name -> name.startsWith("java.")).doesNotContain("java.net.http");
        // The toolkit (internal packages) is exported only to cadc4j's own modules; the rest to everyone.
        assertThat(md.exports()).allMatch(e -> e.source().contains(".internal.") == e.isQualified());
        assertThat(md.exports()).filteredOn(ModuleDescriptor.Exports::isQualified)
                .allMatch(e -> e.targets().stream().allMatch(t -> t.startsWith("io.cadc4j.")));
        assertThat(md.exports()).extracting(ModuleDescriptor.Exports::source)
                .doesNotContain("io.cadc4j.core.internal.facade", "io.cadc4j.core.internal.registry");
        assertThat(md.uses()).contains("io.cadc4j.core.spi.HttpTransportProvider", "io.cadc4j.core.internal.port.TapPortProvider",
                "io.cadc4j.core.internal.port.DataLinkPortProvider", "io.cadc4j.core.internal.port.AuthPortProvider");
    }
}
