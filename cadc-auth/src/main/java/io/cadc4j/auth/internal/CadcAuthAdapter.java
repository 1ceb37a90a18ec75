// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.auth.internal;

import io.cadc4j.core.AuthenticationException;
import io.cadc4j.core.CadcException;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.auth.AuthPort;
import io.cadc4j.core.auth.AuthSettings;
import io.cadc4j.core.auth.CertificateCredentials;
import io.cadc4j.core.auth.CookieCredentials;
import io.cadc4j.core.auth.Credentials;
import io.cadc4j.core.spi.CredentialPolicy;
import io.cadc4j.core.internal.http.FormBody;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.spi.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link AuthPort} for CADC: password login at the port's service URI (the
 * {@code ivo://ivoa.net/std/UMS#login-0.1} endpoint), PEM certificates through
 * {@link PemCredentialReader}, and {@link RealmCredentialPolicy} for everything that travels in
 * headers.
 *
 * <p>Login (DIGEST §6.3): {@code POST} of {@code username} and {@code password}, form-encoded, with
 * {@code Accept: text/plain}; a 2xx body is the token. The form is encoded straight from the
 * password's characters into a byte array that is wiped after the exchange, so the password never
 * becomes a {@link String}; the login request goes out with no other credentials.
 *
 * <p>Immutable and thread-safe.
 */
public final class CadcAuthAdapter implements AuthPort {
    /** A token is a few hundred bytes; more than this is not a token. */
    private static final int MAX_TOKEN_BYTES = 16 * 1024;

    private final HttpPipeline http;
    private final URI loginUri;
    private final AuthSettings settings;

    /**
     * Makes the adapter.
     *
     * @param http the pipeline to send the login through
     * @param loginUri the login endpoint
     * @param settings the settings
     */
    public CadcAuthAdapter(HttpPipeline http, URI loginUri, AuthSettings settings) {
        this.http = Objects.requireNonNull(http, "http");
        this.loginUri = Objects.requireNonNull(loginUri, "loginUri");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public AuthSettings settings() {
        return settings;
    }

    @Override
    public AuthPort withSettings(AuthSettings newSettings) {
        return new CadcAuthAdapter(http, loginUri, Objects.requireNonNull(newSettings, "settings"));
    }

    @Override
    public CookieCredentials login(String user, char[] password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        byte[] form = null;
        try {
            boolean https = "https".equalsIgnoreCase(loginUri.getScheme());
            if (!https && !settings.httpLoginAllowed()) {
                throw new IllegalStateException("refusing to send a password to " + loginUri
                        + " over plain http; use the https login endpoint (or AuthSettings.httpLoginAllowed, for tests)");
            }
            form = formBody(user, password);
            HttpRequest request = HttpRequest.newBuilder(loginUri)
                    .POST(new SecretFormBody(form))
                    .setHeader("Accept", "text/plain")
                    .build();
            // The login itself carries no other credentials, whatever the pipeline was built with.
            try (HttpResponse response = http.withCredentials(CredentialPolicy.NONE).send(request)) {
                int status = response.status();
                if (status >= 200 && status < 300) {
                    return cookieFrom(response, user);
                }
                throw refusal(response, password, form);
            }
        } finally {
            Arrays.fill(password, '\0');
            if (form != null) {
                Arrays.fill(form, (byte) 0);
            }
        }
    }

    private CookieCredentials cookieFrom(HttpResponse response, String user) {
        byte[] bytes = null;
        char[] token = null;
        try (InputStream in = response.body()) {
            bytes = in.readNBytes(MAX_TOKEN_BYTES + 1);
            if (bytes.length > MAX_TOKEN_BYTES) {
                throw new AuthenticationException("the login at " + response.uri() + " for user " + user + " answered "
                        + response.status() + " with more than " + MAX_TOKEN_BYTES + " bytes, not a token", response.status(),
                        response.uri(), null);
            }
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            int from = chars.position();
            int to = chars.limit();
            while (from < to && Character.isWhitespace(chars.get(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(chars.get(to - 1))) {
                to--;
            }
            token = new char[to - from];
            for (int i = 0; i < token.length; i++) {
                token[i] = chars.get(from + i);
            }
            if (chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
            if (token.length == 0) {
                throw new AuthenticationException("the login at " + response.uri() + " for user " + user + " answered "
                        + response.status() + " with an empty body instead of a token", response.status(), response.uri(), null);
            }
            return CookieCredentials.of(token, settings.realm());
        } catch (CharacterCodingException e) {
            throw new AuthenticationException("the login at " + response.uri() + " answered with a body that is not UTF-8 text, "
                    + "not a token", response.status(), response.uri(), null);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException("the login at " + response.uri() + " answered with a token that cannot be sent "
                    + "as a cookie: " + e.getMessage(), response.status(), response.uri(), null);
        } catch (IOException e) {
            throw new CadcException("reading the token from " + response.uri() + " failed: " + e, response.uri(), true, e);
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
            if (token != null) {
                Arrays.fill(token, '\0');
            }
        }
    }

    /** 400 and 401 are refusals of the credentials; anything else is the service's failure. */
    private static CadcException refusal(HttpResponse response, char[] password, byte[] form) {
        CadcException e = HttpPipeline.errorFor(response);
        int status = response.status();
        String text = e instanceof ServiceException ? ((ServiceException) e).serverMessage() : "";
        String safe = scrub(scrub(text, password), formValue(form));
        if (status == 400 || status == 401) {
            // The message reads "HTTP 401 from <login URL>: <server text>"; the user name is not added
            // to it, the password can never be in it (scrubbed above, and never sent anywhere else).
            return new AuthenticationException(status, safe, response.uri(), null, null);
        }
        return new ServiceException(status, safe, response.uri(),
                e instanceof ServiceException ? ((ServiceException) e).retryAfter().orElse(null) : null, null);
    }

    /** Replaces every occurrence of a secret (three characters or more) in a server's text. */
    static String scrub(String text, char[] secret) {
        if (secret.length < 3 || text.length() < secret.length) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        outer:
        while (i < text.length()) {
            if (i + secret.length <= text.length()) {
                boolean match = true;
                for (int j = 0; j < secret.length; j++) {
                    if (text.charAt(i + j) != secret[j]) {
                        match = false;
                        break;
                    }
                }
                if (match) {
                    out.append("****");
                    i += secret.length;
                    continue outer;
                }
            }
            out.append(text.charAt(i++));
        }
        return out.toString();
    }

    /** The password as it appeared on the wire (form-encoded), to scrub an echo of the raw body. */
    private static char[] formValue(byte[] form) {
        int start = -1;
        String key = "password=";
        for (int i = 0; i + key.length() <= form.length; i++) {
            if ((i == 0 || form[i - 1] == '&') && matches(form, i, key)) {
                start = i + key.length();
                break;
            }
        }
        if (start < 0) {
            return new char[0];
        }
        int end = start;
        while (end < form.length && form[end] != '&') {
            end++;
        }
        char[] value = new char[end - start];
        for (int i = 0; i < value.length; i++) {
            value[i] = (char) form[start + i];
        }
        return value;
    }

    private static boolean matches(byte[] b, int at, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (b[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code username=<u>&password=<p>}, application/x-www-form-urlencoded (HTML 5 §4.10.21.7), UTF-8. */
    static byte[] formBody(String user, char[] password) {
        // Sized so that it never grows: a grown buffer would leave an unwiped copy behind. A char is
        // at most 3 UTF-8 bytes, each at most 3 encoded characters.
        int capacity = 32 + 9 * (user.length() + password.length);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(capacity) {
            @Override
            public synchronized byte[] toByteArray() {
                byte[] copy = super.toByteArray();
                Arrays.fill(buf, (byte) 0);
                return copy;
            }
        };
        writeEncoded(out, "username".toCharArray());
        out.write('=');
        writeEncoded(out, user.toCharArray());
        out.write('&');
        writeEncoded(out, "password".toCharArray());
        out.write('=');
        writeEncoded(out, password);
        return out.toByteArray();
    }

    private static void writeEncoded(java.io.ByteArrayOutputStream out, char[] chars) {
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        try {
            while (utf8.hasRemaining()) {
                int b = utf8.get() & 0xFF;
                if (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '*' || b == '-' || b == '.'
                        || b == '_') {
                    out.write(b);
                } else if (b == ' ') {
                    out.write('+');
                } else {
                    out.write('%');
                    out.write(Character.toUpperCase(Character.forDigit(b >> 4, 16)));
                    out.write(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
        } finally {
            if (utf8.hasArray()) {
                Arrays.fill(utf8.array(), (byte) 0);
            }
        }
    }

    @Override
    public CertificateCredentials certificate(Path pemFile) {
        Objects.requireNonNull(pemFile, "pemFile");
        return new PemCredentialReader(settings).read(pemFile);
    }

    @Override
    public CredentialPolicy policyFor(Credentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        if (credentials.isAnonymous()) {
            return CredentialPolicy.NONE;
        }
        return new RealmCredentialPolicy(credentials, settings.preference(),
                Set.of(SecurityMethod.COOKIE, SecurityMethod.TOKEN, SecurityMethod.BASIC));
    }

    @Override
    public CredentialPolicy policyFor(Credentials credentials, SecurityMethod method) {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(method, "method");
        if (credentials.isAnonymous() || !(method.equals(SecurityMethod.COOKIE) || method.equals(SecurityMethod.TOKEN)
                || method.equals(SecurityMethod.BASIC))) {
            return CredentialPolicy.NONE;
        }
        return new RealmCredentialPolicy(credentials, settings.preference(), Set.of(method));
    }

    @Override
    public String toString() {
        return "CadcAuthAdapter[" + loginUri + ", " + settings + "]";
    }

    /**
     * The login form: repeatable (a 307 may re-send it) over a byte array that
     * {@link CadcAuthAdapter#login} wipes after the exchange. Prints no content.
     */
    private static final class SecretFormBody implements RequestBody {
        private final byte[] bytes;

        SecretFormBody(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public Optional<String> contentType() {
            return Optional.of(FormBody.MEDIA_TYPE);
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public boolean isRepeatable() {
            return true;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(bytes);
        }

        @Override
        public String toString() {
            return "RequestBody[" + FormBody.MEDIA_TYPE + ", username and password, " + bytes.length + " bytes]";
        }
    }
}
