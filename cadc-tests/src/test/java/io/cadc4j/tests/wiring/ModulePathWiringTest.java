// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cadc4j.core.Cadc;
import io.cadc4j.core.internal.port.PortOverrides;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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

    /**
     * Every public method of the builder (and of the facade it builds) can be called from a user
     * module: no parameter, result or exception type comes from a package the core exports only
     * to cadc4j's own modules.
     */
    @Test
    void theFacadeAndItsBuilderMentionOnlyTypesAUserModuleCanRead() {
        ModuleDescriptor core = BuildArtifacts.descriptor(BuildArtifacts.module("io.cadc4j.core")).orElseThrow();

        assertThat(unreadableTypes(Cadc.Builder.class, core)).as("Cadc.Builder's public methods").isEmpty();
        assertThat(unreadableTypes(Cadc.class, core)).as("Cadc's public methods").isEmpty();
    }

    @Test
    void theReadabilityCheckCatchesAToolkitTypeInASignature() {
        ModuleDescriptor core = BuildArtifacts.descriptor(BuildArtifacts.module("io.cadc4j.core")).orElseThrow();

        // The toolkit's own hook takes toolkit types: the check must see them.
        assertThat(unreadableTypes(PortOverrides.class, core))
                .anyMatch(s -> s.contains("io.cadc4j.core.internal.port.TapPortProvider"));
    }

    /**
     * The types in the public methods' signatures of {@code type} that a module requiring only
     * {@code core} cannot read, each as "method: type".
     */
    private static Set<String> unreadableTypes(Class<?> type, ModuleDescriptor core) {
        Set<String> everyone = core.exports().stream().filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        Set<String> found = new TreeSet<>();
        for (Method m : type.getMethods()) {
            if (!Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
                continue;
            }
            Set<Class<?>> mentioned = new LinkedHashSet<>();
            Set<Type> seen = new HashSet<>();
            collect(m.getGenericReturnType(), mentioned, seen);
            for (Type t : m.getGenericParameterTypes()) {
                collect(t, mentioned, seen);
            }
            for (Type t : m.getGenericExceptionTypes()) {
                collect(t, mentioned, seen);
            }
            for (Class<?> c : mentioned) {
                if (!readable(c, core, everyone)) {
                    found.add(m.getName() + ": " + c.getName());
                }
            }
        }
        return found;
    }

    /** Readable by a module that requires only the core: a JDK type its module exports, or a core type in an unqualified export. */
    private static boolean readable(Class<?> c, ModuleDescriptor core, Set<String> everyone) {
        if (c.isPrimitive()) {
            return true;
        }
        if (core.packages().contains(c.getPackageName())) {
            return everyone.contains(c.getPackageName());
        }
        // Not the core's: only a JDK module's exported package will do (the core depends on nothing else).
        Module m = c.getModule();
        return m.isNamed() && m.getLayer() == ModuleLayer.boot() && m.getName().startsWith("java.")
                && m.isExported(c.getPackageName());
    }

    private static void collect(Type t, Set<Class<?>> into, Set<Type> seen) {
        if (!seen.add(t)) {
            return;
        }
        if (t instanceof Class) {
            Class<?> c = (Class<?>) t;
            while (c.isArray()) {
                c = c.getComponentType();
            }
            into.add(c);
            if (c.getEnclosingClass() != null) {
                collect(c.getEnclosingClass(), into, seen);
            }
        } else if (t instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) t;
            collect(p.getRawType(), into, seen);
            for (Type a : p.getActualTypeArguments()) {
                collect(a, into, seen);
            }
        } else if (t instanceof GenericArrayType) {
            collect(((GenericArrayType) t).getGenericComponentType(), into, seen);
        } else if (t instanceof WildcardType) {
            WildcardType w = (WildcardType) t;
            for (Type b : w.getUpperBounds()) {
                collect(b, into, seen);
            }
            for (Type b : w.getLowerBounds()) {
                collect(b, into, seen);
            }
        } else if (t instanceof TypeVariable) {
            for (Type b : ((TypeVariable<?>) t).getBounds()) {
                collect(b, into, seen);
            }
        }
    }
}
