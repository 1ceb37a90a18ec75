// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.auth;

import io.cadc4j.core.auth.CredentialException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A netrc file ({@code machine <host> login <user> password <secret>} entries, as ftp, curl and
 * CADC's cadcutils read them), looked up by the host of the service being called.
 *
 * <p>Nothing reads a netrc file unless asked: {@link #read(Path)} reads the file it is given, and
 * {@link #locate(Map, Path)} finds the conventional one ({@code $NETRC}, else {@code ~/.netrc}) from
 * an environment and home directory that the caller hands in.
 *
 * <p>Syntax read (the GNU inetutils and Python {@code netrc} grammar): tokens separated by white
 * space; {@code machine NAME}, {@code default}, {@code login NAME}, {@code password SECRET},
 * {@code account NAME}, {@code macdef NAME} (whose body, up to the next empty line, is skipped);
 * a token may be written in double quotes, with backslash escapes, to hold spaces; where a keyword is
 * expected, {@code #} starts a comment to the end of the line. A value is always the next token, so
 * a password may start with {@code #}. The first {@code machine} entry matching a host wins;
 * {@code default} matches any host and is used only when no machine matches.
 *
 * <p>Passwords are kept as characters and wiped by {@link #destroy()}; {@code toString()} lists the
 * machines and users only. Thread-safe.
 */
public final class NetrcFile {
    private final List<Entry> entries;
    private final String source;

    private NetrcFile(List<Entry> entries, String source) {
        this.entries = List.copyOf(entries);
        this.source = source;
    }

    /**
     * Reads a netrc file.
     *
     * @param file the file
     * @return the parsed file
     * @throws CredentialException if the file is missing ({@code FILE_NOT_FOUND}), unreadable
     *     ({@code FILE_UNREADABLE}) or not a netrc file ({@code MALFORMED}, with the line)
     */
    public static NetrcFile read(Path file) {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CredentialException(Reason.FILE_NOT_FOUND, "no netrc file at " + file, e);
        } catch (AccessDeniedException e) {
            throw new CredentialException(Reason.FILE_UNREADABLE, "the netrc file " + file + " cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new CredentialException(Reason.FILE_UNREADABLE, "the netrc file " + file + " cannot be read: " + e, e);
        }
        char[] text;
        try {
            CharBuffer cb = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            text = new char[cb.remaining()];
            cb.get(text);
            // The decoder's buffer held the passwords too.
            cb.clear();
            while (cb.hasRemaining()) {
                cb.put('\0');
            }
        } catch (CharacterCodingException e) {
            throw new CredentialException(Reason.MALFORMED, "the netrc file " + file + " is not UTF-8 text", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        try {
            return parse(text, file.toString());
        } finally {
            Arrays.fill(text, '\0');
        }
    }

    /**
     * Parses netrc text.
     *
     * @param text the text (not kept: the caller may wipe it)
     * @param source what to call the text in messages, e.g. its file name
     * @return the parsed file
     * @throws CredentialException ({@code MALFORMED}) if a keyword lacks its value or a token is
     *     unknown, naming the line
     */
    public static NetrcFile parse(char[] text, String source) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        return new NetrcFile(new Parser(text, source).parse(), source);
    }

    /**
     * Finds the conventional netrc file: {@code $NETRC} when set, otherwise {@code .netrc} in the
     * home directory; only if it exists. Reads neither the real environment nor the real home: the
     * caller passes them (e.g. {@code System.getenv()} and {@code Path.of(System.getProperty("user.home"))}).
     *
     * @param environment the environment variables
     * @param home the home directory
     * @return the file, or empty when there is none
     */
    public static Optional<Path> locate(Map<String, String> environment, Path home) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(home, "home");
        String env = environment.get("NETRC");
        Path candidate = env != null && !env.isBlank() ? Path.of(env.strip()) : home.resolve(".netrc");
        return Files.isRegularFile(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    /**
     * The entries in file order, {@code default} included (its {@link Entry#machine()} is empty).
     *
     * @return the entries
     */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The entry for a host: the first {@code machine} equal to it (ignoring case), else the
     * {@code default} entry.
     *
     * @param host the service's host name
     * @return the entry, or empty when neither matches
     */
    public Optional<Entry> find(String host) {
        Objects.requireNonNull(host, "host");
        String h = host.strip().toLowerCase(Locale.ROOT);
        for (Entry e : entries) {
            if (e.machine.isPresent() && e.machine.get().toLowerCase(Locale.ROOT).equals(h)) {
                return Optional.of(e);
            }
        }
        return entries.stream().filter(e -> e.machine.isEmpty()).findFirst();
    }

    /**
     * HTTP basic credentials for a host, scoped to that host alone.
     *
     * @param host the service's host name
     * @param httpAllowed whether they may also go over plain http
     * @return the credentials, or empty when no entry matches or the entry has no login or password
     */
    public Optional<BasicCredentials> basicFor(String host, boolean httpAllowed) {
        Optional<Entry> e = find(host);
        if (e.isEmpty() || e.get().login.isEmpty() || e.get().password == null) {
            return Optional.empty();
        }
        char[] p = e.get().password();
        try {
            return Optional.of(BasicCredentials.of(e.get().login.get(), p,
                    Realm.builder().host(host).httpAllowed(httpAllowed).build()));
        } finally {
            Arrays.fill(p, '\0');
        }
    }

    /** Wipes every password. */
    public void destroy() {
        entries.forEach(e -> {
            if (e.password != null) {
                e.password.wipe();
            }
        });
    }

    @Override
    public String toString() {
        return "NetrcFile[" + source + ", " + entries + "]";
    }

    /** One {@code machine} or {@code default} entry. Thread-safe. */
    public static final class Entry {
        private final Optional<String> machine;
        private final Optional<String> login;
        private final Secret password;
        private final Optional<String> account;

        Entry(String machine, String login, char[] password, String account) {
            this.machine = Optional.ofNullable(machine);
            this.login = Optional.ofNullable(login);
            this.password = password == null ? null : new Secret(password);
            this.account = Optional.ofNullable(account);
        }

        /**
         * The host this entry is for.
         *
         * @return the host, or empty for the {@code default} entry
         */
        public Optional<String> machine() {
            return machine;
        }

        /**
         * The user name.
         *
         * @return the login, or empty when the entry has none
         */
        public Optional<String> login() {
            return login;
        }

        /**
         * Whether the entry has a password.
         *
         * @return true when it has one
         */
        public boolean hasPassword() {
            return password != null;
        }

        /**
         * A copy of the password; wipe it after use.
         *
         * @return the password
         * @throws IllegalStateException if the entry has none, or it was wiped
         */
        public char[] password() {
            if (password == null) {
                throw new IllegalStateException("the netrc entry for " + machine.orElse("default") + " has no password");
            }
            return password.copy("netrc password");
        }

        /**
         * The account.
         *
         * @return the account, or empty
         */
        public Optional<String> account() {
            return account;
        }

        @Override
        public String toString() {
            return machine.map(m -> "machine " + m).orElse("default") + login.map(l -> " login " + l).orElse("")
                    + (password == null ? "" : " password ****");
        }
    }

    /** A tokenizer and parser over the characters of the file; single use. */
    private static final class Parser {
        private final char[] text;
        private final String source;
        private int pos;
        private int line = 1;

        Parser(char[] text, String source) {
            this.text = text;
            this.source = source;
        }

        List<Entry> parse() {
            List<Entry> entries = new ArrayList<>();
            String machine = null;
            String login = null;
            char[] password = null;
            String account = null;
            boolean inEntry = false;
            boolean isDefault = false;
            try {
                while (true) {
                    skipSpaceAndComments();
                    if (pos >= text.length) {
                        break;
                    }
                    int keywordLine = line;
                    char[] keyword = token();
                    String k = new String(keyword);
                    switch (k) {
                        case "machine":
                        case "default":
                            if (inEntry) {
                                entries.add(new Entry(isDefault ? null : machine, login, password, account));
                                wipe(password);
                            }
                            inEntry = true;
                            isDefault = k.equals("default");
                            machine = isDefault ? null : new String(value(k, keywordLine));
                            login = null;
                            password = null;
                            account = null;
                            break;
                        case "login":
                        case "user":
                            requireEntry(k, keywordLine, inEntry);
                            login = new String(value(k, keywordLine));
                            break;
                        case "password":
                        case "passwd":
                            requireEntry(k, keywordLine, inEntry);
                            wipe(password);
                            password = value(k, keywordLine);
                            break;
                        case "account":
                            requireEntry(k, keywordLine, inEntry);
                            account = new String(value(k, keywordLine));
                            break;
                        case "macdef":
                            value(k, keywordLine);
                            skipMacro();
                            break;
                        default:
                            // Unknown words are not echoed: a misplaced password would be one.
                            throw malformed("unexpected token at line " + keywordLine + " (expected machine, default, login, "
                                    + "password, account or macdef)");
                    }
                }
                if (inEntry) {
                    entries.add(new Entry(isDefault ? null : machine, login, password, account));
                }
                return entries;
            } finally {
                wipe(password);
            }
        }

        private static void requireEntry(String keyword, int atLine, boolean inEntry) {
            if (!inEntry) {
                throw new CredentialException(Reason.MALFORMED, "'" + keyword + "' at line " + atLine
                        + " comes before any machine or default entry", null);
            }
        }

        private char[] value(String keyword, int atLine) {
            skipSpace();
            if (pos >= text.length) {
                throw malformed("'" + keyword + "' at line " + atLine + " has no value");
            }
            return token();
        }

        private CredentialException malformed(String what) {
            return new CredentialException(Reason.MALFORMED, "the netrc file " + source + " is malformed: " + what, null);
        }

        private void skipSpace() {
            while (pos < text.length && Character.isWhitespace(text[pos])) {
                if (text[pos] == '\n') {
                    line++;
                }
                pos++;
            }
        }

        private void skipSpaceAndComments() {
            skipSpace();
            while (pos < text.length && text[pos] == '#') {
                while (pos < text.length && text[pos] != '\n') {
                    pos++;
                }
                skipSpace();
            }
        }

        /** The body of a macro runs to the first empty line (two newlines in a row). */
        private void skipMacro() {
            while (pos < text.length && text[pos] != '\n') {
                pos++;
            }
            while (pos < text.length) {
                // pos is at a newline: the macro ends if the next line is empty.
                pos++;
                line++;
                int start = pos;
                while (pos < text.length && text[pos] != '\n') {
                    pos++;
                }
                boolean empty = true;
                for (int i = start; i < pos; i++) {
                    if (text[i] != '\r') {
                        empty = false;
                        break;
                    }
                }
                if (empty) {
                    return;
                }
            }
        }

        private char[] token() {
            char[] buf = new char[16];
            int n = 0;
            try {
                if (text[pos] == '"') {
                    int startLine = line;
                    pos++;
                    while (true) {
                        if (pos >= text.length) {
                            throw malformed("a quoted token opened at line " + startLine + " is not closed");
                        }
                        char c = text[pos++];
                        if (c == '"') {
                            break;
                        }
                        if (c == '\\' && pos < text.length) {
                            c = text[pos++];
                        }
                        if (c == '\n') {
                            line++;
                        }
                        buf = append(buf, n++, c);
                    }
                } else {
                    while (pos < text.length && !Character.isWhitespace(text[pos])) {
                        char c = text[pos++];
                        if (c == '\\' && pos < text.length) {
                            c = text[pos++];
                        }
                        buf = append(buf, n++, c);
                    }
                }
                return Arrays.copyOf(buf, n);
            } finally {
                Arrays.fill(buf, '\0');
            }
        }

        private static char[] append(char[] buf, int at, char c) {
            char[] b = buf;
            if (at == b.length) {
                b = Arrays.copyOf(buf, buf.length * 2);
                Arrays.fill(buf, '\0');
            }
            b[at] = c;
            return b;
        }

        private static void wipe(char[] chars) {
            if (chars != null) {
                Arrays.fill(chars, '\0');
            }
        }
    }
}
