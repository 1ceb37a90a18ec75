// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the command knows of where it runs: which of its standard streams are terminals, the
 * terminal's width, the terminal to read a password from, standard input, and the environment
 * (read only by the command, never by the library). {@link #system()} is the real one; tests hand
 * in their own.
 *
 * <p>Implementations are thread-safe.
 */
interface Terminal {

    /**
     * The width tables are fitted to when standard output is a terminal.
     *
     * @return the width in characters
     */
    int width();

    /** @return whether standard output is a terminal (a table is fitted to it only then) */
    boolean stdoutIsTerminal();

    /** @return whether standard error is a terminal (live progress is drawn only then) */
    boolean interactive();

    /** @return whether standard input is a terminal (URLs are read from it only when it is not) */
    boolean stdinIsTerminal();

    /** @return standard input */
    InputStream stdin();

    /**
     * Reads a password from the controlling terminal, without echo, whatever the standard streams
     * are redirected to.
     *
     * @param prompt the prompt, written to the terminal
     * @return the password, or empty when the process has no terminal
     */
    Optional<char[]> readPassword(String prompt);

    /** @return the environment variables */
    Map<String, String> environment();

    /**
     * The user's home directory as the shell knows it: {@code $HOME}, not the password database's.
     *
     * @return the home directory, if {@code HOME} is set
     */
    default Optional<Path> home() {
        String h = environment().get("HOME");
        return h == null || h.isBlank() ? Optional.empty() : Optional.of(Path.of(h));
    }

    /**
     * The real terminal.
     *
     * @return the terminal of this process
     */
    static Terminal system() {
        return new SystemTerminal();
    }
}
