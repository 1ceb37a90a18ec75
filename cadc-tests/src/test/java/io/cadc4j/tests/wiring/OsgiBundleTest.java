// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

/**
 * OSGi: the bundles bnd made resolve and start in Apache Felix, export the same packages as their
 * JPMS modules, declare Service Loader Mediator capabilities for the services they provide, and the
 * JDK transport can be found and used from inside the framework.
 */
class OsgiBundleTest {
    /**
     * The bundles tried in Felix. cadc-formats and cadc-samp have bnd manifests too, but their
     * libraries (nom-tam-fits, JSAMP) ship no OSGi manifest, so they cannot resolve in a bare
     * framework.
     */
    private static final List<String> BUNDLED = List.of("io.cadc4j.core", "io.cadc4j.votable", "io.cadc4j.http.jdk",
            "io.cadc4j.tap", "io.cadc4j.datalink", "io.cadc4j.auth", "io.cadc4j.names");

    @TempDir
    Path storage;
    private Framework framework;
    private final Map<String, Bundle> bundles = new HashMap<>();

    @BeforeEach
    void startFelixWithTheBundles() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        framework = new FrameworkFactory().newFramework(config);
        framework.init();
        framework.start();
        // Third-party bundles the adapters import packages from (Commons Compress and what it needs;
        // the Jakarta JSON-P API and Parsson for cadc-tap's JSON results).
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String file = Path.of(entry).getFileName().toString();
            if (file.matches("(commons-compress|commons-io|commons-lang3|commons-codec|jakarta\\.json-api|parsson)-[0-9.]+\\.jar")) {
                framework.getBundleContext().installBundle(Path.of(entry).toUri().toString());
            }
        }
        Map<String, Path> modules = BuildArtifacts.cadcModules();
        // The votable bundle imports the StAX API only; Woodstox is not needed to resolve it.
        for (String name : BUNDLED) {
            Path p = modules.get(name);
            String location = Files.isDirectory(p) ? "reference:" + p.toUri() : p.toUri().toString();
            bundles.put(name, framework.getBundleContext().installBundle(location));
        }
        for (Bundle b : bundles.values()) {
            b.start();
        }
    }

    @AfterEach
    void stopFelix() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    void everyBundleResolvesAndStarts() {
        for (String name : BUNDLED) {
            Bundle b = bundles.get(name);
            assertThat(b.getSymbolicName()).isEqualTo(name);
            assertThat(b.getState()).as("state of %s", name).isEqualTo(Bundle.ACTIVE);
        }
    }

    @Test
    void bundlesExportExactlyWhatTheirModulesExport() {
        for (String name : BUNDLED) {
            BundleRevision revision = bundles.get(name).adapt(BundleRevision.class);
            Set<String> osgi = revision.getDeclaredCapabilities(BundleRevision.PACKAGE_NAMESPACE).stream()
                    .map(c -> (String) c.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE))
                    .collect(Collectors.toCollection(TreeSet::new));
            ModuleDescriptor d = BuildArtifacts.descriptor(BuildArtifacts.module(name)).orElseThrow();
            Set<String> jpms = d.exports().stream().map(ModuleDescriptor.Exports::source)
                    .collect(Collectors.toCollection(TreeSet::new));

            assertThat(osgi).as("Export-Package of %s", name).isEqualTo(jpms);
            // A JPMS qualified export (toolkit) is an OSGi export marked x-internal, and only that.
            Set<String> qualified = d.exports().stream().filter(ModuleDescriptor.Exports::isQualified)
                    .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
            Set<String> internal = revision.getDeclaredCapabilities(BundleRevision.PACKAGE_NAMESPACE).stream()
                    .filter(c -> "true".equals(c.getDirectives().get("x-internal")))
                    .map(c -> (String) c.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(internal).as("x-internal exports of %s", name).isEqualTo(qualified);
        }
        assertThat(BuildArtifacts.descriptor(BuildArtifacts.module("io.cadc4j.core")).orElseThrow().exports())
                .as("the core has a toolkit exported only to cadc4j's modules")
                .anyMatch(ModuleDescriptor.Exports::isQualified);
    }

    @Test
    void bundlesThatProvideServicesDeclareServiceLoaderCapabilities() {
        for (String name : BUNDLED) {
            Set<String> services = BuildArtifacts.servicesFiles(BuildArtifacts.module(name)).keySet();
            Set<String> declared = bundles.get(name).adapt(BundleRevision.class)
                    .getDeclaredCapabilities("osgi.serviceloader").stream()
                    .map(c -> (String) c.getAttributes().get("osgi.serviceloader"))
                    .collect(Collectors.toCollection(TreeSet::new));

            assertThat(declared).as("osgi.serviceloader capabilities of %s", name).isEqualTo(services);
        }
    }

    @Test
    void jdkTransportIsFoundThroughItsMediatorCapabilityAndServesARequest() throws Exception {
        Bundle jdk = bundles.get("io.cadc4j.http.jdk");
        Bundle core = bundles.get("io.cadc4j.core");
        List<BundleCapability> caps = jdk.adapt(BundleWiring.class).getCapabilities("osgi.serviceloader");
        assertThat(caps).extracting(c -> c.getAttributes().get("osgi.serviceloader"))
                .containsExactly("io.cadc4j.core.spi.HttpTransportProvider");

        // What a Service Loader Mediator does: read the registration, load the class from the bundle.
        URL entry = jdk.getEntry("META-INF/services/io.cadc4j.core.spi.HttpTransportProvider");
        String providerClass;
        try (InputStream in = entry.openStream()) {
            providerClass = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        Object provider = jdk.loadClass(providerClass).getConstructor().newInstance();
        Class<?> spi = core.loadClass("io.cadc4j.core.spi.HttpTransportProvider");
        assertThat(spi.isInstance(provider)).as("the provider implements the core bundle's SPI type").isTrue();

        // Then the builder route: hand the transport to the core bundle's pipeline.
        Object settings = core.loadClass("io.cadc4j.core.spi.TransportSettings").getMethod("defaults").invoke(null);
        Object transport = call(provider, "create", settings);
        Object builder = core.loadClass("io.cadc4j.core.internal.http.HttpPipeline").getMethod("builder").invoke(null);
        Object pipeline = call(call(builder, "transport", transport), "build");
        HttpServer server = ConsumerModule.helloServer();
        try {
            Object requestBuilder = core.loadClass("io.cadc4j.core.spi.HttpRequest")
                    .getMethod("newBuilder", URI.class).invoke(null, ConsumerModule.helloUri(server));
            Object response = call(pipeline, "sendExpectingSuccess", call(requestBuilder, "build"));
            try (InputStream body = (InputStream) call(response, "body")) {
                assertThat(call(response, "status")).isEqualTo(200);
                assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
            }
            assertThat(transport.getClass().getName()).isEqualTo("io.cadc4j.http.jdk.internal.JdkHttpTransport");
        } finally {
            server.stop(0);
            call(transport, "close");
        }
    }

    @Test
    void nameResolversAreFoundThroughTheirMediatorCapabilityAndResolveAName() throws Exception {
        Bundle names = bundles.get("io.cadc4j.names");
        Bundle jdk = bundles.get("io.cadc4j.http.jdk");
        Bundle core = bundles.get("io.cadc4j.core");
        assertThat(names.adapt(BundleWiring.class).getCapabilities("osgi.serviceloader"))
                .extracting(c -> c.getAttributes().get("osgi.serviceloader"))
                .containsOnly("io.cadc4j.core.internal.port.NameResolverProvider");

        // What a Service Loader Mediator does: read the registration, load the classes from the bundle.
        List<Object> providers = new ArrayList<>();
        try (InputStream in = names.getEntry("META-INF/services/io.cadc4j.core.internal.port.NameResolverProvider").openStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (!line.isBlank()) {
                    providers.add(names.loadClass(line.strip()).getConstructor().newInstance());
                }
            }
        }
        Class<?> spi = core.loadClass("io.cadc4j.core.internal.port.NameResolverProvider");
        assertThat(providers).allMatch(spi::isInstance);
        Object sesame = null;
        for (Object p : providers) {
            if ("sesame".equals(call(p, "name"))) {
                sesame = p;
            }
        }
        assertThat(providers).extracting(p -> {
            try {
                return call(p, "name");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).containsExactlyInAnyOrder("sesame", "cadc");

        // The builder route: the core bundle's pipeline over the JDK bundle's transport, the Sesame resolver on it.
        String jdkProvider;
        try (InputStream in = jdk.getEntry("META-INF/services/io.cadc4j.core.spi.HttpTransportProvider").openStream()) {
            jdkProvider = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        Object settings = core.loadClass("io.cadc4j.core.spi.TransportSettings").getMethod("defaults").invoke(null);
        Object transport = call(jdk.loadClass(jdkProvider).getConstructor().newInstance(), "create", settings);
        Object pipeline = call(call(core.loadClass("io.cadc4j.core.internal.http.HttpPipeline").getMethod("builder").invoke(null),
                "transport", transport), "build");
        try (io.cadc4j.tests.server.names.NameResolverStandIn standIn = io.cadc4j.tests.server.names.NameResolverStandIn
                .start(io.cadc4j.tests.server.names.NameResolverStandIn.repositoryFixtures())) {
            Object context = call(call(core.loadClass("io.cadc4j.core.internal.port.NameResolverContext")
                    .getMethod("builder", core.loadClass("io.cadc4j.core.internal.http.HttpPipeline")).invoke(null, pipeline),
                    "endpoints", List.of(standIn.sesameMirror())), "build");
            Object resolved = call(call(sesame, "create", context), "resolve", "ngc3642");
            Object position = call(resolved, "coordinates");
            assertThat(call(position, "ra")).isEqualTo(170.57458768232);
            assertThat(call(position, "dec")).isEqualTo(59.07452101151);
            assertThat(call(resolved, "service")).isEqualTo("Simbad");
        } finally {
            call(transport, "close");
        }
    }

    /** Calls a public method by name on an object whose class lives in a bundle. */
    private static Object call(Object target, String method, Object... args) throws Exception {
        List<Method> candidates = new ArrayList<>();
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            for (Method m : c.getMethods()) {
                if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                    candidates.add(m);
                }
            }
        }
        for (Method m : candidates) {
            Class<?>[] types = m.getParameterTypes();
            boolean fits = true;
            for (int i = 0; i < types.length; i++) {
                fits &= types[i].isInstance(args[i]);
            }
            if (fits) {
                m.setAccessible(true);
                return m.invoke(target, args);
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + method);
    }
}
