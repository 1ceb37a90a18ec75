// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.interop;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the interop tests find the real TAP server they run against: GAVO DaCHS on loopback, as
 * {@code interop/dachs/setup.sh} starts it.
 *
 * <p>The base URL is the system property {@code cadc4j.dachs.url}, else {@code http://127.0.0.1:8089}.
 * When the server does not answer, {@link #assumeRunning()} skips the calling test with a reason
 * that says how to start it; when the environment variable {@code CADC4J_REQUIRE_DACHS} is
 * {@code 1} (CI sets it after starting the server) it fails instead, so a broken server cannot pass
 * as a skipped suite.
 *
 * <p>Thread-safe: the one probe result is computed once.
 */
public final class Dachs {
    /** The basic-auth user the setup script creates. */
    public static final String USER = "cadcauthtest1";
    /** That user's password (a test credential of a loopback test server, nothing else). */
    public static final String PASSWORD = "test-Passw0rd";

    private static volatile Boolean running;

    private Dachs() {
    }

    /**
     * The server's base URL, without a trailing slash.
     *
     * @return e.g. {@code http://127.0.0.1:8089}
     */
    public static URI baseUrl() {
        String url = System.getProperty("cadc4j.dachs.url", "http://127.0.0.1:8089");
        return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /**
     * A URL below the base.
     *
     * @param path a path starting with {@code /}, e.g. {@code /tap}
     * @return the absolute URL
     */
    public static URI url(String path) {
        return URI.create(baseUrl() + path);
    }

    /**
     * Whether the server answers its TAP availability endpoint within two seconds.
     *
     * @return true when it is up
     */
    public static boolean isRunning() {
        Boolean r = running;
        if (r == null) {
            r = probe();
            running = r;
        }
        return r;
    }

    /**
     * Skips the calling test, with the reason, when the server is not running, or fails it when
     * {@code CADC4J_REQUIRE_DACHS=1}.
     */
    public static void assumeRunning() {
        if (isRunning()) {
            return;
        }
        String reason = "DaCHS is not running at " + baseUrl()
                + ": start it with interop/dachs/setup.sh (as root) to run the interop tests";
        if ("1".equals(System.getenv("CADC4J_REQUIRE_DACHS"))) {
            throw new AssertionError(reason + " (CADC4J_REQUIRE_DACHS=1 says it must be up)");
        }
        Assumptions.assumeTrue(false, reason);
    }

    private static boolean probe() {
        try {
            HttpURLConnection c = (HttpURLConnection) url("/tap/availability").toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(2000);
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                String body = in == null ? "" : new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
                return status == 200 && body.toLowerCase(Locale.ROOT).contains("available");
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
