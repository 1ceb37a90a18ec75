// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import java.io.Console;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The terminal of this process, asked the way a shell tool asks it: what {@code /proc/self/fd/N}
 * points to, or else {@code test -t N} (with the stream inherited), tells whether a standard
 * stream is a terminal, {@code stty size} on
 * {@code /dev/tty} gives the width (then {@code $COLUMNS}, then 80), and a password is read from
 * {@code /dev/tty} with echo turned off, so it works with standard output or input redirected.
 * Each answer is asked once and kept. Where there is no {@code sh} (Windows), a console present
 * stands for a terminal on every stream.
 *
 * <p>Thread-safe.
 */
final class SystemTerminal implements Terminal {
    /** The width used when nothing better is known. */
    static final int DEFAULT_WIDTH = 80;
    private static final File TTY = new File("/dev/tty");
    private static final boolean POSIX = !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private volatile Boolean stdin;
    private volatile Boolean stdout;
    private volatile Boolean stderr;
    private volatile Integer width;

    @Override
    public int width() {
        Integer w = width;
        if (w == null) {
            w = ttyColumns().orElseGet(() -> columns(System.getenv("COLUMNS")).orElse(DEFAULT_WIDTH));
            width = w;
        }
        return w;
    }

    /**
     * Reads a {@code COLUMNS}-style value.
     *
     * @param value the text, or null
     * @return the width, if it is a number of at least 20
     */
    static OptionalInt columns(String value) {
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            int w = Integer.parseInt(value.strip());
            return w >= 20 ? OptionalInt.of(w) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static OptionalInt ttyColumns() {
        if (!POSIX) {
            return OptionalInt.empty();
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(TTY)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return OptionalInt.empty();
            }
            String[] rowsColumns = answer.split("\\s+");
            return rowsColumns.length == 2 ? columns(rowsColumns[1]) : OptionalInt.empty();
        } catch (IOException e) {
            return OptionalInt.empty(); // no controlling terminal, or no stty
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    @Override
    public boolean stdoutIsTerminal() {
        Boolean b = stdout;
        if (b == null) {
            b = isTerminal(1);
            stdout = b;
        }
        return b;
    }

    @Override
    public boolean interactive() {
        Boolean b = stderr;
        if (b == null) {
            b = isTerminal(2);
            stderr = b;
        }
        return b;
    }

    @Override
    public boolean stdinIsTerminal() {
        Boolean b = stdin;
        if (b == null) {
            b = isTerminal(0);
            stdin = b;
        }
        return b;
    }

    /**
     * Whether a standard stream is a terminal: where {@code /proc/self/fd} shows what the stream
     * is (Linux), read there; otherwise {@code test -t fd} in a child that inherits that one
     * stream (starting a child costs a one-query run 10-30 ms).
     */
    private static boolean isTerminal(int fd) {
        if (!POSIX) {
            return System.console() != null;
        }
        Boolean proc = procIsTerminal(fd);
        if (proc != null) {
            return proc;
        }
        ProcessBuilder b = new ProcessBuilder("sh", "-c", "test -t " + fd);
        if (fd == 0) {
            b.redirectInput(ProcessBuilder.Redirect.INHERIT);
        } else if (fd == 1) {
            b.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        } else {
            b.redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        try {
            Process p = b.start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroy();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return System.console() != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * What {@code /proc/self/fd/N} names: a terminal device ({@code /dev/pts/*}, {@code /dev/tty*},
     * {@code /dev/console}) or not; null where there is no such link to read.
     */
    static Boolean procIsTerminal(int fd) {
        Path link = Paths.get("/proc/self/fd/" + fd);
        try {
            return isTerminalDevice(Files.readSymbolicLink(link).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /**
     * Whether a file name is that of a terminal device.
     *
     * @param target what a standard stream's {@code /proc/self/fd} link points to
     */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }

    @Override
    public InputStream stdin() {
        return System.in;
    }

    @Override
    public Optional<char[]> readPassword(String prompt) {
        Console console = System.console();
        if (console != null) {
            return Optional.ofNullable(console.readPassword("%s", prompt));
        }
        if (!POSIX) {
            return Optional.empty();
        }
        try (FileOutputStream to = new FileOutputStream(TTY); FileInputStream from = new FileInputStream(TTY)) {
            boolean silenced = stty("-echo"); // before the prompt: nothing typed after it is echoed
            to.write(prompt.getBytes(Charset.defaultCharset()));
            to.flush();
            try {
                return Optional.of(readLine(from));
            } finally {
                if (silenced) {
                    stty("echo");
                }
                to.write('\n');
                to.flush();
            }
        } catch (IOException e) {
            return Optional.empty(); // no controlling terminal
        }
    }

    /**
     * Sets a terminal mode on {@code /dev/tty}.
     *
     * @param mode the {@code stty} argument
     * @return whether it was set
     */
    static boolean stty(String mode) {
        try {
            Process p = new ProcessBuilder("stty", mode).redirectInput(TTY)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Reads one line (without its end) as characters, wiping the bytes it read.
     *
     * @param in where from
     * @return the line
     * @throws IOException if reading fails
     */
    static char[] readLine(InputStream in) throws IOException {
        byte[] raw = new byte[64];
        int n = 0;
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b == '\r') {
                continue;
            }
            if (n == raw.length) {
                byte[] bigger = Arrays.copyOf(raw, n * 2);
                Arrays.fill(raw, (byte) 0);
                raw = bigger;
            }
            raw[n++] = (byte) b;
        }
        CharBuffer chars = Charset.defaultCharset().decode(ByteBuffer.wrap(raw, 0, n));
        char[] line = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
        Arrays.fill(raw, (byte) 0);
        Arrays.fill(chars.array(), '\0');
        return line;
    }

    @Override
    public Map<String, String> environment() {
        return System.getenv();
    }
}
