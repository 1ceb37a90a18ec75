// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.auth;

import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link AuthPort} makes and scopes credentials: the realm a login cookie is valid for, how
 * long before a certificate expires it warns, which trust store the TLS context built from a
 * certificate uses, the order in which security methods are preferred, and the clock that validity
 * is checked against.
 *
 * <p>Defaults: {@link Realm#cadc()}; a warning 24 hours before expiry; the JDK's default trust
 * store; {@link SecurityPreference#defaults()}; the system clock (UTC); login over https only.
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class AuthSettings {
    private static final AuthSettings DEFAULTS = builder().build();

    private final Realm realm;
    private final Duration expiryWarning;
    private final KeyStore trustStore;
    private final SecurityPreference preference;
    private final Clock clock;
    private final boolean httpLoginAllowed;

    private AuthSettings(Builder b) {
        this.httpLoginAllowed = b.httpLoginAllowed;
        this.realm = b.realm;
        this.expiryWarning = b.expiryWarning;
        this.trustStore = b.trustStore;
        this.preference = b.preference;
        this.clock = b.clock;
    }

    /**
     * The default settings.
     *
     * @return settings with every default
     */
    public static AuthSettings defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a builder with every default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding these settings.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.realm = realm;
        b.expiryWarning = expiryWarning;
        b.trustStore = trustStore;
        b.preference = preference;
        b.clock = clock;
        b.httpLoginAllowed = httpLoginAllowed;
        return b;
    }

    /**
     * The realm that login cookies are scoped to.
     *
     * @return the realm
     */
    public Realm realm() {
        return realm;
    }

    /**
     * How long before a certificate expires loading it logs a warning.
     *
     * @return the period
     */
    public Duration expiryWarning() {
        return expiryWarning;
    }

    /**
     * The trust store for TLS contexts made from certificates.
     *
     * @return the store, or empty for the JDK's default
     */
    public Optional<KeyStore> trustStore() {
        return Optional.ofNullable(trustStore);
    }

    /**
     * The order in which security methods are preferred.
     *
     * @return the preference
     */
    public SecurityPreference preference() {
        return preference;
    }

    /**
     * The clock validity is checked against.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Whether a password may be posted to a plain http login endpoint (off by default: only for
     * loopback tests and private networks).
     *
     * @return true when plain http login is allowed
     */
    public boolean httpLoginAllowed() {
        return httpLoginAllowed;
    }

    @Override
    public String toString() {
        return "AuthSettings[" + realm + (httpLoginAllowed ? ", http login allowed" : "") + ", expiryWarning=" + expiryWarning + ", trust="
                + (trustStore == null ? "default" : "custom") + ", " + preference + "]";
    }

    /** Collects settings. Single-threaded. */
    public static final class Builder {
        private Realm realm = Realm.cadc();
        private Duration expiryWarning = Duration.ofHours(24);
        private KeyStore trustStore;
        private SecurityPreference preference = SecurityPreference.defaults();
        private Clock clock = Clock.systemUTC();
        private boolean httpLoginAllowed;

        private Builder() {
        }

        /**
         * Allows posting a password to a plain http login endpoint. Off by default: anyone on the
         * way could read it.
         *
         * @param allowed whether to allow it
         * @return this builder
         */
        public Builder httpLoginAllowed(boolean allowed) {
            this.httpLoginAllowed = allowed;
            return this;
        }

        /**
         * Sets the realm for login cookies.
         *
         * @param realm the realm
         * @return this builder
         */
        public Builder realm(Realm realm) {
            this.realm = Objects.requireNonNull(realm, "realm");
            return this;
        }

        /**
         * Sets how long before expiry a certificate warns.
         *
         * @param period zero or positive
         * @return this builder
         */
        public Builder expiryWarning(Duration period) {
            Objects.requireNonNull(period, "period");
            if (period.isNegative()) {
                throw new IllegalArgumentException("expiryWarning must not be negative: " + period);
            }
            this.expiryWarning = period;
            return this;
        }

        /**
         * Sets the trust store that TLS contexts made from certificates use.
         *
         * @param trustStore a loaded key store of trusted certificates
         * @return this builder
         */
        public Builder trustStore(KeyStore trustStore) {
            this.trustStore = Objects.requireNonNull(trustStore, "trustStore");
            return this;
        }

        /**
         * Sets the security method preference.
         *
         * @param preference the preference
         * @return this builder
         */
        public Builder preference(SecurityPreference preference) {
            this.preference = Objects.requireNonNull(preference, "preference");
            return this;
        }

        /**
         * Sets the clock validity is checked against.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Makes the settings.
         *
         * @return the settings
         */
        public AuthSettings build() {
            return new AuthSettings(this);
        }
    }
}
