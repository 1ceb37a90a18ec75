// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.names;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.tests.cli.CadcProcess;
import io.cadc4j.tests.server.names.NameResolverStandIn;
import io.cadc4j.tests.server.names.NameResolverStandIn.Fault;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cadc resolve} as a process, the real adapters inside the command's jar asking the stand-in
 * resolvers replaying the captured answers: Sesame (the default) and CADC's resolver, through a
 * given URL or the registry, failover from a mirror that is down, not found, and --no-resolve.
 */
class CadcResolveProcessTest {
    @TempDir
    Path dir;

    /** The last run of the command. */
    private CadcProcess cadc;
    private NameResolverStandIn standIn;

    @BeforeEach
    void start() {
        CadcProcess.assumeBuilt();
        standIn = NameResolverStandIn.start(NameResolverStandIn.repositoryFixtures());
    }

    @AfterEach
    void stop() {
        if (standIn != null) {
            standIn.close();
        }
    }

    /** Runs the command to its end, keeping the run in {@link #cadc}, and gives its exit code. */
    private int cadc(String... args) throws IOException, InterruptedException {
        cadc = CadcProcess.run(dir, dir.resolve("state"), args);
        return cadc.code();
    }

    @Test
    void resolvePrintsWhatSesameAnswered() throws Exception {
        assertThat(cadc("resolve", "ngc3642", "castor", "--resolver-url", standIn.sesameMirror().toString(),
                "--format", "csv")).as(cadc.describe()).isZero();
        assertThat(cadc.lines()).containsExactly("name,ra,dec,service,canonical_name",
                "ngc3642,170.57458768232,59.07452101151,Simbad,NGC 3642",
                "castor,113.64947164,31.888282216,Simbad,* alf Gem");
        assertThat(standIn.namesAsked()).containsExactly("ngc3642", "castor");
    }

    @Test
    void resolveM31WithCadcsResolverFoundInTheRegistry() throws Exception {
        assertThat(cadc("resolve", "M31", "--resolver", "cadc", "--registry", standIn.registry().toString(),
                "--format", "tsv")).as(cadc.describe()).isZero();
        assertThat(cadc.lines()).containsExactly("name\tra\tdec\tservice\tcanonical_name", "M31\t10.684799\t41.269076\tned\t");
        assertThat(standIn.rawQueries()).containsExactly("target=M31&service=all&format=ascii");
    }

    @Test
    void aMirrorThatIsDownHandsOverToTheNext() throws Exception {
        try (NameResolverStandIn down = NameResolverStandIn.start(NameResolverStandIn.repositoryFixtures())
                .fault(Fault.UNAVAILABLE)) {
            assertThat(cadc("resolve", "hd 3145", "--resolver-url", down.sesameMirror().toString(),
                    "--resolver-url", standIn.sesameMirror().toString(), "--format", "csv")).as(cadc.describe()).isZero();
            assertThat(cadc.lines()).containsExactly("name,ra,dec,service,canonical_name",
                    "hd 3145,8.6014,-45.4318,VizieR,HD 3145");
            assertThat(down.namesAsked()).containsExactly("hd 3145");
        }
    }

    @Test
    void anUnknownNameIsAServiceErrorWithSesamesWords() throws Exception {
        assertThat(cadc("resolve", "m31", "--resolver-url", standIn.sesameMirror().toString())).isEqualTo(3);
        assertThat(cadc.err()).startsWith("cadc: Sesame does not know \"m31\"").contains("*** Nothing found ***");
        assertThat(cadc.out()).isEmpty();
    }

    @Test
    void cadcs425IsNotFound() throws Exception {
        assertThat(cadc("resolve", "nosuchthing42", "--resolver", "cadc", "--resolver-url",
                standIn.cadcFind().toString())).isEqualTo(3);
        assertThat(cadc.err()).contains("\"nosuchthing42\"").contains("Target not found");
    }

    @Test
    void everyMirrorDownIsAServiceErrorNamingEach() throws Exception {
        standIn.fault(Fault.UNAVAILABLE);
        assertThat(cadc("resolve", "M31", "--resolver-url", standIn.sesameMirror().toString())).isEqualTo(3);
        assertThat(cadc.err()).contains("every endpoint failed").contains(standIn.sesameMirror().toString())
                .contains("503").doesNotContain("\tat ");
    }

    @Test
    void noResolveRefusesANameSayingSo() throws Exception {
        assertThat(cadc("region", "M31", "--no-resolve", "--tap-url", "http://127.0.0.1:9/tap")).isEqualTo(2);
        assertThat(cadc.err()).contains("\"M31\"").contains("--no-resolve");
        assertThat(standIn.namesAsked()).isEmpty();
    }
}
