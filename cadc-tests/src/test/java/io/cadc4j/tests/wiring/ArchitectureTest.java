// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules of the hexagon and of the public API, checked on the main sources of every module.
 */
class ArchitectureTest {
    private static final Path ROOT = Path.of("..");
    /** Which cadc4j packages each module may import (besides its own). */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "cadc-core", List.of("io.cadc4j.core"),
            "cadc-votable", List.of("io.cadc4j.core", "io.cadc4j.votable"),
            "cadc-http-jdk", List.of("io.cadc4j.core", "io.cadc4j.http.jdk"),
            "cadc-tap", List.of("io.cadc4j.core", "io.cadc4j.votable", "io.cadc4j.tap"),
            "cadc-datalink", List.of("io.cadc4j.core", "io.cadc4j.votable", "io.cadc4j.datalink"),
            "cadc-auth", List.of("io.cadc4j.core", "io.cadc4j.auth"),
            "cadc-formats", List.of("io.cadc4j.core", "io.cadc4j.votable", "io.cadc4j.formats"),
            "cadc-samp", List.of("io.cadc4j.core", "io.cadc4j.votable", "io.cadc4j.samp"),
            "cadc-names", List.of("io.cadc4j.core", "io.cadc4j.names"),
            // test support, shared by every module's tests, core's included: it imports nothing of cadc4j
            "cadc-testing", List.of("io.cadc4j.testing"));
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?(io\\.cadc4j\\.[\\w.]+)");
    private static final Pattern TOP_LEVEL_PUBLIC_TYPE = Pattern.compile(
            "(?m)^public\\s+(?:final\\s+|abstract\\s+)*(?:class|interface|enum|@interface)\\s+(\\w+)");
    private static final String CORE = "io.cadc4j.core";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+);");
    /** A reference to a core type, imported or written out: the package is group 1. */
    private static final Pattern CORE_REFERENCE = Pattern.compile("\\b(io\\.cadc4j\\.core(?:\\.[a-z]\\w*)*)\\.([A-Z]\\w*)");
    private static final Pattern COMMENT_OR_STRING = Pattern.compile(
            "(?s)/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\\\n])*\"");
    private static final Pattern THREAD_SAFETY = Pattern.compile(
            "(?i)immutable|thread-safe|single-threaded|thread safe|must be thread-safe");

    @Test
    void arrowsPointInward() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, List<String>> module : ALLOWED.entrySet()) {
            for (Path source : sources(module.getKey())) {
                Matcher m = IMPORT.matcher(Files.readString(source));
                while (m.find()) {
                    String imported = m.group(1);
                    if (module.getValue().stream().noneMatch(imported::startsWith)) {
                        violations.add(ROOT.relativize(source) + " imports " + imported);
                    }
                }
            }
        }
        assertThat(violations).as("imports across the hexagon").isEmpty();
    }

    /**
     * No two packages of the core depend on each other, directly or through others. The root
     * package holds two layers: its vocabulary (exceptions, ids, security methods), which depends
     * on no other core package, and the facade ({@code Cadc} and the classes that refer to other
     * core packages), which sits on top; the two are separate nodes here, so a package that used
     * the facade would show as a cycle, and the vocabulary is checked to refer to nothing of the core.
     */
    @Test
    void corePackagesHaveNoCycles() throws IOException {
        // First pass: which core types each source refers to, and which root classes are the facade.
        Map<String, String> packageOf = new TreeMap<>();
        Map<String, Set<String>> referencesOf = new TreeMap<>();
        Set<String> facade = new TreeSet<>();
        for (Path source : sources("cadc-core")) {
            String text = withoutComments(Files.readString(source));
            Matcher pkg = PACKAGE.matcher(text);
            if (!pkg.find()) {
                continue;
            }
            String type = pkg.group(1) + "." + source.getFileName().toString().replace(".java", "");
            Set<String> refs = new TreeSet<>();
            Matcher ref = CORE_REFERENCE.matcher(text);
            while (ref.find()) {
                refs.add(ref.group(1) + "." + ref.group(2));
            }
            packageOf.put(type, pkg.group(1));
            referencesOf.put(type, refs);
            if (pkg.group(1).equals(CORE) && refs.stream().anyMatch(r -> !packageName(r).equals(CORE))) {
                facade.add(type);
            }
        }
        Map<String, Set<String>> edges = new TreeMap<>();
        for (Map.Entry<String, Set<String>> e : referencesOf.entrySet()) {
            String from = facade.contains(e.getKey()) ? CORE + " (facade)" : packageOf.get(e.getKey());
            for (String r : e.getValue()) {
                String to = facade.contains(r) ? CORE + " (facade)" : packageName(r);
                if (!to.equals(from)) {
                    edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
            edges.computeIfAbsent(from, k -> new TreeSet<>());
        }
        assertThat(edges.get(CORE)).as("the root vocabulary refers to no other core package").isEmpty();
        assertThat(cycles(edges)).as("package cycles in cadc-core").isEmpty();
    }

    private static String packageName(String type) {
        return type.substring(0, type.lastIndexOf('.'));
    }

    @Test
    void coreUsesNeitherJavaNetHttpNorThirdPartyPackages() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path source : sources("cadc-core")) {
            for (String line : Files.readAllLines(source)) {
                String l = line.strip();
                if (l.startsWith("import ") && !(l.startsWith("import java.") || l.startsWith("import javax.")
                        || l.startsWith("import io.cadc4j.core") || l.startsWith("import static java.")
                        || l.startsWith("import static io.cadc4j.core"))
                        || l.startsWith("import java.net.http")) {
                    violations.add(ROOT.relativize(source) + ": " + l);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyPublicTypeHasJavadocThatStatesItsThreadSafety() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String module : List.of("cadc-core", "cadc-votable", "cadc-http-jdk", "cadc-tap", "cadc-datalink",
                "cadc-auth", "cadc-formats", "cadc-samp", "cadc-names", "cadc-cli", "cadc-tests", "cadc-testing")) {
            for (Path source : sources(module)) {
                String text = Files.readString(source);
                Matcher m = TOP_LEVEL_PUBLIC_TYPE.matcher(text);
                if (!m.find()) {
                    continue;
                }
                String before = text.substring(0, m.start());
                int open = before.lastIndexOf("/**");
                int close = before.lastIndexOf("*/");
                if (open < 0 || close < open) {
                    missing.add(ROOT.relativize(source) + ": no Javadoc on " + m.group(1));
                } else if (!THREAD_SAFETY.matcher(before.substring(open, close)).find()) {
                    missing.add(ROOT.relativize(source) + ": the Javadoc of " + m.group(1) + " does not state its thread-safety");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void noImplOrUtilNamesInExportedPackages() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Path source : sources("cadc-core")) {
            String name = source.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!source.toString().contains("internal") && name.matches(".*(impl|util|utils|helper|manager)\\.java")) {
                bad.add(ROOT.relativize(source).toString());
            }
        }
        assertThat(bad).isEmpty();
    }

    /** The strongly connected components of more than one package (Tarjan). */
    static List<Set<String>> cycles(Map<String, Set<String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> out = new ArrayList<>();
        for (String node : edges.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, edges, index, low, stack, onStack, out);
            }
        }
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> edges, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : edges.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, edges, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                out.add(component);
            }
        }
    }

    private static String withoutComments(String java) {
        return COMMENT_OR_STRING.matcher(java).replaceAll(m -> m.group().startsWith("\"") ? "\"\"" : " ");
    }

    private static List<Path> sources(String module) throws IOException {
        Path dir = ROOT.resolve(module).resolve("src/main/java");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("module-info.java")
                            && !p.getFileName().toString().equals("package-info.java"))
                    .collect(Collectors.toList());
        }
    }
}
