// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code cadc ...} line in the README's shell examples parses with the command's own option
 * parser: no unknown option, no missing parameter, no unknown subcommand. Nothing is run, so no server
 * is needed. A README example that the command would refuse fails here.
 */
class ReadmeCommandsTest {
    /** The ways a README line starts the command: the launcher, the distribution's script, or the installed name. */
    private static final Pattern INVOCATION = Pattern.compile(
            "(?:^|&&\\s*|\\|\\s*)(?:cadc-cli/target/cadc|\\S*/bin/cadc|cadc)(?=\\s|$)(.*?)(?=\\s*(?:\\||&&|$))");

    @Test
    void everyCommandLineOfTheReadmeParses() throws IOException {
        List<String> lines = commandLines(readme());
        assertThat(lines).as("cadc lines found in the README's sh blocks").hasSizeGreaterThanOrEqualTo(10);
        List<String> refused = new ArrayList<>();
        for (String line : lines) {
            List<String> args = words(line);
            String problem = parseProblem(args);
            if (problem != null) {
                refused.add("cadc" + line + "\n    -> " + problem);
            }
        }
        assertThat(refused).as("README lines the command refuses").isEmpty();
    }

    @Test
    void aWrongOptionIsCaught() {
        assertThat(parseProblem(words(" region \"08h45m07.5s +54d18m00s\" --collections CFHT")))
                .contains("--collections");
        assertThat(parseProblem(words(" querry \"select 1\""))).isNotNull();
        assertThat(parseProblem(words(" region \"08h45m07.5s +54d18m00s\" --collection CFHT"))).isNull();
    }

    @Test
    void wordsAreSplitAsAShellWould() {
        assertThat(words(" urls --query \"select a from t where c='X'\" -o 'my file.txt' a\\ b"))
                .containsExactly("urls", "--query", "select a from t where c='X'", "-o", "my file.txt", "a b");
    }

    private static String readme() throws IOException {
        return Files.readString(Fixtures.repository().resolve("README.md"), StandardCharsets.UTF_8);
    }

    /** The argument part of each invocation of the command in the README's {@code sh} blocks. */
    static List<String> commandLines(String readme) {
        List<String> found = new ArrayList<>();
        boolean inShell = false;
        for (String raw : readme.split("\\R")) {
            if (raw.startsWith("```")) {
                inShell = !inShell && raw.trim().equals("```sh");
                continue;
            }
            if (!inShell) {
                continue;
            }
            String line = stripComment(raw).trim();
            Matcher m = INVOCATION.matcher(line);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    /** Drops a shell comment ({@code #} after a blank, outside quotes). */
    private static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Splits a line into words as a POSIX shell does for quotes and backslashes (no expansion). */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }

    /** @return null when the command's parser takes the arguments, else its complaint */
    private static String parseProblem(List<String> args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
        CommandLine cl = new CommandLine(new CadcCommand(ps, ps, Terminal.system(), b -> { }));
        CadcCommand.SUBCOMMANDS.forEach(cl::addSubcommand);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        try {
            cl.parseArgs(args.toArray(new String[0]));
            return null;
        } catch (CommandLine.ParameterException e) {
            return e.getMessage();
        }
    }
}
