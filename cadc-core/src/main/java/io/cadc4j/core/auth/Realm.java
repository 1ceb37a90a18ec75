// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.auth;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hosts a credential may be sent to: whole DNS domains (a host equal to the domain or ending in
 * {@code "." + domain}) and single hosts (equal only), over https, and over plain http only when the
 * realm says so.
 *
 * <p>CADC's login token names the domains it is valid for; {@link #cadc()} holds them
 * ({@code cadc-ccda.hia-iha.nrc-cnrc.gc.ca} and {@code canfar.net}), so a cookie reaches
 * {@code ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca} and {@code ws-uv.canfar.net}, and redirect targets
 * there, but never {@code evilcanfar.net} or {@code canfar.net.example.org}.
 *
 * <p>A realm may list ports. A request sent to a URI the realm {@linkplain #contains contains} gets
 * the credential on any port; a <em>redirect</em> to another origin (scheme, host or port) gets it
 * only when the realm {@linkplain #admitsRedirectTo names that origin explicitly}: one of its ports,
 * or, when it lists none, the scheme's default port (so CADC's realm is https on 443, and a
 * redirect from {@code 127.0.0.1:9404} to {@code 127.0.0.1:9402} carries nothing).
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class Realm {
    private static final Realm CADC = builder().domain("cadc-ccda.hia-iha.nrc-cnrc.gc.ca").domain("canfar.net").build();

    private final Set<String> domains;
    private final Set<String> hosts;
    private final boolean httpAllowed;
    private final Set<Integer> ports;

    private Realm(Builder b) {
        this.domains = Set.copyOf(b.domains);
        this.hosts = Set.copyOf(b.hosts);
        this.httpAllowed = b.httpAllowed;
        this.ports = Set.copyOf(b.ports);
    }

    /**
     * CADC's realm: the domains {@code cadc-ccda.hia-iha.nrc-cnrc.gc.ca} and {@code canfar.net},
     * https only.
     *
     * @return the CADC realm
     */
    public static Realm cadc() {
        return CADC;
    }

    /**
     * A realm of whole domains, https only.
     *
     * @param domains one or more DNS domains, e.g. {@code canfar.net}
     * @return the realm
     */
    public static Realm ofDomains(String... domains) {
        Objects.requireNonNull(domains, "domains");
        Builder b = builder();
        for (String d : domains) {
            b.domain(d);
        }
        return b.build();
    }

    /**
     * A realm of one host and nothing below it, https only; what a netrc {@code machine} entry means.
     *
     * @param host the host name or address
     * @return the realm
     */
    public static Realm ofHost(String host) {
        return builder().host(host).build();
    }

    /**
     * Starts an empty builder (an empty realm contains nothing).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this realm.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.domains.addAll(domains);
        b.hosts.addAll(hosts);
        b.httpAllowed = httpAllowed;
        b.ports.addAll(ports);
        return b;
    }

    /**
     * Whether a request to this URI may carry the credential.
     *
     * @param target an absolute URI
     * @return true when its scheme is https (or http, if allowed) and its host is in the realm
     */
    public boolean contains(URI target) {
        Objects.requireNonNull(target, "target");
        String scheme = target.getScheme();
        if (scheme == null || target.getHost() == null) {
            return false;
        }
        if (!("https".equalsIgnoreCase(scheme) || httpAllowed && "http".equalsIgnoreCase(scheme))) {
            return false;
        }
        return containsHost(target.getHost());
    }

    /**
     * Whether a redirect to another origin may carry the credential to this URI: the realm
     * {@linkplain #contains contains} it, and its port is one the realm lists or, when the realm
     * lists none, the default port of its scheme (443 for https, 80 for http).
     *
     * @param target an absolute URI
     * @return true when the realm names the target's origin explicitly
     */
    public boolean admitsRedirectTo(URI target) {
        if (!contains(target)) {
            return false;
        }
        int port = target.getPort() >= 0 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        if (ports.isEmpty()) {
            return port == ("https".equalsIgnoreCase(target.getScheme()) ? 443 : 80);
        }
        return ports.contains(port);
    }

    /**
     * The ports listed, if any.
     *
     * @return the ports; empty means the scheme's default port for redirects
     */
    public Set<Integer> ports() {
        return ports;
    }

    /**
     * Whether a host is in the realm, whatever the scheme.
     *
     * @param host a host name or address
     * @return true when it equals one of the hosts or domains, or ends in {@code "." + domain}
     */
    public boolean containsHost(String host) {
        String h = normalise(Objects.requireNonNull(host, "host"));
        if (h.isEmpty()) {
            return false;
        }
        if (hosts.contains(h) || domains.contains(h)) {
            return true;
        }
        for (String d : domains) {
            if (h.endsWith("." + d)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The domains, lower case.
     *
     * @return the domains; may be empty
     */
    public Set<String> domains() {
        return domains;
    }

    /**
     * The single hosts, lower case.
     *
     * @return the hosts; may be empty
     */
    public Set<String> hosts() {
        return hosts;
    }

    /**
     * Whether plain http targets are allowed (for loopback tests and private networks).
     *
     * @return true when http is allowed besides https
     */
    public boolean httpAllowed() {
        return httpAllowed;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Realm)) {
            return false;
        }
        Realm r = (Realm) o;
        return r.domains.equals(domains) && r.hosts.equals(hosts) && r.httpAllowed == httpAllowed
                && r.ports.equals(ports);
    }

    @Override
    public int hashCode() {
        return Objects.hash(domains, hosts, httpAllowed, ports);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Realm[");
        domains.stream().sorted().forEach(d -> s.append("*.").append(d).append(' '));
        hosts.stream().sorted().forEach(h -> s.append(h).append(' '));
        s.append(httpAllowed ? "http+https" : "https");
        if (!ports.isEmpty()) {
            s.append(" ports ").append(new TreeSet<>(ports));
        }
        return s.append(']').toString();
    }

    private static String normalise(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        // A fully qualified name may end in a dot; it names the same host.
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** Collects domains and hosts. Single-threaded. */
    public static final class Builder {
        private final Set<String> domains = new LinkedHashSet<>();
        private final Set<String> hosts = new LinkedHashSet<>();
        private boolean httpAllowed;
        private final Set<Integer> ports = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * Lists a port that a redirect may carry the credential to (besides the request's own
         * origin). With none listed, the scheme's default port.
         *
         * @param port 1 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            ports.add(port);
            return this;
        }

        /**
         * Adds a domain: the host itself and every host below it.
         *
         * @param domain a DNS domain such as {@code canfar.net}; a leading dot is ignored
         * @return this builder
         */
        public Builder domain(String domain) {
            String d = check(domain, "domain");
            domains.add(d.startsWith(".") ? d.substring(1) : d);
            return this;
        }

        /**
         * Adds one host, and nothing below it.
         *
         * @param host a host name or address
         * @return this builder
         */
        public Builder host(String host) {
            hosts.add(check(host, "host"));
            return this;
        }

        /**
         * Allows plain http targets as well as https. Off by default: a credential sent over http
         * can be read by anyone on the way.
         *
         * @param allowed whether http is allowed
         * @return this builder
         */
        public Builder httpAllowed(boolean allowed) {
            this.httpAllowed = allowed;
            return this;
        }

        /**
         * Makes the realm.
         *
         * @return the realm
         */
        public Realm build() {
            return new Realm(this);
        }

        private static String check(String name, String what) {
            Objects.requireNonNull(name, what);
            String n = normalise(name);
            if (n.isEmpty() || n.equals(".") || n.contains("/") || n.contains(":") && !n.startsWith("[")
                    || n.chars().anyMatch(c -> c <= ' ' || c == '@' || c == '*')) {
                throw new IllegalArgumentException("not a " + what + " name: '" + name + "'");
            }
            return n;
        }
    }
}
