// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.wiring;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * The cadc4j modules this test run was given, as Maven put them on the test class path: a jar when
 * the module was packaged in this build, its classes folder otherwise. Either works on a module path.
 */
final class BuildArtifacts {
    private BuildArtifacts() {
    }

    /** Every class path entry that holds a module whose name starts with {@code io.cadc4j.}, by module name. */
    static Map<String, Path> cadcModules() {
        Map<String, Path> found = new LinkedHashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            descriptor(p).filter(d -> d.name().startsWith("io.cadc4j.")).ifPresent(d -> found.putIfAbsent(d.name(), p));
        }
        return found;
    }

    /** The entry holding one module; fails the test with a clear message when it is not on the class path. */
    static Path module(String name) {
        Path p = cadcModules().get(name);
        if (p == null) {
            throw new IllegalStateException("module " + name + " is not on the test class path: " + cadcModules().keySet());
        }
        return p;
    }

    /** Reads the module descriptor of a jar or classes folder, if it has one. */
    static Optional<ModuleDescriptor> descriptor(Path entry) {
        try {
            if (Files.isDirectory(entry)) {
                Path mi = entry.resolve("module-info.class");
                if (!Files.exists(mi)) {
                    return Optional.empty();
                }
                try (InputStream in = Files.newInputStream(mi)) {
                    return Optional.of(ModuleDescriptor.read(in));
                }
            }
            if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    ZipEntry mi = jar.getEntry("module-info.class");
                    if (mi == null) {
                        return Optional.empty();
                    }
                    try (InputStream in = jar.getInputStream(mi)) {
                        return Optional.of(ModuleDescriptor.read(in));
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entry, e);
        }
    }

    /** The {@code META-INF/services} files of a jar or classes folder: service type to provider classes. */
    static Map<String, List<String>> servicesFiles(Path entry) {
        Map<String, List<String>> services = new TreeMap<>();
        try {
            if (Files.isDirectory(entry)) {
                Path dir = entry.resolve("META-INF/services");
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        for (Path f : files.collect(Collectors.toList())) {
                            services.put(f.getFileName().toString(), providerLines(Files.readString(f)));
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    for (ZipEntry e : jar.stream().collect(Collectors.toList())) {
                        String n = e.getName();
                        if (n.startsWith("META-INF/services/") && !e.isDirectory() && n.length() > "META-INF/services/".length()) {
                            try (InputStream in = jar.getInputStream(e)) {
                                services.put(n.substring("META-INF/services/".length()),
                                        providerLines(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entry, e);
        }
        return services;
    }

    /** The {@code provides} of a module descriptor: service type to provider classes, sorted. */
    static Map<String, List<String>> provides(ModuleDescriptor d) {
        Map<String, List<String>> out = new TreeMap<>();
        d.provides().forEach(p -> out.put(p.service(), new ArrayList<>(new TreeSet<>(p.providers()))));
        return out;
    }

    private static List<String> providerLines(String text) {
        return Arrays.stream(text.split("\n"))
                .map(l -> l.replaceAll("#.*", "").strip())
                .filter(l -> !l.isEmpty())
                .sorted()
                .collect(Collectors.toList());
    }
}
