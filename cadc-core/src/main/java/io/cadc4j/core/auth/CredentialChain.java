// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An opt-in search for credentials, in the order cadcutils uses: explicit credentials when given;
 * else a netrc entry for the service host (sent as HTTP basic to that host only); else a proxy
 * certificate file ({@code ~/.ssl/cadcproxy.pem}, as {@code cadc-get-cert} writes it); else
 * anonymous. The first step that yields credentials wins.
 *
 * <p>Nothing here reads the real environment or home directory unless built with
 * {@link #fromUserEnvironment()}, which is the one place that reads {@code user.home} and
 * {@code System.getenv()}; tests hand in their own.
 *
 * <p>Example:
 * <pre>{@code
 * Credentials c = CredentialChain.fromUserEnvironment().build().resolve("ws-cadc.canfar.net", authPort);
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class CredentialChain {
    private final Credentials explicit;
    private final boolean netrc;
    private final Path netrcFile;
    private final boolean proxyCertificate;
    private final Path certificateFile;
    private final Path home;
    private final Map<String, String> environment;
    private final boolean httpAllowed;

    private CredentialChain(Builder b) {
        this.explicit = b.explicit;
        this.netrc = b.netrc;
        this.netrcFile = b.netrcFile;
        this.proxyCertificate = b.proxyCertificate;
        this.certificateFile = b.certificateFile;
        this.home = b.home;
        this.environment = Map.copyOf(b.environment);
        this.httpAllowed = b.httpAllowed;
    }

    /**
     * Starts an empty chain (it resolves to anonymous until steps are added).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a chain that looks in the user's own home directory and environment: netrc
     * ({@code $NETRC} or {@code ~/.netrc}) and {@code ~/.ssl/cadcproxy.pem}. Reading them is the
     * point of calling this.
     *
     * @return a builder with both steps on
     */
    public static Builder fromUserEnvironment() {
        return builder().home(Path.of(System.getProperty("user.home"))).environment(System.getenv()).netrc(true)
                .proxyCertificate(true);
    }

    /**
     * Resolves the credentials for a service host.
     *
     * @param host the service's host name (netrc entries are looked up by it)
     * @param port the port that reads a certificate file
     * @return the first credentials found, or {@link Credentials#ANONYMOUS}
     * @throws CredentialException if a netrc file or certificate file that exists cannot be used
     *     (for instance an expired certificate: the user should hear about it, not be silently anonymous)
     */
    public Credentials resolve(String host, AuthPort port) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        if (explicit != null) {
            return explicit;
        }
        Optional<Path> netrcPath = netrcPath();
        if (netrcPath.isPresent()) {
            NetrcFile file = NetrcFile.read(netrcPath.get());
            try {
                Optional<BasicCredentials> basic = file.basicFor(host, httpAllowed);
                if (basic.isPresent()) {
                    return basic.get();
                }
            } finally {
                file.destroy();
            }
        }
        Optional<Path> cert = certificatePath();
        if (cert.isPresent()) {
            return port.certificate(cert.get());
        }
        return Credentials.ANONYMOUS;
    }

    private Optional<Path> netrcPath() {
        if (netrcFile != null) {
            return Optional.of(netrcFile);
        }
        if (netrc && home != null) {
            return NetrcFile.locate(environment, home);
        }
        return Optional.empty();
    }

    private Optional<Path> certificatePath() {
        if (certificateFile != null) {
            return Optional.of(certificateFile);
        }
        if (proxyCertificate && home != null) {
            Path p = home.resolve(".ssl").resolve("cadcproxy.pem");
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("CredentialChain[");
        if (explicit != null) {
            s.append("explicit ").append(explicit.securityMethods()).append(", ");
        }
        if (netrcFile != null) {
            s.append("netrc ").append(netrcFile).append(", ");
        } else if (netrc) {
            s.append("netrc ($NETRC or ~/.netrc), ");
        }
        if (certificateFile != null) {
            s.append("certificate ").append(certificateFile).append(", ");
        } else if (proxyCertificate) {
            s.append("~/.ssl/cadcproxy.pem, ");
        }
        return s.append("anonymous]").toString();
    }

    /** Collects the steps of a chain. Single-threaded. */
    public static final class Builder {
        private Credentials explicit;
        private boolean netrc;
        private Path netrcFile;
        private boolean proxyCertificate;
        private Path certificateFile;
        private Path home;
        private Map<String, String> environment = Map.of();
        private boolean httpAllowed;

        private Builder() {
        }

        /**
         * Uses these credentials first (and so only these).
         *
         * @param credentials the credentials
         * @return this builder
         */
        public Builder explicit(Credentials credentials) {
            this.explicit = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * Looks in the conventional netrc file ({@code $NETRC} from the environment, else
         * {@code .netrc} in the home directory).
         *
         * @param on whether to
         * @return this builder
         */
        public Builder netrc(boolean on) {
            this.netrc = on;
            return this;
        }

        /**
         * Looks in this netrc file (it must exist when the chain resolves).
         *
         * @param file the file
         * @return this builder
         */
        public Builder netrcFile(Path file) {
            this.netrcFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Looks for {@code .ssl/cadcproxy.pem} in the home directory.
         *
         * @param on whether to
         * @return this builder
         */
        public Builder proxyCertificate(boolean on) {
            this.proxyCertificate = on;
            return this;
        }

        /**
         * Looks in this certificate file (it must exist when the chain resolves).
         *
         * @param file the PEM file
         * @return this builder
         */
        public Builder certificateFile(Path file) {
            this.certificateFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Sets the home directory the conventional files are looked for in.
         *
         * @param home the directory
         * @return this builder
         */
        public Builder home(Path home) {
            this.home = Objects.requireNonNull(home, "home");
            return this;
        }

        /**
         * Sets the environment ({@code NETRC} is read from it).
         *
         * @param environment the variables
         * @return this builder
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
            return this;
        }

        /**
         * Lets netrc credentials go over plain http too (off by default).
         *
         * @param allowed whether http is allowed
         * @return this builder
         */
        public Builder httpAllowed(boolean allowed) {
            this.httpAllowed = allowed;
            return this;
        }

        /**
         * Makes the chain.
         *
         * @return the chain
         */
        public CredentialChain build() {
            return new CredentialChain(this);
        }
    }
}
