// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.wiring;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A tiny application module, {@code io.cadc4j.consumer}, compiled by the test against cadc-core
 * alone: it selects whatever transport discovery finds through the public SPI, prints which,
 * and fetches a URL given as its argument.
 */
final class ConsumerModule {
    static final String NAME = "io.cadc4j.consumer";
    static final String MAIN = NAME + "/io.cadc4j.consumer.Main";

    private ConsumerModule() {
    }

    /** Compiles the consumer module into {@code dir/consumer} and returns that folder. */
    static Path compile(Path dir) throws IOException {
        Path src = dir.resolve("src");
        Path pkg = src.resolve("io/cadc4j/consumer");
        Files.createDirectories(pkg);
        Files.writeString(src.resolve("module-info.java"),
                "module io.cadc4j.consumer {\n    requires io.cadc4j.core;\n}\n");
        Files.writeString(pkg.resolve("Main.java"), String.join("\n",
                "package io.cadc4j.consumer;",
                "",
                "import io.cadc4j.core.ProviderNotFoundException;",
                "import io.cadc4j.core.spi.HttpRequest;",
                "import io.cadc4j.core.spi.HttpResponse;",
                "import io.cadc4j.core.spi.HttpTransport;",
                "import io.cadc4j.core.spi.HttpTransportProvider;",
                "import io.cadc4j.core.spi.Providers;",
                "import io.cadc4j.core.spi.TransportSettings;",
                "import java.net.URI;",
                "import java.nio.charset.StandardCharsets;",
                "",
                "public final class Main {",
                "    public static void main(String[] args) throws Exception {",
                "        if (args.length > 0 && args[0].equals(\"--toolkit\")) {",
                "            // A user module must not reach the toolkit, not even reflectively.",
                "            try {",
                "                Class<?> c = Class.forName(\"io.cadc4j.core.internal.http.HttpPipeline\");",
                "                c.getMethod(\"builder\").invoke(null);",
                "                System.out.println(\"toolkit=readable\");",
                "            } catch (IllegalAccessException e) {",
                "                System.out.println(\"toolkit=denied \" + e.getMessage());",
                "            }",
                "            return;",
                "        }",
                "        try (HttpTransport http = Providers.select(HttpTransportProvider.class).create(TransportSettings.defaults())) {",
                "            Class<?> t = http.getClass();",
                "            System.out.println(\"transport=\" + t.getName());",
                "            System.out.println(\"module=\" + t.getModule().getName());",
                "            if (args.length > 0) {",
                "                try (HttpResponse r = http.send(HttpRequest.newBuilder(URI.create(args[0])).build())) {",
                "                    System.out.println(\"status=\" + r.status() + \" body=\"",
                "                            + new String(r.body().readAllBytes(), StandardCharsets.UTF_8));",
                "                }",
                "            }",
                "        } catch (ProviderNotFoundException e) {",
                "            System.out.println(\"error=\" + e.getMessage());",
                "            System.exit(3);",
                "        }",
                "    }",
                "}",
                ""));
        Path out = dir.resolve("consumer");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the tests need a JDK (javax.tools finds no compiler in " + System.getProperty("java.home") + ")");
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javac.run(null, null, err, "--release", "11", "-d", out.toString(),
                "--module-path", BuildArtifacts.module("io.cadc4j.core").toString(),
                src.resolve("module-info.java").toString(), pkg.resolve("Main.java").toString());
        if (rc != 0) {
            throw new IllegalStateException("compiling the consumer module failed:\n" + err.toString(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** A module path made of these entries. */
    /**
     * Compiles a user module whose source imports the core's toolkit and returns javac's errors
     * (empty if it compiled, which it must not).
     */
    static String compileAgainstToolkit(Path dir) throws IOException {
        Path src = dir.resolve("toolkit-src");
        Path pkg = src.resolve("io/cadc4j/intruder");
        Files.createDirectories(pkg);
        Files.writeString(src.resolve("module-info.java"), "module io.cadc4j.intruder {\n    requires io.cadc4j.core;\n}\n");
        Files.writeString(pkg.resolve("Main.java"), String.join("\n",
                "package io.cadc4j.intruder;",
                "",
                "import io.cadc4j.core.internal.http.HttpPipeline;",
                "",
                "public final class Main {",
                "    public static void main(String[] args) {",
                "        HttpPipeline.builder().build();",
                "    }",
                "}",
                ""));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, err, "--release", "11",
                "-d", dir.resolve("toolkit-out").toString(), "--class-path", src.toString(),
                "--module-path", BuildArtifacts.module("io.cadc4j.core").toString(),
                src.resolve("module-info.java").toString(), pkg.resolve("Main.java").toString());
        return rc == 0 ? "" : err.toString(StandardCharsets.UTF_8);
    }

    static String modulePath(Path... entries) {
        List<String> parts = new ArrayList<>();
        for (Path p : entries) {
            parts.add(p.toString());
        }
        return String.join(File.pathSeparator, parts);
    }

    /** Runs a command, returning its exit code and output; fails if it does not end within a minute. */
    static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread pump = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // the process ended; what was read is kept
            }
        });
        pump.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("still running after 60 s: " + command.stream().collect(Collectors.joining(" ")));
        }
        pump.join(10_000);
        return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8));
    }

    /** Serves {@code hello} at {@code /hello} on loopback. */
    static HttpServer helloServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hello", ex -> {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/plain");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        return server;
    }

    static URI helloUri(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hello");
    }

    static String javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** What a process printed and how it ended. */
    static final class Result {
        final int exitCode;
        final String output;

        Result(int exitCode, String output) {
            this.exitCode = exitCode;
            this.output = output;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ":\n" + output;
        }
    }
}
