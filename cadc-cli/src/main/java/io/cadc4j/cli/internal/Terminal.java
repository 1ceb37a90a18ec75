// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import java.io.Console;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the command knows of where it runs: the terminal width, whether stderr is a terminal (for
 * progress), the console to read a password from, and the environment and home directory (read
 * only by the command, never by the library). Tests hand in their own.
 *
 * <p>Implementations are thread-safe.
 */
interface Terminal {

    /** @return the width tables are fitted to, in characters */
    int width();

    /** @return whether progress may be drawn on stderr */
    boolean interactive();

    /**
     * Reads a password without echo.
     *
     * @param prompt the prompt
     * @return the password, or empty when there is no console to read it from
     */
    Optional<char[]> readPassword(String prompt);

    /** @return the environment variables */
    Map<String, String> environment();

    /** @return the user's home directory */
    Path home();

    /**
     * The real terminal: {@code COLUMNS} (else 80) for the width; a console present means a user is
     * watching.
     *
     * @return the terminal
     */
    static Terminal system() {
        return new Terminal() {
            @Override
            public int width() {
                String columns = System.getenv("COLUMNS");
                try {
                    int w = columns == null ? 80 : Integer.parseInt(columns.strip());
                    return w >= 20 ? w : 80;
                } catch (NumberFormatException e) {
                    return 80;
                }
            }

            @Override
            public boolean interactive() {
                return System.console() != null;
            }

            @Override
            public Optional<char[]> readPassword(String prompt) {
                Console console = System.console();
                if (console == null) {
                    return Optional.empty();
                }
                char[] p = console.readPassword("%s", prompt);
                return Optional.ofNullable(p);
            }

            @Override
            public Map<String, String> environment() {
                return System.getenv();
            }

            @Override
            public Path home() {
                return Path.of(System.getProperty("user.home"));
            }
        };
    }
}
