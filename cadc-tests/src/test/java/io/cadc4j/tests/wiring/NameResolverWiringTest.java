// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.tests.server.names.NameResolverStandIn;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The name resolvers of io.cadc4j.names are found by a consumer module that requires only
 * io.cadc4j.core, through {@code provides} on the module path and through the services file on the
 * class path, and resolve a name with the facade against the stand-in; without io.cadc4j.names a
 * name is an error naming the module to add.
 */
class NameResolverWiringTest {
    private static final String MAIN = "io.cadc4j.namesconsumer/io.cadc4j.namesconsumer.Main";

    @TempDir
    Path dir;

    private NameResolverStandIn standIn;

    @BeforeEach
    void start() {
        standIn = NameResolverStandIn.start(NameResolverStandIn.repositoryFixtures());
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private Path compile() throws IOException {
        Path src = dir.resolve("src");
        Path pkg = src.resolve("io/cadc4j/namesconsumer");
        Files.createDirectories(pkg);
        Files.writeString(src.resolve("module-info.java"),
                "module io.cadc4j.namesconsumer {\n    requires io.cadc4j.core;\n}\n");
        Files.writeString(pkg.resolve("Main.java"), String.join("\n",
                "package io.cadc4j.namesconsumer;",
                "",
                "import io.cadc4j.core.Cadc;",
                "import io.cadc4j.core.ServiceLocation;",
                "import io.cadc4j.core.sky.NameResolution;",
                "import io.cadc4j.core.sky.ResolvedName;",
                "import java.net.URI;",
                "import java.util.List;",
                "",
                "public final class Main {",
                "    public static void main(String[] args) {",
                "        NameResolution.Builder n = NameResolution.builder().endpoints(List.of(URI.create(args[1])));",
                "        if (!args[0].equals(\"default\")) {",
                "            n.resolver(args[0]);",
                "        }",
                "        try (Cadc cadc = Cadc.builder().tap(ServiceLocation.at(URI.create(\"http://127.0.0.1:9/tap\")))",
                "                .nameResolution(n.build()).build()) {",
                "            ResolvedName r = cadc.resolve(args[2]);",
                "            System.out.println(\"resolved=\" + r.coordinates().ra() + \" \" + r.coordinates().dec()",
                "                    + \" service=\" + r.service() + \" resolver=\" + r.resolver().orElse(\"?\"));",
                "        } catch (IllegalArgumentException e) {",
                "            System.out.println(\"error=\" + e.getMessage());",
                "            System.exit(3);",
                "        }",
                "    }",
                "}",
                ""));
        Path out = dir.resolve("consumer");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javac.run(null, null, err, "--release", "11", "-d", out.toString(),
                "--module-path", BuildArtifacts.module("io.cadc4j.core").toString(),
                src.resolve("module-info.java").toString(), pkg.resolve("Main.java").toString());
        assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out;
    }

    /** The consumer, core, the JDK transport and the TAP adapter (which the facade needs) with what they require. */
    private static List<Path> runtime(Path consumer, boolean withNames) {
        List<Path> p = new ArrayList<>(List.of(consumer, BuildArtifacts.module("io.cadc4j.core"),
                BuildArtifacts.module("io.cadc4j.votable"), BuildArtifacts.module("io.cadc4j.tap"),
                BuildArtifacts.module("io.cadc4j.http.jdk")));
        if (withNames) {
            p.add(BuildArtifacts.module("io.cadc4j.names"));
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Path.of(entry).getFileName().toString().matches("jakarta\\.json-api-[0-9.]+\\.jar")) {
                p.add(Path.of(entry));
            }
        }
        return p;
    }

    private static ConsumerModule.Result onModulePath(List<Path> path, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ConsumerModule.javaLauncher(), "--module-path",
                ConsumerModule.modulePath(path.toArray(new Path[0])), "-m", MAIN));
        command.addAll(List.of(args));
        return ConsumerModule.run(command);
    }

    @Test
    void sesameIsTheDefaultFoundThroughProvidesOnTheModulePath() throws Exception {
        ConsumerModule.Result r = onModulePath(runtime(compile(), true), "default", standIn.sesameMirror().toString(),
                "ngc3642");
        assertThat(r.exitCode).as("%s", r).isZero();
        assertThat(r.output).contains("resolved=170.57458768232 59.07452101151 service=Simbad resolver=sesame");
    }

    @Test
    void cadcsResolverIsFoundByNameOnTheModulePath() throws Exception {
        ConsumerModule.Result r = onModulePath(runtime(compile(), true), "cadc", standIn.cadcFind().toString(), "m31");
        assertThat(r.exitCode).as("%s", r).isZero();
        assertThat(r.output).contains("resolved=10.684799 41.269076 service=ned resolver=cadc");
    }

    @Test
    void theClassPathFindsThemThroughTheServicesFile() throws Exception {
        List<Path> path = runtime(compile(), true);
        ConsumerModule.Result r = ConsumerModule.run(List.of(ConsumerModule.javaLauncher(), "-cp",
                ConsumerModule.modulePath(path.toArray(new Path[0])), "io.cadc4j.namesconsumer.Main", "default",
                standIn.sesameMirror().toString(), "castor"));
        assertThat(r.exitCode).as("%s", r).isZero();
        assertThat(r.output).contains("resolved=113.64947164 31.888282216 service=Simbad resolver=sesame");
    }

    @Test
    void withoutCadcNamesANameIsAnErrorNamingTheModuleToAdd() throws Exception {
        ConsumerModule.Result r = onModulePath(runtime(compile(), false), "default", standIn.sesameMirror().toString(),
                "ngc3642");
        assertThat(r.exitCode).as("%s", r).isEqualTo(3);
        assertThat(r.output).contains("error=not a coordinate: \"ngc3642\"")
                .contains("add cadc-names to the class path or module path");
        assertThat(standIn.namesAsked()).isEmpty();
    }
}
