// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.Cadc;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** One run of the command in this JVM ({@link Main#run}) with its standard output and error kept as text. */
final class CapturedRun {
    final int code;
    final String out;
    final String err;

    private CapturedRun(int code, String out, String err) {
        this.code = code;
        this.out = out;
        this.err = err;
    }

    /**
     * @param args the arguments, as typed
     * @param terminal the terminal the command sees
     * @param customiser applied to the facade's builder (test doubles)
     * @param shutdown the shutdown path (tests end it as a signal would)
     * @return the exit code and what was printed
     */
    static CapturedRun of(String[] args, Terminal terminal, Consumer<Cadc.Builder> customiser, Shutdown shutdown) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), terminal, customiser, shutdown);
        return new CapturedRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }
}
