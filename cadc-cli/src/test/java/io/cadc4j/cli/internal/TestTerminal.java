// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A terminal for in-process tests, each answer settable: by default nothing is a terminal (as
 * under a test runner), the width is 200, there is no password to read and standard input is empty.
 */
final class TestTerminal implements Terminal {
    int width = 200;
    boolean stdoutIsTerminal;
    boolean interactive;
    boolean stdinIsTerminal;
    byte[] stdin = new byte[0];
    String password;
    final Map<String, String> environment = new HashMap<>();
    String prompted;

    TestTerminal stdin(String text) {
        stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public boolean stdoutIsTerminal() {
        return stdoutIsTerminal;
    }

    @Override
    public boolean interactive() {
        return interactive;
    }

    @Override
    public boolean stdinIsTerminal() {
        return stdinIsTerminal;
    }

    @Override
    public InputStream stdin() {
        return new ByteArrayInputStream(stdin);
    }

    @Override
    public Optional<char[]> readPassword(String prompt) {
        prompted = prompt;
        return Optional.ofNullable(password).map(String::toCharArray);
    }

    @Override
    public Map<String, String> environment() {
        return environment;
    }
}
