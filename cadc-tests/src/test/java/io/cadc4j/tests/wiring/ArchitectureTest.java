// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
            "cadc-names", List.of("io.cadc4j.core", "io.cadc4j.names"));
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?(io\\.cadc4j\\.[\\w.]+)");
    private static final Pattern TOP_LEVEL_PUBLIC_TYPE = Pattern.compile(
            "(?m)^public\\s+(?:final\\s+|abstract\\s+)*(?:class|interface|enum|@interface)\\s+(\\w+)");
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
                "cadc-auth", "cadc-names", "cadc-cli", "cadc-tests")) {
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
