// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module path: a consumer module that requires only io.cadc4j.core finds the JDK transport
 * through io.cadc4j.http.jdk's {@code provides}, with no class path at all.
 */
class ModulePathWiringTest {

    @Test
    void consumerModuleFindsTheJdkTransportOnTheModulePath(@TempDir Path dir) throws Exception {
        Path consumer = ConsumerModule.compile(dir);
        HttpServer server = ConsumerModule.helloServer();
        try {
            ConsumerModule.Result r = ConsumerModule.run(List.of(ConsumerModule.javaLauncher(),
                    "--module-path", ConsumerModule.modulePath(consumer, BuildArtifacts.module("io.cadc4j.core"),
                            BuildArtifacts.module("io.cadc4j.http.jdk")),
                    "-m", ConsumerModule.MAIN, ConsumerModule.helloUri(server).toString()));

            assertThat(r.exitCode).as("%s", r).isZero();
            assertThat(r.output).contains("transport=io.cadc4j.http.jdk.internal.JdkHttpTransport")
                    .contains("module=io.cadc4j.http.jdk")
                    .contains("status=200 body=hello");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void withoutAnAdapterTheErrorNamesTheModuleToAdd(@TempDir Path dir) throws Exception {
        Path consumer = ConsumerModule.compile(dir);

        ConsumerModule.Result r = ConsumerModule.run(List.of(ConsumerModule.javaLauncher(),
                "--module-path", ConsumerModule.modulePath(consumer, BuildArtifacts.module("io.cadc4j.core")),
                "-m", ConsumerModule.MAIN));

        assertThat(r.exitCode).as("%s", r).isEqualTo(3);
        assertThat(r.output).contains("error=no HttpTransportProvider found: add cadc-http-jdk to the class path or module path");
    }

    @Test
    void classPathFindsTheSameTransportThroughTheServicesFile(@TempDir Path dir) throws Exception {
        Path consumer = ConsumerModule.compile(dir);
        HttpServer server = ConsumerModule.helloServer();
        try {
            ConsumerModule.Result r = ConsumerModule.run(List.of(ConsumerModule.javaLauncher(),
                    "-cp", ConsumerModule.modulePath(consumer, BuildArtifacts.module("io.cadc4j.core"),
                            BuildArtifacts.module("io.cadc4j.http.jdk")),
                    "io.cadc4j.consumer.Main", ConsumerModule.helloUri(server).toString()));

            assertThat(r.exitCode).as("%s", r).isZero();
            assertThat(r.output).contains("transport=io.cadc4j.http.jdk.internal.JdkHttpTransport")
                    .contains("status=200 body=hello");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aUserModuleCannotCompileAgainstTheCoreToolkit(@TempDir Path dir) throws Exception {
        String errors = ConsumerModule.compileAgainstToolkit(dir);

        assertThat(errors).as("javac must refuse the toolkit import")
                .contains("package io.cadc4j.core.internal.http is not visible")
                .contains("declared in module io.cadc4j.core, which does not export it to module io.cadc4j.intruder");
    }

    @Test
    void aUserModuleCannotReachTheCoreToolkitReflectively(@TempDir Path dir) throws Exception {
        Path consumer = ConsumerModule.compile(dir);

        ConsumerModule.Result r = ConsumerModule.run(List.of(ConsumerModule.javaLauncher(),
                "--module-path", ConsumerModule.modulePath(consumer, BuildArtifacts.module("io.cadc4j.core")),
                "-m", ConsumerModule.MAIN, "--toolkit"));

        assertThat(r.exitCode).as("%s", r).isZero();
        assertThat(r.output).contains("toolkit=denied")
                .contains("module io.cadc4j.core does not export io.cadc4j.core.internal.http to module io.cadc4j.consumer");
    }
}
